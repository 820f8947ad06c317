import { Client } from 'pg';
import { createReadModel, type ReadModel } from '../../src/readModel';
import { APP_ROLE } from '../../src/readModel/companyScope';
import { timelinePageSql } from '../../src/readModel/postgres';
import { createTestDatabase, type TestDatabase } from '../../harness/database';
import { batch, orderRecord, timelineRecord } from './records';

let db: TestDatabase;
let readModel: ReadModel;

beforeAll(async () => {
  db = await createTestDatabase();
  readModel = createReadModel({ url: db.url, company: 'default' });
  const records = Array.from({ length: 300 }, (_, i) => timelineRecord(i + 1, { eventId: `e${i + 1}` }));
  await readModel.project(batch(orderRecord({ orderId: 'TL-LONG', seq: 300 }), { timeline: records }));
});

afterAll(async () => {
  await readModel?.close();
  await db?.drop();
});

/** The plan as the app runs the query: its role, its company, row-level security on. */
async function planOf(sql: string, params: unknown[]): Promise<string> {
  const client = new Client({ connectionString: db.url });
  await client.connect();
  try {
    await client.query(
      `BEGIN; SET LOCAL ROLE ${APP_ROLE}; SELECT set_config('app.company', 'default', true);
       SET LOCAL enable_seqscan = off`,
    );
    const { rows } = await client.query<{ 'QUERY PLAN': string }>(`EXPLAIN ${sql}`, params);
    await client.query('ROLLBACK');
    return rows.map((r) => r['QUERY PLAN']).join('\n');
  } finally {
    await client.end();
  }
}

describe('a timeline page of a long order', () => {
  it('comes newest first off the index, without sorting the whole timeline, with and without a cursor', async () => {
    for (const [sql, params] of [
      [timelinePageSql(false), ['TL-LONG', 21]],
      [timelinePageSql(true), ['TL-LONG', 21, 100]],
    ] as const) {
      const plan = await planOf(sql, [...params]);
      expect(plan).toMatch(/Index Scan Backward using timeline_pkey/);
      expect(plan).not.toMatch(/Sort/);
    }
    const first = await readModel.timeline('TL-LONG', { limit: 20 });
    expect(first.entries.map((e) => e.seq)).toEqual(Array.from({ length: 20 }, (_, i) => 300 - i));
    const next = await readModel.timeline('TL-LONG', { limit: 20, cursor: first.nextCursor ?? undefined });
    expect(next.entries[0].seq).toBe(280);
  });
});
