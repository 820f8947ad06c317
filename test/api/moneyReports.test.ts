/**
 * The money reports over HTTP on the real stack (the API and PostgreSQL with row-level security),
 * against order rows written through the read model's projection write with known views: rebates
 * by month (each in the month of its state's date, in the exporter's zone) and the open ones by
 * deadline; profit by month and customer, summed to the fen; the customers' credit exposure
 * against their limits (records created over HTTP); CSV and XLSX; and company isolation.
 */
import ExcelJS from 'exceljs';
import request from 'supertest';
import type { OrderRecord } from '../../src/readModel';
import { inCompany } from '../../src/readModel/companyScope';
import { bearer, startStack, TOKENS, type Stack } from '../../harness/stack';
import { batch, orderRecord } from '../readModel/records';
import { expectError } from './helpers';

let stack: Stack;
const CN = '宁波进出口有限公司';
const cny = (amount: string) => ({ amount, currency: 'CNY' });

/** The view's rebate as the order page shows it (only what the reports read matters). */
function rebate(status: string, exportDate: string, more: Record<string, unknown> = {}) {
  const deadline = `${Number(exportDate.slice(0, 4)) + 1}-04-30`;
  return {
    status,
    method: 'TRADING',
    exportDate,
    deadline,
    deadlineAt: `${deadline}T15:59:59.999Z`,
    timeZone: 'Asia/Shanghai',
    filed: null,
    received: null,
    receivedAt: null,
    expected: null,
    ...more,
  };
}

const withView = (o: Partial<OrderRecord> & { orderId: string }, view: Record<string, unknown>) => {
  const record = orderRecord(o);
  return { ...record, view: { ...record.view, ...view } };
};

const rebates = [
  withView({ orderId: 'RB0', customerCompany: CN }, { rebate: rebate('PENDING', '2025-12-20') }),
  withView({ orderId: 'RB1' }, { rebate: rebate('PENDING', '2026-01-15', { expected: cny('1300.00') }) }),
  withView(
    { orderId: 'RB2' },
    { rebate: rebate('DOCUMENTS_RECORDED', '2026-01-31', { expected: cny('0.01') }) },
  ),
  withView({ orderId: 'RB3', customerCompany: CN }, { rebate: rebate('DOCUMENTS_RECORDED', '2026-02-03') }),
  withView(
    { orderId: 'RB4' },
    {
      rebate: rebate('FILED', '2026-01-10', {
        expected: cny('2222.22'),
        filed: { batchNo: 'B-7', filedOn: '2026-02-28' },
      }),
    },
  ),
  // Received at 00:30 on 1 March in Shanghai: a March receipt.
  withView(
    { orderId: 'RB5' },
    {
      rebate: rebate('RECEIVED', '2025-11-02', {
        expected: cny('999.99'),
        filed: { batchNo: 'B-6', filedOn: '2026-01-20' },
        received: cny('1000.05'),
        receivedAt: '2026-02-28T16:30:00.000Z',
      }),
    },
  ),
  withView({ orderId: 'RB6' }, { rebate: rebate('NOT_APPLICABLE', '2026-01-05') }),
  withView({ orderId: 'RB7' }, { rebate: null }),
];

/** The view's money in CNY (`cny`), consistent: profit = revenue + rebate − costs. */
function money(revenue: string, rebateCny: string, costs: string, profit: string, unsettled: object[] = []) {
  return {
    cny: { revenue: cny(revenue), rebate: cny(rebateCny), costs: cny(costs), profit: cny(profit), unsettled },
    profit: cny(profit),
  };
}
const signed = (signedAt: string) => ({ contract: { contractNo: 'C', signedAt } });

