import type { Pool, PoolClient } from 'pg';
import { sessionScope, transactionPreamble } from './companyScope';
import { isUnavailable, unavailableAs } from './errors';

export type Query = <R extends object>(text: string, params?: unknown[]) => Promise<R[]>;

/**
 * Queries through the pool, each for the current company (companyScope.ts): a transaction sets it
 * for itself; a single statement runs in one round trip on a connection already set to its scope
 * (its own implicit transaction), and sets the connection's scope first where it differs.
 */
export interface ScopedPool {
  query: Query;
  /** Runs `work` in one transaction for the current company; committed when it resolves. */
  transaction: <T>(work: (client: PoolClient) => Promise<T>) => Promise<T>;
}

/** The scope (sessionScope's key) each connection was last set to; absent: unknown, set it again. */
const connectionScopes = new WeakMap<PoolClient, string>();

/** `fallbackCompany`: the company outside any scope (single-company tools and tests); none by default. */
export function scopedPool(pool: Pool, fallbackCompany?: string): ScopedPool {
  /**
   * A connection for `work`, released after it; `failed` says whether it may go back to the pool.
   * A connection lost while checked out (a server restart) fails the query; it must not also
   * surface as an unhandled 'error' event.
   */
  function withConnection<T>(
    work: (client: PoolClient) => Promise<T>,
    failed: (err: unknown, client: PoolClient) => Promise<boolean>,
  ): Promise<T> {
    return unavailableAs(async () => {
      const client = await pool.connect();
      let broken = false;
      const lost = () => (broken = true);
      client.on('error', lost);
      try {
        return await work(client);
      } catch (err) {
        broken = (await failed(err, client)) || broken;
        throw err;
      } finally {
        client.off('error', lost);
        client.release(broken);
      }
    });
  }

  function query<R extends object>(text: string, params: unknown[] = []): Promise<R[]> {
    return withConnection(
      async (client) => {
        const scope = sessionScope(fallbackCompany);
        if (connectionScopes.get(client) !== scope.key) {
          connectionScopes.delete(client);
          await client.query(scope.statement);
          connectionScopes.set(client, scope.key);
        }
        return (await client.query<R>(text, params)).rows;
      },
      (err) => Promise.resolve(isUnavailable(err)),
    );
  }

  function transaction<T>(work: (client: PoolClient) => Promise<T>): Promise<T> {
    return withConnection(
      async (client) => {
        await client.query(transactionPreamble(fallbackCompany));
        const result = await work(client);
        await client.query('COMMIT');
        return result;
      },
      async (err, client) => {
        if (isUnavailable(err)) return true;
        return client.query('ROLLBACK').then(
          () => false,
          () => true,
        );
      },
    );
  }
  return { transaction, query };
}
