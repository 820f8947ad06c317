/**
 * The reports over HTTP against read-model rows with known answers, written through the read
 * model's projection write (the worker's own path into PostgreSQL) with fixed dates; `asOf` pins
 * the day ages are counted at.
 */
import fc from 'fast-check';
import request from 'supertest';
import type { OrderRecord } from '../../src/readModel';
import { bearer, startStack, TOKENS, type Stack } from '../../harness/stack';
import { batch, orderRecord } from '../readModel/records';
import { expectError } from './helpers';

let stack: Stack;
const CN = '宁波进出口有限公司';
const QUOTED = 'Comma "Q", Inc.';

const due = (day: string) => `${day}T09:30:00.000Z`;
const usd = (amount: string) => ({ amount, currency: 'USD' });
const open = (orderId: string, customerCompany: string, o: Partial<OrderRecord>) =>
  orderRecord({ orderId, customerCompany, stage: 'BALANCE', ...o });

const receivables = [
  open('R1', 'Acme GmbH', { amountOutstanding: usd('1000.00') }), // no due date: not yet due
  open('R2', 'Acme GmbH', { amountOutstanding: usd('250.50'), nextDueAt: due('2026-05-31') }), // 1 day
  open('R3', 'Acme GmbH', { amountOutstanding: usd('100.00'), nextDueAt: due('2026-05-02') }), // 30 days
  open('R4', 'Acme GmbH', {
    amountOutstanding: { amount: '80.00', currency: 'EUR' },
    nextDueAt: due('2026-05-01'),
  }), // 31
  open('R5', CN, { amountOutstanding: usd('500.00'), nextDueAt: due('2026-03-03') }), // 90 days
  open('R6', CN, { amountOutstanding: usd('70.00'), nextDueAt: due('2026-01-01') }), // 151 days
  open('R7', CN, { amountOutstanding: usd('9.99'), nextDueAt: due('2026-06-01') }), // due today: not yet
  open('R8', QUOTED, { amountOutstanding: usd('60.00'), nextDueAt: due('2026-04-02') }), // 60 days
  open('X1', 'Acme GmbH', { amountOutstanding: usd('999.00'), status: 'COMPLETED', stage: 'COMPLETED' }),
  open('X2', 'Acme GmbH', { amountOutstanding: usd('0.00'), nextDueAt: due('2026-01-01') }),
  open('X3', 'Acme GmbH', { amountOutstanding: usd('5.00'), status: 'CANCELLED', stage: 'CANCELLED' }),
];

/** A stalled order as the projection writes it: its view names the account manager. */
const stalledOrder = (o: Partial<OrderRecord> & { orderId: string }, name = 'Li Wei') => {
  const record = orderRecord({ stalled: true, ...o });
  const email = record.accountManagerEmail;
  return { ...record, view: { ...record.view, accountManager: { name, email } } };
};

const stalled = [
  stalledOrder({ orderId: 'S1', stage: 'DEPOSIT', stageDeadline: '2026-05-20T00:00:00.000Z' }),
  stalledOrder({ orderId: 'S2', stage: 'DEPOSIT', stageDeadline: '2026-05-10T00:00:00.000Z' }),
  stalledOrder({ orderId: 'S3', stage: 'PRODUCTION', stageDeadline: '2026-05-25T00:00:00.000Z' }),
  stalledOrder(
    {
      orderId: 'S4',
      stage: 'INQUIRY',
      accountManagerEmail: 'mei.lin@exporter.example',
      stageDeadline: '2026-05-30T00:00:00.000Z',
    },
    '林梅',
  ),
  stalledOrder({ orderId: 'S5', stage: 'COMPLETED', status: 'COMPLETED' }),
];

/** An order's life as successive projections: [stage, day it was entered]. */
const life = (orderId: string, stays: [string, number][]) =>
  stays.map(([stage, day], i) =>
    batch(
      orderRecord({
        orderId: `T-${orderId}`,
        seq: i + 1,
        stage,
        status: stage === 'COMPLETED' ? 'COMPLETED' : 'OPEN',
        stageEnteredAt: new Date(Date.UTC(2026, 0, 1) + day * 86_400_000).toISOString(),
      }),
    ),
  );

beforeAll(async () => {
  stack = await startStack({ worker: false });
  for (const order of [...receivables, ...stalled]) await stack.readModel.project(batch(order));
  // INQUIRY stays of 1, 3 and 5 days; QUOTATION one of 2 days (T-B is still in it); SAMPLE skipped.
  const lives = [
    life('A', [
      ['INQUIRY', 0],
      ['QUOTATION', 1],
      ['CONTRACT', 3],
      ['DEPOSIT', 3.5],
      ['COMPLETED', 10],
    ]),
    life('B', [
      ['INQUIRY', 0],
      ['QUOTATION', 3],
    ]),
    life('C', [
      ['INQUIRY', 0],
      ['CANCELLED', 5],
    ]),
  ];
  for (const batches of lives) for (const b of batches) await stack.readModel.project(b);
  // A projection replayed out of order changes nothing.
  await stack.readModel.project(lives[0][1]);
}, 60_000);

