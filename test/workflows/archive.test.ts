/**
 * A closed order's tail on Temporal's time-skipping test server: after COMPLETED or CANCELLED the
 * workflow stays open, takes what a closed order takes, and ends (archived) once the order is
 * settled and quiet for its archive period. Activities are stand-ins.
 */
import { WorkflowNotFoundError, WorkflowUpdateFailedError, type WorkflowHandle } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker, type WorkflowBundleWithSourceMap } from '@temporalio/worker';
import type { OrderEventInput } from '../../src/domain';
import { orderEventSignal, orderQuery, recordEventUpdate } from '../../src/workflows/messages';
import { orderWorkflow } from '../../src/workflows';
import type { OrderWorkflowInput } from '../../src/workflows/input';
import { bundleOrderWorkflows } from '../../harness/bundle';
import { fakeActivities } from '../../harness/fakeActivities';
import { fullLife, workflowInput } from '../../harness/orderFixtures';
import { orderWhen, signalAndSettle, walkFullLife, withOrderAfter } from '../../harness/orderClient';
import { eventually, timeSkippingEnvironment, uniqueTaskQueue } from '../../harness/temporal';

let env: TestWorkflowEnvironment;
let workflowBundle: WorkflowBundleWithSourceMap;

beforeAll(async () => {
  [env, workflowBundle] = await Promise.all([timeSkippingEnvironment(), bundleOrderWorkflows()]);
});

afterAll(async () => {
  await env?.teardown();
});

const DAY = 86_400_000;

async function withOrder(
  input: OrderWorkflowInput,
  body: (handle: WorkflowHandle<typeof orderWorkflow>) => Promise<void>,
  activities = fakeActivities().activities,
): Promise<void> {
  const taskQueue = uniqueTaskQueue('archive');
  const worker = await Worker.create({
    connection: env.nativeConnection,
    taskQueue,
    workflowBundle,
    activities,
  });
  const createdAt = new Date(await env.currentTimeMs()).toISOString();
  await worker.runUntil(async () => {
    const handle = await env.client.workflow.start(orderWorkflow, {
      taskQueue,
      workflowId: input.order.orderId,
      args: [{ ...input, createdAt }],
    });
    try {
      await body(handle);
    } finally {
      if ((await handle.describe()).status.name === 'RUNNING') await handle.terminate('test finished');
    }
  });
}

/** An event through the update, as the API sends it. */
const record = async (handle: WorkflowHandle, event: OrderEventInput) =>
  withOrderAfter(
    handle,
    await handle.executeUpdate(recordEventUpdate, { args: [{ event, actor: 'ops-test', role: 'ops' }] }),
  );

async function refusal(promise: Promise<unknown>): Promise<ApplicationFailure> {
  const err = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(WorkflowUpdateFailedError);
  const cause = (err as WorkflowUpdateFailedError).cause;
  expect(cause).toBeInstanceOf(ApplicationFailure);
  return cause as ApplicationFailure;
}

/** Waits until the order has no activity or workflow task in flight, so the server may skip time. */
async function idle(handle: WorkflowHandle): Promise<void> {
  await eventually(
    async () => {
      const { status, raw } = await handle.describe();
      const busy = Boolean(raw.pendingActivities?.length) || Boolean(raw.pendingWorkflowTask);
      return status.name !== 'RUNNING' || !busy ? true : undefined;
    },
    { timeoutMs: 10_000 },
  );
}

