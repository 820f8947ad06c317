/**
 * Customers as records (issue 33) over a real API, worker and PostgreSQL: create, find duplicates,
 * read with the customer's orders and exposure, replace; roles and companies; orders linked by id
 * or by the inline customer; the credit limit at CONTRACT_SIGNED (one of two contracts signed at
 * once fits); the company's rebate rates reaching REBATE_DOCUMENTS_RECORDED.
 */
import request from 'supertest';
import type { OrderEventInput, OrderView } from '../../src/domain';
import { fullLife, newInquiry, shippingTermsLife, uniqueOrderId } from '../../harness/orderFixtures';
import { bearer, startStack, TOKENS, type Stack } from '../../harness/stack';
import { eventually } from '../../harness/temporal';
import { expectError, orderWhen, sendEvent } from './helpers';

let stack: Stack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(async () => {
  await stack?.close();
});

const usd = (amount: string) => ({ amount, currency: 'USD' });
let serial = 0;
/** A customer body no other test uses. */
function customer(extra: Record<string, unknown> = {}) {
  serial += 1;
  const key = `${Date.now().toString(36)}${serial}`;
  return {
    company: `Buyer ${key} GmbH`,
    email: `buyer-${key}@buyer.example`,
    country: 'DE',
    contacts: [{ name: 'Jane Doe', email: `jane-${key}@buyer.example`, phone: '+49 40 1234' }],
    addresses: [{ kind: 'BILLING', text: 'Speicherstadt 1\n20457 Hamburg', country: 'DE' }],
    ...extra,
  };
}

async function createCustomer(token: string, body: Record<string, unknown>): Promise<{ id: string }> {
  const res = await request(stack.app).post('/customers').set(bearer(token)).send(body);
  expect({ status: res.status, body: res.status === 201 ? null : (res.body as unknown) }).toEqual({
    status: 201,
    body: null,
  });
  return res.body as { id: string };
}

async function createOrderFor(token: string, body: Record<string, unknown>): Promise<OrderView> {
  const res = await request(stack.app)
    .post('/orders')
    .set(bearer(token))
    .send({ orderId: uniqueOrderId('PO-CUST'), ...body });
  expect({ status: res.status, body: res.status === 201 ? null : (res.body as unknown) }).toEqual({
    status: 201,
    body: null,
  });
  return res.body as OrderView;
}

/** Sends events in turn, each once the order offers it. */
async function walk(orderId: string, events: OrderEventInput[], token: string = TOKENS.acmeOps) {
  for (const event of events) {
    await eventually(async () => {
      const res = await request(stack.app).get(`/orders/${orderId}`).set(bearer(token));
      return (res.body as OrderView).allowedEvents?.includes(event.type) ? true : undefined;
    });
    const res = await sendEvent(stack.app, orderId, event, token);
    const body: unknown = res.status === 200 ? null : res.body;
    expect({ event: event.type, status: res.status, body }).toEqual({
      event: event.type,
      status: 200,
      body: null,
    });
  }
}

/** Up to the contract, quoted on open account. */
const toContract: OrderEventInput[] = [
  { ...fullLife.quotation, paymentTerms: { method: 'OA', depositPercent: 0 } },
  { type: 'QUOTATION_ACCEPTED', sampleRequired: false },
];
const oaContract = (contractNo: string, amount: string): OrderEventInput => ({
  type: 'CONTRACT_SIGNED',
  contractNo,
  totalAmount: usd(amount),
  paymentPlan: { depositPercent: 0, tenorDays: 30 },
});

