/**
 * The API's write from an event's answer (src/api/committedAnswers.ts), with stand-ins for the
 * gateway and the read model: which rows it writes for which answer. The whole path on real servers
 * is in readModelFromAnswers.test.ts.
 */
import { committedAnswers } from '../../src/api/committedAnswers';
import type { OrderGateway } from '../../src/api/orderGateway';
import {
  createOrder,
  decideCommand,
  DEFAULT_STALL_POLICY,
  resolveStallPolicy,
  type OrderState,
} from '../../src/domain';
import type { ProjectionBatch, ReadModel } from '../../src/readModel/types';
import type { CommittedEvent } from '../../src/workflows/messages';
import { fullLife, newInquiry } from '../../harness/orderFixtures';

const ctx = { now: '2026-12-07T00:00:00.000Z', actor: 'ops', actorId: 'token:ops' };
const order = { ...newInquiry(), orderId: 'PO-ANSWER-1' };
const created = createOrder(order, resolveStallPolicy(DEFAULT_STALL_POLICY, order, undefined), ctx);
const next = (state: OrderState, event: unknown) => {
  const decision = decideCommand(state, event, ctx);
  if (!decision.ok || !decision.record) throw new Error('the fixture event was refused');
  return { state: decision.state, record: decision.record };
};
const quoted = next(created, { ...fullLife.quotation, eventId: 'q-1' });
const accepted = next(quoted.state, fullLife.accepted);

const answerFor = (taken: ReturnType<typeof next>): CommittedEvent => ({
  seq: taken.state.timelineTotal,
  records: [taken.record],
  eventId: taken.record.eventId,
  fingerprint: taken.record.fingerprint,
  duplicate: false,
});

function harness(current: () => Promise<OrderState>, project = (_b: ProjectionBatch) => Promise.resolve()) {
  const batches: ProjectionBatch[] = [];
  const warnings: string[] = [];
  const gateway = { currentState: current } as unknown as OrderGateway;
  const readModel = {
    project: (batch: ProjectionBatch) => {
      batches.push(batch);
      return project(batch);
    },
  } as unknown as ReadModel;
  const logger = { warn: (m: string) => warnings.push(m), info: () => undefined, error: () => undefined };
  return { answers: committedAnswers(gateway, readModel, logger), batches, warnings };
}

describe("the API's write from an event's answer", () => {
  it('writes the records and the order row when the order read back is the one right after the event', async () => {
    const { answers, batches } = harness(() => Promise.resolve(quoted.state));
    const view = await answers.event(order.orderId, answerFor(quoted));
    expect(view).toMatchObject({ orderId: order.orderId, stage: 'QUOTATION', timelineTotal: 2 });
    expect(batches).toHaveLength(1);
    expect(batches[0].timeline.map((r) => r.eventId)).toEqual(['q-1']);
    expect(batches[0].order).toMatchObject({ seq: 2, stage: 'QUOTATION' });
    expect(batches[0].order?.view).toEqual(view);
  });

  it('writes the records alone when a later event is in the order read back (its task may not be committed)', async () => {
    const { answers, batches } = harness(() => Promise.resolve(accepted.state));
    const view = await answers.event(order.orderId, answerFor(quoted));
    // The answer shows the order as read; the row waits for a write that owns its sequence.
    expect(view.timelineTotal).toBe(3);
    expect(batches).toEqual([
      { orderId: order.orderId, order: null, timeline: [quoted.record], emails: [], documents: [] },
    ]);
  });

  it('still writes the records, and answers 503 (retry with the eventId), when the order cannot be read back', async () => {
    const down = new Error('a query failed in a way the gateway does not name');
    const { answers, batches } = harness(() => Promise.reject(down));
    await expect(answers.event(order.orderId, answerFor(quoted))).rejects.toMatchObject({
      status: 503,
      code: 'WORKERS_UNAVAILABLE',
    });
    expect(batches.map((b) => [b.order, b.timeline.length])).toEqual([[null, 1]]);
  });

  it('answers when the read model refuses the write: the workflow writes it later', async () => {
    const { answers, warnings } = harness(
      () => Promise.resolve(quoted.state),
      () => Promise.reject(new Error('database unavailable')),
    );
    expect((await answers.event(order.orderId, answerFor(quoted))).stage).toBe('QUOTATION');
    expect(warnings).toEqual(['read model not written from an answer; the workflow writes it']);
  });

  it('takes a run from before 1.1 at its word: its answer is the order, and its workflow writes', async () => {
    const { answers, batches } = harness(() => Promise.reject(new Error('not asked')));
    const view = { orderId: order.orderId, stage: 'QUOTATION' } as never;
    const whole = { order: view, eventId: 'q-1', fingerprint: null, duplicate: false };
    expect(await answers.event(order.orderId, whole)).toBe(view);
    expect(batches).toEqual([]);
  });

  it('writes a new order with its creation record from the state the open answered', async () => {
    const { answers, batches } = harness(() => Promise.reject(new Error('not asked')));
    const view = await answers.opened({ state: created, created: true });
    expect(view).toMatchObject({ orderId: order.orderId, stage: 'INQUIRY' });
    expect(batches[0].timeline.map((r) => [r.seq, r.type])).toEqual([[1, 'ORDER_CREATED']]);
    expect(batches[0].order).toMatchObject({ seq: 1 });
  });
});