const profits = [
  // Closed at 00:00 on 1 February in Shanghai: a February order.
  withView(
    { orderId: 'P1', status: 'COMPLETED', updatedAt: '2026-02-01T00:00:00.000Z' },
    {
      customerId: 'cust-a',
      closedAt: '2026-01-31T16:00:00.000Z',
      ...signed('2025-10-01T00:00:00.000Z'),
      ...money('7105.00', '1300.00', '5000.33', '3404.67'),
    },
  ),
  // Open: counted in the month of its contract; renamed since, the latest name shows.
  withView(
    { orderId: 'P2', customerCompany: 'Acme Europe GmbH', updatedAt: '2026-03-01T00:00:00.000Z' },
    {
      customerId: 'cust-a',
      closedAt: null,
      ...signed('2026-02-10T02:00:00.000Z'),
      ...money('0.10', '0.00', '0.20', '-0.10', [{ amount: '100.00', currency: 'USD' }]),
    },
  ),
  withView(
    { orderId: 'P3', customerCompany: CN, status: 'CANCELLED' },
    {
      closedAt: '2026-03-05T01:00:00.000Z',
      ...signed('2026-01-05T01:00:00.000Z'),
      ...money('1000000.01', '0.01', '0.01', '1000000.01'),
    },
  ),
  // Ten orders of 0.10 each: 1.00 exactly (in floats 0.9999999999999999).
  ...Array.from({ length: 10 }, (_, i) =>
    withView(
      { orderId: `P-T${i}`, customerCompany: 'Tenth Ltd' },
      { ...signed('2026-04-15T00:00:00.000Z'), ...money('0.10', '0.00', '0.00', '0.10') },
    ),
  ),
  // No contract yet: no money to count.
  withView({ orderId: 'P4' }, { cny: null, profit: null }),
];

const acme = [
  withView(
    { orderId: 'ACME-1', customerCompany: 'Buyer of Acme' },
    {
      rebate: rebate('PENDING', '2026-01-02', { expected: cny('77.77') }),
      ...signed('2026-01-02T00:00:00.000Z'),
      ...money('500.00', '77.77', '100.00', '477.77'),
    },
  ),
];

const usd = (amount: string) => ({ amount, currency: 'USD' });
/** An order linked to a customer record, paid by `balanceMethod`, with `outstanding` still due. */
const owing = (
  orderId: string,
  customerId: string,
  balanceMethod: string,
  outstanding: { amount: string; currency: string },
  status = 'OPEN',
) => orderRecord({ orderId, customerId, balanceMethod, amountOutstanding: outstanding, status });

const customersForExposure = [
  {
    id: 'C-EXPO-A',
    company: 'Hamburg Lights GmbH',
    email: 'buyer@hamburg-lights.example',
    country: 'DE',
    creditLimit: usd('40000.00'),
    insurance: { insurer: 'Sinosure', policyNo: 'SIN-7', limit: usd('30000.00'), declarationDays: 15 },
  },
  {
    id: 'C-EXPO-B',
    company: 'Lyon Trading SARL',
    email: 'achats@lyon-trading.example',
    country: 'FR',
    creditLimit: usd('1000.00'),
  },
  { id: 'C-EXPO-C', company: 'No Limit Ltd', email: 'ap@nolimit.example', country: 'GB' },
  { id: 'C-EXPO-D', company: 'Prepaid Only Ltd', email: 'ap@prepaid.example', country: 'GB' },
];
const exposureOrders = [
  owing('EX-A1', 'C-EXPO-A', 'OA', usd('12345.67')),
  owing('EX-A2', 'C-EXPO-A', 'DA', usd('10000.01')),
  // T/T is not credit; a closed order and one paid up owe nothing.
  owing('EX-A3', 'C-EXPO-A', 'TT', usd('50000.00')),
  owing('EX-A4', 'C-EXPO-A', 'OA', usd('999.00'), 'CANCELLED'),
  owing('EX-A5', 'C-EXPO-A', 'DP', usd('0.00')),
  // Another currency: listed, not compared with the USD limits.
  owing('EX-A6', 'C-EXPO-A', 'OA', { amount: '100.00', currency: 'EUR' }),
  owing('EX-B1', 'C-EXPO-B', 'OA', usd('999.99')),
  owing('EX-B2', 'C-EXPO-B', 'DP', usd('0.02')),
  owing('EX-B3', 'C-EXPO-B', 'TT', usd('5000.00')),
  owing('EX-C1', 'C-EXPO-C', 'OA', usd('50.00')),
  owing('EX-D1', 'C-EXPO-D', 'TT', usd('800.00')),
];

