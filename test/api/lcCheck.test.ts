/**
 * L/C from MT700 and lc-check through real HTTP, a real worker and the read model: the credit is
 * read from its SWIFT text (400 naming a bad tag), and the documents are checked against it before
 * presentation, each discrepancy naming its rule.
 */
import request from 'supertest';
import type { OrderEventInput } from '../../src/domain';
import { planLife } from '../../harness/orderFixtures';
import { SmtpSink } from '../../harness/smtp';
import { bearer, startStack, TOKENS, type Stack } from '../../harness/stack';
import { createOrder, expectError, orderWhen, sendEvent } from './helpers';

let smtp: SmtpSink;
let stack: Stack;

beforeAll(async () => {
  smtp = await SmtpSink.start();
  stack = await startStack({ smtpUrl: smtp.url });
});

afterAll(async () => {
  await stack?.close();
  await smtp?.stop();
});

/** The buyer's bank's credit for the balance (17,500.00): partial shipments not allowed, Ningbo to Hamburg. */
const MT700 = `{1:F01BKCHCNBJA940000000000}{2:O7001012261201DEUTDEFFAXXX00000000002612011012N}{4:
:27:1/1
:40A:IRREVOCABLE
:20:DE26LC004711
:31C:261201
:40E:UCP LATEST VERSION
:31D:270331CHINA
:32B:USD17500,00
:43P:NOT ALLOWED
:44E:NINGBO
:44F:HAMBURG
:44C:270228
:45A:2000 PCS 40W LED PANEL
:48:21/FROM THE DATE OF SHIPMENT
:52A:DEUTDEFF
-}`;

async function send(orderId: string, event: OrderEventInput | Record<string, unknown>) {
  const type = String(event.type);
  await orderWhen(stack.app, orderId, (v) => v.allowedEvents.includes(type as never));
  return sendEvent(stack.app, orderId, event);
}

describe('LC_RECEIVED with mt700, and GET /orders/{id}/lc-check', () => {
  it('reads the credit from the SWIFT text, then checks the documents against it', async () => {
    const { orderId } = await createOrder(stack.app);
    const life = planLife('LC');
    const credit = life.findIndex((e) => e.type === 'LC_RECEIVED');
    for (const event of life.slice(0, credit)) expect((await send(orderId, event)).status).toBe(200);

    const bad = expectError(
      await send(orderId, { type: 'LC_RECEIVED', mt700: MT700.replace(':32B:USD17500,00', ':32B:17500') }),
      400,
      'VALIDATION_FAILED',
    );
    expect(bad.details).toEqual([
      { path: 'mt700.32B', message: ':32B: must be a currency and a positive amount, e.g. USD12345,67' },
    ]);
    expect((await send(orderId, { type: 'LC_RECEIVED', mt700: MT700 })).status).toBe(200);
    const view = await orderWhen(stack.app, orderId, (v) => v.payments.letterOfCredit !== null);
    expect(view.payments.letterOfCredit).toMatchObject({
      lcNo: 'DE26LC004711',
      issuingBank: 'DEUTDEFF',
      latestShipmentDate: '2027-02-28',
    });

    // Before the B/L: nothing shipped yet, and the contract names no ports.
    const before = await request(stack.app).get(`/orders/${orderId}/lc-check`).set(bearer(TOKENS.viewer));
    expect(before.status).toBe(200);
    const rules = (before.body as { discrepancies: { rule: string }[] }).discrepancies.map((d) => d.rule);
    expect(rules).toEqual(expect.arrayContaining(['UCP600-20', 'LC-44E', 'LC-44F']));
    expect(rules).not.toContain('UCP600-30');
  });

  it('is 404 for an order without an L/C', async () => {
    const { orderId } = await createOrder(stack.app);
    expectError(
      await request(stack.app).get(`/orders/${orderId}/lc-check`).set(bearer(TOKENS.viewer)),
      404,
      'NOT_FOUND',
    );
  });
});