afterAll(async () => {
  await stack?.close();
});

const get = (path: string, token: string = TOKENS.viewer) => request(stack.app).get(path).set(bearer(token));

describe('GET /reports/receivables', () => {
  it('sums money due by customer, currency and age bucket at asOf', async () => {
    const res = await get('/reports/receivables?asOf=2026-06-01');
    expect(res.status).toBe(200);
    const zero = usd('0.00');
    expect(res.body).toEqual({
      asOf: '2026-06-01',
      customers: [
        {
          customer: 'Acme GmbH',
          currency: 'EUR',
          buckets: {
            NOT_DUE: { amount: '0.00', currency: 'EUR' },
            DAYS_1_30: { amount: '0.00', currency: 'EUR' },
            DAYS_31_60: { amount: '80.00', currency: 'EUR' },
            DAYS_61_90: { amount: '0.00', currency: 'EUR' },
            OVER_90: { amount: '0.00', currency: 'EUR' },
          },
          total: { amount: '80.00', currency: 'EUR' },
          orders: 1,
        },
        {
          customer: 'Acme GmbH',
          currency: 'USD',
          buckets: {
            NOT_DUE: usd('1000.00'),
            DAYS_1_30: usd('350.50'),
            DAYS_31_60: zero,
            DAYS_61_90: zero,
            OVER_90: zero,
          },
          total: usd('1350.50'),
          orders: 3,
        },
        {
          customer: CN,
          currency: 'USD',
          buckets: {
            NOT_DUE: usd('9.99'),
            DAYS_1_30: zero,
            DAYS_31_60: zero,
            DAYS_61_90: usd('500.00'),
            OVER_90: usd('70.00'),
          },
          total: usd('579.99'),
          orders: 3,
        },
        {
          customer: QUOTED,
          currency: 'USD',
          buckets: {
            NOT_DUE: zero,
            DAYS_1_30: zero,
            DAYS_31_60: usd('60.00'),
            DAYS_61_90: zero,
            OVER_90: zero,
          },
          total: usd('60.00'),
          orders: 1,
        },
      ],
      totals: [
        {
          currency: 'EUR',
          buckets: {
            NOT_DUE: { amount: '0.00', currency: 'EUR' },
            DAYS_1_30: { amount: '0.00', currency: 'EUR' },
            DAYS_31_60: { amount: '80.00', currency: 'EUR' },
            DAYS_61_90: { amount: '0.00', currency: 'EUR' },
            OVER_90: { amount: '0.00', currency: 'EUR' },
          },
          total: { amount: '80.00', currency: 'EUR' },
          orders: 1,
        },
        {
          currency: 'USD',
          buckets: {
            NOT_DUE: usd('1009.99'),
            DAYS_1_30: usd('350.50'),
            DAYS_31_60: usd('60.00'),
            DAYS_61_90: usd('500.00'),
            OVER_90: usd('70.00'),
          },
          total: usd('1990.49'),
          orders: 7,
        },
      ],
    });
  });

  it('moves money into older buckets as days pass', async () => {
    const res = await get('/reports/receivables?asOf=2026-06-02');
    const cn = (
      res.body as { customers: { customer: string; buckets: Record<string, { amount: string }> }[] }
    ).customers.find((c) => c.customer === CN)!;
    // R5 is now 91 days past due, R7 one day.
    expect(cn.buckets.OVER_90.amount).toBe('570.00');
    expect(cn.buckets.DAYS_61_90.amount).toBe('0.00');
    expect(cn.buckets.DAYS_1_30.amount).toBe('9.99');
  });

  it('answers CSV: RFC 4180, UTF-8 with a byte order mark', async () => {
    const res = await get('/reports/receivables?asOf=2026-06-01&format=csv').buffer(true);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/csv; charset=utf-8/);
    expect(res.headers['content-disposition']).toBe('attachment; filename="receivables-2026-06-01.csv"');
    const text = res.text;
    expect(text.charCodeAt(0)).toBe(0xfeff);
    expect(text.slice(1).split('\r\n')).toEqual([
      'customer,currency,NOT_DUE,DAYS_1_30,DAYS_31_60,DAYS_61_90,OVER_90,total,orders',
      'Acme GmbH,EUR,0.00,0.00,80.00,0.00,0.00,80.00,1',
      'Acme GmbH,USD,1000.00,350.50,0.00,0.00,0.00,1350.50,3',
      `${CN},USD,9.99,0.00,0.00,500.00,70.00,579.99,3`,
      '"Comma ""Q"", Inc.",USD,0.00,0.00,60.00,0.00,0.00,60.00,1',
      '(all customers),EUR,0.00,0.00,80.00,0.00,0.00,80.00,1',
      '(all customers),USD,1009.99,350.50,60.00,500.00,70.00,1990.49,7',
      '',
    ]);
  });

  it('refuses a bad asOf or format with VALIDATION_FAILED, and needs a token', async () => {
    for (const q of ['asOf=2026-02-30', 'asOf=tomorrow', 'format=xml', 'asOf=2026-6-1', 'asOf=0000-01-01']) {
      const error = expectError(await get(`/reports/receivables?${q}`), 400, 'VALIDATION_FAILED');
      expect(error.details).toEqual([expect.objectContaining({ path: q.split('=')[0] })]);
    }
    expectError(await request(stack.app).get('/reports/receivables'), 401, 'UNAUTHENTICATED');
  });
});

