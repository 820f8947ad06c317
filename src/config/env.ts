import { API_ENV, apiEnvSchema, loadApiConfig } from './apiEnv';
import { SHARED_ENV } from './sharedEnv';
import { envProblems, refuseProblems, type EnvVariables } from './variables';
import { loadWorkerConfig, WORKER_ENV, workerEnvSchema } from './workerEnv';

export { ConfigError } from './errors';

/**
 * Every variable, by the process that reads it; the configuration reference (docs/configuration.md)
 * is written from this list by scripts/config-doc.ts.
 */
export const ENV_VARIABLES = {
  shared: SHARED_ENV,
  worker: WORKER_ENV,
  api: API_ENV,
} as const satisfies Record<string, EnvVariables>;

export type Config = ReturnType<typeof loadConfig>;

/**
 * The worker's and the API's configuration together, for what runs both in one process (tests, the
 * bench, scripts). The entry points read their own: src/worker.ts `loadWorkerConfig`, src/api/server.ts
 * `loadApiConfig`. Every wrong variable of either is named at once.
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env) {
  refuseProblems(envProblems([apiEnvSchema, workerEnvSchema], env));
  const api = loadApiConfig(env);
  const worker = loadWorkerConfig(env);
  return { ...api, ...worker, tracking: { ...api.tracking, ...worker.tracking } };
}
