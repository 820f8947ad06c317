/**
 * The Temporal server a bench run measures: the dev server (SQLite, one process) or the cluster
 * (Temporal Server built from its Go module on PostgreSQL, `npm run cluster`), each with its
 * Prometheus endpoint for the persistence counts and its pid for the CPU column.
 */
import { join } from 'node:path';
import { startDevServer } from '../src/dev/devServer';
import { freePort } from '../src/dev/freePort';
import { findPid } from './lib';

export type ServerKind = 'dev' | 'cluster';

export interface BenchServer {
  kind: ServerKind;
  address: string;
  namespace: string;
  metricsPort: number;
  pid: number | undefined;
  stop(): Promise<void>;
}

export async function startBenchServer(
  kind: ServerKind,
  dir: string,
  tuning: { cliDispatchDefaults?: boolean } = {},
): Promise<BenchServer> {
  const metricsPort = await freePort();
  if (kind === 'cluster') {
    const { startCluster } = await import('../src/dev/cluster');
    const cluster = await startCluster({ dir: join(dir, 'cluster'), metricsPort });
    return { kind, ...cluster, metricsPort, stop: () => cluster.stop() };
  }
  const dbFile = join(dir, 'temporal.db');
  const server = await startDevServer({ dbFile, logFile: join(dir, 'server.log'), metricsPort, ...tuning });
  return {
    kind,
    address: server.address,
    namespace: server.namespace,
    metricsPort,
    pid: findPid(dbFile),
    stop: () => server.stop(),
  };
}
