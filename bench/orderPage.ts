/**
 * An order page at scale: one order with 2,000 timeline entries (and its emails, documents and
 * attachments) among the rows of 100,000 more orders, read over HTTP as the console reads it:
 * `GET /orders/{id}` and `/emails` together, then `/timeline?limit=<the view's entries>`, then
 * `/documents` and `/attachments` together. Also `GET /orders?q=` for bench/searchScale.ts's queries.
 *
 * The bench's scale part calls `orderPagePart` on its own API and database. On its own,
 * `npx tsx bench/orderPage.ts [--orders 100000] [--rounds 200]` starts a PostgreSQL and the API (no
 * Temporal: every order read is in the read model) and writes bench/results/order-page.json.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { Pool } from 'pg';
import { freePort } from '../src/dev/freePort';
import { makeTempDir } from '../src/dev/postgres';
import { startReadModelDatabase } from '../src/dev/readModelDatabase';
import { createOrder, decideCommand, DEFAULT_STALL_POLICY, resolveStallPolicy } from '../src/domain';
import type { OrderState, SentEmail, TimelineRecord } from '../src/domain';
import { createReadModel } from '../src/readModel';
import { projectionBatch } from '../src/readModel/orderRecord';
import { newInquiry } from '../harness/orderFixtures';
import { LIFE } from './driver';
import { ApiProcess, http, numberArg, parseArgs, procCpuSeconds, stats } from './lib';
import {
  measureSearches,
  SEARCH_P99_TARGET_MS,
  SEARCHES,
  seedSearchOrders,
  type SearchFigures,
} from './searchScale';

/** The target: an order page (and each of its requests) answers in under this. */
export const PAGE_TARGET_MS = 100;
export const PAGE_ORDER_ID = 'PAGE-2000';

const REQUESTS = ['order', 'emails', 'timeline', 'documents', 'attachments'] as const;
type RequestName = (typeof REQUESTS)[number];

export interface OrderPageFigures {
  orderId: string;
  timelineEntries: number;
  emails: number;
  otherOrders: number;
  rowsPerOtherOrder: { timeline: number; emails: number; documents: number; attachments: number };
  rounds: number;
  /** Each request's time within the page, ms. */
  requests: Record<RequestName, ReturnType<typeof stats>>;
  /** The whole page: the slower of order and emails, then timeline, then the slower of the last two. */
  page: ReturnType<typeof stats>;
  bytes: Record<RequestName, number>;
  /** The API process's CPU over the measured rounds, per page. */
  apiCpuMsPerPage?: number;
}

/**
 * The big order through the domain (its view and records as the workflow makes them): the order's
 * life short of its close, then notes up to `entries` timeline entries. The bench resets the note
 * count now and then: the order's limit of 1,000 notes is not what is measured here.
 */
function bigOrder(orderId: string, entries: number): { state: OrderState; records: TimelineRecord[] } {
  const order = { ...newInquiry(), orderId };
  // the life's dates are relative to today: the entries lie over the last day
  const start = Date.now() - entries * 30_000;
  const at = (i: number) => ({ now: new Date(start + i * 30_000).toISOString(), actor: 'bench' });
  let state = createOrder(order, resolveStallPolicy(DEFAULT_STALL_POLICY, order), at(0));
  const records: TimelineRecord[] = [];
  const apply = (event: unknown, i: number) => {
    const d = decideCommand(state, event, at(i));
    if (!d.ok) throw new Error(`the reducer refused ${JSON.stringify(event).slice(0, 80)}: ${d.message}`);
    state = d.state;
    if (d.record) records.push(d.record);
  };
  const life = LIFE.slice(0, LIFE.length - 1);
  life.forEach((event, i) => apply(event, i + 1));
  for (let i = life.length + 1; records.length < entries; i++) {
    if (state.noteCount >= 900) state = { ...state, noteCount: 0 };
    apply({ type: 'NOTE_ADDED', text: `Called the buyer about the shipment, call ${i}: all agreed.` }, i);
  }
  return { state, records };
}

function emailsOf(orderId: string, count: number): SentEmail[] {
  return Array.from({ length: count }, (_, i) => ({
    purpose: i % 2 ? 'PAYMENT_REMINDER' : 'DOCUMENT_COPIES',
    to: ['jane@acme.example'],
    cc: ['li.wei@exporter.example'],
    subject: `Order ${orderId}: message ${i + 1}`,
    sentAt: new Date(Date.parse('2026-01-05T08:00:00Z') + i * 3_600_000).toISOString(),
    messageId: `<${orderId}-${i}@bench.localhost>`,
  }));
}

