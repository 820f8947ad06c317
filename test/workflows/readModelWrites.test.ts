/**
 * The read model's write from the workflow since release 1.1, on a real dev server: an event's
 * answer carries its records (what the API writes), and the workflow's own write waits for a quiet
 * moment, so a burst of events is one write, and it goes at once when the run ends.
 */
import type { WorkflowHandle } from '@temporalio/client';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker, type WorkflowBundleWithSourceMap } from '@temporalio/worker';
import type { OrderEventInput } from '../../src/domain';
import { orderWorkflow } from '../../src/workflows';
import type { OrderWorkflowInput } from '../../src/workflows/input';
import { recordEventUpdate, type CommittedEvent } from '../../src/workflows/messages';
import { LAZY_WRITE } from '../../src/workflows/projection';
import { bundleOrderWorkflows } from '../../harness/bundle';
import { fakeActivities } from '../../harness/fakeActivities';
import { workflowInput } from '../../harness/orderFixtures';
import { devServerEnvironment, eventually, uniqueTaskQueue } from '../../harness/temporal';
import { historyFigures } from '../../bench/history';

let env: TestWorkflowEnvironment;
let workflowBundle: WorkflowBundleWithSourceMap;
let worker: Worker;
let workerRun: Promise<void>;
const fakes = fakeActivities();
const taskQueue = uniqueTaskQueue('read-model-writes');

beforeAll(async () => {
  [env, workflowBundle] = await Promise.all([devServerEnvironment(), bundleOrderWorkflows()]);
  worker = await Worker.create({
    connection: env.nativeConnection,
    taskQueue,
    workflowBundle,
    activities: fakes.activities,
  });
  workerRun = worker.run();
});

afterAll(async () => {
  worker?.shutdown();
  await workerRun;
  await env?.teardown();
});

const start = (input: OrderWorkflowInput): Promise<WorkflowHandle<typeof orderWorkflow>> =>
  env.client.workflow.start(orderWorkflow, { taskQueue, workflowId: input.order.orderId, args: [input] });

const send = (handle: WorkflowHandle, event: OrderEventInput) =>
  handle.executeUpdate(recordEventUpdate, {
    args: [{ event, actor: 'ops-test' }],
  }) as Promise<CommittedEvent>;

/** The workflow's writes for one order, each as the sequence numbers of the records it carried. */
const writesOf = (orderId: string) =>
  fakes.projections.filter((p) => p.state.orderId === orderId).map((p) => p.records.map((r) => r.seq));

const notes = (n: number, tag: string): OrderEventInput[] =>
  Array.from({ length: n }, (_, i) => ({ type: 'NOTE_ADDED', text: `${tag} ${i}`, eventId: `${tag}-${i}` }));

describe('the read model from answers (release 1.1)', () => {
  it('answers an event with its records, and writes a burst of events once it is quiet', async () => {
    const input = workflowInput();
    const handle = await start(input);
    const answers: CommittedEvent[] = [];
    for (const note of notes(5, 'burst')) answers.push(await send(handle, note));

    // Each answer is the event's own record and the order's count after it: no order in it.
    expect(answers.map((a) => [a.seq, a.records.map((r) => [r.seq, r.eventId])])).toEqual(
      answers.map((_, i) => [i + 2, [[i + 2, `burst-${i}`]]]),
    );
    expect(answers.every((a) => !('order' in a))).toBe(true);
    // Nothing written while the events keep coming.
    expect(writesOf(input.order.orderId)).toEqual([]);

    // One write for the creation and the five notes, once the order was quiet.
    await eventually(async () => (writesOf(input.order.orderId).length ? true : undefined), {
      timeoutMs: LAZY_WRITE.quietMs * 4,
    });
    expect(writesOf(input.order.orderId)).toEqual([[1, 2, 3, 4, 5, 6]]);

    // The next event is written after its own quiet moment, with the order as it is then.
    await send(handle, notes(1, 'later')[0]);
    await eventually(async () => (writesOf(input.order.orderId).length === 2 ? true : undefined), {
      timeoutMs: LAZY_WRITE.quietMs * 4,
    });
    const last = fakes.projections.filter((p) => p.state.orderId === input.order.orderId).at(-1);
    expect(last?.records.map((r) => r.eventId)).toEqual(['later-0']);
    expect(last?.state.timelineTotal).toBe(7);

    // What history holds per event is its record, not the order.
    const figures = await historyFigures(env.client, input.order.orderId);
    expect(figures.updateResultBytesMean).toBeLessThan(1024);
  });

  it('writes at once, without waiting for quiet, before the run continues as new', async () => {
    const input = workflowInput({}, { continueAsNewAfterEvents: 3 });
    const handle = await start(input);
    const firstRun = (await handle.describe()).runId;
    for (const note of notes(3, 'run')) await send(handle, note);
    // The first run ends once its write is done: well inside the quiet period.
    const ended = Date.now();
    await eventually(async () => ((await handle.describe()).runId !== firstRun ? true : undefined), {
      intervalMs: 50,
    });
    expect(Date.now() - ended).toBeLessThan(LAZY_WRITE.quietMs);
    expect(writesOf(input.order.orderId).flat()).toEqual([1, 2, 3, 4]);
  });
});
