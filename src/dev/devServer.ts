import { ChildProcess, execFile, spawn } from 'node:child_process';
import { createWriteStream, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { promisify } from 'node:util';
import { orderSearchAttributeKeys } from '../workflows/searchAttributes';
import { freePort, waitForPort } from './freePort';
import { temporalCliPath } from './temporalBinaries';

const run = promisify(execFile);

export interface DevServerOptions {
  /** gRPC port; a free one when absent. */
  port?: number;
  /** Web UI port; no UI when absent. */
  uiPort?: number;
  /** The codec server the UI decodes payloads with (`--ui-codec-endpoint`). */
  uiCodecEndpoint?: string;
  /** SQLite file that keeps orders across restarts; in memory when absent. */
  dbFile?: string;
  namespace?: string;
  /** Where the server's own log goes; discarded when absent. */
  logFile?: string;
  readyTimeoutMs?: number;
  /** Prometheus metrics on http://127.0.0.1:<port>/metrics (the benchmark's persistence counts). */
  metricsPort?: number;
  /**
   * Leave out the dispatch settings below and run on the CLI's own defaults (to measure them):
   * - eager activity dispatch on (already Temporal 1.32's default; stated so it stays on): an
   *   activity scheduled by a workflow task goes back to the same worker in the task's answer;
   * - one matching partition per task queue: one server process, so more partitions only split the
   *   pollers and send tasks through the forwarding path and the database.
   */
  cliDispatchDefaults?: boolean;
}

export interface DevServer {
  readonly address: string;
  readonly namespace: string;
  readonly uiUrl: string | undefined;
  /** Kills the server (SIGKILL with `hard`) and waits for it to exit. */
  stop(options?: { hard?: boolean }): Promise<void>;
  /** Starts the server again on the same port and db file, as after a crash or deploy. */
  restart(): Promise<void>;
}

export const cliType = { KEYWORD: 'Keyword', BOOL: 'Bool' } as const;

/**
 * Starts `temporal server start-dev` from the pinned CLI, waits until it answers and registers our
 * search attributes. Registration runs on every start because `--search-attribute` only applies to
 * a new db file. No version check and no UI news fetch: this machine has no internet.
 */
export async function startDevServer(options: DevServerOptions = {}): Promise<DevServer> {
  const cli = temporalCliPath();
  const port = options.port ?? (await freePort());
  const namespace = options.namespace ?? 'default';
  const address = `127.0.0.1:${port}`;
  const readyTimeoutMs = options.readyTimeoutMs ?? 60_000;
  let child: ChildProcess | undefined;

  const args = [
    'server',
    'start-dev',
    '--ip',
    '127.0.0.1',
    '--port',
    String(port),
    '--namespace',
    namespace,
    '--log-level',
    'warn',
    '--dynamic-config-value',
    'frontend.enableServerVersionCheck=false',
    // Updates must be usable: they are how the API records events.
    '--dynamic-config-value',
    'frontend.enableUpdateWorkflowExecution=true',
  ];
  if (!options.cliDispatchDefaults) {
    for (const setting of [
      'system.enableActivityEagerExecution=true',
      'matching.numTaskqueueReadPartitions=1',
      'matching.numTaskqueueWritePartitions=1',
    ]) {
      args.push('--dynamic-config-value', setting);
    }
  }
  if (options.uiPort !== undefined) {
    args.push('--ui-port', String(options.uiPort), '--ui-ip', '127.0.0.1', '--ui-disable-news-fetch');
    if (options.uiCodecEndpoint) args.push('--ui-codec-endpoint', options.uiCodecEndpoint);
  } else {
    args.push('--headless');
  }
  if (options.metricsPort !== undefined) args.push('--metrics-port', String(options.metricsPort));
  if (options.dbFile) {
    mkdirSync(dirname(options.dbFile), { recursive: true });
    args.push('--db-filename', options.dbFile);
  }
  for (const key of orderSearchAttributeKeys) {
    args.push('--search-attribute', `${key.name}=${cliType[key.type]}`);
  }

  async function start(): Promise<void> {
    const proc = spawn(cli, args, {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, TEMPORAL_VERSION_CHECK_DISABLED: '1' },
    });
    child = proc;
    if (options.logFile) {
      mkdirSync(dirname(options.logFile), { recursive: true });
      const log = createWriteStream(options.logFile, { flags: 'a' });
      proc.stdout?.pipe(log);
      proc.stderr?.pipe(log);
    } else {
      proc.stdout?.resume();
      proc.stderr?.resume();
    }
    const exited = new Promise<never>((_, reject) =>
      proc.once('exit', (code) => reject(new Error(`temporal dev server exited early (code ${code})`))),
    );
    exited.catch(() => undefined);
    await Promise.race([waitForPort('127.0.0.1', port, readyTimeoutMs), exited]);
    await Promise.race([registerSearchAttributes(cli, address, namespace, readyTimeoutMs), exited]);
  }

  async function stop(stopOptions: { hard?: boolean } = {}): Promise<void> {
    const proc = child;
    child = undefined;
    if (!proc || proc.exitCode !== null || proc.signalCode !== null) return;
    const gone = new Promise<void>((done) => proc.once('exit', () => done()));
    proc.kill(stopOptions.hard ? 'SIGKILL' : 'SIGTERM');
    const timer = setTimeout(() => proc.kill('SIGKILL'), 10_000);
    await gone;
    clearTimeout(timer);
  }

  await start();
  return {
    address,
    namespace,
    uiUrl: options.uiPort !== undefined ? `http://localhost:${options.uiPort}` : undefined,
    stop,
    restart: async () => {
      await stop();
      await start();
    },
  };
}

/** Idempotent: an attribute that already exists is fine. Retries while the frontend warms up. */
export async function registerSearchAttributes(
  cli: string,
  address: string,
  namespace: string,
  timeoutMs: number,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (const key of orderSearchAttributeKeys) {
    for (;;) {
      try {
        await run(cli, [
          'operator',
          'search-attribute',
          'create',
          '--address',
          address,
          '--namespace',
          namespace,
          '--name',
          key.name,
          '--type',
          cliType[key.type],
        ]);
        break;
      } catch (err) {
        const text = String((err as { stderr?: string }).stderr ?? err);
        if (/already exists/i.test(text)) break;
        if (Date.now() > deadline) throw new Error(`registering search attribute ${key.name}: ${text}`);
        await new Promise((r) => setTimeout(r, 250));
      }
    }
  }
}
