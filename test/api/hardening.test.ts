/**
 * Input hardening over HTTP (contract v2 "Limits" and "Roles"): text, numbers and unknown fields are
 * 400s naming the field; a manager may do what ops may; failed authentications from one address are
 * limited ahead of auth; production refuses reminder floods and outside recipients.
 */
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import request from 'supertest';
import { newInquiry, uniqueOrderId } from '../../harness/orderFixtures';
import { bearer, startStack, TOKENS, type Stack } from '../../harness/stack';
import { createOrder, expectError, sendEvent } from './helpers';

const quotation = (fields: Record<string, unknown> = {}) => ({
  type: 'QUOTATION_SENT',
  quotationNo: 'Q-1',
  incoterm: 'FOB',
  namedPlace: 'Ningbo',
  lines: [{ description: '40W LED panel', quantity: 2000, unitPrice: { amount: '12.50', currency: 'USD' } }],
  paymentTerms: { method: 'TT', depositPercent: 30 },
  validUntil: '2030-12-31',
  leadTimeDays: 35,
  ...fields,
});

async function listen(stack: Stack): Promise<{ server: Server; base: string }> {
  const server = stack.app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  return { server, base: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

describe('input limits', () => {
  let stack: Stack;
  let orderId: string;

  beforeAll(async () => {
    stack = await startStack();
    orderId = (await createOrder(stack.app)).orderId;
  });
  afterAll(() => stack?.close());

  const postOrder = (body: object) =>
    request(stack.app)
      .post('/orders')
      .set(bearer(TOKENS.ops))
      .send({ orderId: uniqueOrderId('PO-HARD'), ...body });

  it('400 for a lone surrogate, a bidi override or a C1 control in a name, and for a line break in a one-line field', async () => {
    const customer = newInquiry().customer;
    for (const [name, message] of [
      ['Jane \uD83D Doe', 'valid Unicode'],
      ['Jane \u202EeoD', 'bidirectional'],
      ['Jane\u0085Doe', 'control characters'],
      ['Jane\nDoe', 'one line'],
    ]) {
      const res = await postOrder({ ...newInquiry(), customer: { ...customer, name } });
      expect(expectError(res, 400, 'VALIDATION_FAILED').details).toEqual([
        { path: 'customer.name', message: expect.stringContaining(message) as string },
      ]);
    }
    const res = await sendEvent(
      stack.app,
      orderId,
      quotation({ namedPlace: 'Ningbo\n\nPay to IBAN DE00 1234' }),
    );
    expect(expectError(res, 400, 'VALIDATION_FAILED').details).toEqual([
      { path: 'namedPlace', message: 'must be one line (no line breaks)' },
    ]);
    // A note may span lines.
    expect((await sendEvent(stack.app, orderId, { type: 'NOTE_ADDED', text: 'line 1\nline 2' })).status).toBe(
      200,
    );
  });

  it('400 for a quantity of 1e306, a price over the bound, or a quotation total over it', async () => {
    const products = [{ description: 'x', quantity: 1e306 }];
    const order = await postOrder({ ...newInquiry(), inquiry: { ...newInquiry().inquiry, products } });
    expect(expectError(order, 400, 'VALIDATION_FAILED').details).toEqual([
      { path: 'inquiry.products.0.quantity', message: 'at most 1,000,000,000' },
    ]);
    const line = { description: 'x', quantity: 1e306, unitPrice: { amount: '1.00', currency: 'USD' } };
    const huge = await sendEvent(stack.app, orderId, quotation({ lines: [line] }));
    expect(expectError(huge, 400, 'VALIDATION_FAILED').details).toEqual([
      { path: 'lines.0.quantity', message: 'at most 1,000,000,000' },
    ]);
    const pricey = {
      ...line,
      quantity: 1_000_000_000,
      unitPrice: { amount: '1000000000000.00', currency: 'USD' },
    };
    const total = await sendEvent(stack.app, orderId, quotation({ lines: Array(200).fill(pricey) }));
    expect(expectError(total, 400, 'VALIDATION_FAILED').details).toEqual([
      { path: 'lines', message: 'the quotation total must be at most 1,000,000,000,000.00' },
    ]);
  });

  it('400 naming every unknown field, nested ones with their path', async () => {
    const inquiry = newInquiry();
    const res = await postOrder({
      ...inquiry,
      customer: { ...inquiry.customer, vatNo: 'DE1' },
      inquiry: { ...inquiry.inquiry, products: [{ description: 'x', quantity: 1, colour: 'red' }] },
      rush: true,
    });
    const details = expectError(res, 400, 'VALIDATION_FAILED').details as { path: string }[];
    expect(details.map((d) => d.path).sort()).toEqual([
      'customer.vatNo',
      'inquiry.products.0.colour',
      'rush',
    ]);
    const event = await sendEvent(stack.app, orderId, quotation({ paymentTerms: { method: 'TT', fee: 1 } }));
    expect(expectError(event, 400, 'VALIDATION_FAILED').details).toEqual([
      { path: 'paymentTerms.fee', message: 'unknown field' },
    ]);
  });

  it('400 (not 500) for an unknown field nested 5,000 levels deep, in an event and in a new order', async () => {
    const deep = `${'{"a":'.repeat(5000)}1${'}'.repeat(5000)}`;
    const event = await request(stack.app)
      .post(`/orders/${orderId}/events`)
      .set(bearer(TOKENS.ops))
      .set('Content-Type', 'application/json')
      .send(`{"type":"NOTE_ADDED","text":"hi","extra":${deep}}`);
    expect(expectError(event, 400, 'VALIDATION_FAILED').details).toEqual([
      { path: 'extra', message: 'unknown field' },
    ]);
    const order = await request(stack.app)
      .post('/orders')
      .set(bearer(TOKENS.ops))
      .set('Content-Type', 'application/json')
      .send(JSON.stringify(newInquiry()).replace(/}$/, `,"extra":${deep}}`));
    expect(expectError(order, 400, 'VALIDATION_FAILED').details).toEqual([
      { path: 'extra', message: 'unknown field' },
    ]);
  });

  it('a manager may do what ops may; a viewer may not', async () => {
    const created = await request(stack.app)
      .post('/orders')
      .set(bearer(TOKENS.manager))
      .send({ orderId: uniqueOrderId('PO-MGR'), ...newInquiry() });
    expect(created.status).toBe(201);
    const event = await sendEvent(stack.app, orderId, { type: 'NOTE_ADDED', text: 'by max' }, TOKENS.manager);
    expect(event.status).toBe(200);
    expect((event.body as { timeline: { actor: string }[] }).timeline.at(-1)?.actor).toBe('max');
    const viewer = await sendEvent(stack.app, orderId, { type: 'NOTE_ADDED', text: 'x' }, TOKENS.viewer);
    expect(expectError(viewer, 403, 'FORBIDDEN').message).toContain('needs ops');
  });

  it('logged no unhandled error (no 500)', () => {
    expect(stack.logger.entries.filter((e) => e.level === 'error')).toEqual([]);
  });
});

describe('failed authentications, limited per address ahead of auth', () => {
  let stack: Stack;
  let server: Server;
  let base: string;

  beforeAll(async () => {
    stack = await startStack({
      worker: false,
      env: {
        API_AUTH_FAILURES_PER_MINUTE: '20',
        API_ADDRESS_RATE_LIMIT_PER_MINUTE: '5',
        API_TRUST_PROXY: '1',
      },
    });
    ({ server, base } = await listen(stack));
  });
  afterAll(async () => {
    await new Promise((resolve) => server?.close(resolve));
    await stack?.close();
  });

  const from = (address: string, token: string) =>
    request(base).get('/orders').set('X-Forwarded-For', address).set(bearer(token));

  it('300 wrong tokens in a row: 401 twenty times, then 429 with Retry-After; a good token from another address still works', async () => {
    const statuses: number[] = [];
    let last: request.Response | undefined;
    for (let i = 0; i < 300; i++) {
      last = await from('203.0.113.7', `wrong-token-${i}`);
      statuses.push(last.status);
    }
    expect(statuses.slice(0, 20)).toEqual(Array(20).fill(401));
    expect(statuses.slice(20)).toEqual(Array(280).fill(429));
    expectError(last!, 429, 'TOO_MANY_REQUESTS');
    expect(Number(last!.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    expect(Number(last!.headers['retry-after'])).toBeLessThanOrEqual(60);
    // Blocked before auth: the good token from the blocked address waits too...
    expect((await from('203.0.113.7', TOKENS.viewer)).status).toBe(429);
    // ...while another address is untouched.
    expect((await from('198.51.100.9', TOKENS.viewer)).status).toBe(200);
  });

  it('successful requests do not count', async () => {
    for (let i = 0; i < 30; i++) expect((await from('198.51.100.10', TOKENS.viewer)).status).toBe(200);
  });

  it('/health is limited per address as well', async () => {
    const health = (address: string) => request(base).get('/health').set('X-Forwarded-For', address);
    for (let i = 0; i < 5; i++) expect((await health('192.0.2.1')).status).toBe(200);
    const limited = await health('192.0.2.1');
    expectError(limited, 429, 'TOO_MANY_REQUESTS');
    expect(limited.headers['retry-after']).toBeDefined();
    expect((await health('192.0.2.2')).status).toBe(200);
  });
});

describe('without trusted proxies', () => {
  it('X-Forwarded-For does not let an address escape the limit', async () => {
    const stack = await startStack({ worker: false, env: { API_AUTH_FAILURES_PER_MINUTE: '3' } });
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 6; i++) {
        const res = await request(stack.app)
          .get('/orders')
          .set('X-Forwarded-For', `203.0.113.${i}`)
          .set(bearer('wrong-token'));
        statuses.push(res.status);
      }
      expect(statuses).toEqual([401, 401, 401, 429, 429, 429]);
    } finally {
      await stack.close();
    }
  });
});

describe('production limits at POST /orders', () => {
  const opsToken = 'o'.repeat(40);
  let stack: Stack;

  beforeAll(async () => {
    stack = await startStack({
      env: {
        NODE_ENV: 'production',
        API_TOKENS: `prod-ops:ops:${opsToken}`,
        PSEUDONYM_KEY: 'a-production-pseudonym-key-of-32-chars',
        MAIL_FROM: 'orders@exporter.example',
        INTERNAL_EMAIL_DOMAINS: 'exporter.example',
        TRACKING_LINK_KEY: 'a-production-tracking-link-key-32-chars',
        EXPORTER_BANK_NAME: 'Bank of China Ningbo',
        EXPORTER_BANK_ACCOUNT: '3580 0000 1234',
        EXPORTER_BANK_SWIFT: 'BKCHCNBJ92A',
      },
    });
  });
  afterAll(() => stack?.close());

  const post = (overrides: object) =>
    request(stack.app)
      .post('/orders')
      .set(bearer(opsToken))
      .send({ orderId: uniqueOrderId('PO-PROD'), ...newInquiry(), ...overrides });

  it('400 for the reminder flood of issue 13, naming each field', async () => {
    const res = await post({
      stageTimeLimits: { INQUIRY: '1s' },
      reminderPolicy: { repeatEvery: '1s', escalateAfter: 0, escalateTo: 'someone@outside.example' },
    });
    expect(expectError(res, 400, 'VALIDATION_FAILED').details).toEqual([
      { path: 'stageTimeLimits.INQUIRY', message: 'must be at least 1h' },
      { path: 'reminderPolicy.repeatEvery', message: 'must be at least 1h' },
      { path: 'reminderPolicy.escalateTo', message: 'must be an address at exporter.example' },
    ]);
  });

  it('400 for an account manager outside the internal domains', async () => {
    const res = await post({ accountManager: { name: 'Li Wei', email: 'li.wei@mail.example' } });
    expect(expectError(res, 400, 'VALIDATION_FAILED').details).toEqual([
      { path: 'accountManager.email', message: 'must be an address at exporter.example' },
    ]);
  });

  it('201 at the floor and inside the domains', async () => {
    const res = await post({
      stageTimeLimits: { INQUIRY: '1h' },
      reminderPolicy: { repeatEvery: '60m', escalateTo: 'director@exporter.example' },
    });
    expect(res.status).toBe(201);
  });
});
