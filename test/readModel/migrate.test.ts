import { Client } from 'pg';
import { migrate } from '../../src/readModel';
import { createTestDatabase, type TestDatabase } from '../../harness/database';

let db: TestDatabase;

beforeAll(async () => {
  db = await createTestDatabase();
});

afterAll(async () => {
  await db?.drop();
});

describe('migrate', () => {
  it('runs again, and from two processes at once, without error or change', async () => {
    // The test database is a copy of the template globalSetup migrated: these find nothing to do.
    await migrate(db.url);
    await Promise.all([migrate(db.url), migrate(db.url)]);

    const client = new Client({ connectionString: db.url });
    await client.connect();
    try {
      const applied = await client.query<{ name: string }>('SELECT name FROM pgmigrations ORDER BY id');
      expect(applied.rows.map((r) => r.name)).toEqual([
        '1780000000000_read-model',
        '1780000000001_templates',
        '1781000000000_stage-entered',
        '1790000000000_tracking-link-revocations',
        '1791000000000_corrections',
        '1792034000000_attachments',
        '1792100000000_order-search',
        '1793000000000_companies',
        '1794100000000_issued-documents',
        '1795000000000_customers',
        '1796000000000_order-search-grams',
      ]);
      const tables = await client.query<{ table_name: string }>(
        "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY 1",
      );
      expect(tables.rows.map((r) => r.table_name)).toEqual([
        'attachments',
        'companies',
        'company_members',
        'company_profiles',
        'company_tokens',
        'credit_holds',
        'customers',
        'documents',
        'emails',
        'issued_documents',
        'order_search',
        'orders',
        'pgmigrations',
        'platform_people',
        'rebate_rates',
        'sessions',
        'stage_entered',
        'templates',
        'timeline',
        'tracking_link_revocations',
      ]);
    } finally {
      await client.end();
    }
  });

  it('names the failure', async () => {
    await expect(migrate('postgres://postgres:postgres@127.0.0.1:1/nothing')).rejects.toThrow(
      /read model migrations failed/,
    );
  });
});
