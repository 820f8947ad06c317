import { NativeConnection, type Worker } from '@temporalio/worker';
import type { Express } from 'express';
import { createApp } from '../src/api/app';
import type { Logger } from '../src/api/errors';
import { lazyTemporalClient, type TemporalAccess } from '../src/api/temporalClient';
import { loadConfig, type Config } from '../src/config/env';
import { createTrackingLinkStore } from '../src/readModel/trackingLinks';
import { createReadModel, type ReadModel } from '../src/readModel';
import { createOrderWorker } from '../src/worker';
import { createTestDatabase } from './database';
import { uniqueTaskQueue } from './temporal';

export const TOKENS = {
  ops: 'ops-token-for-tests',
  viewer: 'viewer-token-for-tests',
  ops2: 'second-ops-token-for-tests',
  manager: 'manager-token-for-tests',
  platform: 'platform-admin-token-for-tests',
  admin: 'admin-token-for-tests',
  acmeOps: 'acme-ops-token-for-tests',
  acmeViewer: 'acme-viewer-token-for-tests',
  acmeManager: 'acme-manager-token-for-tests',
  globexOps: 'globex-ops-token-for-tests',
  customerManager: 'customer-manager-token-for-tests',
} as const;
/** Names are what the timeline records as actor; tokens without a company act for `default`. */
export const API_TOKENS = [
  `alice:ops:${TOKENS.ops}`,
  `victor:viewer:${TOKENS.viewer}`,
  `olga:ops:${TOKENS.ops2}`,
  `max:manager:${TOKENS.manager}`,
  `adam:admin:${TOKENS.admin}`,
  `pat:platform-admin:${TOKENS.platform}`,
  `anna:ops:${TOKENS.acmeOps}:acme`,
  `vera:viewer:${TOKENS.acmeViewer}:acme`,
  `dora:manager:${TOKENS.acmeManager}:acme`,
  `gus:ops:${TOKENS.globexOps}:globex`,
  `carol:customer-manager:${TOKENS.customerManager}:acme`,
  `carol:customer-manager:${TOKENS.customerManager}:globex`,
].join(',');

export const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });

/** Keeps every log entry; errors also go to the console, so a 500 shows in the test output. */
export function recordingLogger(): Logger & {
  entries: { level: string; message: string; fields?: object }[];
} {
  const entries: { level: string; message: string; fields?: object }[] = [];
  return {
    entries,
    error: (message, fields) => {
      entries.push({ level: 'error', message, fields });
      console.error(message, fields);
    },
    warn: (message, fields) => entries.push({ level: 'warn', message, fields }),
    info: (message, fields) => entries.push({ level: 'info', message, fields }),
  };
}

export interface StackOptions {
  /** Temporal frontend; the jest run's dev server when absent. */
  temporalAddress?: string;
  /** Start a real order worker on the task queue (default true). */
  worker?: boolean;
  smtpUrl?: string;
  env?: NodeJS.ProcessEnv;
}

export interface Stack {
  app: Express;
  config: Config;
  temporal: TemporalAccess;
  logger: ReturnType<typeof recordingLogger>;
  readModel: ReadModel;
  worker?: Worker;
  /** Stops the worker (the API and Temporal keep running). */
  stopWorker(): Promise<void>;
  close(): Promise<void>;
}

/**
 * A real API (createApp over a lazily connected Temporal client) and, optionally, a real order worker
 * (createOrderWorker, real activities, SMTP to the given server) on a task queue of their own.
 */
export async function startStack(options: StackOptions = {}): Promise<Stack> {
  const address = options.temporalAddress ?? process.env.TEMPORAL_TEST_ADDRESS;
  if (!address) throw new Error('TEMPORAL_TEST_ADDRESS is not set: run the tests through jest');
  // A read model database of its own, unless the test brings one.
  const database = options.env?.DATABASE_URL ? undefined : await createTestDatabase();
  const config = loadConfig({
    NODE_ENV: 'test',
    TEMPORAL_ADDRESS: address,
    TEMPORAL_NAMESPACE: process.env.TEMPORAL_TEST_NAMESPACE ?? 'default',
    TEMPORAL_TASK_QUEUE: uniqueTaskQueue('api'),
    TEMPORAL_UI_URL: 'http://localhost:8233',
    API_TOKENS,
    API_WORKER_TIMEOUT: '10s',
    API_RATE_LIMIT_PER_MINUTE: '100000',
    API_AUTH_FAILURES_PER_MINUTE: '100000',
    API_ADDRESS_RATE_LIMIT_PER_MINUTE: '100000',
    SMTP_URL: options.smtpUrl ?? 'smtp://127.0.0.1:1',
    DATABASE_URL: database?.url,
    ...options.env,
  });
  const logger = recordingLogger();
  const temporal = lazyTemporalClient(config);
  // The app and the worker act for the company of each request or order only (as in production);
  // the tests' own reads and writes go to `default` unless they set a company scope.
  const appReadModel = createReadModel({ url: config.database.url });
  const readModel = createReadModel({ url: config.database.url, company: 'default' });
  const trackingLinkStore = createTrackingLinkStore({ url: config.database.url });
  const app = createApp({ temporal, readModel: appReadModel, trackingLinkStore, config, logger });

  let worker: Worker | undefined;
  let connection: NativeConnection | undefined;
  let running: Promise<void> | undefined;
  if (options.worker ?? true) {
    connection = await NativeConnection.connect({ address });
    worker = await createOrderWorker(config, connection, appReadModel);
    running = worker.run();
  }

  async function stopWorker(): Promise<void> {
    if (worker && worker.getState() === 'RUNNING') worker.shutdown();
    await running;
    running = undefined;
    await connection?.close();
    connection = undefined;
  }

  return {
    app,
    config,
    temporal,
    logger,
    readModel,
    worker,
    stopWorker,
    async close() {
      await stopWorker();
      await Promise.all([
        temporal.close(),
        readModel.close(),
        appReadModel.close(),
        trackingLinkStore.close(),
      ]);
      await database?.drop();
    },
  };
}
