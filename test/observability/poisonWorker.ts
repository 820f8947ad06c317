/**
 * Test-only worker entry: the product's runtime (JSON logs, Prometheus exporter) around a worker
 * that runs only the poisoned workflow, on the task queue the environment names.
 */
import { NativeConnection, Worker } from '@temporalio/worker';
import { loadConfig } from '../../src/config/env';
import { temporalConnectionOptions } from '../../src/config/temporalConnection';
import { installWorkerRuntime } from '../../src/observability/workerRuntime';

async function main(): Promise<void> {
  const config = loadConfig();
  installWorkerRuntime(config);
  const connection = await NativeConnection.connect(temporalConnectionOptions(config.temporal));
  const worker = await Worker.create({
    connection,
    namespace: config.temporal.namespace,
    taskQueue: config.temporal.taskQueue,
    workflowsPath: require.resolve('./poisonWorkflow'),
  });
  console.log('poison worker polling');
  await worker.run();
  await connection.close();
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