/**
 * The page's order written through the read model's own projection (in batches, as the workflow's
 * writes come), plus two recorded attachments.
 */
export async function seedPageOrder(
  url: string,
  entries = 2_000,
  emailCount = 40,
): Promise<{ timelineEntries: number; emails: number }> {
  const { state, records } = bigOrder(PAGE_ORDER_ID, entries);
  const emails = emailsOf(PAGE_ORDER_ID, emailCount);
  const readModel = createReadModel({ url, max: 1, company: 'default' });
  try {
    const CHUNK = 250;
    for (let i = 0; i < records.length; i += CHUNK)
      await readModel.project(
        projectionBatch({
          state,
          records: records.slice(i, i + CHUNK),
          emails: i === 0 ? emails : [],
        }),
      );
    for (const n of [1, 2]) {
      const id = `00000000-0000-4000-8000-00000000000${n}`;
      const content = Buffer.from(`%PDF-1.4 bench attachment ${n}`);
      await readModel.addAttachment(
        {
          id,
          orderId: PAGE_ORDER_ID,
          kind: 'OTHER',
          fileName: `packing-photo-${n}.pdf`,
          contentType: 'application/pdf',
          size: content.length,
          forBuyer: false,
          addedBy: 'bench',
          addedAt: new Date(Date.parse('2026-01-06T08:00:00Z') + n * 60_000).toISOString(),
        },
        content,
      );
      await readModel.markAttachmentRecorded(id, new Date());
    }
  } finally {
    await readModel.close();
  }
  return { timelineEntries: records.length, emails: emails.length };
}

/** Rows of the other orders (seeded by searchScale.ts) in the tables the page reads. */
export const ROWS_PER_OTHER_ORDER = { timeline: 8, emails: 2, documents: 3, attachments: 0.1 };

/** Timeline entries, emails, documents and attachments for the orders seedSearchOrders wrote. */
export async function seedOtherOrdersRows(url: string): Promise<void> {
  const pool = new Pool({ connectionString: url, max: 1 });
  const r = ROWS_PER_OTHER_ORDER;
  try {
    await pool.query(
      `INSERT INTO timeline (company, order_id, seq, event_id, type, at, actor, actor_id, summary, payload)
       SELECT o.company, o.order_id, s, o.order_id || '-e' || s, 'NOTE_ADDED', o.created_at + make_interval(mins => s),
         'bench', 'token:bench', 'A note', jsonb_build_object('type', 'NOTE_ADDED', 'text', 'A note')
       FROM orders o CROSS JOIN generate_series(1, $1::int) s
       WHERE o.order_id LIKE 'SEARCH-%'
       ON CONFLICT DO NOTHING`,
      [r.timeline],
    );
    await pool.query(
      `INSERT INTO emails (company, order_id, message_id, purpose, to_addresses, cc_addresses, subject, sent_at)
       SELECT o.company, o.order_id, '<' || o.order_id || '-' || s || '@bench.localhost>', 'DOCUMENT_COPIES',
         ARRAY['buyer@example.com'], ARRAY[]::text[], 'Documents', o.created_at + make_interval(hours => s)
       FROM orders o CROSS JOIN generate_series(1, $1::int) s
       WHERE o.order_id LIKE 'SEARCH-%'
       ON CONFLICT DO NOTHING`,
      [r.emails],
    );
    await pool.query(
      `INSERT INTO documents (company, order_id, kind, number, status, created_at, seq, revision)
       SELECT o.company, o.order_id, (ARRAY['PROFORMA_INVOICE','COMMERCIAL_INVOICE','PACKING_LIST'])[s],
         o.contract_no || '-' || s, 'COPY_SENT', o.created_at, 1, 0
       FROM orders o CROSS JOIN generate_series(1, $1::int) s
       WHERE o.order_id LIKE 'SEARCH-%'
       ON CONFLICT DO NOTHING`,
      [r.documents],
    );
    await pool.query(
      `INSERT INTO attachments (company, id, order_id, kind, file_name, content_type, size, added_by, added_at,
         recorded_at, content)
       SELECT o.company, gen_random_uuid(), o.order_id, 'OTHER', 'photo.pdf', 'application/pdf', 4, 'bench',
         o.created_at, o.created_at, '\\x25504446'::bytea
       FROM orders o
       WHERE o.order_id LIKE 'SEARCH-%' AND random() < $1`,
      [r.attachments],
    );
    await pool.query('ANALYZE timeline; ANALYZE emails; ANALYZE documents; ANALYZE attachments');
  } finally {
    await pool.end();
  }
}

