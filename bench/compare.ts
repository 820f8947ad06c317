/**
 * Bench runs side by side (`npx tsx bench/compare.ts label=dir/latest.json ...`): the issue-18
 * figures of each run in one markdown table, e.g. the dev server against the cluster, or the dev
 * server before and after a dispatch setting.
 */
import { readFileSync } from 'node:fs';
import type { PerUnit } from './serverMetrics';

interface Summary {
  eventsPerSecond: { median: number };
  p99: { median: number };
  persistencePerOrder?: PerUnit;
  persistencePerEvent?: PerUnit;
}
interface OpenLoop {
  ratePerSecond: number;
  app: { p50: number; p99: number };
  B2: { p50: number; p99: number };
}

interface Run {
  server?: string;
  devServerTuning?: { cliDispatchDefaults?: boolean };
  loadAverage?: { start: number; end: number };
  command?: string;
  durationS: number;
  summary: Record<'app' | 'B1' | 'B2' | 'B3', Summary>;
  openLoop?: OpenLoop;
  openLoopAtAppShare?: OpenLoop & { p99ExcessOverB2Ms: number };
  targets: Record<string, { value: number; b2?: number; met?: boolean }> & {
    workerRssGrowthMbPer1000IdleOrders?: RssTrend;
    workerMemoryPerCachedOrderMb?: PerCachedOrder;
  };
}

interface PerCachedOrder {
  value: number;
  met?: boolean;
  basis?: string;
  unforcedRssMb?: number;
  heapAfterGcMb?: number;
}

interface RssTrend {
  value: number;
  met: boolean;
  basis?: string;
  unforcedRss?: { growthPer1000: number };
  heapAfterGc?: { growthPer1000: number };
}

const f = (n: number | undefined, d = 1) => (n !== undefined && Number.isFinite(n) ? n.toFixed(d) : '-');
const top = (p: PerUnit | undefined, writesOnly: boolean, n: number, isWrite: (op: string) => boolean) =>
  Object.entries(p?.byOperation ?? {})
    .filter(([op]) => isWrite(op) === writesOnly)
    .slice(0, n)
    .map(([op, v]) => `${op} ${f(v)}`)
    .join(', ');

export function compare(runs: [label: string, run: Run][], isWrite: (op: string) => boolean): string {
  const row = (name: string, cell: (r: Run) => string) =>
    `| ${name} | ${runs.map(([, r]) => cell(r)).join(' | ')} |`;
  return [
    `| figure | ${runs.map(([l]) => l).join(' | ')} |`,
    `| --- | ${runs.map(() => '---').join(' | ')} |`,
    row(
      'server',
      (r) =>
        `${r.server ?? 'dev'}${r.devServerTuning?.cliDispatchDefaults ? ' (CLI dispatch defaults)' : ''}`,
    ),
    row('load average start → end', (r) => `${f(r.loadAverage?.start, 1)} → ${f(r.loadAverage?.end, 1)}`),
    row(
      'persistence requests per order, app (writes)',
      (r) =>
        `${f(r.summary.app.persistencePerOrder?.total)} (${f(r.summary.app.persistencePerOrder?.writes)})`,
    ),
    row(
      'persistence requests per order, B2 (writes)',
      (r) => `${f(r.summary.B2.persistencePerOrder?.total)} (${f(r.summary.B2.persistencePerOrder?.writes)})`,
    ),
    row(
      'persistence requests per order, B1 (writes)',
      (r) => `${f(r.summary.B1.persistencePerOrder?.total)} (${f(r.summary.B1.persistencePerOrder?.writes)})`,
    ),
    row(
      'writes per event, app / B2',
      (r) =>
        `${f(r.summary.app.persistencePerEvent?.writes, 2)} / ${f(r.summary.B2.persistencePerEvent?.writes, 2)}`,
    ),
    row('app writes per order by operation', (r) => top(r.summary.app.persistencePerOrder, true, 6, isWrite)),
    row('B2 writes per order by operation', (r) => top(r.summary.B2.persistencePerOrder, true, 4, isWrite)),
    row('app reads per order by operation', (r) => top(r.summary.app.persistencePerOrder, false, 5, isWrite)),
    row(
      'closed loop events/s app / B2 (ratio)',
      (r) =>
        `${f(r.summary.app.eventsPerSecond.median, 0)} / ${f(r.summary.B2.eventsPerSecond.median, 0)} (${f(r.targets.appThroughputRatioToB2?.value, 2)})`,
    ),
    row(
      'open loop rate; p50 app / B2 ms',
      (r) => `${r.openLoop?.ratePerSecond ?? '-'}/s; ${f(r.openLoop?.app.p50)} / ${f(r.openLoop?.B2.p50)}`,
    ),
    row(
      'open loop p99 app / B2 ms (excess)',
      (r) =>
        `${f(r.openLoop?.app.p99)} / ${f(r.openLoop?.B2.p99)} (${f(r.targets.openLoopP99ExcessOverB2Ms?.value)})`,
    ),
    row("open loop at half the app's capacity: rate; p99 app / B2 ms (excess)", (r) =>
      r.openLoopAtAppShare
        ? `${r.openLoopAtAppShare.ratePerSecond}/s; ${f(r.openLoopAtAppShare.app.p99)} / ${f(r.openLoopAtAppShare.B2.p99)} (${f(r.openLoopAtAppShare.p99ExcessOverB2Ms)})`
        : '-',
    ),
    row('worker memory per cached order, MB', (r) => {
      const t = r.targets.workerMemoryPerCachedOrderMb;
      if (!t) return '-';
      const beside =
        t.unforcedRssMb !== undefined
          ? `; unforced ${f(t.unforcedRssMb, 2)}, heap after GC ${f(t.heapAfterGcMb, 2)}`
          : '';
      return `${f(t.value, 2)} ${t.basis ?? 'unforced RSS'}${beside}`;
    }),
    row('worker RSS growth per 1,000 idle orders past the cache, MB (flat?)', (r) => {
      const t = r.targets.workerRssGrowthMbPer1000IdleOrders;
      if (!t) return '-';
      const beside = t.heapAfterGc
        ? `; unforced ${f(t.unforcedRss?.growthPer1000)}, heap after GC ${f(t.heapAfterGc.growthPer1000)}`
        : '';
      return `${f(t.value)} ${t.basis ?? 'unforced RSS'} (${t.met ? 'flat' : 'not flat'})${beside}`;
    }),
    row('run', (r) => `\`${r.command ?? ''}\`, ${f(r.durationS / 60)} min`),
  ].join('\n');
}

if (require.main === module) {
  void import('./serverMetrics').then(({ isWrite }) => {
    const runs = process.argv.slice(2).map((arg): [string, Run] => {
      const [label, file] = arg.includes('=') ? arg.split('=', 2) : [arg, arg];
      return [label, JSON.parse(readFileSync(file, 'utf8')) as Run];
    });
    console.log(compare(runs, isWrite));
  });
}
