/**
 * A stage limit in working days on Temporal's time-skipping server: an inquiry that arrives on
 * Friday evening in Shanghai with a limit of "1wd" does not stall over the weekend, and stalls (the
 * account manager reminded) once Monday's working day has run out. Activities are stand-ins.
 */
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker, type WorkflowBundleWithSourceMap } from '@temporalio/worker';
import { join } from 'node:path';
import { loadWorkingCalendar } from '../../src/config/workingCalendar';
import { DEFAULT_STALL_POLICY, limitDeadline } from '../../src/domain';
import { orderEventSignal, orderQuery } from '../../src/workflows/messages';
import { orderWorkflow } from '../../src/workflows';
import { bundleOrderWorkflows } from '../../harness/bundle';
import { fakeActivities } from '../../harness/fakeActivities';
import { workflowInput } from '../../harness/orderFixtures';
import { orderWhen } from '../../harness/orderClient';
import { eventually, timeSkippingEnvironment, uniqueTaskQueue } from '../../harness/temporal';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

let env: TestWorkflowEnvironment;
let workflowBundle: WorkflowBundleWithSourceMap;

beforeAll(async () => {
  [env, workflowBundle] = await Promise.all([timeSkippingEnvironment(), bundleOrderWorkflows()]);
});

afterAll(async () => {
  await env?.teardown();
});

/** The first Friday 18:00 in Shanghai (10:00 UTC) after `ms`. */
function nextFridayEvening(ms: number): number {
  const day = Math.floor(ms / DAY) + 1;
  const friday = day + ((5 - new Date(day * DAY).getUTCDay() + 7) % 7);
  return friday * DAY + 10 * HOUR;
}

it('a "1wd" inquiry from Friday evening in Shanghai does not stall on Saturday, and stalls on Monday evening', async () => {
  const calendarFile = join(__dirname, '../../config/calendars/cn-2027.json');
  const fridayEvening = nextFridayEvening(await env.currentTimeMs());
  const calendar = loadWorkingCalendar(calendarFile).forOrderAt(new Date(fridayEvening));
  // Monday 18:00 in Shanghai, unless the calendar has that Monday off.
  const deadline = limitDeadline(new Date(fridayEvening).toISOString(), '1wd', calendar);
  expect(Date.parse(deadline)).toBeGreaterThanOrEqual(fridayEvening + 3 * DAY);

  // The server's clock to Friday evening, so the order is recorded then.
  await env.sleep(fridayEvening - (await env.currentTimeMs()));
  const createdAt = new Date(await env.currentTimeMs()).toISOString();
  const input = workflowInput(
    { stageTimeLimits: { INQUIRY: '1wd' } },
    { stallDefaults: { ...DEFAULT_STALL_POLICY, calendar }, createdAt },
  );

  const taskQueue = uniqueTaskQueue('calendar');
  const { activities, calls } = fakeActivities();
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
    expect(started.stageDeadline).toBe(limitDeadline(createdAt, '1wd', calendar));

    // Saturday 20:00: a "24h" limit would have stalled two hours ago (and its timer's task run).
    await env.sleep(26 * HOUR);
    await eventually(async () => ((await handle.describe()).raw.pendingWorkflowTask ? undefined : true));
    const saturday = await handle.query(orderQuery);
    expect(saturday.stalled).toBe(false);
    expect(calls.filter((c) => c.name === 'sendStallReminder')).toHaveLength(0);

    // Half an hour past the working-day deadline: stalled, and the account manager reminded.
    await env.sleep(Date.parse(deadline) + HOUR / 2 - (await env.currentTimeMs()));
    await orderWhen(handle, (s) => s.stalled);
    await eventually(() =>
      Promise.resolve(calls.some((c) => c.name === 'sendStallReminder') ? true : undefined),
    );

    await handle.signal(orderEventSignal, { type: 'ORDER_CANCELLED', reason: 'test finished' });
    await handle.result();
  });
});
