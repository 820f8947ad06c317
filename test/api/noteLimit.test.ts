/**
 * Issue 12's scenario over HTTP: notes of 4,000 Chinese characters on one order until its note limit.
 * Every note up to the limit is taken, the next is a clear 409, the order keeps taking other events,
 * its workflow has continued as new, and the list, the timeline and every answer stay sound.
 */
import request from 'supertest';
import { pool } from '../../bench/driver';
import { DEFAULT_COMPANY, ORDER_LIMITS, orderWorkflowId } from '../../src/domain';
import { fullLife } from '../../harness/orderFixtures';
import { bearer, startStack, TOKENS, type Stack } from '../../harness/stack';
import { eventually } from '../../harness/temporal';
import { createOrder, expectError, listen, untilFinal } from './helpers';

/** Whatever the order's age, an answer to a POST stays this small. */
const MAX_ANSWER_BYTES = 64 * 1024;
/** 4,000 CJK characters (12 kB of UTF-8): the longest note there is. */
const chineseNote = (n: number) =>
  Array.from({ length: 4000 }, (_, i) => String.fromCodePoint(0x4e00 + ((n * 7919 + i) % 20_000))).join('');

let stack: Stack;
let http: Awaited<ReturnType<typeof listen>>;
beforeAll(async () => {
  stack = await startStack();
  http = await listen(stack.app);
});
afterAll(async () => {
  await http?.close();
  await stack?.close();
});

interface TimelinePage {
  entries: { eventId: string; type: string }[];
  nextCursor: string | null;
}

it(`takes ${ORDER_LIMITS.notes} notes of 4,000 Chinese characters, refuses the next with 409 ORDER_LIMIT_REACHED, and stays alive`, async () => {
  const { orderId } = await createOrder(stack.app);
  const post = (event: object) =>
    untilFinal(() =>
      request(http.base).post(`/orders/${orderId}/events`).set(bearer(TOKENS.ops)).send(event),
    );

  const started = Date.now();
  const answers = await pool(
    Array.from({ length: ORDER_LIMITS.notes }, (_, i) => i),
    4,
    async (i) => {
      const res = await post({ type: 'NOTE_ADDED', eventId: `note-${i}`, text: chineseNote(i) });
      return { status: res.status, bytes: Buffer.byteLength(res.text), text: res.text.slice(0, 300) };
    },
  );
  console.info(`${ORDER_LIMITS.notes} notes in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  expect(answers.filter((a) => a.status !== 200)).toEqual([]);
  expect(Math.max(...answers.map((a) => a.bytes))).toBeLessThan(MAX_ANSWER_BYTES);

  const refused = await post({ type: 'NOTE_ADDED', eventId: 'one-too-many', text: chineseNote(-1) });
  expectError(refused, 409, 'ORDER_LIMIT_REACHED');
  expect(Object.keys(refused.body as object)).toEqual(['error']);

  const quoted = await post(fullLife.quotation);
  expect(quoted.status).toBe(200);
  expect(quoted.body).toMatchObject({ orderId, stage: 'QUOTATION' });
  expect(Buffer.byteLength(quoted.text)).toBeLessThan(MAX_ANSWER_BYTES);

  // The order went through more than one run of its workflow...
  const client = await stack.temporal.getClient();
  const runs = await eventually(async () => {
    const found: string[] = [];
    for await (const run of client.workflow.list({
      query: `WorkflowId = "${orderWorkflowId(DEFAULT_COMPANY, orderId)}"`,
    }))
      found.push(run.runId);
    return found.length > 1 ? found : undefined;
  });
  expect(runs.length).toBeGreaterThan(1);
  console.info(`the order's workflow ran ${runs.length} runs`);

  // ...yet the list shows it once, and the timeline pages through every event it took.
  const total = 1 + ORDER_LIMITS.notes + 1;
  const listed = await eventually(async () => {
    const res = await request(http.base).get(`/orders?q=${orderId}`).set(bearer(TOKENS.viewer));
    const orders = (res.body as { orders: { orderId: string; stage: string }[] }).orders;
    return orders.some((o) => o.stage === 'QUOTATION') ? orders : undefined;
  });
  expect(listed.map((o) => o.orderId)).toEqual([orderId]);

  const seen: TimelinePage['entries'] = [];
  const paged = await eventually(
    async () => {
      seen.length = 0;
      let cursor: string | null = null;
      do {
        const res = await request(http.base)
          .get(`/orders/${orderId}/timeline`)
          .query({ limit: 200, ...(cursor ? { cursor } : {}) })
          .set(bearer(TOKENS.viewer));
        expect(res.status).toBe(200);
        const page = res.body as TimelinePage;
        seen.push(...page.entries);
        cursor = page.nextCursor;
      } while (cursor);
      return seen.length === total ? seen : undefined;
    },
    { timeoutMs: 60_000, intervalMs: 1_000 },
  );
  expect(paged[0].type).toBe('QUOTATION_SENT');
  expect(new Set(paged.map((e) => e.eventId)).size).toBe(total);
  expect(paged.filter((e) => e.type === 'NOTE_ADDED')).toHaveLength(ORDER_LIMITS.notes);
  expect(paged.some((e) => e.eventId === 'one-too-many')).toBe(false);
  console.info(`whole scenario in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  expect(stack.logger.entries.filter((e) => e.level === 'error')).toEqual([]);
});
