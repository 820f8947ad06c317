/**
 * A real Temporal cluster on this machine: Temporal Server built from its Go module (pinned in
 * scripts/temporal-server-version.txt, built once by scripts/build-temporal-server.sh into
 * `.temporal-cluster/<version>/`), all four services in one process, on a real PostgreSQL server
 * (the read model's kind) for persistence and SQL visibility. The schema is set up with Temporal's
 * own SQL tool; the namespace and our search attributes are registered with the Temporal CLI.
 *
 * `npm run cluster` starts one and keeps it running (CLUSTER_TEMPORAL_PORT, default 7433; data in
 * .data/cluster); `npm run bench -- --server cluster` and `TEMPORAL_TEST_SERVER_ADDRESS` use it.
 */
import { ChildProcess, execFile, execFileSync, spawn } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { registerSearchAttributes } from './devServer';
import { freePort, freePortBelow, waitForPort } from './freePort';
import { startPostgres, type PostgresServer } from './postgres';
import { temporalCliPath } from './temporalBinaries';

const run = promisify(execFile);
const projectRoot = resolve(__dirname, '..', '..');

export interface ClusterOptions {
  /** Holds the PostgreSQL data, the server's config and its log; reused when it exists. */
  dir: string;
  /** Frontend gRPC port; a free one when absent. */
  port?: number;
  /** Prometheus metrics on http://127.0.0.1:<port>/metrics; a free one when absent. */
  metricsPort?: number;
  namespace?: string;
  /** false skips fsync in PostgreSQL (throwaway runs); true (the default) as in production. */
  durable?: boolean;
  readyTimeoutMs?: number;
}

export interface TemporalCluster {
  readonly address: string;
  readonly namespace: string;
  readonly metricsPort: number;
  /** The Temporal Server process (for CPU figures). */
  readonly pid: number | undefined;
  readonly postgres: PostgresServer;
  stop(): Promise<void>;
}

export const temporalServerVersion = (): string =>
  readFileSync(join(projectRoot, 'scripts', 'temporal-server-version.txt'), 'utf8').trim();

/** The built binaries, building them first when this version is not in the cache yet. */
export function clusterBinaries(): { server: string; sqlTool: string } {
  const dir = join(projectRoot, '.temporal-cluster', temporalServerVersion());
  const server = join(dir, 'temporal-server');
  const sqlTool = join(dir, 'temporal-sql-tool');
  if (!existsSync(server) || !existsSync(sqlTool)) {
    execFileSync('bash', [join(projectRoot, 'scripts', 'build-temporal-server.sh')], { stdio: 'inherit' });
  }
  return { server, sqlTool };
}

const DATABASES = [
  { name: 'temporal', schema: 'postgresql/v12/temporal' },
  { name: 'temporal_visibility', schema: 'postgresql/v12/visibility' },
];

/** Creates both databases if missing and brings their schemas to this server version. */
async function setUpSchema(sqlTool: string, postgres: PostgresServer): Promise<void> {
  const { hostname, port, username, password } = new URL(postgres.url);
  for (const db of DATABASES) {
    const base = ['--plugin', 'postgres12', '--ep', hostname, '--port', port, '--user', username];
    const tool = (...args: string[]) =>
      run(sqlTool, [...base, '--db', db.name, ...args], { env: { ...process.env, SQL_PASSWORD: password } });
    let created = true;
    try {
      await tool('create-database');
    } catch (err) {
      if (!/already exists/i.test(String((err as { stderr?: string }).stderr ?? err))) throw err;
      created = false;
    }
    if (created) await tool('setup-schema', '--version', '0.0');
    await tool('update-schema', '--schema-name', db.schema);
  }
}

interface Ports {
  frontend: number;
  frontendHttp: number;
  frontendMembership: number;
  history: number;
  historyMembership: number;
  matching: number;
  matchingMembership: number;
  worker: number;
  workerMembership: number;
  metrics: number;
}

/**
 * Dynamic config: updates on, eager activity dispatch on, one matching partition per task queue
 * (one matching host here: more partitions only split the pollers), as the dev server gets them.
 */
const dynamicConfig = `frontend.enableUpdateWorkflowExecution:
  - value: true
system.enableActivityEagerExecution:
  - value: true
matching.numTaskqueueReadPartitions:
  - value: 1
matching.numTaskqueueWritePartitions:
  - value: 1
frontend.enableServerVersionCheck:
  - value: false
`;

function serverConfig(postgres: PostgresServer, ports: Ports, dynamicConfigFile: string): string {
  const { hostname, port, username, password } = new URL(postgres.url);
  const store = (database: string, conns: number) => `
      sql:
        pluginName: postgres12
        databaseName: ${database}
        connectAddr: "${hostname}:${port}"
        connectProtocol: tcp
        user: ${username}
        password: ${password}
        maxConns: ${conns}
        maxIdleConns: ${conns}
        maxConnLifetime: 1h`;
  const service = (grpc: number, membership: number, http?: number) => `
    rpc:
      grpcPort: ${grpc}
      membershipPort: ${membership}
      bindOnIP: 127.0.0.1${http ? `\n      httpPort: ${http}` : ''}`;
  return `log:
  stdout: true
  level: warn
persistence:
  defaultStore: default
  visibilityStore: visibility
  numHistoryShards: 4
  datastores:
    default:${store('temporal', 20)}
    visibility:${store('temporal_visibility', 4)}
global:
  membership:
    maxJoinDuration: 30s
    broadcastAddress: 127.0.0.1
  metrics:
    prometheus:
      framework: tally
      timerType: histogram
      listenAddress: "127.0.0.1:${ports.metrics}"
services:
  frontend:${service(ports.frontend, ports.frontendMembership, ports.frontendHttp)}
  history:${service(ports.history, ports.historyMembership)}
  matching:${service(ports.matching, ports.matchingMembership)}
  worker:${service(ports.worker, ports.workerMembership)}
clusterMetadata:
  enableGlobalNamespace: false
  failoverVersionIncrement: 10
  masterClusterName: active
  currentClusterName: active
  clusterInformation:
    active:
      enabled: true
      initialFailoverVersion: 1
      rpcName: frontend
      rpcAddress: "127.0.0.1:${ports.frontend}"
dcRedirectionPolicy:
  policy: noop
dynamicConfigClient:
  filepath: "${dynamicConfigFile}"
  pollInterval: 10s
`;
}

