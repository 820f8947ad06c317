/**
 * Memory per cached order (`npx tsx bench/cache-footprint.ts --orders 300`): starts N idle orders
 * on a worker whose cache holds them all and reports the worker's growth in RSS per order. This is
 * what `WORKER_MAX_CACHED_WORKFLOWS` multiplies; the benchmark's scale part shows the bound.
 */
import { Client, Connection } from '@temporalio/client';
import { DefaultLogger, NativeConnection, Runtime, Worker } from '@temporalio/worker';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { dataConverterFor } from '../src/codec/dataConverter';
import { loadConfig } from '../src/config/env';
import { startDevServer } from '../src/dev/devServer';
import { orderWorkflow } from '../src/workflows';
import { orderQuery } from '../src/workflows/messages';
import { ORDER_WORKFLOW_SOURCE } from '../src/workflowBundle';
import { fakeActivities } from '../harness/fakeActivities';
import { workflowInput } from '../harness/orderFixtures';
import { pool } from './driver';
import { numberArg, parseArgs, settledRssMb } from './lib';

async function main(): Promise<void> {
  const n = numberArg(parseArgs(process.argv.slice(2)), 'orders', 300);
  Runtime.install({ logger: new DefaultLogger('WARN') });
  const dir = mkdtempSync(join(tmpdir(), 'order-desk-footprint-'));
  const server = await startDevServer({ dbFile: join(dir, 'temporal.db'), logFile: join(dir, 'server.log') });
  const native = await NativeConnection.connect({ address: server.address });
  const connection = await Connection.connect({ address: server.address });
  const dataConverter = dataConverterFor(loadConfig());
  const client = new Client({ connection, dataConverter });
  const taskQueue = 'footprint';
  const worker = await Worker.create({
    connection: native,
    taskQueue,
    dataConverter,
    ...ORDER_WORKFLOW_SOURCE,
    activities: fakeActivities().activities,
    maxCachedWorkflows: n + 10,
  });
  try {
    await worker.runUntil(async () => {
      // one order first, so the bundle, the VM and the connections are in the baseline
      const first = await client.workflow.start(orderWorkflow, {
        workflowId: 'FOOTPRINT-0',
        taskQueue,
        args: [workflowInput({ orderId: 'FOOTPRINT-0' })],
      });
      await first.query(orderQuery);
      const before = await settledRssMb(process.pid);
      const ids = Array.from({ length: n }, (_, i) => `FOOTPRINT-${i + 1}`);
      await pool(ids, 16, async (id) => {
        const handle = await client.workflow.start(orderWorkflow, {
          workflowId: id,
          taskQueue,
          args: [workflowInput({ orderId: id })],
        });
        await handle.query(orderQuery); // answered once its first task ran: it is in the cache
      });
      const after = await settledRssMb(process.pid);
      console.log(
        `${n} cached idle orders: worker RSS ${before.toFixed(0)} -> ${after.toFixed(0)} MB, ` +
          `${(((after - before) / n) * 1024).toFixed(0)} kB per cached order`,
      );
    });
  } finally {
    await connection.close();
    await native.close();
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