beforeAll(async () => {
  stack = await startStack({ worker: false });
  for (const order of [...rebates, ...profits, ...exposureOrders])
    await stack.readModel.project(batch(order));
  for (const order of acme) await inCompany('acme', () => stack.readModel.project(batch(order)));
  for (const body of customersForExposure) {
    const res = await request(stack.app).post('/customers').set(bearer(TOKENS.manager)).send(body);
    expect(res.status).toBe(201);
  }
  const acmeBuyer = {
    id: 'C-EXPO-ACME',
    company: 'Acme Buyer',
    email: 'ap@acme-buyer.example',
    country: 'US',
  };
  const created = await request(stack.app)
    .post('/customers')
    .set(bearer(TOKENS.acmeManager))
    .send({ ...acmeBuyer, creditLimit: usd('100.00') });
  expect(created.status).toBe(201);
  await inCompany('acme', () =>
    stack.readModel.project(batch(owing('ACME-EX1', 'C-EXPO-ACME', 'OA', usd('25.00')))),
  );
  // A contract being signed holds its credit until the read model shows it (decision 0007).
  await stack.readModel.holdCredit('C-EXPO-A', 'EX-A-SIGNING', usd('1.00'));
}, 60_000);

afterAll(async () => {
  await stack?.close();
});

const get = (path: string, token: string = TOKENS.viewer) => request(stack.app).get(path).set(bearer(token));

/** supertest keeps a binary answer as a Buffer. */
function binary(res: request.Response, done: (err: Error | null, body: Buffer) => void): void {
  const stream = res as unknown as NodeJS.ReadableStream;
  const chunks: Buffer[] = [];
  stream.on('data', (c: Buffer) => chunks.push(c));
  stream.on('end', () => done(null, Buffer.concat(chunks)));
}

