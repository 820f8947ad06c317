/**
 * The read model's write path, three ways (issue 12), on a bench-only workflow that writes one
 * timeline record per event through the app's `projectOrder` activity into a database of its own:
 *   (a) async: the update answers at once, a regular activity writes afterwards (what the app does);
 *   (b) wait: the same, and the client counts the event done once the row is visible in PostgreSQL;
 *   (c) local: the update handler awaits a local activity, so the answer comes after the write.
 * Each runs closed-loop (throughput, dev-server persistence requests) and open-loop at a fixed
 * arrival rate below capacity (latencies: a closed loop at saturation only measures its queue), in
 * rounds alternating the variants so that a busy moment of the machine does not hit one alone.
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
import { median, sleep, spread, stats } from './lib';
import { persistenceRequests, perUnit } from './serverMetrics';
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
  rounds: number;
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
  const readModel = createReadModel({ url, max: 10, company: 'default' });
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
    const variants = Object.keys(VARIANTS) as Variant[];
    const runs = new Map<Variant, VariantRound[]>(variants.map((v) => [v, []]));
    for (let r = 1; r <= o.rounds; r++)
      for (const v of variants) runs.get(v)!.push(await measureVariant(v, r, o, rows));
    return {
      rounds: o.rounds,
      clients: o.clients,
      eventsPerClient: o.eventsPerClient,
      ratePerSecond: o.ratePerSecond,
      openLoopSeconds: o.openLoopSeconds,
      pollMs: POLL_MS,
      variants: Object.fromEntries(variants.map((v) => [v, summarise(v, runs.get(v)!)])) as Record<
        Variant,
        ReturnType<typeof summarise>
      >,
    };
  } finally {
    worker.shutdown();
    await running;
    await rows.close();
    await readModel.close();
  }
}

type VariantRound = Awaited<ReturnType<typeof measureVariant>>;

/** Medians over rounds for throughput and costs; latencies pooled over every round's events. */
function summarise(v: Variant, runs: VariantRound[]) {
  const pooled = (pick: (r: VariantRound) => Sample[], key: keyof Sample) =>
    stats(runs.flatMap((r) => pick(r).map((s) => s[key])));
  const persistence = runs.map((r) => r.persistenceRequestsPerEvent).filter((p) => p !== undefined);
  const operations = [...new Set(persistence.flatMap((p) => Object.keys(p.byOperation)))];
  return {
    name: VARIANTS[v].name,
    closedLoop: {
      eventsPerSecond: spread(runs.map((r) => r.eventsPerSecond)),
      done: pooled((r) => r.closed, 'doneMs'),
      visible: pooled((r) => r.closed, 'visibleMs'),
    },
    openLoop: {
      answer: pooled((r) => r.open, 'answerMs'),
      done: pooled((r) => r.open, 'doneMs'),
      visible: pooled((r) => r.open, 'visibleMs'),
    },
    historyEventsPerEvent: median(runs.map((r) => r.historyEventsPerEvent)),
    historyBytesPerEvent: median(runs.map((r) => r.historyBytesPerEvent)),
    persistenceRequestsPerEvent: persistence.length
      ? {
          total: median(persistence.map((p) => p.total)),
          byOperation: Object.fromEntries(
            operations
              .map((op) => [op, median(persistence.map((p) => p.byOperation[op] ?? 0))] as const)
              .sort((x, y) => y[1] - x[1]),
          ),
        }
      : undefined,
  };
}

async function measureVariant(v: Variant, round: number, o: WritePathOptions, rows: RowWatcher) {
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
  const empty = `WP-${v}-${round}-empty`;
  await start(empty);
  await finish([empty]);
  const emptyHistory = await historyFigures(o.client, empty);

  // closed loop: every client sends its next event as soon as the last one is done
  const closedIds = Array.from({ length: o.clients }, (_, i) => `WP-${v}-${round}-closed-${i}`);
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
  const openIds = Array.from({ length: o.clients }, (_, i) => `WP-${v}-${round}-open-${i}`);
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
    eventsPerSecond: events / wallS,
    closed,
    open,
    historyEventsPerEvent: (history.events - emptyHistory.events) / o.eventsPerClient,
    historyBytesPerEvent: (history.bytes - emptyHistory.bytes) / o.eventsPerClient,
    persistenceRequestsPerEvent: perUnit(before, after, events),
  };
  const done = stats(open.map((s) => s.doneMs));
  const visible = stats(open.map((s) => s.visibleMs));
  o.log(
    `write path ${v} round ${round}: ${result.eventsPerSecond.toFixed(0)} events/s closed loop; open loop at ${o.ratePerSecond}/s done p50 ${done.p50.toFixed(1)} p99 ${done.p99.toFixed(1)} ms, visible p50 ${visible.p50.toFixed(1)} p99 ${visible.p99.toFixed(1)} ms; ${result.historyEventsPerEvent.toFixed(1)} history events/event; ${result.persistenceRequestsPerEvent?.total.toFixed(1) ?? '-'} persistence requests/event`,
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
