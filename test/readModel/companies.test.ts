/* eslint-disable @typescript-eslint/no-unsafe-assignment -- jest's asymmetric matchers are typed any */
import { Client, Pool } from 'pg';
import { createReadModel, type ReadModel } from '../../src/readModel';
import { acrossCompanies, inCompany } from '../../src/readModel/companyScope';
import { scopedPool } from '../../src/readModel/scopedPool';
import { exporterProfileOf } from '../../src/readModel/exporterProfile';
import { createTestDatabase, type TestDatabase } from '../../harness/database';
import { batch, orderRecord, timelineRecord } from './records';

let db: TestDatabase;
/** As the API and the worker have it: no company outside a scope. */
let readModel: ReadModel;

beforeAll(async () => {
  db = await createTestDatabase();
  readModel = createReadModel({ url: db.url });
  await readModel.ensureCompanies([
    { id: 'acme', name: 'Acme Export' },
    { id: 'globex', name: 'Globex Trading' },
  ]);
  for (const company of ['acme', 'globex'])
    await inCompany(company, () =>
      readModel.project(
        batch(orderRecord({ orderId: 'PO-1', customerCompany: `${company} buyer` }), {
          timeline: [timelineRecord(1)],
        }),
      ),
    );
});

afterAll(async () => {
  await readModel?.close();
  await db?.drop();
});

