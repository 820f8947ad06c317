/* eslint-disable @typescript-eslint/no-unsafe-assignment -- jest's asymmetric matchers are typed any */
/**
 * Companies (issue 31): two companies drive the same order ids through the API and nothing
 * crosses; credentials pick their company (X-Company, COMPANY_REQUIRED); platform roles; company
 * service tokens stored hashed, created and revoked by the company's admin.
 */
import request from 'supertest';
import { companyKey } from '../../src/workflows/searchAttributes';
import { newInquiry, uniqueOrderId } from '../../harness/orderFixtures';
import { bearer, startStack, TOKENS, type Stack } from '../../harness/stack';
import { eventually } from '../../harness/temporal';
import { expectError } from './helpers';

let stack: Stack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(async () => {
  await stack?.close();
});

const as = (token: string, company?: string) => ({
  ...bearer(token),
  ...(company ? { 'X-Company': company } : {}),
});

async function create(token: string, orderId: string, buyer: string) {
  const body = {
    orderId,
    ...newInquiry({ customer: { name: 'Jane', company: buyer, email: 'jane@buyer.example', country: 'DE' } }),
  };
  const res = await request(stack.app).post('/orders').set(bearer(token)).send(body);
  expect(res.status).toBe(201);
  return res.body as { orderId: string; links: { temporalUi: string } };
}