describe('customer records', () => {
  it('creates, finds duplicates by normalised company name and by email, reads and replaces', async () => {
    const body = customer({ companyLocal: '汉堡买家' });
    const created = await createCustomer(TOKENS.acmeOps, body);
    expect(created).toMatchObject({
      id: expect.stringMatching(/^C-[A-Z0-9]{10}$/) as unknown,
      company: body.company,
      language: 'en',
      creditLimit: null,
      insurance: null,
    });

    const sameName = await request(stack.app)
      .post('/customers')
      .set(bearer(TOKENS.acmeOps))
      .send({ ...customer(), company: body.company.replace(' GmbH', ', gmbh.').toUpperCase() });
    expect(expectError(sameName, 409, 'CUSTOMER_EXISTS').details).toEqual({ customerId: created.id });
    const sameEmail = await request(stack.app)
      .post('/customers')
      .set(bearer(TOKENS.acmeOps))
      .send({ ...customer(), email: body.email.toUpperCase() });
    expect(expectError(sameEmail, 409, 'CUSTOMER_EXISTS').details).toEqual({ customerId: created.id });

    const list = await request(stack.app)
      .get('/customers')
      .query({ q: body.company.slice(6, 14) })
      .set(bearer(TOKENS.acmeViewer));
    expect(list.status).toBe(200);
    expect((list.body as { customers: { id: string }[] }).customers.map((c) => c.id)).toEqual([created.id]);

    const put = await request(stack.app)
      .put(`/customers/${created.id}`)
      .set(bearer(TOKENS.acmeOps))
      .send({ ...body, language: 'zh-CN', defaultTerms: { incoterm: 'FOB', paymentMethod: 'TT' } });
    expect(put.status).toBe(200);
    const read = await request(stack.app).get(`/customers/${created.id}`).set(bearer(TOKENS.acmeViewer));
    expect(read.body).toMatchObject({
      id: created.id,
      language: 'zh-CN',
      defaultTerms: { incoterm: 'FOB', paymentMethod: 'TT' },
      orders: [],
      outstanding: [],
      credit: null,
    });
  });

  it('keeps client-given ids, refuses bad bodies with 400 and unknown ids with 404', async () => {
    const id = `ACME-${Date.now()}`;
    await createCustomer(TOKENS.acmeOps, { ...customer(), id });
    const again = await request(stack.app)
      .post('/customers')
      .set(bearer(TOKENS.acmeOps))
      .send({ ...customer(), id });
    expect(expectError(again, 409, 'CUSTOMER_EXISTS').details).toEqual({ customerId: id });
    const bad = await request(stack.app)
      .post('/customers')
      .set(bearer(TOKENS.acmeOps))
      .send({
        ...customer(),
        contacts: Array.from({ length: 21 }, () => ({ name: 'x', email: 'x@y.example' })),
      });
    expectError(bad, 400, 'VALIDATION_FAILED');
    // A control character in an address (PostgreSQL's jsonb cannot hold a NUL) is the client's 400.
    const nul = await request(stack.app)
      .post('/customers')
      .set(bearer(TOKENS.acmeOps))
      .send({ ...customer(), addresses: [{ kind: 'NOTIFY', text: 'Hafen\u0000strasse 1', country: 'DE' }] });
    expect(expectError(nul, 400, 'VALIDATION_FAILED').details).toEqual([
      expect.objectContaining({ path: 'addresses.0.text' }),
    ]);
    // So is one in the search text.
    const nulSearch = await request(stack.app).get('/customers?q=%00').set(bearer(TOKENS.acmeViewer));
    expect(expectError(nulSearch, 400, 'VALIDATION_FAILED').details).toEqual([
      expect.objectContaining({ path: 'q' }),
    ]);
    expectError(
      await request(stack.app).get('/customers/C-NOSUCHONE').set(bearer(TOKENS.acmeViewer)),
      404,
      'CUSTOMER_NOT_FOUND',
    );
  });

  it('lets only a manager set or change the credit limit and insurance; viewers only read', async () => {
    const limited = { creditLimit: usd('10000.00') };
    expectError(
      await request(stack.app).post('/customers').set(bearer(TOKENS.acmeOps)).send(customer(limited)),
      403,
      'FORBIDDEN',
    );
    expectError(
      await request(stack.app).post('/customers').set(bearer(TOKENS.acmeViewer)).send(customer()),
      403,
      'FORBIDDEN',
    );
    const withoutCredit = customer();
    const body = { ...withoutCredit, ...limited };
    const { id } = await createCustomer(TOKENS.acmeManager, body);
    // Ops may edit the rest: left out, the credit terms stay; changed, they are the manager's.
    const edit = await request(stack.app)
      .put(`/customers/${id}`)
      .set(bearer(TOKENS.acmeOps))
      .send({ ...withoutCredit, country: 'AT' });
    expect(edit.body).toMatchObject({ country: 'AT', creditLimit: usd('10000.00') });
    expectError(
      await request(stack.app)
        .put(`/customers/${id}`)
        .set(bearer(TOKENS.acmeOps))
        .send({ ...body, creditLimit: usd('90000.00') }),
      403,
      'FORBIDDEN',
    );
    const insured = await request(stack.app)
      .put(`/customers/${id}`)
      .set(bearer(TOKENS.acmeManager))
      .send({
        ...body,
        insurance: { insurer: 'Sinosure', policyNo: 'SIN-1', limit: usd('8000.00'), declarationDays: 15 },
      });
    expect(insured.status).toBe(200);
    expect(insured.body).toMatchObject({ insurance: { insurer: 'Sinosure' } });
  });

  it("keeps each company's customers to itself", async () => {
    const { id } = await createCustomer(TOKENS.acmeOps, customer());
    expectError(
      await request(stack.app).get(`/customers/${id}`).set(bearer(TOKENS.globexOps)),
      404,
      'CUSTOMER_NOT_FOUND',
    );
    const list = await request(stack.app).get('/customers').set(bearer(TOKENS.globexOps));
    expect((list.body as { customers: { id: string }[] }).customers.map((c) => c.id)).not.toContain(id);
    expectError(
      await request(stack.app).put(`/customers/${id}`).set(bearer(TOKENS.globexOps)).send(customer()),
      404,
      'CUSTOMER_NOT_FOUND',
    );
    // Another company's customer is no customer to link an order to.
    const order = await request(stack.app)
      .post('/orders')
      .set(bearer(TOKENS.globexOps))
      .send({ ...withoutCustomer(), customerId: id });
    expect(expectError(order, 400, 'VALIDATION_FAILED').details).toEqual([
      expect.objectContaining({ path: 'customerId' }),
    ]);
  });
});

