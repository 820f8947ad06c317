/**
 * Shared pieces of the benchmark and the chaos run: an HTTP client that never throws, process
 * figures from /proc, percentiles, and the API as a child process.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { nodeArgsFor } from '../harness/workerProcess';

export const root = resolve(__dirname, '..');
export const OPS_TOKEN = 'local-ops-token';

/** The parts of API answers the harness reads (error bodies, the order view, the email list). */
export interface ApiBody {
  error?: { code?: string; message?: string };
  status?: string;
  timelineTotal?: number;
  documents?: { dispatchedAt?: string | null };
  timeline?: { eventId: string }[];
  emails?: { messageId: string; purpose: string }[];
}

export interface HttpResult {
  status: number; // 0: no answer (connection refused/reset)
  body: ApiBody;
  bytes: number;
  ms: number;
  startedAt: number;
  endedAt: number;
}

export async function http(
  base: string,
  method: string,
  path: string,
  body?: unknown,
  token = process.env.BENCH_TOKEN ?? OPS_TOKEN,
  timeoutMs = 60_000,
): Promise<HttpResult> {
  const startedAt = Date.now();
  const t0 = performance.now();
  try {
    const res = await fetch(base + path, {
      method,
      headers: {
        Authorization: `Bearer ${token}`,
        ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(timeoutMs),
    });
    const text = await res.text();
    let parsed: ApiBody = {};
    try {
      parsed = JSON.parse(text) as ApiBody;
    } catch {
      parsed = { error: { message: text } };
    }
    return {
      status: res.status,
      body: parsed,
      bytes: text.length,
      ms: performance.now() - t0,
      startedAt,
      endedAt: Date.now(),
    };
  } catch (err) {
    return {
      status: 0,
      body: { error: { message: String(err) } },
      bytes: 0,
      ms: performance.now() - t0,
      startedAt,
      endedAt: Date.now(),
    };
  }
}

export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

export function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i];
}

export function stats(values: number[]) {
  const s = [...values].sort((a, b) => a - b);
  return {
    n: s.length,
    p50: percentile(s, 50),
    p95: percentile(s, 95),
    p99: percentile(s, 99),
    max: s[s.length - 1] ?? NaN,
  };
}

export function median(values: number[]): number {
  return percentile(
    [...values].sort((a, b) => a - b),
    50,
  );
}

/** min..max of a set of round figures. */
export function spread(values: number[]): { median: number; min: number; max: number } {
  return { median: median(values), min: Math.min(...values), max: Math.max(...values) };
}

const TICKS = 100; // USER_HZ on Linux

/** user+system CPU seconds of a process from /proc/<pid>/stat (0 when it is gone). */
export function procCpuSeconds(pid: number | undefined): number {
  if (!pid) return 0;
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // fields[0] is field 3 (state); utime is field 14, stime 15
    return (Number(fields[11]) + Number(fields[12])) / TICKS;
  } catch {
    return 0;
  }
}

/** Resident set size in MB from /proc/<pid>/status. */
export function procRssMb(pid: number | undefined): number {
  if (!pid) return NaN;
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) / 1024 : NaN;
  } catch {
    return NaN;
  }
}

/** The median of five RSS readings half a second apart: one reading catches the GC mid-cycle. */
export async function settledRssMb(pid: number | undefined): Promise<number> {
  const readings: number[] = [];
  for (let i = 0; i < 5; i++) {
    if (i > 0) await sleep(500);
    readings.push(procRssMb(pid));
  }
  return median(readings);
}

/** The worker's memory right after full garbage collections (bench/processes/heapProbe.cjs). */
export interface MemoryAfterGc {
  /** The JS heaps of all the worker's threads (the workflows run in a thread of their own). */
  heapUsedMb: number;
  /** How many threads answered: 1 would mean the workflows' heap is missing. */
  heapThreads: number;
  rssMb: number;
}

/** Node options and environment that preload the heap probe into a worker, writing to `file`. */
export function heapProbeEnv(file: string): Record<string, string> {
  const preload = `--require ${resolve(__dirname, 'processes', 'heapProbe.cjs')}`;
  return {
    NODE_OPTIONS: [process.env.NODE_OPTIONS, preload].filter(Boolean).join(' '),
    HEAP_PROBE_FILE: file,
  };
}

