import type { Pool, PoolClient } from 'pg';
import { transactionPreamble } from './companyScope';
import { isUnavailable, unavailableAs } from './errors';

export type Query = <R extends object>(text: string, params?: unknown[]) => Promise<R[]>;

/** Queries through the pool, each in a transaction that sets the current company (companyScope.ts). */
export interface ScopedPool {
  query: Query;
  /** Runs `work` in one transaction for the current company; committed when it resolves. */
  transaction: <T>(work: (client: PoolClient) => Promise<T>) => Promise<T>;
}

/** `fallbackCompany`: the company outside any scope (single-company tools and tests); none by default. */
export function scopedPool(pool: Pool, fallbackCompany?: string): ScopedPool {
  async function transaction<T>(work: (client: PoolClient) => Promise<T>): Promise<T> {
    return unavailableAs(async () => {
      const client = await pool.connect();
      let broken = false;
      // A connection lost while checked out (a server restart) fails the query; it must not also
      // surface as an unhandled 'error' event.
      const lost = () => (broken = true);
      client.on('error', lost);
      try {
        await client.query(transactionPreamble(fallbackCompany));
        const result = await work(client);
        await client.query('COMMIT');
        return result;
      } catch (err) {
        broken = isUnavailable(err);
        if (!broken) await client.query('ROLLBACK').catch(() => (broken = true));
        throw err;
      } finally {
        client.off('error', lost);
        client.release(broken);
      }
    });
  }
  return {
    transaction,
    query: <R extends object>(text: string, params: unknown[] = []) =>
      transaction(async (client) => (await client.query<R>(text, params)).rows),
  };
}
