import { migrate } from '../readModel/migrate';
import { ensureDatabase } from './databases';
import { startPostgres, type PostgresOptions, type PostgresServer } from './postgres';

export const READ_MODEL_DATABASE = 'orderdesk';

/**
 * A PostgreSQL server with the read model's database created (if missing) and migrated: what
 * `npm start`, the benchmark and the chaos run give the worker and the API as DATABASE_URL.
 */
export async function startReadModelDatabase(
  options: PostgresOptions,
): Promise<{ server: PostgresServer; url: string }> {
  const server = await startPostgres(options);
  try {
    const url = await ensureDatabase(server.url, READ_MODEL_DATABASE);
    await migrate(url);
    return { server, url };
  } catch (err) {
    await server.stop();
    throw err;
  }
}