describe('a closed order (time-skipping server)', () => {
  it('takes a note after COMPLETED, refuses a stage event, and archives after the quiet period', async () => {
    await withOrder(workflowInput({}, { archiveAfter: '30d' }), async (handle) => {
      await walkFullLife(handle, (event) => signalAndSettle(handle, event));
      const completed = await orderWhen(handle, (s) => s.status === 'COMPLETED');
      expect(completed.closedAt).not.toBeNull();

      const noted = await record(handle, { type: 'NOTE_ADDED', text: 'claim: 3 panels cracked' });
      expect(noted.order).toMatchObject({
        stage: 'COMPLETED',
        status: 'COMPLETED',
        // Money after the ship sails: costs, and the settlement of the receipts in USD.
        allowedEvents: ['NOTE_ADDED', 'EVENT_CORRECTED', 'FX_SETTLED', 'COST_RECORDED'],
      });
      expect(noted.order.timeline.at(-1)).toMatchObject({ type: 'NOTE_ADDED', actor: 'ops-test' });
      const stageEvent = await refusal(record(handle, fullLife.progress));
      expect(stageEvent.type).toBe('EVENT_NOT_ALLOWED');
      expect(stageEvent.details?.[0]).toMatchObject({
        stage: 'COMPLETED',
        allowedEvents: ['NOTE_ADDED', 'EVENT_CORRECTED', 'FX_SETTLED', 'COST_RECORDED'],
      });

      // Still open, with no reminder, well within the quiet period counted from the note.
      await idle(handle);
      await env.sleep('29d');
      await idle(handle);
      expect((await handle.describe()).status.name).toBe('RUNNING');
      expect((await handle.query(orderQuery)).archivedAt).toBeUndefined();

      const final = await handle.result();
      expect(final).toMatchObject({ stage: 'COMPLETED', status: 'COMPLETED', remindersSent: 0 });
      expect(final.timeline.at(-1)).toMatchObject({ type: 'ORDER_ARCHIVED', actor: 'system' });
      const noteAt = Date.parse(noted.order.updatedAt);
      expect(Date.parse(final.archivedAt ?? '')).toBeGreaterThanOrEqual(noteAt + 30 * DAY);

      // Archived: the workflow is closed, so no event reaches it; the query still answers.
      await expect(record(handle, { type: 'NOTE_ADDED', text: 'too late' })).rejects.toBeInstanceOf(
        WorkflowNotFoundError,
      );
      expect((await handle.query(orderQuery)).archivedAt).toBe(final.archivedAt);
    });
  });

  it("keeps a claiming company's order open for its rebate, reminds before the deadline, and archives once it is closed", async () => {
    const company = { documentGate: false, hasChop: false, rebateMethod: 'TRADING' as const };
    const { activities, calls } = fakeActivities();
    await withOrder(
      workflowInput({}, { archiveAfter: '30d' }),
      async (handle) => {
        const send = (event: OrderEventInput, role: 'ops' | 'manager' = 'ops') =>
          handle.executeUpdate(recordEventUpdate, { args: [{ event, actor: 'ops-test', role, company }] });
        await walkFullLife(handle, (event) => send(event));
        const completed = await orderWhen(handle, (s) => s.status === 'COMPLETED');
        expect(completed.rebate).toMatchObject({ status: 'PENDING' });
        const deadlineAt = Date.parse(completed.rebate?.deadlineAt ?? '');
        // Settle every receipt, so only the rebate keeps the order on the desk.
        for (const r of completed.payments.receipts)
          await send({
            type: 'FX_SETTLED',
            paymentEventId: r.eventId ?? '',
            rate: '7.0000',
            cnyAmount: { amount: (Number(r.amount.amount) * 7).toFixed(2), currency: 'CNY' },
            settledOn: '2027-01-05',
          });
        await idle(handle);
        // Past the quiet period and up to a day after the last reminder (7 days before the deadline).
        const untilLast = deadlineAt - 7 * DAY + DAY - (await env.currentTimeMs());
        await env.sleep(untilLast);
        await idle(handle);
        expect((await handle.describe()).status.name).toBe('RUNNING');
        const reminders = calls.filter((c) => c.name === 'sendMoneyDeadlineReminder');
        expect(reminders.map((c) => c.input.sequence)).toEqual([1, 2, 3]);
        const state = await handle.query(orderQuery);
        expect(state.rebate?.remindersSent).toBe(3);

        await send({ type: 'REBATE_NOT_APPLICABLE', reason: 'goods without a rebate rate' }, 'manager');
        const final = await handle.result();
        expect(final.archivedAt).toBeDefined();
        expect(final.rebate?.status).toBe('NOT_APPLICABLE');
      },
      activities,
    );
  });

  it('continues as new during the tail and archives from the new run', async () => {
    const input = workflowInput({}, { archiveAfter: '10d', continueAsNewAfterEvents: 3 });
    await withOrder(input, async (handle) => {
      const firstRun = (await handle.describe()).runId;
      await handle.signal(orderEventSignal, { type: 'ORDER_CANCELLED', reason: 'customer went quiet' });
      for (const text of ['one', 'two', 'three'])
        await handle.signal(orderEventSignal, { type: 'NOTE_ADDED', text });
      await eventually(async () => ((await handle.describe()).runId !== firstRun ? true : undefined));
      const state = await orderWhen(handle, (s) => s.noteCount === 3);
      expect(state).toMatchObject({ stage: 'CANCELLED', rejectedEvents: [] });

      const final = await handle.result();
      expect(final.stage).toBe('CANCELLED');
      expect(final.archivedAt).toBeDefined();
      expect(final.timeline.filter((t) => t.type === 'NOTE_ADDED')).toHaveLength(3);
    });
  });
});