describe('two companies, the same order ids', () => {
  const shared = uniqueOrderId('PO-SAME');
  const acmeOnly = uniqueOrderId('PO-ACME');

  beforeAll(async () => {
    await create(TOKENS.acmeOps, shared, 'Buyer of Acme');
    await create(TOKENS.globexOps, shared, 'Buyer of Globex');
    await create(TOKENS.acmeOps, acmeOnly, 'Buyer of Acme');
    await request(stack.app)
      .post(`/orders/${acmeOnly}/events`)
      .set(bearer(TOKENS.acmeOps))
      .send({ type: 'NOTE_ADDED', text: 'only Acme knows this' })
      .expect(200);
  });

  it('each company reads its own order under the shared id; the workflow ids differ', async () => {
    const acme = await request(stack.app).get(`/orders/${shared}`).set(bearer(TOKENS.acmeViewer));
    const globex = await request(stack.app).get(`/orders/${shared}`).set(bearer(TOKENS.globexOps));
    expect(acme.body).toMatchObject({ orderId: shared, customer: { company: 'Buyer of Acme' } });
    expect(globex.body).toMatchObject({ orderId: shared, customer: { company: 'Buyer of Globex' } });
    expect((acme.body as { links: { temporalUi: string } }).links.temporalUi).toContain(
      encodeURIComponent(`acme:${shared}`),
    );
    const client = await stack.temporal.getClient();
    for (const company of ['acme', 'globex']) {
      const described = await client.workflow.getHandle(`${company}:${shared}`).describe();
      expect(described.typedSearchAttributes.get(companyKey)).toBe(company);
    }
  });

  it("another company's order id answers 404 in every route", async () => {
    const id = acmeOnly;
    const reads = [
      `/orders/${id}`,
      `/orders/${id}/timeline`,
      `/orders/${id}/emails`,
      `/orders/${id}/documents`,
      `/orders/${id}/attachments`,
      `/orders/${id}/documents/proforma-invoice.pdf`,
    ];
    for (const path of reads) {
      const res = await request(stack.app).get(path).set(bearer(TOKENS.globexOps));
      expect({ path, status: res.status }).toEqual({ path, status: 404 });
    }
    const writes: [string, object][] = [
      [`/orders/${id}/events`, { type: 'NOTE_ADDED', text: 'from Globex' }],
      [`/orders/${id}/tracking-link`, {}],
      [`/orders/${id}/tracking-link/revoke`, {}],
    ];
    for (const [path, body] of writes) {
      const res = await request(stack.app).post(path).set(bearer(TOKENS.globexOps)).send(body);
      expect({ path, status: res.status }).toEqual({ path, status: 404 });
    }
    // A default-company viewer, whose role could not post events, still gets 404 (not 403).
    expectError(
      await request(stack.app)
        .post(`/orders/${id}/events`)
        .set(bearer(TOKENS.viewer))
        .send({ type: 'NOTE_ADDED', text: 'x' }),
      404,
      'ORDER_NOT_FOUND',
    );
  });

  it('lists, search, reports and exports hold only the caller’s company', async () => {
    const list = await request(stack.app).get('/orders?pageSize=200').set(bearer(TOKENS.globexOps));
    const ids = (list.body as { orders: { orderId: string; customer: { company: string } }[] }).orders;
    expect(ids.map((o) => o.orderId)).toContain(shared);
    expect(ids.map((o) => o.orderId)).not.toContain(acmeOnly);
    expect(ids.every((o) => o.customer.company !== 'Buyer of Acme')).toBe(true);
    const search = await request(stack.app).get(`/orders?q=${acmeOnly}`).set(bearer(TOKENS.globexOps));
    expect((search.body as { orders: unknown[] }).orders).toEqual([]);
    const csv = await request(stack.app).get('/reports/receivables?format=csv').set(bearer(TOKENS.globexOps));
    expect(csv.status).toBe(200);
    expect(csv.text).not.toContain('Buyer of Acme');
    const xlsx = await request(stack.app).get('/orders?format=xlsx').set(bearer(TOKENS.globexOps));
    expect(xlsx.status).toBe(200);
    // The default company sees neither.
    const mine = await request(stack.app).get(`/orders?q=${shared}`).set(bearer(TOKENS.viewer));
    expect((mine.body as { orders: unknown[] }).orders).toEqual([]);
  });

  it("a customer manager writes a template's guidance, which only a manager may otherwise change", async () => {
    const template = `guided-${Date.now().toString(36)}`;
    const created = await request(stack.app)
      .put(`/templates/${template}`)
      .set(as(TOKENS.acmeManager))
      .send({ sampleRequired: false, guidance: { QUOTATION_SENT: 'quote FOB Ningbo' } });
    expect(created.status).toBe(201);
    const guidance = { QUOTATION_SENT: 'quote FOB Ningbo and CIF Hamburg', CONTRACT_SIGNED: 'check 43P' };
    const written = await request(stack.app)
      .put(`/templates/${template}/guidance`)
      .set(as(TOKENS.customerManager, 'acme'))
      .send({ guidance });
    expect(written.status).toBe(200);
    expect(written.body).toMatchObject({
      version: 2,
      createdBy: 'carol',
      body: { sampleRequired: false, guidance },
    });
    expectError(
      await request(stack.app)
        .put(`/templates/${template}/guidance`)
        .set(as(TOKENS.acmeOps))
        .send({ guidance }),
      403,
      'FORBIDDEN',
    );
    // Another company's template is not there for it.
    expectError(
      await request(stack.app)
        .put(`/templates/${template}/guidance`)
        .set(as(TOKENS.customerManager, 'globex'))
        .send({ guidance }),
      404,
      'TEMPLATE_NOT_FOUND',
    );
  });

  it('a customer manager of both picks one with X-Company, reads it, writes notes and no trade events', async () => {
    expectError(
      await request(stack.app).get('/orders').set(as(TOKENS.customerManager)),
      400,
      'COMPANY_REQUIRED',
    );
    const acme = await request(stack.app).get(`/orders/${shared}`).set(as(TOKENS.customerManager, 'acme'));
    expect(acme.body).toMatchObject({ customer: { company: 'Buyer of Acme' } });
    const globex = await request(stack.app)
      .get(`/orders/${shared}`)
      .set(as(TOKENS.customerManager, 'globex'));
    expect(globex.body).toMatchObject({ customer: { company: 'Buyer of Globex' } });
    expectError(
      await request(stack.app).get(`/orders/${shared}`).set(as(TOKENS.customerManager, 'default')),
      404,
      'COMPANY_NOT_FOUND',
    );
    const note = await request(stack.app)
      .post(`/orders/${shared}/events`)
      .set(as(TOKENS.customerManager, 'globex'))
      .send({ type: 'NOTE_ADDED', text: 'key point: book the vessel early' });
    expect(note.status).toBe(200);
    // Every timeline entry names the person: actor and actorId (the timeline is the read model's,
    // a moment behind the answer).
    const entries = await eventually(async () => {
      const timeline = await request(stack.app)
        .get(`/orders/${shared}/timeline`)
        .set(as(TOKENS.customerManager, 'globex'));
      const found = (timeline.body as { entries?: { type: string; actor: string; actorId: string }[] })
        .entries;
      return found?.some((e) => e.type === 'NOTE_ADDED') ? found : undefined;
    });
    expect(entries.find((e) => e.type === 'NOTE_ADDED')).toMatchObject({
      actor: 'carol',
      actorId: 'token:carol',
    });
    expect(entries.find((e) => e.type === 'ORDER_CREATED')).toMatchObject({
      actor: 'gus',
      actorId: 'token:gus',
    });
    expect(
      (note.body as { timeline: { actorId?: string }[] }).timeline.every(
        (e) => typeof e.actorId === 'string',
      ),
    ).toBe(true);
    expectError(
      await request(stack.app)
        .post(`/orders/${shared}/events`)
        .set(as(TOKENS.customerManager, 'globex'))
        .send({ type: 'QUOTATION_DECLINED', reason: 'no' }),
      403,
      'FORBIDDEN',
    );
  });
});

