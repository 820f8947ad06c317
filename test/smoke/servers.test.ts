import { WorkflowUpdateFailedError } from '@temporalio/client';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { bundleWorkflowCode, Worker, WorkflowBundleWithSourceMap } from '@temporalio/worker';
import { devServerEnvironment, timeSkippingEnvironment, uniqueTaskQueue } from '../../harness/temporal';
import { addSignal, addUpdate, finishSignal, pingWorkflow, totalQuery } from './pingWorkflow';

let workflowBundle: WorkflowBundleWithSourceMap;

beforeAll(async () => {
  workflowBundle = await bundleWorkflowCode({ workflowsPath: require.resolve('./pingWorkflow') });
});

async function exercise(env: TestWorkflowEnvironment): Promise<void> {
  const taskQueue = uniqueTaskQueue('smoke');
  const worker = await Worker.create({ connection: env.nativeConnection, taskQueue, workflowBundle });
  await worker.runUntil(async () => {
    const handle = await env.client.workflow.start(pingWorkflow, {
      taskQueue,
      workflowId: `smoke-${taskQueue}`,
    });
    await handle.signal(addSignal, 2);
    expect(await handle.executeUpdate(addUpdate, { args: [3] })).toBe(5);
    await expect(handle.executeUpdate(addUpdate, { args: [-1] })).rejects.toBeInstanceOf(
      WorkflowUpdateFailedError,
    );
    expect(await handle.query(totalQuery)).toBe(5);
    await handle.signal(finishSignal);
    expect(await handle.result()).toBe(5);
  });
}

describe('real Temporal servers from the project venv', () => {
  it('runs a workflow with a signal, an update and a query on the dev server', async () => {
    const env = await devServerEnvironment();
    try {
      await exercise(env);
    } finally {
      await env.teardown();
    }
  });

  it('runs the same workflow on the time-skipping test server', async () => {
    const env = await timeSkippingEnvironment();
    try {
      await exercise(env);
    } finally {
      await env.teardown();
    }
  });
});
