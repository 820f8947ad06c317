/**
 * The upgrade rehearsal on the dev server: orders start on the 1.0 build, the worker is replaced by
 * a build that ships a change behind a release patch (src/workflows/releases.ts), and the running
 * orders finish on the new worker as they began, while a new order (and the next run of a
 * continued one) takes the change. Their histories then replay on the new build.
 */
import { WorkflowUpdateFailedError, type WorkflowHandle } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import {
  bundleWorkflowCode,
  DefaultLogger,
  Worker,
  type WorkflowBundleWithSourceMap,
} from '@temporalio/worker';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import type { OrderEventInput } from '../../src/domain';
import { ORDER_WORKFLOW_BUNDLE } from '../../src/workflowBundle';
import { orderWorkflow } from '../../src/workflows';
import { recordEventUpdate, RUN_DRAINING } from '../../src/workflows/messages';
import { RELEASE_PATCHES } from '../../src/workflows/releases';
import { fakeActivities } from '../../harness/fakeActivities';
import { orderWhen } from '../../harness/orderClient';
import { planLife, workflowInput } from '../../harness/orderFixtures';
import { takes, twoShipmentLife } from '../../harness/shipmentLives';
import { devServerEnvironment, eventually, uniqueTaskQueue } from '../../harness/temporal';

// The module as the bundler meets it (a relative import, joined to its folder, before its extension).
const RELEASES = require.resolve('../../src/workflows/releases').replace(/\.ts$/, '');
const NEXT = require.resolve('./upgrade/releases-next');

/** The order workflows as the next release builds them: its release list names one more patch. */
function nextBuild(): Promise<WorkflowBundleWithSourceMap> {
  return bundleWorkflowCode({
    ...ORDER_WORKFLOW_BUNDLE,
    logger: new DefaultLogger('WARN'),
    webpackConfigHook: (config) => {
      const base = ORDER_WORKFLOW_BUNDLE.webpackConfigHook(config);
      const alias = base.resolve?.alias;
      return {
        ...base,
        resolve: { ...base.resolve, alias: { ...(Array.isArray(alias) ? {} : alias), [RELEASES]: NEXT } },
      };
    },
  });
}

let env: TestWorkflowEnvironment;
let builds: { v1: WorkflowBundleWithSourceMap; next: WorkflowBundleWithSourceMap };

beforeAll(async () => {
  const [e, v1, next] = await Promise.all([
    devServerEnvironment(),
    bundleWorkflowCode({ ...ORDER_WORKFLOW_BUNDLE, logger: new DefaultLogger('WARN') }),
    nextBuild(),
  ]);
  env = e;
  builds = { v1, next };
});

afterAll(async () => {
  await env?.teardown();
});

/** An event by update; one that meets a run handing over to its next (continue-as-new) is sent again. */
async function send(handle: WorkflowHandle, event: OrderEventInput): Promise<void> {
  for (;;) {
    try {
      await handle.executeUpdate(recordEventUpdate, { args: [{ event, actor: 'ops' }] });
      return;
    } catch (err) {
      const draining =
        err instanceof WorkflowUpdateFailedError &&
        err.cause instanceof ApplicationFailure &&
        err.cause.type === RUN_DRAINING;
      if (!draining) throw err;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
}

async function walk(handle: WorkflowHandle, events: OrderEventInput[]): Promise<void> {
  for (const event of events) {
    await orderWhen(handle, (s) => takes(s, event));
    await send(handle, event);
  }
}

/** The newest release this build ships: what orders started on it follow. */
const CURRENT = RELEASE_PATCHES.at(-1);
const releaseOf = async (handle: WorkflowHandle) => (await handle.describe()).memo?.release;

it('finishes orders started on 1.0 on the next build, which new orders and new runs follow', async () => {
  const taskQueue = uniqueTaskQueue('upgrade');
  const start = async (input = workflowInput({}, { archiveAfter: '1s' })) =>
    env.client.workflow.start(orderWorkflow, { taskQueue, workflowId: input.order.orderId, args: [input] });
  const worker = (workflowBundle: WorkflowBundleWithSourceMap) =>
    Worker.create({
      connection: env.nativeConnection,
      taskQueue,
      workflowBundle,
      activities: fakeActivities().activities,
      // No order stays cached between the builds: the new worker replays each from its history.
      maxCachedWorkflows: 0,
    });

  // On this build: a TT order half way, an order in two shipments, one that will continue as new.
  const tt = planLife('TT');
  const parts = twoShipmentLife('OA');
  const [ttOrder, partsOrder, longOrder] = await Promise.all([
    start(),
    start(),
    start(workflowInput({}, { archiveAfter: '1s', continueAsNewAfterEvents: 4 })),
  ]);
  const old = await worker(builds.v1);
  await old.runUntil(async () => {
    await walk(ttOrder, tt.slice(0, 5));
    await walk(partsOrder, parts.slice(0, 8));
    await walk(longOrder, tt.slice(0, 2));
  });
  expect(await releaseOf(ttOrder)).toBe(CURRENT);

  // The next build takes over the running orders; a new order starts on it.
  const next = await worker(builds.next);
  const firstRun = (await longOrder.describe()).runId;
  await next.runUntil(async () => {
    const fresh = await start();
    await Promise.all([
      walk(ttOrder, tt.slice(5)),
      walk(partsOrder, parts.slice(8)),
      walk(longOrder, tt.slice(2)),
      walk(fresh, tt),
    ]);
    const finals = await Promise.all([ttOrder, partsOrder, longOrder, fresh].map((h) => h.result()));
    expect(finals.map((f) => [f.status, f.amountOutstanding?.amount])).toEqual(
      Array(4).fill(['COMPLETED', '0.00']),
    );
    // Running orders finished as they began; the new order and the continued run follow the release.
    expect(await releaseOf(ttOrder)).toBe(CURRENT);
    expect(await releaseOf(partsOrder)).toBe(CURRENT);
    expect(await releaseOf(fresh)).toBe('rehearsal-next');
    const longNow = await longOrder.describe();
    expect(longNow.runId).not.toBe(firstRun);
    expect(longNow.memo?.release).toBe('rehearsal-next');
  });

  // Every run of them replays on the next build, and the 1.0 parts on 1.0 too.
  const histories = await Promise.all(
    [ttOrder, partsOrder, longOrder].map(async (h) => ({
      workflowId: h.workflowId,
      history: await h.fetchHistory(),
    })),
  );
  const failures: string[] = [];
  for await (const result of Worker.runReplayHistories({ workflowBundle: builds.next }, histories))
    if (result.error) failures.push(`${result.workflowId}: ${String(result.error)}`);
  expect(failures).toEqual([]);
  const taskFailures = await eventually(async () => {
    const failed: string[] = [];
    for (const h of [ttOrder, partsOrder, longOrder]) {
      const history = await h.fetchHistory();
      if (history.events?.some((e) => e.workflowTaskFailedEventAttributes)) failed.push(h.workflowId);
    }
    return failed;
  });
  expect(taskFailures).toEqual([]);
}, 240_000);
