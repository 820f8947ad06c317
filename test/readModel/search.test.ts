/**
 * `q` and the list's filters over orders projected from real states: every number and name an
 * order is known by, Chinese included, and the migration's backfill of rows written before it.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Client } from 'pg';
import { createOrder, DEFAULT_STALL_POLICY, type OrderState } from '../../src/domain';
import { createReadModel, type OrderListQuery, type ReadModel } from '../../src/readModel';
import { projectionBatch } from '../../src/readModel/orderRecord';
import { createTestDatabase, type TestDatabase } from '../../harness/database';
import { apply, clock, newOrder, T0 } from '../domain/fixtures';
import { lifeOf } from '../domain/planFixtures';

let db: TestDatabase;
let readModel: ReadModel;

/** The numbers of the shipped L/C order. */
const NUMBERS: Record<string, Record<string, unknown>> = {
  CONTRACT_SIGNED: { contractNo: 'HT-2026-088' },
  LC_RECEIVED: { lcNo: 'LC-NB-5521' },
  BOOKING_CONFIRMED: { containerNos: ['MSCU7654321', 'TGHU1112223'] },
  CUSTOMS_DECLARED: { declarationNo: '310420260001234567' },
  BILL_OF_LADING_ISSUED: { blNo: 'BL-9001' },
};

function order(
  orderId: string,
  parts: { company: string; name: string; manager: string; product?: string },
): OrderState {
  const base = newOrder();
  return createOrder(
    {
      ...base,
      orderId,
      customer: { ...base.customer, company: parts.company, name: parts.name },
      accountManager: { name: parts.manager, email: `${orderId.toLowerCase()}@exporter.example` },
      inquiry: {
        ...base.inquiry,
        products: [{ description: parts.product ?? '40W LED panel', quantity: 100, unit: 'pcs' }],
      },
    },
    DEFAULT_STALL_POLICY,
    { now: T0, actor: 'ops' },
  );
}

/** The L/C life up to and with its B/L, under NUMBERS. */
function shipped(state: OrderState): OrderState {
  const life = lifeOf('LC');
  const upToBl = life.slice(0, life.findIndex((e) => e.type === 'BILL_OF_LADING_ISSUED') + 1);
  const events = upToBl.map((e) => ({ ...e, ...NUMBERS[e.type] }));
  return apply(state, events, clock());
}

const states = [
  shipped(
    order('SRCH-1', {
      company: '宁波海港贸易有限公司',
      name: '张伟',
      manager: '王芳',
      product: '不锈钢保温杯',
    }),
  ),
  order('SRCH-2', { company: 'Acme GmbH', name: 'Jane Doe', manager: 'Li Wei' }),
  order('SRCH-3', { company: '100% Cotton_Works', name: 'Bo Li', manager: 'Li Na' }),
];

beforeAll(async () => {
  db = await createTestDatabase();
  readModel = createReadModel({ url: db.url, company: 'default' });
  for (const state of states) await readModel.project(projectionBatch({ state, records: [], emails: [] }));
});

afterAll(async () => {
  await readModel?.close();
  await db?.drop();
});

const ids = async (query: Partial<OrderListQuery>) =>
  (await readModel.listOrders({ pageSize: 50, ...query })).orders.map((o) => o.orderId).sort();

const SHIPPED_ORDER_TERMS = [
  'BL-9001',
  'bl-900',
  'TGHU1112223',
  'mscu765',
  '310420260001234567',
  '0420260001',
  'LC-NB-5521',
  'CI-HT-2026-088',
  'HT-2026',
  '海港',
  '宁波海港贸易有限公司',
  '张伟',
  '张',
  '王芳',
  '保温杯',
];

describe('q', () => {
  it.each(SHIPPED_ORDER_TERMS)('finds the shipped order by %s', async (q) => {
    expect(await ids({ q })).toEqual(['SRCH-1']);
  });

  it('finds the others by their names, and nothing across two fields', async () => {
    expect(await ids({ q: 'jane' })).toEqual(['SRCH-2']);
    expect(await ids({ q: 'li na' })).toEqual(['SRCH-3']);
    expect(await ids({ q: 'SRCH-' })).toEqual(['SRCH-1', 'SRCH-2', 'SRCH-3']);
    expect(await ids({ q: 'GmbHJane' })).toEqual([]);
    expect(await ids({ q: 'BL-9002' })).toEqual([]);
  });

  it('takes % and _ literally', async () => {
    expect(await ids({ q: '%' })).toEqual(['SRCH-3']);
    expect(await ids({ q: '_' })).toEqual(['SRCH-3']);
    expect(await ids({ q: '0% c' })).toEqual(['SRCH-3']);
    expect(await ids({ q: 'n_w' })).toEqual(['SRCH-3']);
    expect(await ids({ q: 'n%w' })).toEqual([]);
  });

  it('answers one- and two-letter queries rightly (no trigram to look up)', async () => {
    expect(await ids({ q: 'h' })).toEqual(['SRCH-1', 'SRCH-2', 'SRCH-3']);
    expect(await ids({ q: '2' })).toEqual(['SRCH-1', 'SRCH-2']);
    expect(await ids({ q: 'bo' })).toEqual(['SRCH-3']);
    expect(await ids({ q: '芳' })).toEqual(['SRCH-1']);
    expect(await ids({ q: 'zz' })).toEqual([]);
  });
});

describe('filters', () => {
  it('by part of the customer company and of the account manager name, case-insensitively', async () => {
    expect(await ids({ customerPart: '海港' })).toEqual(['SRCH-1']);
    expect(await ids({ customerPart: 'acme' })).toEqual(['SRCH-2']);
    expect(await ids({ customerPart: '0% c' })).toEqual(['SRCH-3']);
    expect(await ids({ accountManagerName: '芳' })).toEqual(['SRCH-1']);
    expect(await ids({ accountManagerName: 'LI ' })).toEqual(['SRCH-2', 'SRCH-3']);
    expect(await ids({ accountManagerName: 'li', customerPart: 'cotton' })).toEqual(['SRCH-3']);
  });

  it('by stage, with q', async () => {
    expect(await ids({ stage: 'INQUIRY', q: 'li' })).toEqual(['SRCH-2', 'SRCH-3']);
    expect(await ids({ stage: 'INQUIRY', q: '海港' })).toEqual([]);
  });

  it('lists the account manager by name and email', async () => {
    const [entry] = (await readModel.listOrders({ pageSize: 1, q: 'BL-9001' })).orders;
    expect(entry?.accountManager).toEqual({ name: '王芳', email: 'srch-1@exporter.example' });
  });
});

describe('the migration', () => {
  it('fills rows written before it from their stored view', async () => {
    const sql = readFileSync(
      join(__dirname, '../../src/readModel/migrations/1792100000000_order-search.sql'),
      'utf8',
    );
    const backfill = /^UPDATE orders SET[\s\S]*?\);$/m.exec(sql)?.[0];
    expect(backfill).toBeDefined();
    const client = new Client({ connectionString: db.url });
    await client.connect();
    try {
      const before = await client.query('SELECT order_id, search_text, account_manager_name FROM orders');
      await client.query("UPDATE orders SET search_text = '', account_manager_name = ''");
      expect(await ids({ q: 'BL-9001' })).toEqual([]);
      await client.query(backfill!);
      const after = await client.query('SELECT order_id, search_text, account_manager_name FROM orders');
      expect(after.rows).toEqual(expect.arrayContaining(before.rows));
      for (const q of SHIPPED_ORDER_TERMS) expect(await ids({ q })).toEqual(['SRCH-1']);
    } finally {
      await client.end();
    }
  });
});
