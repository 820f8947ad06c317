import { join } from 'node:path';
import { ensureDatabase } from '../src/dev/databases';
import { startDevServer } from '../src/dev/devServer';
import { makeTempDir, startPostgres } from '../src/dev/postgres';
import { migrate } from '../src/readModel/migrate';
import { TEMPLATE_DATABASE } from './database';

// One real Temporal dev server and one real PostgreSQL for the whole jest run. Test files isolate
// themselves with their own task queues and workflow ids, and their own database copied from a
// migrated template (harness/database.ts). Tests that kill or restart a server start their own.
export default async function globalSetup(): Promise<void> {
  const pgRoot = makeTempDir('orderdesk-test-pg-');
  const [server, postgres] = await Promise.all([
    startDevServer({ logFile: 'artifacts/temporal-dev-server.log' }),
    startPostgres({ dataDir: join(pgRoot, 'data'), logFile: 'artifacts/postgres.log', durable: false }),
  ]);
  await migrate(await ensureDatabase(postgres.url, TEMPLATE_DATABASE));
  process.env.TEMPORAL_TEST_ADDRESS = server.address;
  process.env.TEMPORAL_TEST_NAMESPACE = server.namespace;
  process.env.DATABASE_TEST_ADMIN_URL = postgres.url;
  Object.assign(globalThis, { __devServer: server, __postgres: postgres, __postgresRoot: pgRoot });
}
