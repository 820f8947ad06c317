/* eslint-disable @typescript-eslint/no-unsafe-assignment -- jest's asymmetric matchers are typed any */
/**
 * Excel in and out over HTTP on the real stack (Temporal, a worker, PostgreSQL): a 50-row import
 * with two bad rows, its retry, the template in Chinese, refusals of bad files, and the list and a
 * report exported as XLSX and read back with exceljs.
 */
import ExcelJS from 'exceljs';
import request from 'supertest';
import { bearer, startStack, TOKENS, type Stack } from '../../harness/stack';
import { eventually } from '../../harness/temporal';
import { expectError } from './helpers';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const run = `${Date.now().toString(36)}-${process.pid}`;
const PREFIX = `XL-${run}`;
const idOf = (n: number) => `${PREFIX}-${String(n).padStart(2, '0')}`;

let stack: Stack;
beforeAll(async () => {
  stack = await startStack();
}, 60_000);
afterAll(async () => {
  await stack?.close();
});

type Row = (string | number | Date | null)[];

async function workbook(header: string[], rows: Row[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Orders');
  ws.addRow(header);
  for (const row of rows) ws.addRow(row);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** supertest keeps a binary answer as a Buffer. */
function binary(res: request.Response, done: (err: Error | null, body: Buffer) => void): void {
  const stream = res as unknown as NodeJS.ReadableStream;
  const chunks: Buffer[] = [];
  stream.on('data', (c: Buffer) => chunks.push(c));
  stream.on('end', () => done(null, Buffer.concat(chunks)));
}

async function sheetOf(bytes: Buffer, index = 0): Promise<ExcelJS.Worksheet> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  return wb.worksheets[index];
}

const values = (ws: ExcelJS.Worksheet, row: number) => (ws.getRow(row).values as unknown[]).slice(1);

const importFile = (bytes: Buffer, query = '') =>
  request(stack.app)
    .post(`/imports/orders${query}`)
    .set(bearer(TOKENS.ops))
    .attach('file', bytes, { filename: 'orders.xlsx', contentType: XLSX });

const HEADER = [
  'orderId',
  'customer.name',
  'customer.company',
  'customer.email',
  'customer.country',
  'accountManager.name',
  'accountManager.email',
  'inquiry.requestedDelivery',
  'product.sku',
  'product.description',
  'product.quantity',
  'product.unit',
];

const goodRow = (n: number): Row => [
  idOf(n),
  'Jane Doe',
  `Excel Buyer ${run}`,
  'jane@acme.example',
  'DE',
  'Li Wei',
  'li.wei@exporter.example',
  new Date(Date.UTC(2027, 2, 1)),
  'LED-40W',
  '40W LED panel',
  n * 10,
  'pcs',
];

interface Result {
  row: number;
  orderId?: string;
  outcome: string;
  error?: string;
}

describe('POST /imports/orders', () => {
  let rows: Row[];
  beforeAll(() => {
    rows = Array.from({ length: 50 }, (_, i) => goodRow(i + 1));
    rows[9][3] = 'not-an-email'; // sheet row 11
    rows[29][10] = -5; // sheet row 31
  });

  it('creates 48 orders of a 50-row file and names the row and column of the 2 bad ones', async () => {
    const res = await importFile(await workbook(HEADER, rows));
    expect(res.status).toBe(200);
    const results = (res.body as { rows: Result[] }).rows;
    expect(results).toHaveLength(50);
    expect(results.map((r) => r.row)).toEqual(Array.from({ length: 50 }, (_, i) => i + 2));
    const bad = results.filter((r) => r.error);
    expect(bad).toEqual([
      { row: 11, outcome: 'refused', error: expect.stringMatching(/^Column customer\.email: .*email/i) },
      { row: 31, outcome: 'refused', error: expect.stringMatching(/^Column product\.quantity: /) },
    ]);
    const created = results.filter((r) => r.outcome === 'created');
    expect(created).toHaveLength(48);
    expect(created[0]).toEqual({ row: 2, orderId: idOf(1), outcome: 'created' });

    // The 48 are listed (the read model follows within moments), and nothing of the bad rows.
    const listed = await eventually(async () => {
      const list = await request(stack.app)
        .get(`/orders?q=${PREFIX}&pageSize=200`)
        .set(bearer(TOKENS.viewer));
      const orders = (list.body as { orders: { orderId: string }[] }).orders;
      return orders.length >= 48 ? orders : undefined;
    });
    expect(listed.map((o) => o.orderId).sort()).toEqual(created.map((r) => r.orderId).sort());
    const view = await request(stack.app)
      .get(`/orders/${idOf(1)}`)
      .set(bearer(TOKENS.viewer));
    expect(view.body).toMatchObject({
      inquiry: {
        channel: 'EMAIL',
        requestedDelivery: '2027-03-01',
        products: [{ sku: 'LED-40W', description: '40W LED panel', quantity: 10, unit: 'pcs' }],
      },
    });

    // The same file again creates nothing twice: each good row finds its order.
    const again = await importFile(await workbook(HEADER, rows));
    const second = (again.body as { rows: Result[] }).rows;
    expect(second.filter((r) => r.outcome === 'existing')).toHaveLength(48);
    expect(second.filter((r) => r.outcome === 'created')).toHaveLength(0);
  });

  it('takes the Chinese template: its headers map to the same paths', async () => {
    const res = await request(stack.app)
      .get('/imports/orders/template.xlsx?lang=zh-CN')
      .set(bearer(TOKENS.viewer))
      .buffer(true)
      .parse(binary);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe(XLSX);
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename=".+\.xlsx"$/);
    const template = await sheetOf(res.body as Buffer);
    const header = values(template, 1) as string[];
    expect(header).toContain('客户公司 (customer.company)');
    expect(header).toContain('数量 (product.quantity)');
    const byPath = (path: string) => header.find((h) => h.endsWith(`(${path})`))!;
    const body: Record<string, string | number> = {
      orderId: idOf(60),
      'customer.name': '王芳',
      'customer.company': `宁波进出口 ${run}`,
      'customer.email': 'wang@nb.example',
      'customer.country': 'CN',
      'accountManager.name': 'Li Wei',
      'accountManager.email': 'li.wei@exporter.example',
      'inquiry.channel': 'EXHIBITION',
      'product.description': 'LED 灯',
      'product.quantity': 'many',
    };
    const paths = Object.keys(body);
    const file = await workbook(paths.map(byPath), [
      paths.map((p) => body[p]),
      paths.map((p) => (p === 'product.quantity' ? 5 : p === 'orderId' ? idOf(61) : body[p])),
    ]);
    const results = (await importFile(file, '?lang=zh-CN')).body as { rows: Result[] };
    expect(results.rows[0]).toEqual({
      row: 2,
      outcome: 'refused',
      error: expect.stringMatching(/^列 数量 \(product\.quantity\)：/),
    });
    expect(results.rows[1]).toEqual({ row: 3, orderId: idOf(61), outcome: 'created' });
  });

  it('refuses what is not an XLSX, unknown columns, a missing file, and viewers', async () => {
    const csv = await importFile(Buffer.from('orderId,customer.name\nX,Y\n'));
    expectError(csv, 415, 'UNSUPPORTED_MEDIA_TYPE');
    const unknown = expectError(
      await importFile(await workbook([...HEADER, 'customer.phone'], [goodRow(99)])),
      400,
      'VALIDATION_FAILED',
    );
    expect(unknown.details).toEqual([{ path: 'M1', message: 'unknown column "customer.phone"' }]);
    const missing = expectError(
      await importFile(await workbook(['orderId'], [['X-1']])),
      400,
      'VALIDATION_FAILED',
    );
    expect(missing.message).toMatch(/customer\.email/);
    expectError(await importFile(await workbook([], [])), 400, 'VALIDATION_FAILED');
    expectError(
      await request(stack.app).post('/imports/orders').set(bearer(TOKENS.ops)).send({ rows: [] }),
      415,
      'UNSUPPORTED_MEDIA_TYPE',
    );
    expectError(
      await request(stack.app)
        .post('/imports/orders')
        .set(bearer(TOKENS.viewer))
        .attach('file', await workbook(HEADER, [goodRow(98)]), 'orders.xlsx'),
      403,
      'FORBIDDEN',
    );
  });
});

