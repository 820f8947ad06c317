/**
 * Money after the ship sails, end to end over HTTP on the real stack (API, worker, Temporal dev
 * server, PostgreSQL, SMTP): an open-account order to an insured customer beyond its insured limit,
 * approved by a manager, shipped in two parts (each declared to the insurer), paid, settled into
 * CNY, its costs recorded, its rebate's documents, filing and money; its profit right to the fen.
 */
import request from 'supertest';
import type { OrderEventInput, OrderView } from '../../src/domain';
import { twoShipmentLife } from '../../harness/shipmentLives';
import { uniqueOrderId, newInquiry } from '../../harness/orderFixtures';
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
const cny = (amount: string) => ({ amount, currency: 'CNY' });

/** Sends an event, again while the order is not ready for it yet (an email it waits for). */
async function send(
  orderId: string,
  event: OrderEventInput | Record<string, unknown>,
  token: string = TOKENS.ops,
) {
  const res = await eventually(
    async () => {
      const r = await sendEvent(stack.app, orderId, event, token);
      const notYet =
        r.status === 409 && (r.body as { error: { code: string } }).error.code === 'EVENT_NOT_ALLOWED';
      return notYet ? undefined : r;
    },
    { timeoutMs: 30_000 },
  );
  expect({
    event: event.type,
    status: res.status,
    body: res.status === 200 ? null : (res.body as unknown),
  }).toEqual({
    event: event.type,
    status: 200,
    body: null,
  });
  return res.body as OrderView;
}