/** Asks the probe in process `pid` for a reading (SIGPWR) and waits for it; undefined if none comes. */
export async function memoryAfterGc(
  pid: number | undefined,
  file: string,
  timeoutMs = 15_000,
): Promise<MemoryAfterGc | undefined> {
  if (!pid) return undefined;
  const asked = Date.now();
  process.kill(pid, 'SIGPWR');
  while (Date.now() - asked < timeoutMs) {
    await sleep(100);
    if (!existsSync(file)) continue;
    const reading = JSON.parse(readFileSync(file, 'utf8')) as {
      at: number;
      heapUsed: number;
      heapByThread: Record<string, number>;
      rss: number;
    };
    if (reading.at >= asked)
      return {
        heapUsedMb: reading.heapUsed / 2 ** 20,
        heapThreads: Object.keys(reading.heapByThread).length,
        rssMb: reading.rss / 2 ** 20,
      };
  }
  return undefined;
}

/** The pid of the process whose command line contains `needle` (e.g. the dev server's db file). */
export function findPid(needle: string): number | undefined {
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry) || Number(entry) === process.pid) continue;
    try {
      const cmd = readFileSync(`/proc/${entry}/cmdline`, 'utf8').replace(/\0/g, ' ');
      if (cmd.includes(needle) && !cmd.includes('operator')) return Number(entry);
    } catch {
      /* gone */
    }
  }
  return undefined;
}

/** The production API entry (src/api/server.ts) as a child process: its CPU is measured apart. */
export class ApiProcess {
  child: ChildProcess | undefined;
  log = '';
  /**
   * `entry`: the built API (dist/api/server.js) as production runs it, or the source through tsx.
   * `nodeFlags`: node's own flags (e.g. --cpu-prof, which NODE_OPTIONS refuses).
   */
  constructor(
    readonly port: number,
    private readonly env: Record<string, string>,
    private readonly entry = 'src/api/server.ts',
    private readonly nodeFlags: string[] = [],
  ) {}

  get base(): string {
    return `http://127.0.0.1:${this.port}`;
  }
  get pid(): number | undefined {
    return this.child?.pid;
  }

  /** `ready`: the health answer to wait for (without Temporal: 503 with the database up). */
  async start(timeoutMs = 60_000, ready = (h: HttpResult) => h.status === 200): Promise<void> {
    // API_PROFILE_DIR: a V8 CPU profile of the API, written when it stops gracefully.
    const profile = process.env.API_PROFILE_DIR;
    const cpuProf = profile ? ['--cpu-prof', `--cpu-prof-dir=${profile}`] : [];
    const child = spawn(process.execPath, [...cpuProf, ...this.nodeFlags, ...nodeArgsFor(this.entry)], {
      cwd: root,
      env: { ...process.env, ...this.env, API_PORT: String(this.port) },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child = child;
    const keep = (c: Buffer) => {
      this.log = (this.log + c.toString()).slice(-20_000);
    };
    child.stdout?.on('data', keep);
    child.stderr?.on('data', keep);
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      if (child.exitCode !== null) throw new Error(`API exited at start:\n${this.log}`);
      const h = await http(this.base, 'GET', '/health', undefined, undefined, 2_000);
      if (ready(h)) return;
      if (Date.now() > deadline) throw new Error(`API not healthy in ${timeoutMs} ms:\n${this.log}`);
      await sleep(200);
    }
  }

  async stop(): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null) return;
    const gone = new Promise<void>((r) => child.once('exit', () => r()));
    child.kill('SIGTERM');
    const t = setTimeout(() => child.kill('SIGKILL'), 15_000);
    await gone;
    clearTimeout(t);
  }
}

/** `--name value` and `--flag` command-line options. */
export function parseArgs(argv: string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (!a.startsWith('--')) continue;
    const [k, inline] = a.slice(2).split('=', 2);
    const next = argv[i + 1];
    if (inline !== undefined) out[k] = inline;
    else if (next !== undefined && !next.startsWith('--')) {
      out[k] = next;
      i++;
    } else out[k] = 'true';
  }
  return out;
}

export function numberArg(args: Record<string, string>, name: string, fallback: number): number {
  const v = args[name];
  if (v === undefined) return fallback;
  const n = Number(v);
  if (!Number.isFinite(n) || n < 0) throw new Error(`--${name} must be a non-negative number, not ${v}`);
  return n;
}
