/**
 * Benchmark (`npm run bench -- --orders N --concurrency C --rounds R --idle K`): the order desk
 * over HTTP against raw Temporal baselines on the same dev server, in alternating rounds (each app
 * round followed by a check that the read model holds every event), then the read model's
 * write-path options (bench/writePath.ts; `--write-path-events 0` skips it), then a scale part with
 * K idle open orders. Writes bench/results/latest.{json,md} and latency.png.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { Client, Connection } from '@temporalio/client';
import {
  bundleWorkflowCode,
  DefaultLogger,
  NativeConnection,
  Runtime,
  Worker,
  type WorkflowBundleWithSourceMap,
} from '@temporalio/worker';
import express from 'express';
import { Pool } from 'pg';
import { dataConverterFor } from '../src/codec/dataConverter';
import { loadConfig } from '../src/config/env';
import { startDevServer } from '../src/dev/devServer';
import { makeTempDir } from '../src/dev/postgres';
import { startReadModelDatabase } from '../src/dev/readModelDatabase';
import { freePort } from '../src/dev/freePort';
import {
  createOrder,
  decideCommand,
  DEFAULT_STALL_POLICY,
  resolveStallPolicy,
  type OrderState,
} from '../src/domain';
import { accountManagerPseudonym } from '../src/api/pseudonym';
import { projectionBatch } from '../src/readModel/orderRecord';
import { createReadModel } from '../src/readModel';
import { orderWorkflow } from '../src/workflows';
import type { OrderWorkflowInput } from '../src/workflows/input';
import { orderSearchAttributes } from '../src/workflows/searchAttributes';
import { newInquiry } from '../harness/orderFixtures';
import { SmtpSink } from '../harness/smtp';
import { WorkerProcess } from '../harness/workerProcess';
import { doneSignal, noopSignal, noopUpdate, noopWorkflow } from './baselineWorkflows';
import { latencySvg, svgToPng, type Series } from './chart';
import { driveOrder, LIFE, pool, type Attempt } from './driver';
import { historyFigures } from './history';
import {
  ApiProcess,
  findPid,
  http,
  median,
  numberArg,
  parseArgs,
  procCpuSeconds,
  procRssMb,
  settledRssMb,
  root,
  sleep,
  spread,
  stats,
} from './lib';
import { checkReadModel, LagSampler, type ReadModelCheck } from './readModelLag';
import { writePathPhase } from './writePath';

type Kind = 'app' | 'B1' | 'B2' | 'B3';
type Spread = ReturnType<typeof spread>;
interface PathSummary {
  rounds: number;
  eventsPerSecond: Spread;
  ordersPerSecond: Spread;
  p50: Spread;
  p95: Spread;
  p99: Spread;
  pooled: ReturnType<typeof stats>;
  cpuSecondsPerProcess: Record<string, number>;
  cpuMsPerEvent: Record<string, number>;
  cpuUtilisation: Record<string, number>;
}
interface Round {
  kind: Kind;
  round: number;
  wallS: number;
  events: number;
  orders: number;
  latencies: number[];
  cpu: Record<string, number>;
  bytesPerAnswer?: number;
}

const log = (s: string) => console.log(`[bench ${new Date().toISOString().slice(11, 19)}] ${s}`);
const ms = (t0: number) => performance.now() - t0;

async function main(): Promise<void> {
  Runtime.install({ logger: new DefaultLogger('WARN') });
  const a = parseArgs(process.argv.slice(2));
  const N = numberArg(a, 'orders', 300);
  const C = numberArg(a, 'concurrency', 20);
  const R = Math.max(1, numberArg(a, 'rounds', 3));
  const K = numberArg(a, 'idle', 5000);
  // the worker's workflow cache (its production default): memory is bounded by it, not by K
  const CACHE = numberArg(a, 'cache', 100);
  // share of app events whose read-model lag is followed (GET /orders/{id} until it shows them)
  const LAG_SAMPLE = numberArg(a, 'lag-sample', 0.1);
  const WP_EVENTS = numberArg(a, 'write-path-events', 20);
  const WP_RATE = numberArg(a, 'write-path-rate', 20);
  const WP_SECONDS = numberArg(a, 'write-path-seconds', 15);
  const WP_ROUNDS = Math.max(1, numberArg(a, 'write-path-rounds', 2));
  const perRound = Math.max(1, Math.round(N / R));
  const outDir = a.out ?? join(root, 'bench', 'results');
  const dir = makeTempDir('order-desk-bench-');
  const dbFile = join(dir, 'temporal.db');
  const cleanups: (() => Promise<unknown>)[] = [];
  const t00 = Date.now();
  try {
    log(`orders ${N} (${perRound} per round × ${R} rounds), concurrency ${C}, idle ${K}; db ${dbFile}`);
    const metricsPort = await freePort();
    const server = await startDevServer({ dbFile, logFile: join(dir, 'server.log'), metricsPort });
    cleanups.push(() => server.stop());
    const serverPid = findPid(dbFile);
    const readModel = await startReadModelDatabase({
      dataDir: join(dir, 'postgres'),
      logFile: join(dir, 'postgres.log'),
      durable: false,
    });
    cleanups.push(() => readModel.server.stop());
    const readModelPool = new Pool({ connectionString: readModel.url, max: 2 });
    cleanups.push(() => readModelPool.end());
    const sink = await SmtpSink.start();
    cleanups.push(() => sink.stop());
    const taskQueue = 'bench-orders';
    const env = {
      NODE_ENV: 'development',
      TEMPORAL_ADDRESS: server.address,
      TEMPORAL_TASK_QUEUE: taskQueue,
      SMTP_URL: sink.url,
      API_RATE_LIMIT_PER_MINUTE: '100000000',
      WORKER_MAX_CACHED_WORKFLOWS: String(CACHE),
      DATABASE_URL: readModel.url,
    };
    let t = performance.now();
    const worker = new WorkerProcess(env);
    await worker.start();
    cleanups.push(() => worker.kill('SIGTERM'));
    const workerStartMs = ms(t);
    const workerPid = () => (worker as unknown as { child?: { pid?: number } }).child?.pid;
    const api = new ApiProcess(await freePort(), env);
    await api.start();
    cleanups.push(() => api.stop());
    log(
      `dev server pid ${serverPid}, worker pid ${workerPid()} (ready in ${workerStartMs.toFixed(0)} ms), API pid ${api.pid}`,
    );

    // the workflow bundles: the app's and the baseline's
    t = performance.now();
    const appBundle = await bundleWorkflowCode({
      workflowsPath: require.resolve('../src/workflows'),
      logger: quiet,
    });
    const appBundleMs = ms(t);
    const baseBundle: WorkflowBundleWithSourceMap = await bundleWorkflowCode({
      workflowsPath: require.resolve('./baselineWorkflows'),
      logger: quiet,
    });
    const writePathBundle = await bundleWorkflowCode({
      workflowsPath: require.resolve('./writePathWorkflows'),
      logger: quiet,
    });

    const connection = await Connection.connect({ address: server.address });
    cleanups.push(() => connection.close());
    // The same payload codec as the app's worker and API (on when PAYLOAD_CODEC_KEYS is set).
    const dataConverter = dataConverterFor(loadConfig({ ...process.env, ...env }));
    const client = new Client({ connection, dataConverter });
    const native = await NativeConnection.connect({ address: server.address });
    const baseWorker = await Worker.create({
      connection: native,
      taskQueue: 'bench-baseline',
      dataConverter,
      workflowBundle: baseBundle,
    });
    const baseRunning = baseWorker.run();
    cleanups.push(async () => {
      baseWorker.shutdown();
      await baseRunning;
      await native.close();
    });

    // B3: a bare express route, no Temporal
    const bare = express();
    bare.post(
      '/noop',
      express.json(),
      (req, res) => void res.json({ ok: true, type: (req.body as { type?: string }).type }),
    );
    const bareServer = bare.listen(0, '127.0.0.1');
    await new Promise((r) => bareServer.once('listening', r));
    cleanups.push(() => new Promise((r) => bareServer.close(r)));
    const bareBase = `http://127.0.0.1:${(bareServer.address() as AddressInfo).port}`;

    const cpuNow = () => ({
      worker: procCpuSeconds(workerPid()),
      api: procCpuSeconds(api.pid),
      server: procCpuSeconds(serverPid),
      harness: (process.cpuUsage().user + process.cpuUsage().system) / 1e6,
    });
    const measure = async (
      kind: Kind,
      round: number,
      orders: number,
      fn: (lat: number[]) => Promise<number>,
    ): Promise<Round> => {
      const c0 = cpuNow();
      const t0 = performance.now();
      const latencies: number[] = [];
      const events = await fn(latencies);
      const wallS = ms(t0) / 1000;
      const c1 = cpuNow();
      const cpu = Object.fromEntries(
        Object.keys(c0).map((k) => [k, c1[k as keyof typeof c1] - c0[k as keyof typeof c0]]),
      );
      const s = stats(latencies);
      log(
        `${kind} round ${round}: ${events} events in ${wallS.toFixed(1)} s = ${(events / wallS).toFixed(0)}/s; p50 ${s.p50.toFixed(1)} p95 ${s.p95.toFixed(1)} p99 ${s.p99.toFixed(1)} ms; cpu ${JSON.stringify(Object.fromEntries(Object.entries(cpu).map(([k, v]) => [k, +v.toFixed(1)])))}`,
      );
      return { kind, round, wallS, events, orders, latencies, cpu };
    };
    const events = LIFE;
    const rounds: Round[] = [];
    const readModelRounds: { round: number; lagMs: number[]; check: ReadModelCheck }[] = [];
    const failures: string[] = [];
    let appBytes: number[] = [];
    let lastCompleted: string | undefined;
    let lastB2: string | undefined;

    // warm-up: a few orders through each path (JIT, connections, worker cache)
    await runApp('WARM', Math.min(C, 10), []);
    async function runApp(
      prefix: string,
      n: number,
      lat: number[],
      lag?: LagSampler,
      accepted?: Map<string, string[]>,
    ): Promise<number> {
      const ids = Array.from({ length: n }, (_, i) => `BENCH-${prefix}-${i}`);
      let count = 0;
      const results = await pool(ids, C, (id) =>
        driveOrder(id, {
          base: api.base,
          retry503: true,
          retryForMs: 120_000,
          record: (at: Attempt) => {
            if (at.status === 200) {
              count++;
              lat.push(at.ms);
              appBytes.push(at.bytes);
              lag?.answered(at.orderId, at.timelineTotal, performance.now());
            }
          },
        }),
      );
      for (const r of results) {
        if (!r.completed) failures.push(`${r.orderId}: ${r.failure}`);
        accepted?.set(r.orderId, r.accepted);
      }
      lastCompleted = results.find((r) => r.completed)?.orderId ?? lastCompleted;
      return count;
    }
    async function runRaw(kind: 'B1' | 'B2', round: number, n: number, lat: number[]): Promise<number> {
      let count = 0;
      await pool(
        Array.from({ length: n }, (_, i) => `BASE-${kind}-${round}-${i}`),
        C,
        async (id) => {
          const handle = await client.workflow.start(noopWorkflow, {
            workflowId: id,
            taskQueue: 'bench-baseline',
          });
          for (const [i, e] of events.entries()) {
            const t0 = performance.now();
            if (kind === 'B1') await handle.signal(noopSignal, { ...e, eventId: `${id}-${i}` });
            else await handle.executeUpdate(noopUpdate, { args: [{ ...e, eventId: `${id}-${i}` }] });
            lat.push(ms(t0));
            count++;
          }
          await handle.signal(doneSignal);
          if (kind === 'B2') lastB2 = id;
        },
      );
      return count;
    }
    async function runBare(n: number, lat: number[]): Promise<number> {
      let count = 0;
      await pool(
        Array.from({ length: n }, (_, i) => i),
        C,
        async (o) => {
          for (const [i, e] of events.entries()) {
            const r = await http(bareBase, 'POST', '/noop', { ...e, eventId: `bare-${o}-${i}` });
            if (r.status === 200) {
              lat.push(r.ms);
              count++;
            }
          }
        },
      );
      return count;
    }
    await runRaw('B1', 0, Math.min(C, 10), []);
    await runRaw('B2', 0, Math.min(C, 10), []);
    await runBare(Math.min(C, 10), []);
    appBytes = [];

    for (let r = 1; r <= R; r++) {
      const lag = new LagSampler(api.base, LAG_SAMPLE);
      const accepted = new Map<string, string[]>();
      rounds.push(await measure('app', r, perRound, (lat) => runApp(`R${r}`, perRound, lat, lag, accepted)));
      await lag.settled();
      const check = await checkReadModel(client, readModelPool, accepted);
      readModelRounds.push({ round: r, lagMs: lag.lagsMs, check });
      const lagStats = stats(lag.lagsMs);
      log(
        `app round ${r} read model: lag p50 ${lagStats.p50.toFixed(1)} p99 ${lagStats.p99.toFixed(1)} ms (n=${lagStats.n}); ${check.orders - check.incomplete.length}/${check.orders} orders complete in ${check.caughtUpMs.toFixed(0)} ms`,
      );
      for (const id of check.incomplete) failures.push(`read model incomplete for ${id}`);
      rounds.push(await measure('B1', r, perRound, (lat) => runRaw('B1', r, perRound, lat)));
      rounds.push(await measure('B2', r, perRound, (lat) => runRaw('B2', r, perRound, lat)));
      rounds.push(await measure('B3', r, perRound, (lat) => runBare(perRound, lat)));
    }

    // history of one completed order vs one B2 workflow: what each event costs in history
    const appHistory = await historyFigures(client, lastCompleted!);
    const b2History = await historyFigures(client, lastB2!);

    // ---- the read model's write path: (a) as the app, (b) client waits for the row, (c) local activity ----
    const writePath =
      WP_EVENTS > 0
        ? await writePathPhase({
            native,
            client,
            dataConverter,
            bundle: writePathBundle,
            adminUrl: readModel.server.url,
            template: stageStates().get('PRODUCTION')!,
            metricsPort,
            clients: C,
            eventsPerClient: WP_EVENTS,
            ratePerSecond: WP_RATE,
            openLoopSeconds: WP_SECONDS,
            rounds: WP_ROUNDS,
            log,
          })
        : undefined;

    // ---- scale: K idle open orders spread over the stages ----
    const scale = K > 0 ? await scalePart() : undefined;
    async function scalePart() {
      log(`scale: starting ${K} idle orders through the client`);
      const byStage = stageStates();
      const stages = [...byStage.keys()];
      const rss: { idleOrders: number; workerRssMb: number }[] = [
        { idleOrders: 0, workerRssMb: await settledRssMb(workerPid()) },
      ];
      const started: { id: string; stage: string }[] = [];
      // A workflow continued with a state writes its read model at its next event: the bench writes
      // each idle order's row itself, through the same projection, so the list has them all.
      const seed = createReadModel({ url: readModel.url, max: 4 });
      const step = Math.max(1, Math.ceil(K / 5));
      let startSeconds = 0;
      const workerDeaths: { idleOrders: number; exit: unknown; logTail: string }[] = [];
      for (let from = 0; from < K; from += step) {
        const tb = performance.now();
        const batch = Array.from({ length: Math.min(step, K - from) }, (_, j) => from + j);
        await pool(batch, 32, async (i) => {
          const stage = stages[i % stages.length];
          const id = `IDLE-${i}`;
          await client.workflow.start(orderWorkflow, idleStart(id, byStage.get(stage)!, taskQueue));
          await seed.project(
            projectionBatch({ state: { ...byStage.get(stage)!, orderId: id }, records: [], emails: [] }),
          );
          started.push({ id, stage });
        });
        startSeconds += ms(tb) / 1000;
        await waitWorkerIdle(workerPid());
        rss.push({ idleOrders: from + batch.length, workerRssMb: await settledRssMb(workerPid()) });
        const child = (
          worker as unknown as { child?: { exitCode: number | null; signalCode: string | null } }
        ).child;
        if (child && (child.exitCode !== null || child.signalCode !== null)) {
          const tail = worker.log.split('\n').filter(Boolean).slice(-6).join(' | ').slice(-1500);
          workerDeaths.push({
            idleOrders: from + batch.length,
            exit: child.exitCode ?? child.signalCode,
            logTail: tail,
          });
          log(`scale: the worker died (${String(child.exitCode ?? child.signalCode)}): ${tail}`);
          await worker.start();
        }
        log(
          `scale: ${from + batch.length} idle orders, worker RSS ${rss[rss.length - 1].workerRssMb.toFixed(0)} MB`,
        );
      }
      await seed.close();
      const startRate = K / startSeconds;
      // the list, by stage, from the read model
      const listMs: Record<string, number> = {};
      for (const stage of stages) {
        const times: number[] = [];
        for (let i = 0; i < 5; i++) {
          const r = await http(api.base, 'GET', `/orders?stage=${stage}&pageSize=50`);
          if (r.status !== 200) failures.push(`list ${stage}: ${r.status}`);
          times.push(r.ms);
        }
        listMs[stage] = median(times);
      }
      // open orders with a long history (16 events, two emails) for the replay cost
      const longIds = Array.from({ length: 10 }, (_, i) => `LONG-${i}`);
      await pool(longIds, 10, (id) =>
        driveOrder(id, {
          base: api.base,
          retry503: true,
          retryForMs: 120_000,
          upTo: LIFE.length - 2,
          record: () => undefined,
        }),
      );
      // restart the worker: every cached workflow is gone, the next task replays the history
      const rssBeforeRestart = procRssMb(workerPid());
      await worker.kill('SIGTERM');
      await worker.start();
      await sleep(2_000);
      const rssAfterRestart = procRssMb(workerPid());
      const note = async (ids: string[]) => {
        const out: number[] = [];
        for (const id of ids) {
          const r = await http(api.base, 'POST', `/orders/${id}/events`, {
            type: 'NOTE_ADDED',
            text: 'bench',
          });
          if (r.status !== 200)
            failures.push(`note on ${id}: ${r.status} ${JSON.stringify(r.body).slice(0, 200)}`);
          out.push(r.ms);
        }
        return out;
      };
      const idleSample = started
        .filter((s) => s.stage !== 'DOCUMENTS')
        .slice(0, 20)
        .map((s) => s.id);
      const coldIdle = await note(idleSample);
      const warmIdle = await note(idleSample);
      const coldLong = await note(longIds);
      const warmLong = await note(longIds);
      const longHistory = await historyFigures(client, longIds[0]);
      return {
        idleOrders: K,
        startsPerSecond: startRate,
        workerRss: rss,
        workerDeaths,
        workerRssBeforeRestartMb: rssBeforeRestart,
        workerRssAfterRestartMb: rssAfterRestart,
        listByStageMedianMs: listMs,
        listMedianMs: median(Object.values(listMs)),
        evictedEvent: {
          idleShortHistory: {
            coldMedianMs: median(coldIdle),
            warmMedianMs: median(warmIdle),
            cold: stats(coldIdle),
            warm: stats(warmIdle),
          },
          longHistory: {
            historyEvents: longHistory.events,
            coldMedianMs: median(coldLong),
            warmMedianMs: median(warmLong),
            cold: stats(coldLong),
            warm: stats(warmLong),
          },
        },
      };
    }

    // ---- summary ----
    const kinds: Kind[] = ['app', 'B1', 'B2', 'B3'];
    const summary = Object.fromEntries(
      kinds.map((k) => {
        const rs = rounds.filter((r) => r.kind === k);
        const all = rs.flatMap((r) => r.latencies);
        const totalEvents = rs.reduce((s, r) => s + r.events, 0);
        const cpu = Object.fromEntries(
          Object.keys(rs[0].cpu).map((p) => [p, rs.reduce((s, r) => s + r.cpu[p], 0)]),
        );
        return [
          k,
          {
            rounds: rs.length,
            eventsPerSecond: spread(rs.map((r) => r.events / r.wallS)),
            ordersPerSecond: spread(rs.map((r) => r.orders / r.wallS)),
            p50: spread(rs.map((r) => stats(r.latencies).p50)),
            p95: spread(rs.map((r) => stats(r.latencies).p95)),
            p99: spread(rs.map((r) => stats(r.latencies).p99)),
            pooled: stats(all),
            cpuSecondsPerProcess: cpu,
            cpuMsPerEvent: Object.fromEntries(
              Object.entries(cpu).map(([p, s]) => [p, (s * 1000) / totalEvents]),
            ),
            cpuUtilisation: Object.fromEntries(
              Object.entries(cpu).map(([p, s]) => [p, s / rs.reduce((t, r) => t + r.wallS, 0)]),
            ),
          },
        ];
      }),
    ) as Record<Kind, PathSummary>;
    const ratioToB2 = summary.app.eventsPerSecond.median / summary.B2.eventsPerSecond.median;
    const p99Excess = summary.app.p99.median - (summary.B2.p99.median + summary.B3.p99.median);
    // Past the cache size every new idle order evicts another, so that is where "flat" is judged:
    // the trend over those points (median of pairwise slopes: one reading caught before a garbage
    // collection does not make a trend), against GC noise of 10% of the mean RSS.
    const pastCache = (scale?.workerRss ?? []).filter((p) => p.idleOrders >= CACHE);
    const rssSlope = medianSlope(pastCache.map((p) => [p.idleOrders, p.workerRssMb]));
    const rssGrowthPer1000 = rssSlope * 1000;
    const rssGrowthOverRange =
      pastCache.length > 1
        ? rssSlope * (pastCache[pastCache.length - 1].idleOrders - pastCache[0].idleOrders)
        : NaN;
    const rssMeanPastCache = pastCache.reduce((s, p) => s + p.workerRssMb, 0) / (pastCache.length || 1);
    const rssFlat = pastCache.length > 2 && rssGrowthOverRange < 0.1 * rssMeanPastCache;
    const result = {
      when: new Date().toISOString(),
      machine: { cpus: cpus().length, node: process.version },
      options: {
        orders: N,
        concurrency: C,
        rounds: R,
        ordersPerRound: perRound,
        idle: K,
        eventsPerOrder: LIFE.length,
      },
      summary,
      targets: {
        appThroughputRatioToB2: { value: ratioToB2, target: '>= 0.8', met: ratioToB2 >= 0.8 },
        p99ExcessOverB2PlusB3Ms: { value: p99Excess, target: '< 20', met: p99Excess < 20 },
        workerRssGrowthMbPer1000IdleOrders: {
          value: rssGrowthPer1000,
          target: `flat: fitted growth from ${pastCache[0]?.idleOrders ?? CACHE} to ${K} idle orders under 10% of the mean RSS`,
          growthOverRangeMb: rssGrowthOverRange,
          meanRssMb: rssMeanPastCache,
          workflowCache: CACHE,
          met: rssFlat,
        },
      },
      profile: {
        workerReadyMs: workerStartMs,
        appWorkflowBundleBytes: appBundle.code.length,
        appWorkflowBundleMs: appBundleMs,
        baselineWorkflowBundleBytes: baseBundle.code.length,
        appAnswerBytesMean: appBytes.reduce((s, b) => s + b, 0) / (appBytes.length || 1),
        appHistory,
        b2History,
      },
      readModel: {
        lagSampleFraction: LAG_SAMPLE,
        lagPollMs: 10,
        lagMs: stats(readModelRounds.flatMap((r) => r.lagMs)),
        rounds: readModelRounds.map(({ round, lagMs, check }) => ({
          round,
          lagMs: stats(lagMs),
          ordersChecked: check.orders,
          incomplete: check.incomplete,
          caughtUpMs: check.caughtUpMs,
        })),
      },
      writePath,
      scale,
      failures,
      rounds: rounds.map(({ latencies, ...r }) => ({
        ...r,
        eventsPerSecond: r.events / r.wallS,
        ...stats(latencies),
      })),
      durationS: (Date.now() - t00) / 1000,
    };
    mkdirSync(outDir, { recursive: true });
    // formatted as the repository's prettier check wants them, so a committed result passes CI
    const prettier = await import('prettier');
    const options = (await prettier.resolveConfig(join(outDir, 'latest.md'))) ?? {};
    writeFileSync(
      join(outDir, 'latest.json'),
      await prettier.format(JSON.stringify(result), { ...options, parser: 'json' }),
    );
    writeFileSync(
      join(outDir, 'latest.md'),
      await prettier.format(markdown(result), { ...options, parser: 'markdown' }),
    );
    const chartLabels: [Kind, string, string][] = [
      ['app', 'app: POST /orders/{id}/events', '#d62728'],
      ['B1', 'B1: raw signal', '#1f77b4'],
      ['B2', 'B2: raw executeUpdate', '#2ca02c'],
      ['B3', 'B3: bare express route', '#9467bd'],
    ];
    const series: Series[] = chartLabels.map(([kind, name, color]) => ({
      name,
      color,
      values: rounds.filter((r) => r.kind === kind).flatMap((r) => r.latencies),
    }));
    writeFileSync(
      join(outDir, 'latency.png'),
      svgToPng(
        latencySvg(
          `Latency per event, ${R} rounds × ${perRound} orders × ${LIFE.length} events, ${C} clients`,
          series,
        ),
      ),
    );
    console.log(markdown(result));
    log(`wrote ${join(outDir, 'latest.json')}, latest.md, latency.png in ${result.durationS.toFixed(0)} s`);
    if (failures.length) {
      console.error(`failures:\n  ${failures.slice(0, 20).join('\n  ')}`);
      process.exitCode = 1;
    }
  } finally {
    for (const c of cleanups.reverse()) await c().catch(() => undefined);
    rmSync(dir, { recursive: true, force: true });
  }
}

const quiet = { trace() {}, debug() {}, info() {}, warn() {}, error() {}, log() {} };

/** The state of an order in each stage, computed with the domain reducer (no workflow runs needed). */
function stageStates(): Map<string, OrderState> {
  const order = { ...newInquiry(), orderId: 'TEMPLATE' };
  const policy = resolveStallPolicy(DEFAULT_STALL_POLICY, order);
  const now = new Date().toISOString();
  let state = createOrder(order, policy, { now, actor: 'bench' });
  const out = new Map<string, OrderState>([[state.stage, state]]);
  for (const e of LIFE.slice(0, LIFE.length - 1)) {
    const d = decideCommand(state, e, { now, actor: 'bench' });
    if (!d.ok) throw new Error(`reducer refused ${e.type}: ${d.message}`);
    state = d.state;
    out.set(state.stage, state);
  }
  return out;
}