describe('exports', () => {
  it('exports the filtered list, every page, as XLSX with Chinese headers', async () => {
    // The read model follows the last import within moments.
    await eventually(async () => {
      const list = await request(stack.app)
        .get(`/orders?q=${PREFIX}&pageSize=200`)
        .set(bearer(TOKENS.viewer));
      return (list.body as { orders: unknown[] }).orders.length >= 49 ? true : undefined;
    });
    const res = await request(stack.app)
      .get(`/orders?q=${PREFIX}&format=xlsx&lang=zh-CN&pageSize=5`)
      .set(bearer(TOKENS.viewer))
      .buffer(true)
      .parse(binary);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe(XLSX);
    expect(res.headers['content-disposition']).toBe('attachment; filename="orders.xlsx"');
    const ws = await sheetOf(res.body as Buffer);
    expect(values(ws, 1)).toEqual(
      expect.arrayContaining(['订单号', '客户公司', '阶段', '未收金额', '币种', '更新时间（UTC）']),
    );
    // The header, the 48 of the first file and the one of the Chinese template.
    expect(ws.actualRowCount).toBe(1 + 49);
    const header = values(ws, 1);
    const row = values(ws, 2);
    expect(row[header.indexOf('阶段')]).toBe('询盘');
    expect(row[header.indexOf('更新时间（UTC）')]).toBeInstanceOf(Date);
  });

  it('exports a report as XLSX in the language of Accept-Language, and the list as CSV', async () => {
    const res = await request(stack.app)
      .get('/reports/stage-times?format=xlsx')
      .set(bearer(TOKENS.viewer))
      .set('Accept-Language', 'zh-CN,zh;q=0.9,en;q=0.8')
      .buffer(true)
      .parse(binary);
    expect(res.status).toBe(200);
    expect(res.headers['content-disposition']).toBe('attachment; filename="stage-times.xlsx"');
    const ws = await sheetOf(res.body as Buffer);
    expect(values(ws, 1)).toEqual(['阶段', '次数', '中位数（天）', '90 分位（天）']);
    expect(values(ws, 2)[0]).toBe('询盘');
    expect(typeof values(ws, 2)[1]).toBe('number');

    const english = await request(stack.app)
      .get('/reports/stalled?format=xlsx&lang=en')
      .set(bearer(TOKENS.viewer))
      .set('Accept-Language', 'zh-CN')
      .buffer(true)
      .parse(binary);
    expect(values(await sheetOf(english.body as Buffer), 1)[0]).toBe('Account manager');

    const csv = await request(stack.app).get(`/orders?q=${PREFIX}&format=csv`).set(bearer(TOKENS.viewer));
    expect(csv.status).toBe(200);
    expect(csv.headers['content-type']).toMatch(/^text\/csv/);
    expect(csv.text.split('\r\n')[0]).toBe(
      '\uFEFForderId,customerCompany,customerName,stage,status,stalled,accountManagerEmail,updatedAt,amountOutstanding,currency,nextDueAt,stageDeadline',
    );
  });

  it('refuses an unknown format or language, listing the formats', async () => {
    for (const path of ['/orders?format=pdf', '/reports/stalled?format=xls', '/orders?format=xlsx&lang=fr']) {
      const error = expectError(
        await request(stack.app).get(path).set(bearer(TOKENS.viewer)),
        400,
        'VALIDATION_FAILED',
      );
      if (!path.includes('lang'))
        expect(error.details).toEqual([
          { path: 'format', message: expect.stringMatching(/json.*csv.*xlsx/) },
        ]);
    }
  });
});