async function workbookOf(path: string, headers: Record<string, string> = {}): Promise<ExcelJS.Workbook> {
  const res = await get(path).set(headers).buffer(true).parse(binary);
  expect(res.status).toBe(200);
  expect(res.headers['content-type']).toBe(
    'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  );
  const wb = new ExcelJS.Workbook();
  const bytes: Buffer = res.body as Buffer;
  await wb.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  return wb;
}
const rowValues = (ws: ExcelJS.Worksheet, row: number) => (ws.getRow(row).values as unknown[]).slice(1);
const csvLines = (text: string) => text.slice(1).split('\r\n');

const figures = (count: number, expected: string, received = '0.00', withoutExpected = 0) => ({
  count,
  withoutExpected,
  expected: cny(expected),
  received: cny(received),
});
const none = figures(0, '0.00');

describe('GET /reports/rebates', () => {
  it('counts each rebate once by month: pending by export, filed by filing, received by receipt', async () => {
    const res = await get('/reports/rebates');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      from: null,
      to: null,
      months: [
        { month: '2025-12', PENDING: figures(1, '0.00', '0.00', 1), FILED: none, RECEIVED: none },
        { month: '2026-01', PENDING: figures(2, '1300.01'), FILED: none, RECEIVED: none },
        {
          month: '2026-02',
          PENDING: figures(1, '0.00', '0.00', 1),
          FILED: figures(1, '2222.22'),
          RECEIVED: none,
        },
        { month: '2026-03', PENDING: none, FILED: none, RECEIVED: figures(1, '999.99', '1000.05') },
      ],
      totals: {
        PENDING: figures(4, '1300.01', '0.00', 2),
        FILED: figures(1, '2222.22'),
        RECEIVED: figures(1, '999.99', '1000.05'),
      },
      open: [
        {
          orderId: 'RB0',
          customer: CN,
          status: 'PENDING',
          exportDate: '2025-12-20',
          deadline: '2026-04-30',
          deadlineAt: '2026-04-30T15:59:59.999Z',
          expected: null,
        },
        expect.objectContaining({ orderId: 'RB1', deadline: '2027-04-30', expected: cny('1300.00') }),
        expect.objectContaining({ orderId: 'RB2', status: 'DOCUMENTS_RECORDED', expected: cny('0.01') }),
        expect.objectContaining({ orderId: 'RB3', customer: CN, expected: null }),
      ],
      openCount: 4,
    });
  });

  it('keeps the months asked for; the open rebates stay whatever the months', async () => {
    const res = await get('/reports/rebates?from=2026-02&to=2026-02');
    expect(res.status).toBe(200);
    const body = res.body as { months: { month: string }[]; totals: object; openCount: number };
    expect(body.months.map((m) => m.month)).toEqual(['2026-02']);
    expect(body.totals).toEqual({
      PENDING: figures(1, '0.00', '0.00', 1),
      FILED: figures(1, '2222.22'),
      RECEIVED: none,
    });
    expect(body.openCount).toBe(4);
    const later = (await get('/reports/rebates?from=2026-03')).body as { months: { month: string }[] };
    expect(later.months.map((m) => m.month)).toEqual(['2026-03']);
  });

  it('answers CSV: the months with their totals, or the open rebates', async () => {
    const res = await get('/reports/rebates?format=csv').buffer(true);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/csv; charset=utf-8/);
    expect(res.headers['content-disposition']).toBe('attachment; filename="rebates.csv"');
    expect(res.text.charCodeAt(0)).toBe(0xfeff);
    expect(csvLines(res.text)).toEqual([
      'month,pendingCount,pendingExpectedCny,filedCount,filedExpectedCny,receivedCount,receivedExpectedCny,receivedCny,withoutExpected',
      '2025-12,1,0.00,0,0.00,0,0.00,0.00,1',
      '2026-01,2,1300.01,0,0.00,0,0.00,0.00,0',
      '2026-02,1,0.00,1,2222.22,0,0.00,0.00,1',
      '2026-03,0,0.00,0,0.00,1,999.99,1000.05,0',
      '(all months),4,1300.01,1,2222.22,1,999.99,1000.05,2',
      '',
    ]);
    const open = await get('/reports/rebates?format=csv&table=open&from=2026-01').buffer(true);
    expect(open.headers['content-disposition']).toBe('attachment; filename="rebates-from-2026-01-open.csv"');
    expect(csvLines(open.text).slice(0, 3)).toEqual([
      'orderId,customer,status,exportDate,deadline,deadlineAt,expectedCny',
      `RB0,${CN},PENDING,2025-12-20,2026-04-30,2026-04-30T15:59:59.999Z,`,
      'RB1,Acme GmbH,PENDING,2026-01-15,2027-04-30,2027-04-30T15:59:59.999Z,1300.00',
    ]);
  });

  it('answers XLSX in the reader’s language: the months and the open rebates', async () => {
    const wb = await workbookOf('/reports/rebates?format=xlsx&lang=zh-CN');
    expect(wb.worksheets.map((s) => s.name)).toEqual(['按月退税', '待申报退税（截止日期最近的在前）']);
    const months = wb.worksheets[0];
    expect(rowValues(months, 1)).toEqual([
      '月份',
      '未申报：笔数',
      '未申报：预计退税',
      '已申报：笔数',
      '已申报：预计退税',
      '已到账：笔数',
      '已到账：预计退税',
      '实收退税',
      '预计金额未知',
    ]);
    expect(rowValues(months, 6)).toEqual(['全部月份', 4, 1300.01, 1, 2222.22, 1, 999.99, 1000.05, 2]);
    expect(rowValues(wb.worksheets[1], 2)).toEqual([
      'RB0',
      CN,
      '待收集单据',
      '2025-12-20',
      '2026-04-30',
      undefined,
    ]);
  });
});

const profitFigures = (
  orders: number,
  revenue: string,
  rebateCny: string,
  costs: string,
  profit: string,
  unsettledOrders = 0,
) => ({
  orders,
  unsettledOrders,
  revenue: cny(revenue),
  rebate: cny(rebateCny),
  costs: cny(costs),
  profit: cny(profit),
});