function idleStart(id: string, template: OrderState, taskQueue: string) {
  const state: OrderState = { ...template, orderId: id };
  const order = { ...newInquiry(), orderId: id };
  const input: OrderWorkflowInput = {
    order,
    stallDefaults: state.policy,
    defaultForwarder: { name: 'Default Forwarder', email: 'bookings@forwarder.localhost' },
    createdAt: state.stageEnteredAt ?? new Date().toISOString(),
    createdBy: 'bench',
    state,
  };
  return {
    workflowId: id,
    taskQueue,
    args: [input] as [OrderWorkflowInput],
    typedSearchAttributes: orderSearchAttributes({
      ...state,
      accountManagerPseudonym: accountManagerPseudonym(
        order.accountManager.email,
        'bench-pseudonym-key-of-32-characters',
      ),
    }),
  };
}

/** Theil-Sen slope: the median of the slopes between every two points (NaN for fewer than two). */
function medianSlope(points: [number, number][]): number {
  const slopes: number[] = [];
  for (let i = 0; i < points.length; i++)
    for (let j = i + 1; j < points.length; j++)
      if (points[j][0] !== points[i][0])
        slopes.push((points[j][1] - points[i][1]) / (points[j][0] - points[i][0]));
  return slopes.length ? median(slopes) : NaN;
}

