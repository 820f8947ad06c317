import { join } from 'node:path';
import { ensureDatabase } from '../src/dev/databases';
import { startDevServer } from '../src/dev/devServer';
import { makeTempDir, startPostgres } from '../src/dev/postgres';
import { migrate } from '../src/readModel/migrate';
import { TEMPLATE_DATABASE } from './database';

// One real Temporal dev server and one real PostgreSQL for the whole jest run. Test files isolate
// themselves with their own task queues and workflow ids, and their own database copied from a
// migrated template (harness/database.ts). Tests that kill or restart a server start their own.
//
// TEMPORAL_TEST_SERVER_ADDRESS (and TEMPORAL_TEST_SERVER_NAMESPACE, default `default`) points the
// tests at a Temporal server already running instead, e.g. the cluster of `npm run cluster`, which
// has the namespace and our search attributes registered.
export default async function globalSetup(): Promise<void> {
  const pgRoot = makeTempDir('orderdesk-test-pg-');
  const external = process.env.TEMPORAL_TEST_SERVER_ADDRESS;
  const [server, postgres] = await Promise.all([
    external
      ? {
          address: external,
          namespace: process.env.TEMPORAL_TEST_SERVER_NAMESPACE ?? 'default',
          stop: undefined,
        }
      : startDevServer({ logFile: 'artifacts/temporal-dev-server.log' }),
    startPostgres({ dataDir: join(pgRoot, 'data'), logFile: 'artifacts/postgres.log', durable: false }),
  ]);
  await migrate(await ensureDatabase(postgres.url, TEMPLATE_DATABASE));
  process.env.TEMPORAL_TEST_ADDRESS = server.address;
  process.env.TEMPORAL_TEST_NAMESPACE = server.namespace;
  process.env.DATABASE_TEST_ADMIN_URL = postgres.url;
  Object.assign(globalThis, {
    __devServer: external ? undefined : server,
    __postgres: postgres,
    __postgresRoot: pgRoot,
  });
}
