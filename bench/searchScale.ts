/**
 * Search at scale: `count` orders seeded straight into the read model (one INSERT ... SELECT, with
 * search_text laid out as src/readModel/searchText.ts writes it: numbers, Chinese names, products),
 * then `q` for one B/L number, a Chinese company fragment and a two-character Chinese name.
 *
 * The bench's scale part measures it over HTTP (`GET /orders?q=`); on its own,
 * `npx tsx bench/searchScale.ts --orders 100000` starts a PostgreSQL of its own and measures the
 * read model's query (what the API runs for the list), writing bench/results/search-scale.json.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Pool } from 'pg';
import { makeTempDir } from '../src/dev/postgres';
import { startReadModelDatabase } from '../src/dev/readModelDatabase';
import { createReadModel } from '../src/readModel';
import { stats } from './lib';

const CITIES = ['宁波', '义乌', '深圳', '东莞', '苏州', '青岛', '厦门', '佛山', '温州', '泉州'];
const WORDS = ['海港', '华茂', '金达', '恒信', '永盛', '联合', '光明', '东方', '长城', '新时代', '星辰'];
const SURNAMES = ['张', '王', '李', '赵', '陈', '刘', '杨', '黄', '周', '吴', '徐', '孙'];
const GIVEN = ['伟', '芳', '娜', '敏', '静', '强', '磊', '洋', '艳', '勇', '军', '杰', '涛'];

/** The target the issue sets for each search's p99. */
export const SEARCH_P99_TARGET_MS = 100;

/**
 * The queries measured: one order's B/L number, Chinese names that match many orders, and two that
 * match none (the worst case for an index that cannot answer).
 */
export const SEARCHES = (count: number) => ({
  blNumber: `COSU${String(Math.floor(count / 2)).padStart(10, '0')}`,
  chineseCompany: '海港',
  chineseName: '张伟',
  nothing: 'zzznothing',
  nothingChinese: '無無',
});

const arr = (values: string[]) => `ARRAY[${values.map((v) => `'${v}'`).join(',')}]`;

/** Seeds `count` open orders with ids SEARCH-0.., each with its own B/L, container, declaration and L/C. */
export async function seedSearchOrders(url: string, count: number): Promise<void> {
  const pool = new Pool({ connectionString: url, max: 1 });
  try {
    await pool.query(
      `
      WITH o AS (
        SELECT i,
          'SEARCH-' || i AS order_id,
          (${arr(CITIES)})[1 + i % ${CITIES.length}] || (${arr(WORDS)})[1 + (i / 7) % ${WORDS.length}]
            || '贸易有限公司' AS company,
          (${arr(SURNAMES)})[1 + i % ${SURNAMES.length}] || (${arr(GIVEN)})[1 + (i / 3) % ${GIVEN.length}] AS name,
          (${arr(SURNAMES)})[1 + (i / 5) % ${SURNAMES.length}] || '经理' AS manager,
          'HT-' || lpad(i::text, 8, '0') AS contract_no,
          'COSU' || lpad(i::text, 10, '0') AS bl_no,
          'MSCU' || lpad((i * 7)::text, 7, '0') AS container_no,
          '3104' || lpad(i::text, 14, '0') AS declaration_no,
          'LC-' || lpad(i::text, 8, '0') AS lc_no,
          (ARRAY['INQUIRY','QUOTATION','CONTRACT','DEPOSIT','PRODUCTION','SHIPPING','BALANCE','DOCUMENTS'])[1 + i % 8]
            AS stage,
          now() - make_interval(mins => i) AS at
        FROM generate_series(0, $1::int - 1) AS i
      )
      INSERT INTO orders (company, order_id, seq, view, stage, status, stalled, customer_company, customer_name,
        account_manager_email, account_manager_name, contract_no, invoice_no, template, created_at,
        updated_at, stage_deadline, search_text)
      SELECT 'default', order_id, 1, jsonb_build_object('orderId', order_id), stage, 'OPEN', i % 10 = 0, company,
        name, 'am' || (i / 5) % 12 || '@exporter.example', manager, contract_no, 'CI-' || contract_no,
        NULL, at, at, at + interval '7 days',
        lower(concat_ws(E'\\x1f', order_id, contract_no, 'CI-' || contract_no, bl_no, container_no,
          declaration_no, lc_no, company, name, manager, 'am' || (i / 5) % 12 || '@exporter.example',
          '不锈钢保温杯 500ml'))
      FROM o
      ON CONFLICT DO NOTHING`,
      [count],
    );
    await pool.query('ANALYZE orders');
  } finally {
    await pool.end();
  }
}

export type SearchFigures = Record<
  keyof ReturnType<typeof SEARCHES>,
  { q: string; hits: number } & ReturnType<typeof stats>
>;

/** Times each search `rounds` times through `run` (which answers how many orders the page holds). */
export async function measureSearches(
  count: number,
  rounds: number,
  run: (q: string) => Promise<number>,
): Promise<SearchFigures> {
  const out: Partial<SearchFigures> = {};
  for (const [key, q] of Object.entries(SEARCHES(count)) as [keyof SearchFigures, string][]) {
    const times: number[] = [];
    let hits = 0;
    await run(q); // the first answer warms the pool and the plan cache
    for (let r = 0; r < rounds; r++) {
      const t0 = performance.now();
      hits = await run(q);
      times.push(performance.now() - t0);
    }
    out[key] = { q, hits, ...stats(times) };
  }
  return out as SearchFigures;
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const arg = (name: string, fallback: number) => {
    const i = args.indexOf(`--${name}`);
    return i >= 0 ? Number(args[i + 1]) : fallback;
  };
  const count = arg('orders', 100_000);
  const rounds = arg('rounds', 200);
  const dir = makeTempDir('orderdesk-search-');
  const db = await startReadModelDatabase({ dataDir: join(dir, 'postgres'), durable: false });
  const readModel = createReadModel({ url: db.url, max: 2, company: 'default' });
  try {
    const t0 = performance.now();
    await seedSearchOrders(db.url, count);
    const seedSeconds = (performance.now() - t0) / 1000;
    const figures = await measureSearches(
      count,
      rounds,
      async (q) => (await readModel.listOrders({ q, pageSize: 50 })).orders.length,
    );
    const result = {
      what: 'GET /orders?q= as the read model runs it (listOrders, pageSize 50), ms',
      orders: count,
      rounds,
      seedSeconds,
      loadAverage: (await import('node:os')).loadavg()[0],
      figures,
    };
    writeFileSync(join(__dirname, 'results', 'search-scale.json'), `${JSON.stringify(result, null, 2)}\n`);
    for (const [key, f] of Object.entries(figures))
      console.log(`${key} (${f.q}): p99 ${f.p99.toFixed(1)} ms (target < ${SEARCH_P99_TARGET_MS} ms)`);
  } finally {
    await readModel.close();
    await db.server.stop();
  }
}

if (require.main === module) {
  main().catch((err: unknown) => {
    console.error(err);
    process.exit(1);
  });
}
