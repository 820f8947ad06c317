import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker } from '@temporalio/worker';
import { bundleOrderWorkflows } from './bundle';
import { fakeActivities } from './fakeActivities';
import { devServerEnvironment, uniqueTaskQueue } from './temporal';

export interface DevServerWorker {
  /** Set once the file's `beforeAll` ran. */
  env: TestWorkflowEnvironment;
  taskQueue: string;
  /** The stand-in activities the worker runs, with every call they took. */
  fakes: ReturnType<typeof fakeActivities>;
}

/**
 * For a test file: the dev server and one worker of the order workflows on a task queue of its own,
 * running stand-in activities, started before the file's tests and stopped after them.
 */
export function devServerWorker(name: string): DevServerWorker {
  const context = { taskQueue: uniqueTaskQueue(name), fakes: fakeActivities() } as DevServerWorker;
  let worker: Worker | undefined;
  let running: Promise<void> | undefined;
  beforeAll(async () => {
    const [env, workflowBundle] = await Promise.all([devServerEnvironment(), bundleOrderWorkflows()]);
    context.env = env;
    worker = await Worker.create({
      connection: env.nativeConnection,
      taskQueue: context.taskQueue,
      workflowBundle,
      activities: context.fakes.activities,
    });
    running = worker.run();
  });
  afterAll(async () => {
    worker?.shutdown();
    await running;
    await context.env?.teardown();
  });
  return context;
}