/** Registers the namespace (idempotent) and waits until the frontend serves it. */
async function ensureNamespace(address: string, namespace: string, timeoutMs: number): Promise<void> {
  const cli = temporalCliPath();
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      await run(cli, [
        'operator',
        'namespace',
        'create',
        '--address',
        address,
        '--namespace',
        namespace,
        '--retention',
        '72h',
      ]);
      break;
    } catch (err) {
      const text = String((err as { stderr?: string }).stderr ?? err);
      if (/already (exists|registered)/i.test(text)) break;
      if (Date.now() > deadline) throw new Error(`registering namespace ${namespace}: ${text}`);
      await new Promise((r) => setTimeout(r, 500));
    }
  }
  // the frontend's namespace cache refreshes on its own clock: wait until a list call works
  for (;;) {
    try {
      await run(cli, ['workflow', 'list', '--address', address, '--namespace', namespace, '--limit', '1']);
      return;
    } catch (err) {
      if (Date.now() > deadline) throw new Error(`namespace ${namespace} not served: ${String(err)}`);
      await new Promise((r) => setTimeout(r, 500));
    }
  }
}

export async function startCluster(options: ClusterOptions): Promise<TemporalCluster> {
  const readyTimeoutMs = options.readyTimeoutMs ?? 120_000;
  const namespace = options.namespace ?? 'default';
  const { server, sqlTool } = clusterBinaries();
  mkdirSync(options.dir, { recursive: true });
  const postgres = await startPostgres({
    dataDir: join(options.dir, 'postgres'),
    logFile: join(options.dir, 'postgres.log'),
    durable: options.durable ?? true,
  });
  let child: ChildProcess | undefined;
  try {
    await setUpSchema(sqlTool, postgres);
    const ports: Ports = {
      frontend: options.port ?? (await freePort()),
      frontendHttp: await freePort(),
      frontendMembership: await freePortBelow(32_768),
      history: await freePort(),
      historyMembership: await freePortBelow(32_768),
      matching: await freePort(),
      matchingMembership: await freePortBelow(32_768),
      worker: await freePort(),
      workerMembership: await freePortBelow(32_768),
      metrics: options.metricsPort ?? (await freePort()),
    };
    const dynamicConfigFile = join(options.dir, 'dynamicconfig.yaml');
    writeFileSync(dynamicConfigFile, dynamicConfig);
    const configFile = join(options.dir, 'config.yaml');
    writeFileSync(configFile, serverConfig(postgres, ports, dynamicConfigFile));
    const proc = spawn(server, ['--config-file', configFile, '--allow-no-auth', 'start'], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child = proc;
    const log = createWriteStream(join(options.dir, 'server.log'), { flags: 'a' });
    proc.stdout?.pipe(log);
    proc.stderr?.pipe(log);
    const exited = new Promise<never>((_, reject) =>
      proc.once('exit', (code) =>
        reject(
          new Error(`temporal server exited early (code ${code}); see ${join(options.dir, 'server.log')}`),
        ),
      ),
    );
    exited.catch(() => undefined);
    const address = `127.0.0.1:${ports.frontend}`;
    await Promise.race([waitForPort('127.0.0.1', ports.frontend, readyTimeoutMs), exited]);
    await Promise.race([ensureNamespace(address, namespace, readyTimeoutMs), exited]);
    await Promise.race([
      registerSearchAttributes(temporalCliPath(), address, namespace, readyTimeoutMs),
      exited,
    ]);
    return {
      address,
      namespace,
      metricsPort: ports.metrics,
      pid: proc.pid,
      postgres,
      stop: async () => {
        await stopProcess(proc);
        await postgres.stop();
      },
    };
  } catch (err) {
    if (child) await stopProcess(child);
    await postgres.stop();
    throw err;
  }
}

async function stopProcess(proc: ChildProcess): Promise<void> {
  if (proc.exitCode !== null || proc.signalCode !== null) return;
  const gone = new Promise<void>((done) => proc.once('exit', () => done()));
  proc.kill('SIGTERM');
  const timer = setTimeout(() => proc.kill('SIGKILL'), 15_000);
  await gone;
  clearTimeout(timer);
}

/** `npm run cluster`: one cluster on fixed ports, its data in .data/cluster, until Ctrl-C. */
async function main(): Promise<void> {
  const port = Number(process.env.CLUSTER_TEMPORAL_PORT ?? 7433);
  const metricsPort = Number(process.env.CLUSTER_METRICS_PORT ?? 9433);
  const dir = resolve(process.env.CLUSTER_DATA_DIR ?? join(projectRoot, '.data', 'cluster'));
  const cluster = await startCluster({ dir, port, metricsPort });
  console.log(
    `Temporal Server ${temporalServerVersion()} on PostgreSQL: ${cluster.address} (namespace ${cluster.namespace}), metrics http://127.0.0.1:${metricsPort}/metrics, PostgreSQL ${cluster.postgres.url}; data in ${dir}. Ctrl-C stops it.`,
  );
  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    void cluster.stop().then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

if (require.main === module) {
  main().catch((err: unknown) => {
    console.error(err);
    process.exit(1);
  });
}
