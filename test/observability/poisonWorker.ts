/**
 * Test-only worker entry: the product's runtime (JSON logs, Prometheus exporter) around a worker
 * that runs only the test's failing workflow and activity, on the task queue the environment names.
 */
import { NativeConnection, Worker } from '@temporalio/worker';
import { loadConfig } from '../../src/config/env';
import { temporalConnectionOptions } from '../../src/config/temporalConnection';
import { installWorkerRuntime } from '../../src/observability/workerRuntime';

export const outageActivities = {
  sendDuringOutage(): Promise<void> {
    return Promise.reject(new Error('connect ECONNREFUSED (test SMTP outage)'));
  },
};

async function main(): Promise<void> {
  const config = loadConfig();
  installWorkerRuntime(config);
  const connection = await NativeConnection.connect(temporalConnectionOptions(config.temporal));
  const worker = await Worker.create({
    connection,
    namespace: config.temporal.namespace,
    taskQueue: config.temporal.taskQueue,
    workflowsPath: require.resolve('./poisonWorkflow'),
    activities: outageActivities,
  });
  console.log('poison worker polling');
  await worker.run();
  await connection.close();
}

if (require.main === module)
  main().catch((err: unknown) => {
    console.error(err);
    process.exit(1);
  });
