/**
 * The read model's write path, three ways (issue 12), on a bench-only workflow that writes one
 * timeline record per event through the app's `projectOrder` activity into a database of its own:
 *   (a) async: the update answers at once, a regular activity writes afterwards (what the app does);
 *   (b) wait: the same, and the client counts the event done once the row is visible in PostgreSQL;
 *   (c) local: the update handler awaits a local activity, so the answer comes after the write.
 * Each runs closed-loop (throughput, dev-server persistence requests) and open-loop at a fixed
 * arrival rate below capacity (latencies: a closed loop at saturation only measures its queue).
 */
import type { Client } from '@temporalio/client';
import type { DataConverter } from '@temporalio/common';
import { Worker, type NativeConnection, type WorkflowBundleWithSourceMap } from '@temporalio/worker';
import { Pool } from 'pg';
import { createReadModelActivities } from '../src/activities/readModel';
import { ensureDatabase } from '../src/dev/databases';
import type { OrderState } from '../src/domain';
import { createReadModel, migrate } from '../src/readModel';
import { historyFigures } from './history';
import { sleep, stats } from './lib';
import { persistenceRequests, perEvent } from './serverMetrics';
import { finishSignal, writeEventUpdate, writePathWorkflow, type WriteMode } from './writePathWorkflows';

export type Variant = 'a' | 'b' | 'c';
export const VARIANTS: Record<Variant, { mode: WriteMode; waitVisible: boolean; name: string }> = {
  a: { mode: 'regular', waitVisible: false, name: '(a) regular activity after the answer (app)' },
  b: { mode: 'regular', waitVisible: true, name: '(b) regular activity, client waits for the row' },
  c: { mode: 'local', waitVisible: false, name: '(c) local activity inside the update' },
};

export interface WritePathOptions {
  native: NativeConnection;
  client: Client;
  dataConverter: DataConverter;
  bundle: WorkflowBundleWithSourceMap;
  /** Superuser URL of the PostgreSQL server; the phase makes a database of its own there. */
  adminUrl: string;
  /** The order every write stores (its view is the row's JSON, as in the app). */
  template: OrderState;
  metricsPort?: number;
  clients: number;
  eventsPerClient: number;
  ratePerSecond: number;
  openLoopSeconds: number;
  log(line: string): void;
}

interface Sample {
  answerMs: number;
  doneMs: number;
  visibleMs: number;
}

const TASK_QUEUE = 'bench-write-path';
const POLL_MS = 5;

export async function writePathPhase(o: WritePathOptions) {
  const url = await ensureDatabase(o.adminUrl, 'bench_write_path');
  await migrate(url);
  const readModel = createReadModel({ url, max: 10 });
  const rows = new RowWatcher(new Pool({ connectionString: url, max: 2 }));
  const worker = await Worker.create({
    connection: o.native,
    taskQueue: TASK_QUEUE,
    dataConverter: o.dataConverter,
    workflowBundle: o.bundle,
    activities: createReadModelActivities(readModel),
  });
  const running = worker.run();
  try {
    const out: Record<string, unknown> = {};
    for (const v of Object.keys(VARIANTS) as Variant[]) out[v] = await measureVariant(v, o, rows);
    return {
      clients: o.clients,
      eventsPerClient: o.eventsPerClient,
      ratePerSecond: o.ratePerSecond,
      openLoopSeconds: o.openLoopSeconds,
      pollMs: POLL_MS,
      variants: out as Record<Variant, Awaited<ReturnType<typeof measureVariant>>>,
    };
  } finally {
    worker.shutdown();
    await running;
    await rows.close();
    await readModel.close();
  }
}