/** Waits until the worker has used (almost) no CPU for a second: its backlog is done. */
async function waitWorkerIdle(pid: number | undefined, timeoutMs = 120_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last = procCpuSeconds(pid);
  while (Date.now() < deadline) {
    await sleep(1_000);
    const now = procCpuSeconds(pid);
    if (now - last < 0.05) return;
    last = now;
  }
}

/* eslint-disable @typescript-eslint/no-explicit-any, @typescript-eslint/no-unsafe-member-access, @typescript-eslint/no-unsafe-argument, @typescript-eslint/no-unsafe-call, @typescript-eslint/no-unsafe-assignment -- renders the JSON result */
function markdown(r: any): string {
  const f = (n: number, d = 1) => (Number.isFinite(n) ? n.toFixed(d) : '-');
  const sp = (s: { median: number; min: number; max: number }, d = 1) =>
    `${f(s.median, d)} (${f(s.min, d)}–${f(s.max, d)})`;
  const names: Record<string, string> = {
    app: 'app (HTTP → update → order workflow)',
    B1: 'B1 raw start + signal',
    B2: 'B2 raw executeUpdate',
    B3: 'B3 bare express route',
  };
  const lines = [
    `# Benchmark ${r.when}`,
    '',
    `${r.options.rounds} alternating rounds × ${r.options.ordersPerRound} orders × ${r.options.eventsPerOrder} events, ${r.options.concurrency} concurrent clients, ${r.machine.cpus} CPUs, Node ${r.machine.node}. Median over rounds (min–max).`,
    '',
    '| path | events/s | orders/s | p50 ms | p95 ms | p99 ms | CPU ms/event worker · API · server · harness |',
    '| --- | --- | --- | --- | --- | --- | --- |',
    ...Object.entries(r.summary).map(
      ([k, s]: [string, any]) =>
        `| ${names[k]} | ${sp(s.eventsPerSecond, 0)} | ${sp(s.ordersPerSecond, 2)} | ${sp(s.p50)} | ${sp(s.p95)} | ${sp(s.p99)} | ${['worker', 'api', 'server', 'harness'].map((p) => f(s.cpuMsPerEvent[p], 2)).join(' · ')} |`,
    ),
    '',
    '| target | value | target | met |',
    '| --- | --- | --- | --- |',
    `| app event throughput / B2 | ${f(r.targets.appThroughputRatioToB2.value, 2)} | ≥ 0.8 | ${r.targets.appThroughputRatioToB2.met ? 'yes' : 'no'} |`,
    `| app p99 − (B2 p99 + B3 p99) | ${f(r.targets.p99ExcessOverB2PlusB3Ms.value)} ms | < 20 ms | ${r.targets.p99ExcessOverB2PlusB3Ms.met ? 'yes' : 'no'} |`,
    `| worker RSS growth per 1,000 idle orders past the ${r.targets.workerRssGrowthMbPer1000IdleOrders.workflowCache}-workflow cache | ${f(r.targets.workerRssGrowthMbPer1000IdleOrders.value)} MB (${f(r.targets.workerRssGrowthMbPer1000IdleOrders.growthOverRangeMb, 0)} MB over the range, mean ${f(r.targets.workerRssGrowthMbPer1000IdleOrders.meanRssMb, 0)} MB) | flat (< 10% of the mean) | ${r.targets.workerRssGrowthMbPer1000IdleOrders.met ? 'yes' : 'no'} |`,
    '',
    '## Profile',
    '',
    `- workflow bundle: app ${f(r.profile.appWorkflowBundleBytes / 1e6, 2)} MB (bundled in ${f(r.profile.appWorkflowBundleMs / 1000)} s; the worker from source was ready in ${f(r.profile.workerReadyMs / 1000)} s), baseline ${f(r.profile.baselineWorkflowBundleBytes / 1e6, 2)} MB`,
    `- answer per event: app ${f(r.profile.appAnswerBytesMean, 0)} bytes of JSON (the whole order view); update result in history ${f(r.profile.appHistory.updateResultBytesMean, 0)} bytes (whole order state) vs B2 ${f(r.profile.b2History.updateResultBytesMean, 0)} bytes`,
    `- history of one completed order: ${r.profile.appHistory.events} events, ${f(r.profile.appHistory.bytes / 1024)} kB (${Object.entries(
      r.profile.appHistory.byType,
    )
      .map(([k, v]) => `${k} ${String(v)}`)
      .join(', ')})`,
    `- history of one B2 workflow (${r.options.eventsPerOrder} updates): ${r.profile.b2History.events} events, ${f(r.profile.b2History.bytes / 1024)} kB`,
    '',
    '## Read model',
    '',
    `- lag from an event's answer until \`GET /orders/{id}\` shows its \`timelineTotal\` (1 in ${f(1 / r.readModel.lagSampleFraction, 0)} events of the app rounds, polled every ${r.readModel.lagPollMs} ms beside the closed loop): p50 ${f(r.readModel.lagMs.p50)} ms, p95 ${f(r.readModel.lagMs.p95)} ms, p99 ${f(r.readModel.lagMs.p99)} ms, max ${f(r.readModel.lagMs.max)} ms (n=${r.readModel.lagMs.n})`,
    `- after each app round, every order's timeline in PostgreSQL against its workflow's \`timelineTotal\` and the eventIds the API accepted: ${r.readModel.rounds.map((x: any) => `round ${x.round} ${x.ordersChecked - x.incomplete.length}/${x.ordersChecked} complete (within ${f(x.caughtUpMs / 1000)} s of its end)`).join('; ')}`,
  ];
  if (r.writePath) {
    const w = r.writePath;
    const ops = (p: any) =>
      p
        ? `${f(p.total)} (${Object.entries(p.byOperation)
            .slice(0, 4)
            .map(([k, v]) => `${k} ${f(v as number)}`)
            .join(', ')})`
        : '-';
    lines.push(
      '',
      '## Read model write path',
      '',
      `One bench-only workflow per client (bench/writePathWorkflows.ts), one update per event writing the order's row and one timeline record through the app's \`projectOrder\`. ${w.rounds} rounds alternating the variants; closed loop: ${w.clients} clients × ${w.eventsPerClient} events, median over rounds (min–max); open loop: ${w.ratePerSecond} events/s for ${w.openLoopSeconds} s over ${w.clients} orders, latencies pooled over rounds. "done" is when the client counts the event done (for (b) after the row is visible), "visible" from the send until a read sees the row (polled every ${w.pollMs} ms). Persistence requests: the dev server's \`persistence_requests\` over the closed loop, per event.`,
      '',
      '| variant | events/s closed loop | done p50 · p95 · p99 ms (open loop) | update answer p50 ms | visible p50 · p99 ms | history events/event | persistence requests/event |',
      '| --- | --- | --- | --- | --- | --- | --- |',
      ...Object.values(w.variants).map(
        (v: any) =>
          `| ${v.name} | ${sp(v.closedLoop.eventsPerSecond, 0)} | ${f(v.openLoop.done.p50)} · ${f(v.openLoop.done.p95)} · ${f(v.openLoop.done.p99)} | ${f(v.openLoop.answer.p50)} | ${f(v.openLoop.visible.p50)} · ${f(v.openLoop.visible.p99)} | ${f(v.historyEventsPerEvent)} | ${ops(v.persistenceRequestsPerEvent)} |`,
      ),
    );
  }
  if (r.scale) {
    const s = r.scale;
    lines.push(
      '',
      `## Scale: ${s.idleOrders} idle open orders`,
      '',
      ...s.workerDeaths.map(
        (d: any) =>
          `- **the worker died** by ${d.idleOrders} idle orders (exit ${String(d.exit)}): \`${d.logTail.slice(-400)}\``,
      ),
      `- started through the client (and written to the read model by the bench) at ${f(s.startsPerSecond, 0)}/s`,
      `- worker RSS by idle orders: ${s.workerRss.map((x: any) => `${x.idleOrders}: ${f(x.workerRssMb, 0)} MB`).join(', ')}; after a worker restart ${f(s.workerRssAfterRestartMb, 0)} MB`,
      `- GET /orders?stage=… (pageSize 50), median ms: ${Object.entries(s.listByStageMedianMs)
        .map(([k, v]) => `${k} ${f(v as number)}`)
        .join(', ')}`,
      `- event on an order evicted from the worker cache (worker restarted), sequential: idle order (short history) cold ${f(s.evictedEvent.idleShortHistory.coldMedianMs)} ms vs warm ${f(s.evictedEvent.idleShortHistory.warmMedianMs)} ms; order with ${s.evictedEvent.longHistory.historyEvents} history events cold ${f(s.evictedEvent.longHistory.coldMedianMs)} ms (max ${f(s.evictedEvent.longHistory.cold.max)}) vs warm ${f(s.evictedEvent.longHistory.warmMedianMs)} ms`,
    );
  }
  if (r.failures.length)
    lines.push('', `**Failures:** ${r.failures.length}: ${r.failures.slice(0, 5).join('; ')}`);
  lines.push('', '![latency distributions](latency.png)', '');
  return lines.join('\n');
}

/* eslint-enable */

if (require.main === module) {
  main().catch((err: unknown) => {
    console.error(err);
    process.exit(1);
  });
}