/** Reads the page `rounds` times (after one warm-up) as the console does. */
export async function measureOrderPage(
  base: string,
  orderId: string,
  rounds: number,
  failures: string[],
  apiPid?: number,
): Promise<Omit<OrderPageFigures, 'timelineEntries' | 'emails' | 'otherOrders' | 'rowsPerOtherOrder'>> {
  const path = `/orders/${encodeURIComponent(orderId)}`;
  const times = Object.fromEntries(REQUESTS.map((k) => [k, [] as number[]])) as Record<RequestName, number[]>;
  const bytes = Object.fromEntries(REQUESTS.map((k) => [k, 0])) as Record<RequestName, number>;
  const page: number[] = [];
  let cpuAtStart = 0;
  const get = async (name: RequestName, suffix: string) => {
    const r = await http(base, 'GET', path + suffix);
    if (r.status !== 200)
      failures.push(`order page ${name}: ${r.status} ${JSON.stringify(r.body).slice(0, 200)}`);
    times[name].push(r.ms);
    bytes[name] = r.bytes;
    return r;
  };
  for (let round = -1; round < rounds; round++) {
    if (round === 0) cpuAtStart = procCpuSeconds(apiPid);
    const t0 = performance.now();
    const [order] = await Promise.all([get('order', ''), get('emails', '/emails')]);
    const shown = Math.min(200, Math.max(1, order.body.timeline?.length ?? 20));
    await get('timeline', `/timeline?limit=${shown}`);
    await Promise.all([get('documents', '/documents'), get('attachments', '/attachments')]);
    // the first round warms the API's pool and the database's caches
    if (round < 0) for (const k of REQUESTS) times[k].length = 0;
    else page.push(performance.now() - t0);
  }
  return {
    orderId,
    rounds,
    requests: Object.fromEntries(REQUESTS.map((k) => [k, stats(times[k])])) as OrderPageFigures['requests'],
    page: stats(page),
    bytes,
    ...(apiPid ? { apiCpuMsPerPage: ((procCpuSeconds(apiPid) - cpuAtStart) * 1000) / rounds } : {}),
  };
}

/** Lines that print each figure's p99 against its target. */
export function orderPageLines(page: OrderPageFigures, search?: SearchFigures): string[] {
  const line = (what: string, s: ReturnType<typeof stats>) =>
    `${what}: p50 ${s.p50.toFixed(1)} · p95 ${s.p95.toFixed(1)} · p99 ${s.p99.toFixed(1)} ms (target < ${PAGE_TARGET_MS} ms) ${s.p99 < PAGE_TARGET_MS ? 'met' : 'NOT met'}`;
  return [
    line(`order page (${page.timelineEntries} timeline entries), whole page`, page.page),
    ...(page.apiCpuMsPerPage === undefined
      ? []
      : [`  API CPU per page: ${page.apiCpuMsPerPage.toFixed(1)} ms`]),
    ...REQUESTS.map((k) => line(`  GET ${k} (${page.bytes[k]} bytes)`, page.requests[k])),
    ...Object.entries(search ?? {}).map(([k, f]) =>
      line(`GET /orders?q=${f.q} (${k}, ${f.hits} on the page)`, f),
    ),
  ];
}

/** The scale part's order page: seeds the page's order and the other orders' rows, then measures. */
export async function orderPagePart(
  base: string,
  url: string,
  otherOrders: number,
  rounds: number,
  failures: string[],
  apiPid?: number,
): Promise<OrderPageFigures> {
  const seeded = await seedPageOrder(url);
  await seedOtherOrdersRows(url);
  const measured = await measureOrderPage(base, PAGE_ORDER_ID, rounds, failures, apiPid);
  return { ...measured, ...seeded, otherOrders, rowsPerOtherOrder: ROWS_PER_OTHER_ORDER };
}

