/**
 * Idempotency keys and what is forwarded, over HTTP (issue 13): an eventId sent again with another
 * event is 409 EVENT_ID_REUSED, with the same event 200 and applied once, whether the key is recent
 * (Temporal answers) or older than the workflow's window of keys (the read model answers); and only
 * the validated event reaches the order (unknown fields are a 400 naming them).
 */
import request from 'supertest';
import { orderEventSchema, STATE_WINDOWS } from '../../src/domain';
import type { OrderView } from '../../src/api/orderView';
import { fullLife } from '../../harness/orderFixtures';
import { bearer, startStack, TOKENS, type Stack } from '../../harness/stack';
import { createOrder, expectError, getOrder, orderWhen, sendEvent } from './helpers';

let stack: Stack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(async () => {
  await stack?.close();
});

interface TimelineEntry {
  eventId: string;
  type: string;
  payload: unknown;
}

async function timeline(orderId: string): Promise<TimelineEntry[]> {
  const res = await request(stack.app)
    .get(`/orders/${orderId}/timeline?limit=200`)
    .set(bearer(TOKENS.viewer));
  expect(res.status).toBe(200);
  return (res.body as { entries: TimelineEntry[] }).entries;
}

describe('409 EVENT_ID_REUSED', () => {
  it('a recent eventId: another event under it is 409, the same event again 200 and applied once', async () => {
    const { orderId } = await createOrder(stack.app);
    const note = { type: 'NOTE_ADDED', eventId: 'call-1', text: 'called the buyer' };
    const first = await sendEvent(stack.app, orderId, note);
    expect(first.status).toBe(200);
    const total = (first.body as OrderView).timelineTotal;

    // Right after: the read model may not have it yet, so Temporal answers.
    const other = await sendEvent(stack.app, orderId, { ...note, text: 'called the forwarder' });
    expect(expectError(other, 409, 'EVENT_ID_REUSED').message).toContain('call-1');
    const otherType = await sendEvent(stack.app, orderId, { ...fullLife.quotation, eventId: 'call-1' });
    expectError(otherType, 409, 'EVENT_ID_REUSED');

    const again = await sendEvent(stack.app, orderId, note);
    expect(again.status).toBe(200);
    expect((again.body as OrderView).timelineTotal).toBe(total);
    expect((again.body as OrderView).stage).toBe('INQUIRY');

    // Once the read model has it, it answers the same way.
    await orderWhen(stack.app, orderId, (v) => v.timelineTotal === total);
    expectError(await sendEvent(stack.app, orderId, { ...note, text: 'other' }), 409, 'EVENT_ID_REUSED');
    const later = await sendEvent(stack.app, orderId, note);
    expect(later.status).toBe(200);
    expect((later.body as OrderView).timelineTotal).toBe(total);
    expect((await timeline(orderId)).filter((e) => e.eventId === 'call-1')).toHaveLength(1);
  });

  it(`an eventId older than the workflow's last ${STATE_WINDOWS.eventKeys} keys: the read model answers`, async () => {
    const { orderId } = await createOrder(stack.app);
    const count = STATE_WINDOWS.eventKeys + 10;
    const note = (i: number) => ({ type: 'NOTE_ADDED', eventId: `old-${i}`, text: `note ${i}` });
    for (let i = 0; i < count; i++) expect((await sendEvent(stack.app, orderId, note(i))).status).toBe(200);
    const total = 1 + count;
    await orderWhen(stack.app, orderId, (v) => v.timelineTotal === total);

    const reused = await sendEvent(stack.app, orderId, { ...note(0), text: 'something else' });
    expect(expectError(reused, 409, 'EVENT_ID_REUSED').message).toContain('old-0');
    const same = await sendEvent(stack.app, orderId, note(0));
    expect(same.status).toBe(200);
    expect(same.body).toMatchObject({ orderId, timelineTotal: total });

    // Nothing new was recorded, even after the read model had time to follow.
    await new Promise((r) => setTimeout(r, 500));
    expect((await getOrder(stack.app, orderId)).timelineTotal).toBe(total);
  });
});

describe('only the validated event is forwarded', () => {
  it('400 naming an unknown field, at the top and nested', async () => {
    const { orderId } = await createOrder(stack.app);
    const withPriority: Record<string, unknown> = { type: 'NOTE_ADDED', text: 'hi', priority: 'high' };
    const top = await sendEvent(stack.app, orderId, withPriority);
    expect(expectError(top, 400, 'VALIDATION_FAILED').details).toEqual([
      { path: 'priority', message: 'unknown field' },
    ]);
    const withDiscount: Record<string, unknown> = {
      ...fullLife.quotation,
      lines: [{ ...fullLife.quotation.lines[0], discount: '5%' }],
    };
    const nested = await sendEvent(stack.app, orderId, withDiscount);
    expect(expectError(nested, 400, 'VALIDATION_FAILED').details).toEqual([
      { path: 'lines.0.discount', message: 'unknown field' },
    ]);
    expect((await getOrder(stack.app, orderId)).timelineTotal).toBe(1);
  });

  it("the timeline entry's payload holds exactly the validated event", async () => {
    const { orderId } = await createOrder(stack.app);
    const sent = { ...fullLife.quotation, eventId: 'quote-1', namedPlace: '  Ningbo  ' };
    expect((await sendEvent(stack.app, orderId, sent)).status).toBe(200);
    await orderWhen(stack.app, orderId, (v) => v.timelineTotal === 2);
    const entry = (await timeline(orderId)).find((e) => e.eventId === 'quote-1');
    expect(entry?.payload).toEqual(orderEventSchema.parse(sent));
    // The parse trimmed the place: the payload is what the schema made of the body, not the body.
    expect(entry?.payload).toMatchObject({ namedPlace: 'Ningbo' });
  });
});
