/**
 * The Temporal server's persistence requests by operation, from its Prometheus endpoint (the dev
 * server's `--metrics-port`, the cluster's `global.metrics.prometheus`): the dev server has one
 * SQLite connection, so these requests are what an order costs it. Visibility requests are kept
 * apart under a `visibility:` prefix.
 */
import { sleep } from './lib';

export type Counts = Record<string, number>;

const series: [metric: string, prefix: string][] = [
  ['persistence_requests', ''],
  ['visibility_persistence_requests', 'visibility:'],
];

export async function persistenceRequests(metricsPort: number | undefined): Promise<Counts | undefined> {
  if (metricsPort === undefined) return undefined;
  try {
    const text = await (await fetch(`http://127.0.0.1:${metricsPort}/metrics`)).text();
    const out: Counts = {};
    for (const line of text.split('\n')) {
      const hit = series.find(([metric]) => line.startsWith(`${metric}{`));
      if (!hit) continue;
      const op = /operation="([^"]+)"/.exec(line)?.[1];
      const value = Number(line.slice(line.lastIndexOf(' ') + 1));
      if (op && Number.isFinite(value)) out[hit[1] + op] = (out[hit[1] + op] ?? 0) + value;
    }
    return out;
  } catch {
    return undefined;
  }
}

/** An operation that changes stored state (the rest read). */
export const isWrite = (op: string) =>
  /^(visibility:)?(Create|Update|Append|Delete|Put|Complete|RangeComplete|RangeDelete|Conflict|Set|Insert|Upsert|Save|Enqueue|Record|AddHistoryTasks|Lock|Extend)/.test(
    op,
  );

export interface PerUnit {
  total: number;
  writes: number;
  reads: number;
  byOperation: Counts;
}

/** What happened between two scrapes, per unit (order or event), largest first (under 0.05 left out). */
export function perUnit(
  before: Counts | undefined,
  after: Counts | undefined,
  units: number,
): PerUnit | undefined {
  if (!before || !after || !units) return undefined;
  const byOperation: Counts = {};
  let total = 0;
  let writes = 0;
  for (const [op, n] of Object.entries(after)) {
    const d = (n - (before[op] ?? 0)) / units;
    total += d;
    if (isWrite(op)) writes += d;
    if (d >= 0.05) byOperation[op] = d;
  }
  const sorted = Object.fromEntries(Object.entries(byOperation).sort((a, b) => b[1] - a[1]));
  return { total, writes, reads: total - writes, byOperation: sorted };
}

/**
 * Waits until the server's persistence request rate, averaged over the last `quietMs`, is under
 * `maxPerSecond` (timers, activities and transfer tasks of the last round done), so a round is not
 * charged the previous one's tail. Averaged over a window because the server's own background
 * (queue polls, membership) comes in bursts that a short window would take for work.
 */
export async function waitServerIdle(
  metricsPort: number | undefined,
  { maxPerSecond = 5, quietMs = 3_000, timeoutMs = 120_000 } = {},
): Promise<{ waitedMs: number; lastRate: number }> {
  const t0 = Date.now();
  const sum = (c: Counts | undefined) => Object.values(c ?? {}).reduce((s, n) => s + n, 0);
  const samples: { at: number; total: number }[] = [
    { at: t0, total: sum(await persistenceRequests(metricsPort)) },
  ];
  let rate = Infinity;
  while (Date.now() - t0 < timeoutMs) {
    await sleep(500);
    const now = { at: Date.now(), total: sum(await persistenceRequests(metricsPort)) };
    samples.push(now);
    while (samples.length > 1 && now.at - samples[1].at >= quietMs) samples.shift();
    const first = samples[0];
    if (now.at - first.at < quietMs) continue;
    rate = ((now.total - first.total) * 1000) / (now.at - first.at);
    if (rate <= maxPerSecond) break;
  }
  return { waitedMs: Date.now() - t0, lastRate: rate };
}