/** Every later connection to the database logs each statement's plan with its actual times. */
async function explainFromNowOn(url: string): Promise<void> {
  const pool = new Pool({ connectionString: url, max: 1 });
  try {
    const db = (await pool.query<{ db: string }>('SELECT current_database() AS db')).rows[0].db;
    for (const setting of [
      "session_preload_libraries = 'auto_explain'",
      'auto_explain.log_min_duration = 0',
      'auto_explain.log_analyze = on',
      'auto_explain.log_buffers = on',
      'auto_explain.log_nested_statements = on',
    ])
      await pool.query(`ALTER DATABASE "${db}" SET ${setting}`);
  } finally {
    await pool.end();
  }
}

/** The logged plans of the statements that read one order's rows (the page's last round). */
function plansIn(log: string): string {
  const plans = log
    .split(/\n(?=\S.*LOG: {2}duration:)/)
    .filter((p) => p.includes(PAGE_ORDER_ID) || /\$1/.test(p));
  const byQuery = new Map<string, string>();
  for (const p of plans) {
    const text = /Query Text: ([^\n]*)/.exec(p)?.[1] ?? p.slice(0, 80);
    if (/FROM (timeline|emails|documents|attachments|orders)\b/.test(p)) byQuery.set(text, p);
  }
  return [...byQuery.values()].join('\n\n');
}

async function main(): Promise<void> {
  const a = parseArgs(process.argv.slice(2));
  const count = numberArg(a, 'orders', 100_000);
  const rounds = numberArg(a, 'rounds', 200);
  const dir = makeTempDir('orderdesk-order-page-');
  // --explain: the plans PostgreSQL ran for the page's queries, as the API ran them (auto_explain)
  const explain = a.explain === 'true';
  const logFile = join(dir, 'postgres.log');
  const db = await startReadModelDatabase({ dataDir: join(dir, 'postgres'), logFile, durable: false });
  const failures: string[] = [];
  // No Temporal server: the API connects to it lazily, and only for orders the read model lacks.
  const api = new ApiProcess(await freePort(), {
    NODE_ENV: 'development',
    TEMPORAL_ADDRESS: `127.0.0.1:${await freePort()}`,
    API_RATE_LIMIT_PER_MINUTE: '100000000',
    DATABASE_URL: db.url,
  });
  try {
    const t0 = performance.now();
    await seedSearchOrders(db.url, count);
    const seedSeconds = (performance.now() - t0) / 1000;
    if (explain) await explainFromNowOn(db.url);
    await api.start(
      60_000,
      (h) => h.status === 200 || (h.status === 503 && h.body.error?.code === 'TEMPORAL_UNAVAILABLE'),
    );
    const loadBefore = loadavg()[0];
    const page = await orderPagePart(api.base, db.url, count, rounds, failures, api.pid);
    if (explain) {
      console.log(plansIn(readFileSync(logFile, 'utf8')));
      return;
    }
    const search = await measureSearches(count, rounds, async (q) => {
      const r = await http(api.base, 'GET', `/orders?q=${encodeURIComponent(q)}&pageSize=50`);
      if (r.status !== 200) failures.push(`search ${q}: ${r.status}`);
      return (r.body as { orders?: unknown[] }).orders?.length ?? 0;
    });
    const result = {
      what: 'the order page and GET /orders?q= over HTTP (the API from source, a PostgreSQL of its own), ms',
      orders: count,
      rounds,
      seedSeconds,
      loadAverage: { before: loadBefore, after: loadavg()[0] },
      targetMs: { page: PAGE_TARGET_MS, search: SEARCH_P99_TARGET_MS },
      page,
      search,
      searches: SEARCHES(count),
      failures,
    };
    writeFileSync(join(__dirname, 'results', 'order-page.json'), `${JSON.stringify(result, null, 2)}\n`);
    for (const l of orderPageLines(page, search)) console.log(l);
    console.log(
      `load average ${loadBefore.toFixed(2)} → ${loadavg()[0].toFixed(2)}; failures ${failures.length}`,
    );
    if (failures.length) console.log(failures.slice(0, 5).join('\n'));
  } finally {
    await api.stop();
    await db.server.stop();
  }
}

if (require.main === module) {
  main().catch((err: unknown) => {
    console.error(err);
    process.exit(1);
  });
}
