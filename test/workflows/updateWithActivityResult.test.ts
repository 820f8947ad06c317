/**
 * An update delivered to a worker in the same workflow task as an activity result: a note sent while
 * no workflow worker polls and the document dispatch finishes meanwhile. The update must be decided
 * after the result is applied, live and on replay alike (the chaos run found histories where a live
 * worker had applied the result first and replay decided the update before it).
 */
import type { WorkflowHandle } from '@temporalio/client';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker, type WorkflowBundleWithSourceMap } from '@temporalio/worker';
import type { OrderActivities } from '../../src/activities';
import type { OrderEventInput } from '../../src/domain';
import { orderWorkflow } from '../../src/workflows';
import { recordEventUpdate } from '../../src/workflows/messages';
import { bundleOrderWorkflows } from '../../harness/bundle';
import { fakeActivities } from '../../harness/fakeActivities';
import { orderWhen, withOrderAfter } from '../../harness/orderClient';
import { fullLife, fullLifeEvents, workflowInput } from '../../harness/orderFixtures';
import { devServerEnvironment, eventually, uniqueTaskQueue } from '../../harness/temporal';

let env: TestWorkflowEnvironment;
let workflowBundle: WorkflowBundleWithSourceMap;

beforeAll(async () => {
  [env, workflowBundle] = await Promise.all([devServerEnvironment(), bundleOrderWorkflows()]);
});

afterAll(async () => {
  await env?.teardown();
});

type HistoryEvents = NonNullable<Awaited<ReturnType<WorkflowHandle['fetchHistory']>>['events']>;

/** Indexes of the dispatch activity's completions (the read-model writes complete activities too). */
function dispatchCompletions(events: HistoryEvents): number[] {
  const dispatchScheduled = new Set(
    events
      .filter((e) => e.activityTaskScheduledEventAttributes?.activityType?.name === 'dispatchDocuments')
      .map((e) => String(e.eventId)),
  );
  return events.flatMap((e, i) =>
    dispatchScheduled.has(String(e.activityTaskCompletedEventAttributes?.scheduledEventId)) ? [i] : [],
  );
}

test('an update that arrives with an activity result is decided after it, live and on replay', async () => {
  const taskQueue = uniqueTaskQueue('update-after-result');
  // The activities run on a worker of their own, so the dispatch can finish while no worker runs workflows.
  let dispatchStarted = false;
  let finishDispatch!: () => void;
  const dispatchMayFinish = new Promise<void>((resolve) => (finishDispatch = resolve));
  const fakes = fakeActivities().activities;
  const activities: OrderActivities = {
    ...fakes,
    dispatchDocuments: async (input) => {
      dispatchStarted = true;
      await dispatchMayFinish;
      return fakes.dispatchDocuments(input);
    },
  };
  const activityWorker = await Worker.create({ connection: env.nativeConnection, taskQueue, activities });
  const workflowWorker = () =>
    Worker.create({
      connection: env.nativeConnection,
      taskQueue,
      workflowBundle,
      stickyQueueScheduleToStartTimeout: '1s',
    });

  await activityWorker.runUntil(async () => {
    const input = workflowInput();
    const handle: WorkflowHandle<typeof orderWorkflow> = await env.client.workflow.start(orderWorkflow, {
      taskQueue,
      workflowId: input.order.orderId,
      args: [input],
    });
    const send = async (event: OrderEventInput) =>
      withOrderAfter(
        handle,
        await handle.executeUpdate(recordEventUpdate, { args: [{ event, actor: 'test' }] }),
      );

    const first = await workflowWorker();
    await first.runUntil(async () => {
      for (const event of fullLifeEvents.filter((e) => e.type !== 'GOODS_RELEASED')) {
        if (event.type === 'BOOKING_CONFIRMED')
          await orderWhen(handle, (s) => s.shipping.booking.requestedAt !== null);
        if (event.type === 'DOCUMENTS_CONFIRMED')
          await orderWhen(handle, (s) => s.documents.copiesSentAt !== null);
        await send(event);
      }
      await eventually(() => Promise.resolve(dispatchStarted ? true : undefined));
    });

    // No workflow worker now: the dispatch finishes and a note is sent; both wait for the next worker.
    finishDispatch();
    await eventually(async () => {
      const { events } = await handle.fetchHistory();
      return dispatchCompletions(events ?? []).length > 0 ? true : undefined;
    });
    const noted = send({ type: 'NOTE_ADDED', text: 'customer called about pickup', eventId: 'note-1' });
    await new Promise((resolve) => setTimeout(resolve, 500));

    const second = await workflowWorker();
    const final = await second.runUntil(async () => {
      const afterNote = (await noted).order;
      // The update is decided after the result that came with it, as a live worker that got them
      // one after the other would have: the dispatch is in the timeline before the note.
      const types = afterNote.timeline.map((t) => t.type);
      expect(types.slice(-2)).toEqual(['EFFECT_COMPLETED', 'NOTE_ADDED']);
      expect(afterNote.documents.dispatchedAt).not.toBeNull();
      return (await send(fullLife.released)).order;
    });
    expect(final.status).toBe('COMPLETED');

    // The scenario happened: the task that accepted the note also brought the dispatch result.
    const history = await handle.fetchHistory();
    const events = history.events ?? [];
    const where = (has: (e: (typeof events)[number]) => unknown) =>
      events.flatMap((e, i) => (has(e) ? [i] : []));
    const accepted = where((e) => e.workflowExecutionUpdateAcceptedEventAttributes).slice(-2)[0];
    const [previousTask, acceptingTask] = where((e) => e.workflowTaskCompletedEventAttributes)
      .filter((i) => i < accepted)
      .slice(-2);
    const dispatchDone = dispatchCompletions(events).pop()!;
    expect(dispatchDone).toBeGreaterThan(previousTask);
    expect(dispatchDone).toBeLessThan(acceptingTask);

    await expect(
      Worker.runReplayHistory({ workflowBundle }, history, handle.workflowId),
    ).resolves.toBeUndefined();
  });
});