function withoutCustomer() {
  const { customer: _customer, ...rest } = newInquiry();
  return rest;
}

describe('orders and customer records', () => {
  it('creates an order from a customerId, with the record as its customer', async () => {
    const body = customer({ language: 'zh-CN' });
    const { id } = await createCustomer(TOKENS.acmeOps, body);
    const order = await createOrderFor(TOKENS.acmeOps, { ...withoutCustomer(), customerId: id });
    expect(order).toMatchObject({
      customerId: id,
      customer: { company: body.company, email: body.email, name: 'Jane Doe', language: 'zh-CN' },
    });
    await eventually(async () => {
      const res = await request(stack.app).get(`/customers/${id}`).set(bearer(TOKENS.acmeViewer));
      const orders = (res.body as { orders: { orderId: string }[] }).orders;
      return orders.some((o) => o.orderId === order.orderId) ? true : undefined;
    });
  });

  it('links an inline customer to the matching record, or creates one; a retried create is the same order', async () => {
    const body = customer();
    const { id } = await createCustomer(TOKENS.acmeOps, body);
    const inline = { name: 'Jane Doe', company: body.company, email: body.email, country: 'DE' };
    const order = await createOrderFor(TOKENS.acmeOps, { ...newInquiry({ customer: inline }) });
    expect(order.customerId).toBe(id);

    const fresh = customer();
    const orderId = uniqueOrderId('PO-CUST');
    const newBody = {
      orderId,
      ...newInquiry({ customer: { name: 'Max', company: fresh.company, email: fresh.email, country: 'FR' } }),
    };
    const first = await request(stack.app).post('/orders').set(bearer(TOKENS.acmeOps)).send(newBody);
    expect(first.status).toBe(201);
    const linked = (first.body as OrderView).customerId;
    expect(linked).toMatch(/^C-/);
    const record = await request(stack.app).get(`/customers/${linked}`).set(bearer(TOKENS.acmeViewer));
    expect(record.body).toMatchObject({ company: fresh.company, country: 'FR', contacts: [{ name: 'Max' }] });
    const retried = await request(stack.app).post('/orders').set(bearer(TOKENS.acmeOps)).send(newBody);
    expect(retried.status).toBe(200);
    expect((retried.body as OrderView).customerId).toBe(linked);
  });

  it('refuses both or neither of customer and customerId, and an unknown customerId, with 400', async () => {
    for (const body of [
      { ...newInquiry(), customerId: 'C-WHATEVER' },
      withoutCustomer(),
      { ...withoutCustomer(), customerId: 'C-NOSUCHONE' },
    ]) {
      const res = await request(stack.app).post('/orders').set(bearer(TOKENS.acmeOps)).send(body);
      expectError(res, 400, 'VALIDATION_FAILED');
    }
  });
});