describe('who is calling', () => {
  it('GET /me names the companies and roles', async () => {
    const me = await request(stack.app).get('/me').set(bearer(TOKENS.customerManager));
    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({
      id: 'token:carol',
      name: 'carol',
      platformRole: 'customer-manager',
      companies: [
        { id: 'acme', name: 'acme', role: 'customer-manager' },
        { id: 'globex', name: 'globex', role: 'customer-manager' },
      ],
    });
    const ops = await request(stack.app).get('/me').set(bearer(TOKENS.ops));
    expect(ops.body).toMatchObject({
      name: 'alice',
      role: 'ops',
      companies: [{ id: 'default', role: 'ops' }],
    });
  });

  it('companies: a platform admin creates and lists them and reads no orders; a customer manager lists theirs', async () => {
    const id = `co-${Date.now().toString(36)}`;
    const created = await request(stack.app)
      .post('/companies')
      .set(bearer(TOKENS.platform))
      .send({ id, name: 'New Co' });
    expect(created.status).toBe(201);
    expectError(
      await request(stack.app).post('/companies').set(bearer(TOKENS.platform)).send({ id, name: 'Again' }),
      409,
      'COMPANY_EXISTS',
    );
    expectError(
      await request(stack.app)
        .post('/companies')
        .set(bearer(TOKENS.platform))
        .send({ id: 'Bad Id', name: 'x' }),
      400,
      'VALIDATION_FAILED',
    );
    const all = await request(stack.app).get('/companies').set(bearer(TOKENS.platform));
    expect((all.body as { companies: { id: string }[] }).companies.map((c) => c.id)).toEqual(
      expect.arrayContaining(['default', 'acme', 'globex', id]),
    );
    const mine = await request(stack.app).get('/companies').set(bearer(TOKENS.customerManager));
    expect((mine.body as { companies: { id: string }[] }).companies.map((c) => c.id)).toEqual([
      'acme',
      'globex',
    ]);
    expectError(await request(stack.app).get('/companies').set(bearer(TOKENS.ops)), 403, 'FORBIDDEN');
    expectError(
      await request(stack.app)
        .post('/companies')
        .set(bearer(TOKENS.customerManager))
        .send({ id: 'zz', name: 'z' }),
      403,
      'FORBIDDEN',
    );
    expectError(await request(stack.app).get('/orders').set(bearer(TOKENS.platform)), 403, 'FORBIDDEN');
  });

  it('/metrics is for the platform: a company token gets 403', async () => {
    expect((await request(stack.app).get('/metrics').set(bearer(TOKENS.platform))).status).toBe(200);
    expectError(await request(stack.app).get('/metrics').set(bearer(TOKENS.viewer)), 403, 'FORBIDDEN');
  });
});