describe('GET /reports/profit', () => {
  it('sums revenue, rebate, costs and profit to the fen by month and by customer', async () => {
    const res = await get('/reports/profit');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      from: null,
      to: null,
      months: [
        { month: '2026-02', ...profitFigures(2, '7105.10', '1300.00', '5000.53', '3404.57', 1) },
        { month: '2026-03', ...profitFigures(1, '1000000.01', '0.01', '0.01', '1000000.01') },
        { month: '2026-04', ...profitFigures(10, '1.00', '0.00', '0.00', '1.00') },
      ],
      customers: [
        { customerId: null, customer: CN, ...profitFigures(1, '1000000.01', '0.01', '0.01', '1000000.01') },
        {
          customerId: 'cust-a',
          customer: 'Acme Europe GmbH',
          ...profitFigures(2, '7105.10', '1300.00', '5000.53', '3404.57', 1),
        },
        { customerId: null, customer: 'Tenth Ltd', ...profitFigures(10, '1.00', '0.00', '0.00', '1.00') },
      ],
      totals: profitFigures(13, '1007106.11', '1300.01', '5000.54', '1003405.58', 1),
    });
  });

  it('keeps the months asked for, in the customers too', async () => {
    const res = await get('/reports/profit?from=2026-03&to=2026-03');
    expect(res.body).toEqual({
      from: '2026-03',
      to: '2026-03',
      months: [{ month: '2026-03', ...profitFigures(1, '1000000.01', '0.01', '0.01', '1000000.01') }],
      customers: [
        { customerId: null, customer: CN, ...profitFigures(1, '1000000.01', '0.01', '0.01', '1000000.01') },
      ],
      totals: profitFigures(1, '1000000.01', '0.01', '0.01', '1000000.01'),
    });
    const empty = await get('/reports/profit?to=2025-12');
    expect(empty.body).toEqual({
      from: null,
      to: '2025-12',
      months: [],
      customers: [],
      totals: profitFigures(0, '0.00', '0.00', '0.00', '0.00'),
    });
  });

  it('answers CSV by month or by customer, and XLSX with both', async () => {
    const months = await get('/reports/profit?format=csv').buffer(true);
    expect(months.headers['content-disposition']).toBe('attachment; filename="profit.csv"');
    expect(csvLines(months.text)).toEqual([
      'month,orders,revenueCny,rebateCny,costsCny,profitCny,unsettledOrders',
      '2026-02,2,7105.10,1300.00,5000.53,3404.57,1',
      '2026-03,1,1000000.01,0.01,0.01,1000000.01,0',
      '2026-04,10,1.00,0.00,0.00,1.00,0',
      '(all months),13,1007106.11,1300.01,5000.54,1003405.58,1',
      '',
    ]);
    const customers = await get('/reports/profit?format=csv&table=customers&from=2026-01&to=2026-12').buffer(
      true,
    );
    expect(customers.headers['content-disposition']).toBe(
      'attachment; filename="profit-2026-01_2026-12-customers.csv"',
    );
    expect(csvLines(customers.text)).toEqual([
      'customer,customerId,orders,revenueCny,rebateCny,costsCny,profitCny,unsettledOrders',
      `${CN},,1,1000000.01,0.01,0.01,1000000.01,0`,
      'Acme Europe GmbH,cust-a,2,7105.10,1300.00,5000.53,3404.57,1',
      'Tenth Ltd,,10,1.00,0.00,0.00,1.00,0',
      '(all customers),,13,1007106.11,1300.01,5000.54,1003405.58,1',
      '',
    ]);
    const wb = await workbookOf('/reports/profit?format=xlsx&lang=en');
    expect(wb.worksheets.map((s) => s.name)).toEqual(['Profit by month', 'Profit by customer']);
    expect(rowValues(wb.worksheets[0], 5)).toEqual([
      'All months',
      13,
      1007106.11,
      1300.01,
      5000.54,
      1003405.58,
      1,
    ]);
    expect(rowValues(wb.worksheets[1], 3)).toEqual([
      'Acme Europe GmbH',
      2,
      7105.1,
      1300,
      5000.53,
      3404.57,
      1,
    ]);
  });
});