describe('the credit limit at CONTRACT_SIGNED', () => {
  it('refuses an OA contract beyond the limit until a manager approves the credit', async () => {
    const { id } = await createCustomer(TOKENS.acmeManager, customer({ creditLimit: usd('40000.00') }));
    const first = await createOrderFor(TOKENS.acmeOps, { ...withoutCustomer(), customerId: id });
    const second = await createOrderFor(TOKENS.acmeOps, { ...withoutCustomer(), customerId: id });
    await walk(first.orderId, [...toContract, oaContract('C-OA-1', '25000.00')]);
    await walk(second.orderId, toContract);

    const refused = await sendEvent(
      stack.app,
      second.orderId,
      oaContract('C-OA-2', '20000.00'),
      TOKENS.acmeOps,
    );
    expect(expectError(refused, 409, 'CREDIT_LIMIT_EXCEEDED').message).toMatch(/credit limit/);
    // The exposure the customer page shows: the first contract, open on OA.
    const page = await eventually(async () => {
      const res = await request(stack.app).get(`/customers/${id}`).set(bearer(TOKENS.acmeViewer));
      const body = res.body as { credit: { exposure: { amount: string } } | null };
      return body.credit?.exposure.amount === '25000.00' ? body : undefined;
    });
    expect(page).toMatchObject({ credit: { creditLimit: usd('40000.00'), insuredLimit: null } });

    expectError(
      await sendEvent(
        stack.app,
        second.orderId,
        { type: 'CREDIT_APPROVED', reason: 'long-standing buyer' },
        TOKENS.acmeOps,
      ),
      403,
      'FORBIDDEN',
    );
    const approved = await sendEvent(
      stack.app,
      second.orderId,
      { type: 'CREDIT_APPROVED', reason: 'long-standing buyer' },
      TOKENS.acmeManager,
    );
    expect(approved.status).toBe(200);
    const signed = await sendEvent(
      stack.app,
      second.orderId,
      oaContract('C-OA-2', '20000.00'),
      TOKENS.acmeOps,
    );
    expect(signed.status).toBe(200);
  }, 90_000);

  it('lets only one of two contracts signed at the same moment slip under the limit', async () => {
    const { id } = await createCustomer(TOKENS.acmeManager, customer({ creditLimit: usd('30000.00') }));
    const orders = await Promise.all(
      [0, 1].map(() => createOrderFor(TOKENS.acmeOps, { ...withoutCustomer(), customerId: id })),
    );
    await Promise.all(orders.map((o) => walk(o.orderId, toContract)));
    const answers = await Promise.all(
      orders.map((o, i) =>
        sendEvent(stack.app, o.orderId, oaContract(`C-RACE-${i}`, '20000.00'), TOKENS.acmeOps),
      ),
    );
    expect(answers.map((r) => r.status).sort()).toEqual([200, 409]);
    const refused = answers.find((r) => r.status === 409);
    expect(refused && expectError(refused, 409, 'CREDIT_LIMIT_EXCEEDED')).toBeTruthy();
  }, 90_000);

  it('checks a contract signed by a method without credit not at all', async () => {
    const { id } = await createCustomer(TOKENS.acmeManager, customer({ creditLimit: usd('1000.00') }));
    const order = await createOrderFor(TOKENS.acmeOps, { ...withoutCustomer(), customerId: id });
    await walk(order.orderId, [
      fullLife.quotation,
      { type: 'QUOTATION_ACCEPTED', sampleRequired: false },
      fullLife.contract,
    ]);
  }, 60_000);
});

