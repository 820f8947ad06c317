/**
 * The baseline worker (bench/baselineWorkflows.ts) as a process of its own, on the task queue
 * `BENCH_TASK_QUEUE`, with the app's payload codec. Prints `ready` once it polls.
 */
import { DefaultLogger, NativeConnection, Runtime, Worker } from '@temporalio/worker';
import { dataConverterFor } from '../../src/codec/dataConverter';
import { loadConfig } from '../../src/config/env';

async function main(): Promise<void> {
  Runtime.install({ logger: new DefaultLogger('WARN') });
  const config = loadConfig(process.env);
  const connection = await NativeConnection.connect({ address: config.temporal.address });
  const worker = await Worker.create({
    connection,
    namespace: config.temporal.namespace,
    taskQueue: process.env.BENCH_TASK_QUEUE ?? 'bench-baseline',
    dataConverter: dataConverterFor(config),
    workflowsPath: require.resolve('../baselineWorkflows'),
  });
  process.on('SIGTERM', () => worker.shutdown());
  const running = worker.run();
  console.log('ready');
  await running;
  await connection.close();
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