describe('the money reports', () => {
  it("hold only the caller's company", async () => {
    const mine = await get('/reports/rebates', TOKENS.acmeViewer);
    expect(mine.body).toMatchObject({
      months: [{ month: '2026-01', PENDING: figures(1, '77.77') }],
      open: [expect.objectContaining({ orderId: 'ACME-1', customer: 'Buyer of Acme' })],
      openCount: 1,
    });
    const profit = await get('/reports/profit?format=csv&table=customers', TOKENS.acmeViewer).buffer(true);
    expect(csvLines(profit.text).slice(1, 2)).toEqual(['Buyer of Acme,,1,500.00,77.77,100.00,477.77,0']);
    for (const path of [
      '/reports/rebates?format=csv&table=open',
      '/reports/profit?format=csv&table=customers',
    ]) {
      const other = await get(path, TOKENS.globexOps).buffer(true);
      expect(other.status).toBe(200);
      expect(csvLines(other.text)).not.toEqual(expect.arrayContaining([expect.stringContaining('Acme')]));
    }
    const ours = await get('/reports/profit?format=csv&table=customers').buffer(true);
    expect(ours.text).not.toContain('Buyer of Acme');
  });

  it('refuse bad months, tables and formats with VALIDATION_FAILED, and need a token', async () => {
    const bad: [string, string][] = [
      ['/reports/rebates?from=2026-13', 'from'],
      ['/reports/rebates?to=26-01', 'to'],
      ['/reports/rebates?from=2026-03&to=2026-02', 'from'],
      ['/reports/rebates?table=customers', 'table'],
      ['/reports/profit?table=open', 'table'],
      ['/reports/profit?format=xml', 'format'],
      ['/reports/profit?from=2026-1', 'from'],
    ];
    for (const [path, field] of bad) {
      const error = expectError(await get(path), 400, 'VALIDATION_FAILED');
      expect({ path, details: error.details }).toEqual({
        path,
        details: [expect.objectContaining({ path: field })],
      });
    }
    expectError(await request(stack.app).get('/reports/profit'), 401, 'UNAUTHENTICATED');
  });
});