describe('the rebate rates', () => {
  it('are read by every role and replaced by a manager; bad tables are 400', async () => {
    const rates = [
      { hsCode: '9405', rate: '0.13', description: 'Lamps' },
      { hsCode: '85044', rate: '0.09' },
    ];
    expectError(
      await request(stack.app).put('/company/rebate-rates').set(bearer(TOKENS.ops)).send({ rates }),
      403,
      'FORBIDDEN',
    );
    for (const bad of [
      [{ hsCode: '94', rate: '0.13' }],
      [{ hsCode: '9405', rate: '13%' }],
      [
        { hsCode: '9405', rate: '0.13' },
        { hsCode: '9405', rate: '0.10' },
      ],
    ])
      expectError(
        await request(stack.app)
          .put('/company/rebate-rates')
          .set(bearer(TOKENS.manager))
          .send({ rates: bad }),
        400,
        'VALIDATION_FAILED',
      );
    const put = await request(stack.app)
      .put('/company/rebate-rates')
      .set(bearer(TOKENS.manager))
      .send({ rates });
    expect(put.status).toBe(200);
    const read = await request(stack.app).get('/company/rebate-rates').set(bearer(TOKENS.viewer));
    expect(read.body).toEqual({ rates: [rates[1], rates[0]] });
    // Another company's table is its own.
    const acme = await request(stack.app).get('/company/rebate-rates').set(bearer(TOKENS.acmeViewer));
    expect(acme.body).toEqual({ rates: [] });
  });

  it('reach REBATE_DOCUMENTS_RECORDED by the order HS codes', async () => {
    const company = await request(stack.app).get('/company').set(bearer(TOKENS.admin));
    const { profile } = company.body as { profile: Record<string, unknown> };
    const stored = await request(stack.app)
      .put('/company')
      .set(bearer(TOKENS.admin))
      .send({ profile: { ...profile, rebateMethod: 'TRADING' } });
    expect(stored.status).toBe(200);
    await request(stack.app)
      .put('/company/rebate-rates')
      .set(bearer(TOKENS.manager))
      .send({
        rates: [
          { hsCode: '9405', rate: '0.13' },
          { hsCode: '94054', rate: '0.09' },
          { hsCode: '85044013', rate: '0.1' },
        ],
      })
      .expect(200);
    const order = await createOrderFor(TOKENS.ops, newInquiry());
    const life = shippingTermsLife('FOB_TT');
    const blAt = life.findIndex((e) => e.type === 'BILL_OF_LADING_ISSUED');
    await walk(order.orderId, life.slice(0, blAt + 1), TOKENS.ops);
    await walk(
      order.orderId,
      [
        {
          type: 'REBATE_DOCUMENTS_RECORDED',
          vatInvoices: [
            {
              number: 'VAT-1',
              amount: { amount: '100000.00', currency: 'CNY' },
              taxAmount: { amount: '13000.00', currency: 'CNY' },
            },
          ],
        },
      ],
      TOKENS.ops,
    );
    const view = await orderWhen(stack.app, order.orderId, (v) => v.rebate?.status === 'DOCUMENTS_RECORDED');
    expect(view.rebate?.lines).toEqual([
      expect.objectContaining({ lineNo: 1, hsCode: '94054200', rate: '0.09' }),
      expect.objectContaining({ lineNo: 2, hsCode: '85044013', rate: '0.1' }),
    ]);
  }, 120_000);
});
