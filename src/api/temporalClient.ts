import { Client, Connection, defaultGrpcRetryOptions, makeGrpcRetryInterceptor } from '@temporalio/client';
import { dataConverterFor } from '../codec/dataConverter';
import type { ApiConfig } from '../config/apiEnv';
import { temporalConnectionOptions } from '../config/temporalConnection';
import { requestIdInterceptor } from './requestContext';
import { grpcStatus, isUpdateAbortedStatus } from './temporalErrors';

/**
 * Few gRPC retries: a request must fail fast with 503 rather than hang on a dead server. None on
 * RESOURCE_EXHAUSTED (an order's updates over Temporal's limit, or the server throttling): the
 * client answers 429 with Retry-After at once instead of backing off until the deadline. More on an
 * update the server dropped before accepting it: the server is up and the same call recreates the
 * update, so it is retried until the call's own deadline.
 */
const ATTEMPTS = 3;
const ATTEMPTS_AFTER_UPDATE_ABORTED = 12;

export function apiRetryOptions() {
  const defaults = defaultGrpcRetryOptions({ maxAttempts: ATTEMPTS_AFTER_UPDATE_ABORTED });
  return {
    ...defaults,
    retryableDecider: (attempt: number, status: Parameters<typeof defaults.retryableDecider>[1]) => {
      const code: number = status.code;
      if (code === grpcStatus.RESOURCE_EXHAUSTED) return false;
      if (isUpdateAbortedStatus(status)) return defaults.retryableDecider(attempt, status);
      return attempt < ATTEMPTS && defaults.retryableDecider(attempt, status);
    },
  };
}

/** Gives the routes a connected client, or throws while Temporal cannot be reached. */
export interface TemporalAccess {
  getClient(): Promise<Client>;
  close(): Promise<void>;
}

/** For callers (tests, scripts) that already hold a client. */
export function fixedClient(client: Client): TemporalAccess {
  return { getClient: () => Promise.resolve(client), close: () => Promise.resolve() };
}

/**
 * Connects on first use and again after a failed attempt, so the API starts (and answers 503)
 * while Temporal is still starting. Once connected, gRPC reconnects by itself after an outage.
 */
export function lazyTemporalClient(
  config: Pick<ApiConfig, 'temporal' | 'payloadCodec'>,
  connectTimeoutMs = 3_000,
): TemporalAccess {
  let connecting: Promise<Client> | undefined;
  let connection: Connection | undefined;
  let closed = false;

  async function connect(): Promise<Client> {
    const conn = await Connection.connect({
      ...temporalConnectionOptions(config.temporal),
      connectTimeout: connectTimeoutMs,
      interceptors: [makeGrpcRetryInterceptor(apiRetryOptions())],
    });
    if (closed) {
      await conn.close();
      throw new Error('the API is shutting down');
    }
    connection = conn;
    return new Client({
      connection: conn,
      namespace: config.temporal.namespace,
      // Reads compressed payloads, sends none: an API upgraded before the workers stays readable to them.
      dataConverter: dataConverterFor(config, { compress: false }),
      interceptors: { workflow: [requestIdInterceptor] },
    });
  }

  return {
    getClient() {
      if (closed) return Promise.reject(new Error('the API is shutting down'));
      connecting ??= connect().catch((err: unknown) => {
        connecting = undefined;
        throw err;
      });
      return connecting;
    },
    async close() {
      closed = true;
      await connection?.close();
    },
  };
}