describe('GET /reports/exposure', () => {
  const hamburg = {
    customerId: 'C-EXPO-A',
    customer: 'Hamburg Lights GmbH',
    currency: 'USD',
    // 12,345.67 OA + 10,000.01 DA + 1.00 held; T/T, closed and paid-up orders left out.
    exposure: [{ amount: '100.00', currency: 'EUR' }, usd('22346.68')],
    orders: 4,
    creditLimit: usd('40000.00'),
    insurance: { insurer: 'Sinosure', limit: usd('30000.00') },
    tightestLimit: 'INSURED',
    headroom: usd('7653.32'),
    utilisation: '74.49',
    beyondLimit: false,
  };

  it('sums each customer’s open credit to the cent against its tightest limit, the most used first', async () => {
    const res = await get('/reports/exposure');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      customers: [
        {
          customerId: 'C-EXPO-B',
          customer: 'Lyon Trading SARL',
          currency: 'USD',
          exposure: [usd('1000.01')],
          orders: 2,
          creditLimit: usd('1000.00'),
          insurance: null,
          tightestLimit: 'CREDIT',
          headroom: usd('-0.01'),
          // 100.001 %: rounds to 100.00, and is beyond the limit all the same.
          utilisation: '100.00',
          beyondLimit: true,
        },
        hamburg,
        {
          customerId: 'C-EXPO-C',
          customer: 'No Limit Ltd',
          currency: 'USD',
          exposure: [usd('50.00')],
          orders: 1,
          creditLimit: null,
          insurance: null,
          tightestLimit: null,
          headroom: null,
          utilisation: null,
          beyondLimit: false,
        },
      ],
      totals: {
        exposure: [{ amount: '100.00', currency: 'EUR' }, usd('23396.69')],
        orders: 7,
        beyondLimit: 1,
      },
    });
  });

  it('shows the exposure the customer page shows', async () => {
    const page = await get('/customers/C-EXPO-A');
    expect(page.body).toMatchObject({ credit: { exposure: usd('22346.68') } });
  });

  it('answers CSV and XLSX in the reader’s language', async () => {
    const res = await get('/reports/exposure?format=csv').buffer(true);
    expect(res.status).toBe(200);
    expect(res.headers['content-disposition']).toBe('attachment; filename="exposure.csv"');
    expect(csvLines(res.text)).toEqual([
      'customerId,customer,currency,exposure,otherExposure,orders,creditLimit,creditLimitCurrency,insuredLimit,insuredLimitCurrency,insurer,tightestLimit,headroom,headroomCurrency,utilisationPercent,beyondLimit',
      'C-EXPO-B,Lyon Trading SARL,USD,1000.01,,2,1000.00,USD,,,,CREDIT,-0.01,USD,100.00,true',
      'C-EXPO-A,Hamburg Lights GmbH,USD,22346.68,EUR 100.00,4,40000.00,USD,30000.00,USD,Sinosure,INSURED,7653.32,USD,74.49,false',
      'C-EXPO-C,No Limit Ltd,USD,50.00,,1,,,,,,,,,,false',
      `,(all customers),EUR,100.00${','.repeat(12)}`,
      `,(all customers),USD,23396.69${','.repeat(12)}`,
      '',
    ]);
    const wb = await workbookOf('/reports/exposure?format=xlsx');
    expect(wb.worksheets.map((s) => s.name)).toEqual(['Exposure by customer']);
    const book = await workbookOf('/reports/exposure?format=xlsx', {
      'Accept-Language': 'zh-CN,zh;q=0.9',
    });
    const sheet = book.worksheets[0];
    expect(sheet.name).toBe('按客户信用敞口');
    expect(rowValues(sheet, 1)).toEqual([
      '客户',
      '客户编号',
      '币种',
      '敞口',
      '其他币种敞口',
      '未结赊销订单',
      '信用额度',
      '保险限额',
      '保险机构',
      '最紧的限额',
      '剩余额度',
      '使用率（%）',
      '超出限额',
    ]);
    expect(rowValues(sheet, 3)).toEqual([
      'Hamburg Lights GmbH',
      'C-EXPO-A',
      'USD',
      22346.68,
      'EUR 100.00',
      4,
      40000,
      30000,
      'Sinosure',
      '保险限额',
      7653.32,
      74.49,
      '否',
    ]);
    expect(rowValues(sheet, 2).slice(-3)).toEqual([-0.01, 100, '是']);
    expect(rowValues(sheet, 6).slice(0, 4)).toEqual(['全部客户', undefined, 'USD', 23396.69]);
  });

  it("holds only the caller's company", async () => {
    const acmeReport = await get('/reports/exposure', TOKENS.acmeViewer);
    expect(acmeReport.body).toEqual({
      customers: [
        expect.objectContaining({
          customerId: 'C-EXPO-ACME',
          exposure: [usd('25.00')],
          utilisation: '25.00',
        }),
      ],
      totals: { exposure: [usd('25.00')], orders: 1, beyondLimit: 0 },
    });
    const ours = await get('/reports/exposure?format=csv').buffer(true);
    expect(ours.text).not.toContain('Acme Buyer');
    const globex = await get('/reports/exposure', TOKENS.globexOps);
    expect(globex.body).toEqual({ customers: [], totals: { exposure: [], orders: 0, beyondLimit: 0 } });
  });

  it('refuses another format and needs a token', async () => {
    const error = expectError(await get('/reports/exposure?format=pdf'), 400, 'VALIDATION_FAILED');
    expect(error.details).toEqual([expect.objectContaining({ path: 'format' })]);
    expectError(await request(stack.app).get('/reports/exposure'), 401, 'UNAUTHENTICATED');
  });
});
