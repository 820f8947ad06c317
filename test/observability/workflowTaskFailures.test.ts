import { Client, Connection } from '@temporalio/client';
import { freePort } from '../../src/dev/freePort';
import { scrape, sumOf } from '../../harness/prometheus';
import { eventually, uniqueTaskQueue } from '../../harness/temporal';
import { WorkerProcess } from '../../harness/workerProcess';
import { WORKER_METRICS } from './workerMetricNames';

// A workflow task that fails on every retry must show on the worker's Prometheus endpoint: that
// is what the "workflow task failures repeating" alert (ops/prometheus/alerts.yml) watches.
const address = process.env.TEMPORAL_TEST_ADDRESS!;
const namespace = process.env.TEMPORAL_TEST_NAMESPACE ?? 'default';
const taskQueue = uniqueTaskQueue('poison');
let worker: WorkerProcess;
let metricsUrl: string;
let connection: Connection;

beforeAll(async () => {
  const port = await freePort();
  metricsUrl = `http://127.0.0.1:${port}/metrics`;
  worker = new WorkerProcess(
    {
      NODE_ENV: 'test',
      TEMPORAL_ADDRESS: address,
      TEMPORAL_NAMESPACE: namespace,
      TEMPORAL_TASK_QUEUE: taskQueue,
      WORKER_METRICS_PORT: String(port),
    },
    'test/observability/poisonWorker.ts',
    'poison worker polling',
  );
  await worker.start();
  connection = await Connection.connect({ address });
});

afterAll(async () => {
  await worker?.kill('SIGTERM');
  await connection?.close();
});

it('counts the failed workflow tasks of a stuck workflow, by workflow type', async () => {
  const client = new Client({ connection, namespace });
  const before = sumOf(await scrape(metricsUrl), 'temporal_workflow_task_execution_failed');
  const handle = await client.workflow.start('poisonedOrder', {
    taskQueue,
    workflowId: `poisoned-${taskQueue}`,
  });
  try {
    const failed = await eventually(
      async () => {
        const samples = await scrape(metricsUrl);
        const n = sumOf(samples, 'temporal_workflow_task_execution_failed', {
          workflow_type: 'poisonedOrder',
          task_queue: taskQueue,
        });
        return n - before >= 2 ? samples : undefined;
      },
      { timeoutMs: 60_000, intervalMs: 500 },
    );
    expect(failed.length).toBeGreaterThan(0);
  } finally {
    await handle.terminate('test over');
  }
});

it('counts activity attempts that fail, by activity type (an SMTP outage)', async () => {
  const client = new Client({ connection, namespace });
  await client.workflow.execute('emailDuringOutage', { taskQueue, workflowId: `outage-${taskQueue}` });
  const samples = await scrape(metricsUrl);
  expect(
    sumOf(samples, 'temporal_activity_execution_failed', {
      activity_type: 'sendDuringOutage',
      task_queue: taskQueue,
    }),
  ).toBe(3);
});

it('exports every worker metric the dashboard and the alert rules use', async () => {
  const names = new Set((await scrape(metricsUrl)).map((s) => s.name));
  expect(WORKER_METRICS.filter((name) => !names.has(name))).toEqual([]);
});
