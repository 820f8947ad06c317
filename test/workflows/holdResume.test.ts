/**
 * Hold and resume on Temporal's time-skipping server: no stall reminder while the order is on hold,
 * the stage deadline moved by the time held on resume, and the reminder then due at the moved
 * deadline. Activities are stand-ins.
 */
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker, type WorkflowBundleWithSourceMap } from '@temporalio/worker';
import { orderEventSignal, orderQuery } from '../../src/workflows/messages';
import { orderWorkflow } from '../../src/workflows';
import { bundleOrderWorkflows } from '../../harness/bundle';
import { fakeActivities } from '../../harness/fakeActivities';
import { workflowInput } from '../../harness/orderFixtures';
import { orderWhen } from '../../harness/orderClient';
import { eventually, timeSkippingEnvironment, uniqueTaskQueue } from '../../harness/temporal';

const HOUR = 3_600_000;

let env: TestWorkflowEnvironment;
let workflowBundle: WorkflowBundleWithSourceMap;

beforeAll(async () => {
  [env, workflowBundle] = await Promise.all([timeSkippingEnvironment(), bundleOrderWorkflows()]);
});

afterAll(async () => {
  await env?.teardown();
});

it('sends no reminder while on hold, and reminds at the deadline moved by the time held', async () => {
  const createdAt = new Date(await env.currentTimeMs()).toISOString();
  const input = workflowInput({ stageTimeLimits: { INQUIRY: '24h' } }, { createdAt });
  const taskQueue = uniqueTaskQueue('hold');
  const { activities, calls } = fakeActivities();
  const reminders = () => calls.filter((c) => c.name === 'sendStallReminder');
  const worker = await Worker.create({
    connection: env.nativeConnection,
    taskQueue,
    workflowBundle,
    activities,
  });
  await worker.runUntil(async () => {
    const handle = await env.client.workflow.start(orderWorkflow, {
      taskQueue,
      workflowId: input.order.orderId,
      args: [input],
    });
    const started = await handle.query(orderQuery);
    const deadline = Date.parse(started.stageDeadline ?? '');

    await env.sleep(2 * HOUR);
    await handle.signal(orderEventSignal, {
      type: 'ORDER_ON_HOLD',
      reason: 'factory closed for the holiday',
    });
    const held = await orderWhen(handle, (s) => s.hold != null);
    const heldSince = Date.parse(held.hold?.since ?? '');

    // Two days on hold: well past the 24h limit, and no reminder.
    await env.sleep(48 * HOUR);
    await eventually(async () => ((await handle.describe()).raw.pendingWorkflowTask ? undefined : true));
    expect((await handle.query(orderQuery)).stalled).toBe(false);
    expect(reminders()).toHaveLength(0);

    await handle.signal(orderEventSignal, { type: 'ORDER_RESUMED' });
    const resumed = await orderWhen(handle, (s) => !s.hold);
    const resumedAt = Date.parse(resumed.updatedAt);
    const moved = deadline + (resumedAt - heldSince);
    expect(Date.parse(resumed.stageDeadline ?? '')).toBe(moved);

    // Not yet just before the moved deadline; reminded just after it.
    await env.sleep(moved - HOUR - (await env.currentTimeMs()));
    await eventually(async () => ((await handle.describe()).raw.pendingWorkflowTask ? undefined : true));
    expect(reminders()).toHaveLength(0);
    await env.sleep(2 * HOUR);
    await orderWhen(handle, (s) => s.stalled);
    await eventually(() => Promise.resolve(reminders().length === 1 ? true : undefined));

    await handle.signal(orderEventSignal, { type: 'ORDER_CANCELLED', reason: 'test finished' });
    await handle.result();
  });
});
