import { Client, Connection, defaultGrpcRetryOptions, makeGrpcRetryInterceptor } from '@temporalio/client';
import { dataConverterFor } from '../codec/dataConverter';
import type { Config } from '../config/env';
import { temporalConnectionOptions } from '../config/temporalConnection';

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
 * Few gRPC retries: a request must fail fast with 503 rather than hang on a dead server.
 */
export function lazyTemporalClient(
  config: Pick<Config, 'temporal' | 'payloadCodec'>,
  connectTimeoutMs = 3_000,
): TemporalAccess {
  let connecting: Promise<Client> | undefined;
  let connection: Connection | undefined;
  let closed = false;

  async function connect(): Promise<Client> {
    const conn = await Connection.connect({
      ...temporalConnectionOptions(config.temporal),
      connectTimeout: connectTimeoutMs,
      interceptors: [makeGrpcRetryInterceptor(defaultGrpcRetryOptions({ maxAttempts: 3 }))],
    });
    if (closed) {
      await conn.close();
      throw new Error('the API is shutting down');
    }
    connection = conn;
    return new Client({
      connection: conn,
      namespace: config.temporal.namespace,
      dataConverter: dataConverterFor(config),
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
