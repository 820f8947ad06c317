import { randomBytes } from 'node:crypto';
import { dropDatabase, ensureDatabase } from '../src/dev/databases';

/** The jest run's database with the read model's migrations applied (see globalSetup). */
export const TEMPLATE_DATABASE = 'orderdesk_template';

export interface TestDatabase {
  url: string;
  drop(): Promise<void>;
}

/** A database of its own for a test file: a copy of the migrated template, quick to make. */
export async function createTestDatabase(): Promise<TestDatabase> {
  const adminUrl = process.env.DATABASE_TEST_ADMIN_URL;
  if (!adminUrl) throw new Error('DATABASE_TEST_ADMIN_URL is not set: run the tests through jest');
  const name = `test_${process.pid}_${randomBytes(4).toString('hex')}`;
  const url = await ensureDatabase(adminUrl, name, TEMPLATE_DATABASE);
  return { url, drop: () => dropDatabase(adminUrl, name) };
}
