/**
 * Temporal's per-order update limits over HTTP (issue 13): with no worker taking them, updates pile
 * up on one order; past Temporal's 10 in flight the API answers 429 TOO_MANY_REQUESTS with
 * Retry-After (never 500), and each event retried with its eventId later is applied once.
 */
import { NativeConnection } from '@temporalio/worker';
import request from 'supertest';
import { createOrderWorker } from '../../src/worker';
import { bearer, startStack, TOKENS, type Stack } from '../../harness/stack';
import { createOrder, expectError, listen, orderWhen, untilFinal } from './helpers';

const EVENTS = 25;
const WORKER_TIMEOUT_S = 5;

let stack: Stack;
let http: Awaited<ReturnType<typeof listen>>;
beforeAll(async () => {
  stack = await startStack({ env: { API_WORKER_TIMEOUT: `${WORKER_TIMEOUT_S}s` } });
  http = await listen(stack.app);
});
afterAll(async () => {
  await http?.close();
  await stack?.close();
});

it(`${EVENTS} events in flight on one order: 429 with Retry-After past Temporal's limit, and each applied once on retry`, async () => {
  const { orderId } = await createOrder(stack.app);
  await orderWhen(stack.app, orderId, (v) => v.timelineTotal === 1);
  await stack.stopWorker();

  const notes = Array.from({ length: EVENTS }, (_, i) => ({
    type: 'NOTE_ADDED',
    eventId: `pile-${i}`,
    text: `note ${i} sent while the order was busy`,
  }));
  const send = (note: (typeof notes)[number]) =>
    request(http.base).post(`/orders/${orderId}/events`).set(bearer(TOKENS.ops)).send(note);

  const started = Date.now();
  const piled = await Promise.all(
    notes.map(async (note) => Object.assign(await send(note), { tookMs: Date.now() - started })),
  );
  console.info(`${EVENTS} concurrent events answered in ${Date.now() - started} ms`);
  // Those Temporal admitted wait for a worker (503 after the API's timeout); the rest are over its limit.
  expect(
    piled.filter((r) => r.status !== 429 && r.status !== 503).map((r) => `${r.status} ${r.text}`),
  ).toEqual([]);
  const limited = piled.filter((r) => r.status === 429);
  // Temporal admits 10; under load one may time out in the API before it is admitted (a 503).
  expect(limited.length).toBeGreaterThanOrEqual(EVENTS - 10);
  for (const res of limited) {
    expectError(res, 429, 'TOO_MANY_REQUESTS');
    expect(res.headers['retry-after']).toMatch(/^[1-9]\d*$/);
    // Before the API's own deadline: it does not back off on Temporal's limit until then.
    expect(res.tookMs).toBeLessThan(WORKER_TIMEOUT_S * 1000);
  }
  for (const res of piled.filter((r) => r.status === 503)) expectError(res, 503, 'WORKERS_UNAVAILABLE');

  const connection = await NativeConnection.connect({ address: stack.config.temporal.address });
  const worker = await createOrderWorker(stack.config, connection, stack.readModel);
  try {
    await worker.runUntil(async () => {
      const retried = await Promise.all(notes.map((note) => untilFinal(() => send(note))));
      expect(
        retried.filter((r) => r.status !== 200).map((r) => `${r.status} ${r.text.slice(0, 200)}`),
      ).toEqual([]);
      const view = await orderWhen(stack.app, orderId, (v) => v.timelineTotal >= 1 + EVENTS);
      expect(view.timelineTotal).toBe(1 + EVENTS);
      const timeline = await request(http.base)
        .get(`/orders/${orderId}/timeline?limit=200`)
        .set(bearer(TOKENS.viewer));
      const ids = (timeline.body as { entries: { eventId: string }[] }).entries.map((e) => e.eventId);
      expect(ids.filter((id) => id.startsWith('pile-')).sort()).toEqual(notes.map((n) => n.eventId).sort());
    });
  } finally {
    await connection.close();
  }
  expect(stack.logger.entries.filter((e) => e.level === 'error')).toEqual([]);
});