it('follows an insured OA order in two shipments from the credit check to its profit', async () => {
  // The company claims the rebate as a trading company; its table has the goods' HS code.
  const company = await request(stack.app).get('/company').set(bearer(TOKENS.admin));
  const { profile } = company.body as { profile: Record<string, unknown> };
  await request(stack.app)
    .put('/company')
    .set(bearer(TOKENS.admin))
    .send({ profile: { ...profile, rebateMethod: 'TRADING' } })
    .expect(200);
  await request(stack.app)
    .put('/company/rebate-rates')
    .set(bearer(TOKENS.manager))
    .send({ rates: [{ hsCode: '9405', rate: '0.13', description: 'LED lighting' }] })
    .expect(200);

  // An insured customer: the insurer covers 20,000.00 USD, the company's own limit is 100,000.00.
  const key = Date.now().toString(36);
  const created = await request(stack.app)
    .post('/customers')
    .set(bearer(TOKENS.ops))
    .send({ company: `Nordlicht ${key} GmbH`, email: `buy-${key}@nordlicht.example`, country: 'DE' });
  expect(created.status).toBe(201);
  const customerId = (created.body as { id: string }).id;
  const limits = {
    creditLimit: usd('100000.00'),
    insurance: {
      insurer: 'Sinosure',
      policyNo: 'SCH-2027-0042',
      limit: usd('20000.00'),
      declarationDays: 15,
    },
  };
  const { company: _c, email: _e, country: _k } = created.body as Record<string, unknown>;
  expectError(
    await request(stack.app)
      .put(`/customers/${customerId}`)
      .set(bearer(TOKENS.ops))
      .send({ company: _c, email: _e, country: _k, ...limits }),
    403,
    'FORBIDDEN',
  );
  await request(stack.app)
    .put(`/customers/${customerId}`)
    .set(bearer(TOKENS.manager))
    .send({ company: _c, email: _e, country: _k, ...limits })
    .expect(200);

  const { customer: _inline, ...inquiry } = newInquiry();
  const opened = await request(stack.app)
    .post('/orders')
    .set(bearer(TOKENS.ops))
    .send({ ...inquiry, orderId: uniqueOrderId('PO-MONEY'), customerId });
  expect(opened.status).toBe(201);
  const orderId = (opened.body as OrderView).orderId;
  expect((opened.body as OrderView).customerId).toBe(customerId);

  const life = twoShipmentLife('OA').map((event): OrderEventInput => {
    if (event.type === 'CONTRACT_SIGNED')
      return {
        ...event,
        fxRate: '7.1000',
        lines: [
          { description: '40W LED panel', hsCode: '9405420000', quantity: 2000, unitPrice: usd('12.50') },
        ],
      };
    // Each shipment's money settled at the bank's rate on the day (S1 7.05, S2 6.98).
    if (event.type === 'PAYMENT_RECEIVED' && 'shipmentId' in event) {
      const rate = event.shipmentId === 'S1' ? '7.0500' : '6.9800';
      const cnyAmount = event.shipmentId === 'S1' ? '105609.00' : '69660.40';
      return { ...event, settlement: { rate, cnyAmount: cny(cnyAmount), settledOn: '2027-02-20' } };
    }
    return event;
  });
  const signAt = life.findIndex((e) => e.type === 'CONTRACT_SIGNED');
  for (const event of life.slice(0, signAt)) await send(orderId, event);

  // 25,000.00 on open account is beyond the insured 20,000.00: a manager approves it first.
  const refused = await sendEvent(stack.app, orderId, life[signAt]);
  expect(expectError(refused, 409, 'CREDIT_LIMIT_EXCEEDED').message).toContain('insured limit (Sinosure)');
  expectError(
    await sendEvent(stack.app, orderId, { type: 'CREDIT_APPROVED', reason: 'x' }),
    403,
    'FORBIDDEN',
  );
  await send(
    orderId,
    { type: 'CREDIT_APPROVED', reason: 'long-standing buyer; Sinosure case filed' },
    TOKENS.manager,
  );
  const signed = await send(orderId, life[signAt]);
  expect(signed.credit?.insurance).toMatchObject({ insurer: 'Sinosure', declarationDays: 15 });

  // Each shipment is declared to the insurer once its B/L is out.
  for (const event of life.slice(signAt + 1)) {
    const view = await send(orderId, event);
    if (event.type === 'BILL_OF_LADING_ISSUED' && 'shipmentId' in event) {
      const shipmentId = String(event.shipmentId);
      const shipment = view.shipments.find((s) => s.shipmentId === shipmentId);
      const step = view.processList.find((s) => s.key === 'INSURER_DECLARED' && s.shipmentId === shipmentId);
      expect(step).toMatchObject({ status: 'PENDING' });
      const blDate = shipment?.billOfLading?.issuedOn as string;
      await send(orderId, {
        type: 'SHIPMENT_DECLARED_TO_INSURER',
        shipmentId,
        declaredOn: blDate,
        reference: `SD-${shipmentId}`,
      });
    }
  }
  const paid = await orderWhen(stack.app, orderId, (v) => v.status === 'COMPLETED');
  expect(paid.amountOutstanding).toEqual(usd('0.00'));
  expect(paid.processList.filter((s) => s.key === 'INSURER_DECLARED').map((s) => s.status)).toEqual([
    'DONE',
    'DONE',
  ]);
  // Revenue is the settled CNY; the loss against the contract date's 7.10 is shown.
  expect(paid.cny).toMatchObject({ revenue: cny('175269.40'), fxGainLoss: cny('-1946.60'), unsettled: [] });
  const firstBl = paid.shipments.map((s) => s.billOfLading?.issuedOn ?? '').sort()[0] ?? '';
  expect(paid.rebate).toMatchObject({
    status: 'PENDING',
    method: 'TRADING',
    exportDate: firstBl,
    deadline: `${Number(firstBl.slice(0, 4)) + 1}-04-30`,
  });

  // The completed order stays on the desk for its money: costs, then the rebate.
  const tail: Record<string, unknown>[] = [
    { type: 'COST_RECORDED', kind: 'PURCHASE', amount: cny('169500.00'), note: 'factory, VAT included' },
    { type: 'COST_RECORDED', kind: 'FREIGHT', amount: usd('1200.00'), rate: '7.0800' },
    { type: 'COST_RECORDED', kind: 'BANK', amount: cny('150.00') },
    { type: 'COST_RECORDED', kind: 'INSURANCE', amount: cny('312.50'), note: 'Sinosure premium' },
    {
      type: 'REBATE_DOCUMENTS_RECORDED',
      vatInvoices: [{ number: '04400191', amount: cny('150000.00'), taxAmount: cny('19500.00') }],
    },
  ];
  for (const event of tail) await send(orderId, event);
  const documented = await orderWhen(stack.app, orderId, (v) => v.rebate?.status === 'DOCUMENTS_RECORDED');
  expect(documented.rebate).toMatchObject({
    lines: [{ lineNo: 1, hsCode: '9405420000', rate: '0.13' }],
    expected: cny('19500.00'),
  });
  expect(documented.archivedAt).toBeUndefined();
  await send(orderId, { type: 'REBATE_FILED', batchNo: '2027-03-B1', filedOn: '2027-03-05' });
  const done = await send(orderId, { type: 'REBATE_RECEIVED', cnyAmount: cny('19500.00') });

  // 175,269.40 + 19,500.00 − (169,500.00 + 8,496.00 + 150.00 + 312.50)
  expect(done.cny).toMatchObject({
    costs: cny('178458.50'),
    rebate: cny('19500.00'),
    rebateBasis: 'RECEIVED',
  });
  expect(done.profit).toEqual(cny('16310.90'));
  expect(done.rebate).toMatchObject({ status: 'RECEIVED', received: cny('19500.00') });

  // The customer's page shows the order, its exposure back to nothing owed.
  const account = await request(stack.app).get(`/customers/${customerId}`).set(bearer(TOKENS.viewer));
  expect(account.status).toBe(200);
  expect((account.body as { orders: { orderId: string }[] }).orders.map((o) => o.orderId)).toContain(orderId);
}, 240_000);