async function measureVariant(v: Variant, o: WritePathOptions, rows: RowWatcher) {
  const { mode, waitVisible } = VARIANTS[v];
  const start = async (id: string) =>
    o.client.workflow.start(writePathWorkflow, {
      workflowId: id,
      taskQueue: TASK_QUEUE,
      args: [{ mode, state: { ...o.template, orderId: id } }],
    });
  /** One event: the update's answer, then (b) the row; `visible` resolves when the row shows. */
  const send = async (id: string, eventId: string, samples: Sample[]) => {
    const t0 = performance.now();
    const seq = await o.client.workflow
      .getHandle(id)
      .executeUpdate(writeEventUpdate, { args: [{ eventId }], updateId: eventId });
    const answered = performance.now();
    const visible = rows.visible(id, seq);
    const done = waitVisible ? await visible : answered;
    samples.push({ answerMs: answered - t0, doneMs: done - t0, visibleMs: (await visible) - t0 });
  };
  const finish = async (ids: string[]) => {
    await Promise.all(ids.map((id) => o.client.workflow.getHandle(id).signal(finishSignal)));
    await Promise.all(ids.map((id) => o.client.workflow.getHandle(id).result()));
  };

  // what a workflow costs with no event: subtracted from the history per event
  const empty = `WP-${v}-empty`;
  await start(empty);
  await finish([empty]);
  const emptyHistory = await historyFigures(o.client, empty);

  // closed loop: every client sends its next event as soon as the last one is done
  const closedIds = Array.from({ length: o.clients }, (_, i) => `WP-${v}-closed-${i}`);
  await Promise.all(closedIds.map(start));
  await sleep(1_000);
  const before = await persistenceRequests(o.metricsPort);
  const closed: Sample[] = [];
  const t0 = performance.now();
  await Promise.all(
    closedIds.map(async (id) => {
      for (let i = 0; i < o.eventsPerClient; i++) await send(id, `${id}-e${i}`, closed);
    }),
  );
  const wallS = (performance.now() - t0) / 1000;
  // the writes (a) left behind are part of the cost: counted once they are in
  await sleep(1_000);
  const after = await persistenceRequests(o.metricsPort);
  await finish(closedIds);
  const history = await historyFigures(o.client, closedIds[0]);

  // open loop: events arrive at a fixed rate, spread over as many orders, whatever the answers do
  const openIds = Array.from({ length: o.clients }, (_, i) => `WP-${v}-open-${i}`);
  await Promise.all(openIds.map(start));
  await sleep(1_000);
  const open: Sample[] = [];
  const total = Math.round(o.ratePerSecond * o.openLoopSeconds);
  const pending: Promise<void>[] = [];
  const o0 = performance.now();
  for (let k = 0; k < total; k++) {
    const due = o0 + (k * 1000) / o.ratePerSecond;
    const wait = due - performance.now();
    if (wait > 0) await sleep(wait);
    const id = openIds[k % openIds.length];
    pending.push(send(id, `${id}-e${k}`, open));
  }
  await Promise.all(pending);
  await finish(openIds);

  const events = closed.length;
  const result = {
    name: VARIANTS[v].name,
    closedLoop: {
      events,
      wallS,
      eventsPerSecond: events / wallS,
      done: stats(closed.map((s) => s.doneMs)),
      visible: stats(closed.map((s) => s.visibleMs)),
    },
    openLoop: {
      events: open.length,
      answer: stats(open.map((s) => s.answerMs)),
      done: stats(open.map((s) => s.doneMs)),
      visible: stats(open.map((s) => s.visibleMs)),
    },
    historyEventsPerEvent: (history.events - emptyHistory.events) / o.eventsPerClient,
    historyBytesPerEvent: (history.bytes - emptyHistory.bytes) / o.eventsPerClient,
    persistenceRequestsPerEvent: perEvent(before, after, events),
  };
  o.log(
    `write path ${v}: ${result.closedLoop.eventsPerSecond.toFixed(0)} events/s closed loop; open loop at ${o.ratePerSecond}/s done p50 ${result.openLoop.done.p50.toFixed(1)} p99 ${result.openLoop.done.p99.toFixed(1)} ms, visible p50 ${result.openLoop.visible.p50.toFixed(1)} p99 ${result.openLoop.visible.p99.toFixed(1)} ms; ${result.historyEventsPerEvent.toFixed(1)} history events/event; ${result.persistenceRequestsPerEvent?.total.toFixed(1) ?? '-'} persistence requests/event`,
  );
  return result;
}

/**
 * When is an order's row at a sequence visible to a reader? One query for every order waited on,
 * at once for a new waiter when idle, then every POLL_MS while any waits.
 */
class RowWatcher {
  private readonly waiting = new Map<string, { seq: number; resolve: (at: number) => void }[]>();
  private polling = false;

  constructor(private readonly pool: Pool) {}

  /** Resolves with performance.now() of the first read that showed the row at `seq` or later. */
  visible(orderId: string, seq: number): Promise<number> {
    return new Promise((resolve) => {
      const list = this.waiting.get(orderId) ?? [];
      list.push({ seq, resolve });
      this.waiting.set(orderId, list);
      if (!this.polling) void this.poll();
    });
  }

  private async poll(): Promise<void> {
    this.polling = true;
    try {
      while (this.waiting.size) {
        const { rows } = await this.pool.query<{ order_id: string; seq: number }>(
          'SELECT order_id, seq FROM orders WHERE order_id = ANY($1)',
          [[...this.waiting.keys()]],
        );
        const at = performance.now();
        for (const row of rows) {
          const list = this.waiting.get(row.order_id) ?? [];
          const left = list.filter((w) => w.seq > row.seq);
          for (const w of list) if (w.seq <= row.seq) w.resolve(at);
          if (left.length) this.waiting.set(row.order_id, left);
          else this.waiting.delete(row.order_id);
        }
        if (this.waiting.size) await sleep(POLL_MS);
      }
    } finally {
      this.polling = false;
    }
  }

  close(): Promise<void> {
    return this.pool.end();
  }
}