/** A raw connection as the database's owner (the test server's superuser). */
async function withClient<T>(work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: db.url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

describe('companies in the read model', () => {
  it('keeps the same order id apart in two companies', async () => {
    const acme = await inCompany('acme', () => readModel.getOrder('PO-1'));
    const globex = await inCompany('globex', () => readModel.getOrder('PO-1'));
    expect(acme).not.toBeNull();
    expect(globex).not.toBeNull();
    const acmeList = await inCompany('acme', () => readModel.listOrders({ pageSize: 10 }));
    expect(acmeList.orders.map((o) => o.customer.company)).toEqual(['acme buyer']);
    expect(await inCompany('default', () => readModel.getOrder('PO-1'))).toBeNull();
    expect(await inCompany('acme', () => readModel.orderExists('PO-1'))).toBe(true);
    expect(await inCompany('default', () => readModel.orderExists('PO-1'))).toBe(false);
  });

  it('outside a company scope, the app sees no rows and writes none', async () => {
    expect(await readModel.getOrder('PO-1')).toBeNull();
    expect((await readModel.listOrders({ pageSize: 10 })).orders).toEqual([]);
    expect((await readModel.timeline('PO-1', { limit: 10 })).entries).toEqual([]);
    await expect(readModel.project(batch(orderRecord({ orderId: 'PO-2' })))).rejects.toThrow();
  });

  it('a query as the app role without the company setting sees no rows (row-level security)', async () => {
    const counts = await withClient(async (client) => {
      await client.query('BEGIN; SET LOCAL ROLE orderdesk_app');
      const seen: Record<string, number> = {};
      for (const table of ['orders', 'timeline'])
        seen[table] = (
          await client.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`)
        ).rows[0].n;
      await client.query('ROLLBACK');
      return seen;
    });
    expect(counts).toEqual({ orders: 0, timeline: 0 });
    // The rows are there: the owner's superuser sees both companies' orders.
    const all = await withClient(
      async (client) =>
        (await client.query<{ company: string }>('SELECT company FROM orders ORDER BY 1')).rows,
    );
    expect(all).toEqual([{ company: 'acme' }, { company: 'globex' }]);
  });

  it('every table with a company column the app role can read forces row-level security, and it owns none', async () => {
    const tables = await withClient(
      async (client) =>
        (
          await client.query<{ table: string; rls: boolean; forced: boolean; owner: string }>(
            `SELECT c.relname AS table, c.relrowsecurity AS rls, c.relforcerowsecurity AS forced,
               pg_get_userbyid(c.relowner) AS owner
             FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
             WHERE n.nspname = 'public' AND c.relkind = 'r'
               AND EXISTS (SELECT 1 FROM pg_attribute a WHERE a.attrelid = c.oid AND a.attname = 'company')
               AND has_table_privilege('orderdesk_app', c.oid, 'SELECT')`,
          )
        ).rows,
    );
    expect(tables.length).toBeGreaterThanOrEqual(10);
    for (const t of tables)
      expect(t).toEqual({
        table: t.table,
        rls: true,
        forced: true,
        owner: expect.not.stringMatching(/^orderdesk_app$/),
      });
  });

  it('keeps the search pieces from the app role: only the search function, for its own company, reads them', async () => {
    const access = await withClient(
      async (client) =>
        (
          await client.query<{ select: boolean; insert: boolean }>(
            `SELECT has_table_privilege('orderdesk_app', 'order_search', 'SELECT') AS select,
               has_table_privilege('orderdesk_app', 'order_search', 'INSERT') AS insert`,
          )
        ).rows[0],
    );
    expect(access).toEqual({ select: false, insert: false });
  });

  it('finds a stored token by its hash across companies, and a revoked one no more', async () => {
    const hash = Buffer.alloc(32, 7);
    const created = await inCompany('globex', () =>
      readModel.createToken(
        { id: '00000000-0000-4000-8000-000000000001', name: 'erp', role: 'ops', hash, createdBy: 'test' },
        new Date(),
      ),
    );
    expect(await readModel.tokenByHash(hash)).toMatchObject({ company: 'globex', name: 'erp', role: 'ops' });
    // Another company cannot revoke it.
    expect(await inCompany('acme', () => readModel.revokeToken(created.id, new Date()))).toBe(false);
    expect(await inCompany('globex', () => readModel.revokeToken(created.id, new Date()))).toBe(true);
    expect(await readModel.tokenByHash(hash)).toBeNull();
  });
});

describe('one connection serving one scope after another', () => {
  it('a query or a transaction sees its own scope, whatever the connection served before', async () => {
    // One connection: every query and transaction below runs on the one the previous used.
    const pool = new Pool({ connectionString: db.url, max: 1 });
    const { query, transaction } = scopedPool(pool);
    const companies = 'SELECT company FROM orders ORDER BY 1';
    const byQuery = async () => (await query<{ company: string }>(companies)).map((r) => r.company);
    const inTransaction = () =>
      transaction(async (client) =>
        (await client.query<{ company: string }>(companies)).rows.map((r) => r.company),
      );
    try {
      for (const read of [byQuery, inTransaction]) {
        expect(await acrossCompanies(read)).toEqual(['acme', 'globex']);
        expect(await inCompany('acme', read)).toEqual(['acme']);
        expect(await read()).toEqual([]);
        expect(await inCompany('globex', read)).toEqual(['globex']);
        expect(await acrossCompanies(byQuery)).toEqual(['acme', 'globex']);
        expect(await inCompany('acme', read)).toEqual(['acme']);
        await inCompany('globex', byQuery);
        expect(await read()).toEqual([]);
      }
      // A failed statement leaves the connection's scope as it was, and the next one right.
      await expect(inCompany('acme', () => query('SELECT * FROM no_such_table'))).rejects.toThrow();
      expect(await inCompany('globex', byQuery)).toEqual(['globex']);
    } finally {
      await pool.end();
    }
  });
});

describe("a company's exporter profile", () => {
  const configured = {
    name: 'Configured Lighting Export Co.',
    address: 'No. 1 Harbour Road, Ningbo',
    timeZone: 'Asia/Shanghai',
  };

  test('a company without a stored profile prints its own name, with the gate on, never the configured letterhead', async () => {
    const profile = await inCompany('globex', () => exporterProfileOf(readModel, configured));
    expect(profile).toEqual({
      name: 'Globex Trading',
      address: '',
      timeZone: 'Asia/Shanghai',
      documentGate: true,
    });
  });

  test('default keeps the configured profile until its admin stores one, and then prints the stored one', async () => {
    await readModel.ensureCompanies([{ id: 'default', name: 'Default' }]);
    expect(await inCompany('default', () => exporterProfileOf(readModel, configured))).toEqual(configured);
    const stored = { ...configured, name: 'Stored Lighting Co.', documentGate: true };
    await inCompany('default', () => readModel.putProfile(stored, 'user:admin', new Date()));
    expect(await inCompany('default', () => exporterProfileOf(readModel, configured))).toEqual(stored);
    expect((await inCompany('acme', () => exporterProfileOf(readModel, configured))).name).toBe(
      'Acme Export',
    );
  });
});
