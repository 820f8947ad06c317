/**
 * The HTTP API entry (`npx tsx src/api/server.ts`, or `npm run api`). Starts listening at once and
 * connects to Temporal and PostgreSQL lazily (answering 503 until it can), so it may start before them.
 * SIGTERM/SIGINT: stop accepting connections, finish requests in flight, close both connections.
 */
import type { Server } from 'node:http';
import { loadApiConfig, type ApiConfig } from '../config/apiEnv';
import { ConfigError } from '../config/errors';
import { createApp } from './app';
import { consoleLogger, type Logger } from './errors';
import { createReadModel } from '../readModel';
import { createTrackingLinkStore } from '../readModel/trackingLinks';
import { lazyTemporalClient } from './temporalClient';

export interface RunningApi {
  server: Server;
  port: number;
  close(): Promise<void>;
}

export async function startApi(config: ApiConfig, logger: Logger = consoleLogger): Promise<RunningApi> {
  const temporal = lazyTemporalClient(config);
  const readModel = createReadModel({ url: config.database.url });
  const trackingLinkStore = createTrackingLinkStore({ url: config.database.url });
  const app = createApp({ temporal, readModel, trackingLinkStore, config, logger });
  const server = app.listen(config.api.port);
  await new Promise<void>((resolve, reject) => {
    server.once('listening', resolve);
    server.once('error', reject);
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : config.api.port;
  // Warm the connection up; failures are answered with 503 per request until Temporal is there.
  temporal.getClient().catch(() => undefined);
  let closing: Promise<void> | undefined;
  return {
    server,
    port,
    close() {
      closing ??= (async () => {
        await new Promise<void>((resolve) => {
          server.close(() => resolve());
          server.closeIdleConnections();
          // Requests still running after 10 s are cut off.
          setTimeout(() => server.closeAllConnections(), 10_000).unref();
        });
        await Promise.all([temporal.close(), readModel.close(), trackingLinkStore.close()]);
      })();
      return closing;
    },
  };
}

async function main(): Promise<void> {
  const config = loadApiConfig();
  const api = await startApi(config);
  consoleLogger.info('order desk API listening', {
    port: api.port,
    temporal: config.temporal.address,
    namespace: config.temporal.namespace,
    taskQueue: config.temporal.taskQueue,
  });
  const shutdown = (signal: string) => {
    consoleLogger.info('shutting down', { signal });
    api.close().then(
      () => process.exit(0),
      (err: unknown) => {
        consoleLogger.error('shutdown failed', { cause: String(err) });
        process.exit(1);
      },
    );
  };
  process.once('SIGTERM', () => shutdown('SIGTERM'));
  process.once('SIGINT', () => shutdown('SIGINT'));
}

if (require.main === module) {
  main().catch((err: unknown) => {
    console.error(err instanceof ConfigError ? err.message : err);
    process.exit(1);
  });
}