describe('company tokens', () => {
  it('an admin creates one (shown once, stored hashed), it works for its company only, and revoked it is 401', async () => {
    expectError(
      await request(stack.app)
        .post('/company/tokens')
        .set(bearer(TOKENS.manager))
        .send({ name: 'erp', role: 'ops' }),
      403,
      'FORBIDDEN',
    );
    const created = await request(stack.app)
      .post('/company/tokens')
      .set(bearer(TOKENS.admin))
      .send({ name: 'erp', role: 'viewer' });
    expect(created.status).toBe(201);
    const { id, token } = created.body as { id: string; token: string };
    expect(token).toMatch(/^odt_/);
    const listed = await request(stack.app).get('/company/tokens').set(bearer(TOKENS.admin));
    expect(JSON.stringify(listed.body)).not.toContain(token);
    expect((listed.body as { tokens: { id: string }[] }).tokens.map((t) => t.id)).toContain(id);

    expect((await request(stack.app).get('/orders').set(bearer(token))).status).toBe(200);
    expect((await request(stack.app).get('/me').set(bearer(token))).body).toMatchObject({
      name: 'erp',
      companies: [{ id: 'default', role: 'viewer' }],
    });
    expectError(
      await request(stack.app)
        .post('/orders')
        .set(bearer(token))
        .send({ ...newInquiry() }),
      403,
      'FORBIDDEN',
    );
    // Another company's admin cannot revoke it.
    expect(
      (await request(stack.app).delete(`/company/tokens/${id}`).set(bearer(TOKENS.acmeOps))).status,
    ).toBe(403);
    expect((await request(stack.app).delete(`/company/tokens/${id}`).set(bearer(TOKENS.admin))).status).toBe(
      204,
    );
    expectError(await request(stack.app).get('/orders').set(bearer(token)), 401, 'UNAUTHENTICATED');
  });

  it('an admin adds people to the company; a platform admin assigns a customer manager', async () => {
    const added = await request(stack.app)
      .put('/company/members/sub-123')
      .set(bearer(TOKENS.admin))
      .send({ name: 'Liu Yang', email: 'liu.yang@exporter.example', role: 'ops' });
    expect(added.status).toBe(200);
    const members = await request(stack.app).get('/company/members').set(bearer(TOKENS.admin));
    expect((members.body as { members: unknown[] }).members).toContainEqual({
      subject: 'sub-123',
      name: 'Liu Yang',
      email: 'liu.yang@exporter.example',
      role: 'ops',
    });
    expectError(
      await request(stack.app)
        .put('/company/members/x')
        .set(bearer(TOKENS.manager))
        .send({ name: 'X', role: 'admin' }),
      403,
      'FORBIDDEN',
    );
    const assigned = await request(stack.app)
      .put('/companies/acme/customer-managers/cm-9')
      .set(bearer(TOKENS.platform))
      .send({ name: 'Sun Li', email: 'sun.li@platform.example' });
    expect(assigned.status).toBe(200);
    expect(await stack.readModel.memberships('cm-9')).toEqual([
      { company: 'acme', companyName: expect.any(String), role: 'customer-manager' },
    ]);
    expectError(
      await request(stack.app)
        .put('/companies/nowhere/customer-managers/cm-9')
        .set(bearer(TOKENS.platform))
        .send({ name: 'S', email: 's@p.example' }),
      404,
      'COMPANY_NOT_FOUND',
    );
  });

  it('GET /company answers the default company its configured profile; PUT stores a new one', async () => {
    const got = await request(stack.app).get('/company').set(bearer(TOKENS.admin));
    expect(got.status).toBe(200);
    expect(got.body).toMatchObject({ id: 'default', profile: { name: expect.any(String) } });
    const profile = {
      name: 'Ningbo Lights Co., Ltd.',
      address: 'No. 1 Harbour Road, Ningbo',
      timeZone: 'Asia/Shanghai',
    };
    expect(
      (await request(stack.app).put('/company').set(bearer(TOKENS.admin)).send({ profile })).status,
    ).toBe(200);
    expect((await request(stack.app).get('/company').set(bearer(TOKENS.admin))).body).toMatchObject({
      profile,
    });
    expectError(
      await request(stack.app)
        .put('/company')
        .set(bearer(TOKENS.admin))
        .send({ profile: { ...profile, extra: 1 } }),
      400,
      'VALIDATION_FAILED',
    );
  });
});
