import { z } from 'zod';
import { durationSchema, durationToMs } from '../domain';
import { checkPayloadCodecEnv } from './codecEnv';
import { apiPortOf, sharedConfig, SHARED_ENV } from './sharedEnv';
import { envVariable, readEnv, shapeOf } from './variables';

/** What only the order worker reads. */
export const WORKER_ENV = {
  // Each cached order costs the worker ~0.3 MB (see README, "Worker memory"): bounded, not heap-derived.
  WORKER_MAX_CACHED_WORKFLOWS: envVariable(
    z.coerce.number().int().min(1).max(100_000).default(100),
    'orders a worker keeps in memory between events (others replay their history on the next event, a few ms)',
  ),
  // How long the server holds an order's next task for the worker that has it cached. After that
  // worker died, its orders wait this long before another worker replays them (the SDK's 10s).
  WORKER_STICKY_TIMEOUT: envVariable(
    z._default(durationSchema, '3s'),
    "how long an order's next task waits for the worker that has it cached before any worker replays it (the time orders stall after a worker crash)",
  ),
  // The worker's Prometheus endpoint (the SDK's own exporter): off unless a port is given.
  WORKER_METRICS_PORT: envVariable(
    z.coerce.number().int().min(1).max(65535).optional(),
    "the worker's Prometheus endpoint (`/metrics`, the Temporal SDK's exporter)",
    'none: off (`npm start`: 9464)',
  ),
  // Loopback by default; 0.0.0.0 where Prometheus scrapes from elsewhere (a container).
  WORKER_METRICS_HOST: envVariable(
    z.union([z.ipv4(), z.literal('localhost')]).default('127.0.0.1'),
    'the address that endpoint binds (`0.0.0.0` where Prometheus scrapes from another host or container)',
  ),
  LOG_LEVEL: envVariable(
    z.enum(['TRACE', 'DEBUG', 'INFO', 'WARN', 'ERROR']).optional(),
    "the worker's log level: `TRACE`, `DEBUG`, `INFO` (one line per update, signal and activity, with its request id), `WARN`, `ERROR`",
    '`INFO` in production, else `WARN`',
  ),
  SMTP_URL: envVariable(
    z
      .string()
      .regex(/^smtps?:\/\/\S+$/, 'smtp://[user:pass@]host:port or smtps://...')
      .default('smtp://localhost:1025'),
    'SMTP server, e.g. `smtp://user:pass@relay:587`; the default is the mail catcher `npm start` runs',
  ),
  // Read by the worker at start (src/config/chatWebhooks.ts).
  CHAT_WEBHOOKS_FILE: envVariable(
    z.string().min(1).optional(),
    'JSON file of chat robot routes (WeCom, DingTalk, Slack) for stall notices',
    'none (no chat notices)',
  ),
};

export const workerEnvSchema = z
  .object({ ...shapeOf(SHARED_ENV), ...shapeOf(WORKER_ENV) })
  .superRefine(checkPayloadCodecEnv);

export type WorkerConfig = ReturnType<typeof loadWorkerConfig>;

/**
 * Reads and validates the worker's variables once (the API's are not its business). A bad value
 * throws an error that names the variable, which the entry point prints before exiting.
 */
export function loadWorkerConfig(env: NodeJS.ProcessEnv = process.env) {
  const e = readEnv(workerEnvSchema, env);
  const shared = sharedConfig(e, apiPortOf(env));
  return {
    ...shared,
    worker: {
      maxCachedWorkflows: e.WORKER_MAX_CACHED_WORKFLOWS,
      stickyQueueTimeoutMs: durationToMs(e.WORKER_STICKY_TIMEOUT),
      metricsAddress: e.WORKER_METRICS_PORT ? `${e.WORKER_METRICS_HOST}:${e.WORKER_METRICS_PORT}` : null,
    },
    logLevel: e.LOG_LEVEL ?? (shared.production ? 'INFO' : 'WARN'),
    mail: { smtpUrl: e.SMTP_URL, from: e.MAIL_FROM },
    chatWebhooksFile: e.CHAT_WEBHOOKS_FILE,
  };
}
