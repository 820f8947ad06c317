/**
 * Since release 1.1 the API writes each event's records to the read model from the update's answer
 * (decision 0009): on real servers, a read right after a write sees it, with no wait for the
 * workflow's own write, which comes after a quiet moment.
 */
import request from 'supertest';
import { LAZY_WRITE } from '../../src/workflows/projection';
import { bearer, startStack, TOKENS, type Stack } from '../../harness/stack';
import { fullLife } from '../../harness/orderFixtures';
import { createOrder, getOrder, sendEvent } from './helpers';

let stack: Stack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(async () => {
  await stack?.close();
});

const timelineOf = async (orderId: string) =>
  (
    (await request(stack.app).get(`/orders/${orderId}/timeline?limit=50`).set(bearer(TOKENS.viewer)))
      .body as { entries: { seq: number; eventId: string; type: string }[] }
  ).entries;

it('shows a new order and each event at once: the list, the order and its timeline', async () => {
  const started = Date.now();
  const order = await createOrder(stack.app);
  // Read at once, no polling: the API wrote the order from the open's answer.
  expect((await getOrder(stack.app, order.orderId)).timelineTotal).toBe(1);

  const quoted = await sendEvent(stack.app, order.orderId, { ...fullLife.quotation, eventId: 'rfa-q' });
  expect(quoted.status).toBe(200);
  expect(quoted.body).toMatchObject({ stage: 'QUOTATION', timelineTotal: 2 });
  expect(await getOrder(stack.app, order.orderId)).toMatchObject({ stage: 'QUOTATION', timelineTotal: 2 });
  expect((await timelineOf(order.orderId)).map((e) => [e.seq, e.type])).toEqual([
    [2, 'QUOTATION_SENT'],
    [1, 'ORDER_CREATED'],
  ]);
  const listed = await request(stack.app)
    .get('/orders?stage=QUOTATION&pageSize=100')
    .set(bearer(TOKENS.viewer));
  expect((listed.body as { orders: { orderId: string }[] }).orders.map((o) => o.orderId)).toContain(
    order.orderId,
  );
  // All of it before the workflow's own write could have run.
  expect(Date.now() - started).toBeLessThan(LAZY_WRITE.waitMs * 2);

  // The same event again is answered from the read model, as the order is.
  const again = await sendEvent(stack.app, order.orderId, { ...fullLife.quotation, eventId: 'rfa-q' });
  expect(again.status).toBe(200);
  expect(again.body).toMatchObject({ stage: 'QUOTATION', timelineTotal: 2 });
});