describe('GET /reports/stalled', () => {
  it('counts stalled open orders per account manager and stage', async () => {
    const res = await get('/reports/stalled');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      accountManagers: [
        {
          accountManager: 'li.wei@exporter.example',
          name: 'Li Wei',
          stalled: 3,
          byStage: { DEPOSIT: 2, PRODUCTION: 1 },
          stalledSince: '2026-05-10T00:00:00.000Z',
        },
        {
          accountManager: 'mei.lin@exporter.example',
          name: '林梅',
          stalled: 1,
          byStage: { INQUIRY: 1 },
          stalledSince: '2026-05-30T00:00:00.000Z',
        },
      ],
      total: 4,
    });
    const csv = await get('/reports/stalled?format=csv').buffer(true);
    expect(csv.text.slice(1).split('\r\n').slice(0, 2)).toEqual([
      'accountManager,stalled,INQUIRY,QUOTATION,SAMPLE,CONTRACT,DEPOSIT,PRODUCTION,SHIPPING,BALANCE,DOCUMENTS,stalledSince',
      'li.wei@exporter.example,3,0,0,0,0,2,1,0,0,0,2026-05-10T00:00:00.000Z',
    ]);
  });
});

describe('GET /reports/stage-times', () => {
  it('gives median and 90th-percentile days of every stay that ended', async () => {
    const res = await get('/reports/stage-times');
    expect(res.status).toBe(200);
    const stages = (res.body as { stages: { stage: string }[] }).stages;
    expect(stages.map((s) => s.stage)).toEqual([
      'INQUIRY',
      'QUOTATION',
      'SAMPLE',
      'CONTRACT',
      'DEPOSIT',
      'PRODUCTION',
      'SHIPPING',
      'BALANCE',
      'DOCUMENTS',
    ]);
    const byStage = Object.fromEntries(stages.map((s) => [s.stage, s]));
    expect(byStage.INQUIRY).toEqual({ stage: 'INQUIRY', count: 3, medianDays: 3, p90Days: 4.6 });
    expect(byStage.QUOTATION).toEqual({ stage: 'QUOTATION', count: 1, medianDays: 2, p90Days: 2 });
    expect(byStage.CONTRACT).toEqual({ stage: 'CONTRACT', count: 1, medianDays: 0.5, p90Days: 0.5 });
    expect(byStage.DEPOSIT).toEqual({ stage: 'DEPOSIT', count: 1, medianDays: 6.5, p90Days: 6.5 });
    expect(byStage.SAMPLE).toEqual({ stage: 'SAMPLE', count: 0, medianDays: null, p90Days: null });
    const csv = await get('/reports/stage-times?format=csv').buffer(true);
    expect(csv.text.slice(1).split('\r\n').slice(0, 3)).toEqual([
      'stage,count,medianDays,p90Days',
      'INQUIRY,3,3,4.6',
      'QUOTATION,1,2,2',
    ]);
  });
});

describe('GET /me', () => {
  it("answers the token's name and role, for the console to show only what the role may do", async () => {
    expect((await get('/me')).body).toMatchObject({ name: 'victor', role: 'viewer' });
    expect((await get('/me', TOKENS.ops)).body).toMatchObject({ name: 'alice', role: 'ops' });
    expectError(await request(stack.app).get('/me'), 401, 'UNAUTHENTICATED');
  });
});

describe('report query strings', () => {
  it('answer 200 or a 400 in the error shape for any query, never a 500', async () => {
    const value = fc.oneof(
      fc.constantFrom('json', 'csv', 'CSV', '', '2026-06-01', '2026-02-29', '9999-12-31', '0000-01-01'),
      fc.string({ maxLength: 20 }),
    );
    const queries = fc.dictionary(fc.constantFrom('format', 'asOf', 'x', 'asOf[]', 'format[a]'), value, {
      maxKeys: 3,
    });
    const paths = fc.constantFrom('/reports/receivables', '/reports/stalled', '/reports/stage-times');
    await fc.assert(
      fc.asyncProperty(paths, queries, async (path, query) => {
        const res = await request(stack.app).get(path).query(query).set(bearer(TOKENS.viewer));
        if (res.status === 200) return;
        expectError(res, 400, 'VALIDATION_FAILED');
      }),
      { numRuns: 150 },
    );
  });
});
