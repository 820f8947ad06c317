/**
 * The API's CPU per event (`npx tsx bench/apiCpu.ts --orders 20 --concurrency 10`): a dev server,
 * the read model's PostgreSQL, an SMTP sink, the worker and the API as production runs them (built
 * with `npm run build` unless `--no-build`; `--code source` through tsx), then whole orders driven
 * over HTTP as bench.ts's app rounds do. Prints the API process's CPU ms per accepted event (from
 * /proc, after a warm-up) and its V8 CPU profile over the same window, charged to areas
 * (bench/cpuProfile.ts --api). `--codec` turns the payload codec on (a fixed test key);
 * `--baseline <path of another build's api/server.js> --rounds N`: that API and this one in
 * alternating rounds on the same servers, so that both see the same machine load.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { makeTempDir } from '../src/dev/postgres';
import { freePort } from '../src/dev/freePort';
import { startReadModelDatabase } from '../src/dev/readModelDatabase';
import { WorkerProcess } from '../harness/workerProcess';
import { startBenchChild } from './childProcess';
import { summarise, type Profile } from './cpuProfile';
import { driveOrder, pool } from './driver';
import { ApiProcess, numberArg, parseArgs, procCpuSeconds, root } from './lib';
import { startBenchServer } from './temporalServer';

const log = (s: string) => console.log(`[api-cpu ${new Date().toISOString().slice(11, 19)}] ${s}`);
// The local platform token (src/config/apiEnv.ts) reads /metrics.
const PLATFORM_TOKEN = 'local-platform-token';
const monotonicUs = () => Number(process.hrtime.bigint() / 1000n);
// Not a secret: a fixed key so that a run with --codec repeats.
const TEST_CODEC_KEYS = `bench:${Buffer.alloc(32, 7).toString('base64')}`;

async function main(): Promise<void> {
  const a = parseArgs(process.argv.slice(2));
  const orders = numberArg(a, 'orders', 20);
  const concurrency = numberArg(a, 'concurrency', 10);
  const warmOrders = numberArg(a, 'warm-orders', 5);
  const code = a.code ?? 'built';
  if (code !== 'built' && code !== 'source') throw new Error(`--code is built or source, not ${code}`);
  const dir = makeTempDir('order-desk-api-cpu-');
  const profileDir = a['profile-dir'] ?? join(dir, 'profile');
  mkdirSync(profileDir, { recursive: true });
  const cleanups: (() => Promise<unknown>)[] = [];
  try {
    const load = loadavg();
    log(
      `load average ${load.map((l) => l.toFixed(2)).join(' ')}; ${orders} orders, ${concurrency} at a time`,
    );
    if (code === 'built' && a['no-build'] !== 'true') {
      log('npm run build');
      execFileSync('npm', ['run', 'build'], { cwd: root, stdio: 'ignore' });
    }
    const server = await startBenchServer('dev', dir);
    cleanups.push(() => server.stop());
    const readModel = await startReadModelDatabase({
      dataDir: join(dir, 'postgres'),
      logFile: join(dir, 'postgres.log'),
      durable: false,
    });
    cleanups.push(() => readModel.server.stop());
    const sink = await startBenchChild('bench/processes/smtpSink.ts', {});
    cleanups.push(() => sink.stop());
    const env: Record<string, string> = {
      NODE_ENV: 'development',
      TEMPORAL_ADDRESS: server.address,
      TEMPORAL_NAMESPACE: server.namespace,
      TEMPORAL_TASK_QUEUE: 'api-cpu-orders',
      SMTP_URL: `smtp://127.0.0.1:${sink.detail}`,
      API_RATE_LIMIT_PER_MINUTE: '100000000',
      DATABASE_URL: readModel.url,
      ...(a.codec === 'true' ? { PAYLOAD_CODEC_KEYS: TEST_CODEC_KEYS } : {}),
    };
    const worker = new WorkerProcess(env, code === 'built' ? 'dist/worker.js' : 'src/worker.ts');
    await worker.start();
    cleanups.push(() => worker.kill('SIGTERM'));
    const entry = code === 'built' ? 'dist/api/server.js' : 'src/api/server.ts';
    // --baseline <dist/api/server.js of another build>: its API and ours in alternating rounds, same load
    const apis = [
      { label: 'this build', entry },
      ...(a.baseline ? [{ label: 'baseline', entry: a.baseline }] : []),
    ];
    const rounds = Math.max(1, numberArg(a, 'rounds', 1));
    const results: { label: string; cpuMsPerEvent: number }[] = [];
    for (let round = 1; round <= rounds; round++)
      for (const { label, entry: apiEntry } of round % 2 ? apis : [...apis].reverse()) {
        const dirOfRound = join(profileDir, `${label.replace(/\W/g, '-')}-${round}`);
        mkdirSync(dirOfRound, { recursive: true });
        const cpuMsPerEvent = await measureApi(apiEntry, `${label} #${round}`, dirOfRound);
        results.push({ label, cpuMsPerEvent });
      }
    for (const { label } of apis) {
      const mine = results.filter((r) => r.label === label).map((r) => r.cpuMsPerEvent.toFixed(2));
      console.log(`${label}: API CPU ms per event ${mine.join(', ')}`);
    }

    async function measureApi(apiEntry: string, label: string, dirOfRound: string): Promise<number> {
      const api = new ApiProcess(
        await freePort(),
        env,
        apiEntry,
        a['no-profile'] === 'true' ? [] : ['--cpu-prof', `--cpu-prof-dir=${dirOfRound}`],
      );
      await api.start();
      try {
        return await measureRound(api, label, dirOfRound);
      } finally {
        await api.stop();
      }
    }

    async function measureRound(api: ApiProcess, label: string, dirOfRound: string): Promise<number> {
      const drive = async (prefix: string, n: number): Promise<number> => {
        let accepted = 0;
        const ids = Array.from({ length: n }, (_, i) => `CPU-${prefix}-${i}`);
        const results = await pool(ids, concurrency, (id) =>
          driveOrder(id, {
            base: api.base,
            retry503: true,
            retryForMs: 120_000,
            record: (at) => void (at.status === 200 && accepted++),
          }),
        );
        const failed = results.filter((r) => !r.completed);
        if (failed.length) throw new Error(`${failed.length} orders failed: ${failed[0].failure}`);
        return accepted;
      };
      const prefix = `${Date.now().toString(36)}`;
      log(`${label}: warm-up, ${warmOrders} orders`);
      await drive(`W${prefix}`, warmOrders);

      const loadBefore = loadavg()[0];
      const requests0 = await requestsByRoute(api.base);
      const cpu0 = procCpuSeconds(api.pid);
      const io0 = syscalls(api.pid);
      const split0 = cpuSplit(api.pid);
      const from = monotonicUs();
      const t0 = performance.now();
      const events = await drive(`R${prefix}`, orders);
      const wallS = (performance.now() - t0) / 1000;
      const to = monotonicUs();
      const cpuMs = (procCpuSeconds(api.pid) - cpu0) * 1000;
      const io1 = syscalls(api.pid);
      const split1 = cpuSplit(api.pid);
      const loadAfter = loadavg()[0];
      const requests1 = await requestsByRoute(api.base);
      await api.stop();

      console.log(
        `\n## ${label}: API CPU ${(cpuMs / events).toFixed(2)} ms per event (${cpuMs.toFixed(0)} ms over ${events} events, ${(events / wallS).toFixed(1)} events/s); load ${loadBefore.toFixed(2)} → ${loadAfter.toFixed(2)}; code ${code}, codec ${a.codec === 'true' ? 'on' : 'off'}`,
      );
      const perRoute = [...requests1]
        .map(([route, n]) => `${route} ${((n - (requests0.get(route) ?? 0)) / events).toFixed(2)}`)
        .filter((line) => !line.startsWith('GET /metrics') && !line.startsWith('GET /health'));
      console.log(`requests per event: ${perRoute.join(', ')}`);
      console.log(
        `user and system CPU ms per event: ${(((split1.user - split0.user) * 1000) / events).toFixed(2)} and ${(((split1.system - split0.system) * 1000) / events).toFixed(2)}; read and write system calls per event: ${((io1.reads - io0.reads) / events).toFixed(1)} and ${((io1.writes - io0.writes) / events).toFixed(1)}`,
      );
      const file = readdirSync(dirOfRound).find((f) => f.endsWith('.cpuprofile'));
      if (!file) return cpuMs / events;
      const profile = JSON.parse(readFileSync(join(dirOfRound, file), 'utf8')) as Profile;
      const s = summarise(profile, 'api', { fromUs: from, toUs: to });
      console.log(
        `profile: main thread busy ${(s.busyMs / events).toFixed(2)} ms per event (${(s.busyShare * 100).toFixed(0)} % of ${(s.wallMs / 1000).toFixed(1)} s); ${join(dirOfRound, file)}\n`,
      );
      console.log('| area | ms per event | share of busy |\n| --- | --- | --- |');
      for (const r of s.rows)
        console.log(`| ${r.area} | ${(r.ms / events).toFixed(3)} | ${(r.shareOfBusy * 100).toFixed(1)} % |`);
      console.log('\n| hottest functions (self) | area | ms per event |\n| --- | --- | --- |');
      for (const f of s.hottest.slice(0, numberArg(a, 'top', 15)))
        console.log(`| ${f.fn} | ${f.area} | ${(f.ms / events).toFixed(3)} |`);
      return cpuMs / events;
    }
  } finally {
    for (const c of cleanups.reverse()) await c().catch((err: unknown) => log(`cleanup: ${String(err)}`));
  }
}

/** User and system CPU seconds of a process so far (/proc/<pid>/stat, as procCpuSeconds). */
function cpuSplit(pid: number | undefined): { user: number; system: number } {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return { user: Number(fields[11]) / 100, system: Number(fields[12]) / 100 };
}

/** Read and write system calls of a process so far (/proc/<pid>/io): round trips, whatever they cost. */
function syscalls(pid: number | undefined): { reads: number; writes: number } {
  const io = readFileSync(`/proc/${pid}/io`, 'utf8');
  const field = (name: string) => Number(new RegExp(`^${name}: (\\d+)`, 'm').exec(io)?.[1] ?? NaN);
  return { reads: field('syscr'), writes: field('syscw') };
}

/** Requests answered so far, by method and route pattern (the API's own counter). */
async function requestsByRoute(base: string): Promise<Map<string, number>> {
  const r = await fetch(`${base}/metrics`, { headers: { Authorization: `Bearer ${PLATFORM_TOKEN}` } });
  const out = new Map<string, number>();
  for (const m of (await r.text()).matchAll(
    /^orderdesk_http_requests_total\{method="(\w+)",route="([^"]*)",status="\d+"\} (\d+)/gm,
  ))
    out.set(`${m[1]} ${m[2]}`, (out.get(`${m[1]} ${m[2]}`) ?? 0) + Number(m[3]));
  return out;
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    console.error(err);
    process.exit(1);
  },
);
