import {
  createReadModel,
  InvalidCursorError,
  type OrderListQuery,
  type ReadModel,
} from '../../src/readModel';
import { createTestDatabase, type TestDatabase } from '../../harness/database';
import { batch, orderRecord } from './records';

let db: TestDatabase;
let readModel: ReadModel;

const NOW = new Date('2026-06-01T12:00:00.000Z');
const at = (day: number) => new Date(Date.UTC(2026, 4, day)).toISOString();

// Ten orders with distinct updatedAt (A0 oldest), and a few that share one to test the tie-break.
const orders = [
  orderRecord({ orderId: 'A0', updatedAt: at(1), stage: 'INQUIRY', stageDeadline: at(20) }),
  orderRecord({ orderId: 'A1', updatedAt: at(2), stage: 'DEPOSIT', stalled: true, stageDeadline: at(10) }),
  orderRecord({
    orderId: 'A2',
    updatedAt: at(3),
    stage: 'DEPOSIT',
    customerCompany: 'Globex Ltd',
    customerName: 'Hank Scorpio',
    contractNo: 'C-2026-17',
    amountOutstanding: { amount: '7500.00', currency: 'USD' },
    nextDueAt: '2026-05-30T00:00:00.000Z',
    stageDeadline: at(10),
  }),
  orderRecord({
    orderId: 'A3',
    updatedAt: at(4),
    stage: 'BALANCE',
    accountManagerEmail: 'Mei.Lin@Exporter.example',
    invoiceNo: 'INV_100%',
    amountOutstanding: { amount: '0.00', currency: 'USD' },
    nextDueAt: '2026-07-01T00:00:00.000Z',
    template: 'standard-fob',
  }),
  orderRecord({
    orderId: 'A4',
    updatedAt: at(5),
    stage: 'BALANCE',
    customerName: 'Ann Globe',
    amountOutstanding: { amount: '10.50', currency: 'EUR' },
    nextDueAt: '2026-07-01T00:00:00.000Z',
    template: 'standard-fob',
  }),
  orderRecord({ orderId: 'A5', updatedAt: at(6), stage: 'COMPLETED', status: 'COMPLETED' }),
  orderRecord({ orderId: 'B1', updatedAt: at(7), stageDeadline: at(15) }),
  orderRecord({ orderId: 'B2', updatedAt: at(7), stageDeadline: at(15) }),
  orderRecord({ orderId: 'B3', updatedAt: at(7) }),
];

beforeAll(async () => {
  db = await createTestDatabase();
  readModel = createReadModel({ url: db.url, company: 'default' });
  for (const order of orders) await readModel.project(batch(order));
});

afterAll(async () => {
  await readModel?.close();
  await db?.drop();
});

const ids = async (query: Partial<OrderListQuery>) =>
  (await readModel.listOrders({ pageSize: 50, now: NOW, ...query })).orders.map((o) => o.orderId);

/** Every page of a query, following nextPageToken. */
async function allPages(query: Omit<OrderListQuery, 'pageToken'>): Promise<string[][]> {
  const pages: string[][] = [];
  let pageToken: string | undefined;
  do {
    const page = await readModel.listOrders({ ...query, pageToken });
    pages.push(page.orders.map((o) => o.orderId));
    pageToken = page.nextPageToken ?? undefined;
  } while (pageToken);
  return pages;
}

describe('listOrders', () => {
  it('sorts by -updatedAt by default, order id breaking ties', async () => {
    expect(await ids({})).toEqual(['B3', 'B2', 'B1', 'A5', 'A4', 'A3', 'A2', 'A1', 'A0']);
    expect(await ids({ sort: '-updatedAt' })).toEqual(await ids({}));
  });

  it('sorts by updatedAt', async () => {
    expect(await ids({ sort: 'updatedAt' })).toEqual(['A0', 'A1', 'A2', 'A3', 'A4', 'A5', 'B1', 'B2', 'B3']);
  });

  it('sorts by stageDeadline with orders without one last', async () => {
    expect(await ids({ sort: 'stageDeadline' })).toEqual([
      'A1',
      'A2',
      'B1',
      'B2',
      'A0',
      'A3',
      'A4',
      'A5',
      'B3',
    ]);
  });

  it.each(['-updatedAt', 'updatedAt', 'stageDeadline'] as const)(
    'pages through every order exactly once (sort %s)',
    async (sort) => {
      const pages = await allPages({ sort, pageSize: 2 });
      expect(pages.flat()).toEqual(await ids({ sort }));
      expect(pages.map((p) => p.length)).toEqual([2, 2, 2, 2, 1]);
    },
  );

  it('ends without a token when the last page is exactly full', async () => {
    const page = await readModel.listOrders({ pageSize: 9 });
    expect(page.orders).toHaveLength(9);
    expect(page.nextPageToken).toBeNull();
  });

  it('refuses a token it did not issue, or one from another sort', async () => {
    const { nextPageToken } = await readModel.listOrders({ pageSize: 2, sort: 'updatedAt' });
    expect(nextPageToken).toEqual(expect.stringMatching(/^[A-Za-z0-9_-]+$/));
    for (const pageToken of [
      'garbage!',
      'e30',
      Buffer.from(JSON.stringify({ sort: 'updatedAt', key: 'yesterday', orderId: 'A1' })).toString(
        'base64url',
      ),
    ]) {
      await expect(readModel.listOrders({ pageSize: 2, pageToken })).rejects.toThrow(InvalidCursorError);
    }
    await expect(
      readModel.listOrders({ pageSize: 2, sort: '-updatedAt', pageToken: nextPageToken! }),
    ).rejects.toThrow(InvalidCursorError);
  });

  it('filters by stage, stalled, customer, account manager and template', async () => {
    expect(await ids({ stage: 'DEPOSIT' })).toEqual(['A2', 'A1']);
    expect(await ids({ stalled: true })).toEqual(['A1']);
    expect(await ids({ stalled: false })).not.toContain('A1');
    expect(await ids({ customer: 'Globex Ltd' })).toEqual(['A2']);
    // `customer` is the contract's exact name; `customerPart` finds part of it.
    expect(await ids({ customer: 'globex ltd' })).toEqual([]);
    expect(await ids({ customerPart: 'globex ltd' })).toEqual(['A2']);
    expect(await ids({ customerPart: 'LOBEX' })).toEqual(['A2']);
    expect(await ids({ customerPart: 'Globex Ltd.' })).toEqual([]);
    expect(await ids({ accountManager: 'mei.lin@exporter.example' })).toEqual(['A3']);
    expect(await ids({ template: 'standard-fob' })).toEqual(['A4', 'A3']);
    expect(
      await ids({ stage: 'BALANCE', template: 'standard-fob', accountManager: 'li.wei@exporter.example' }),
    ).toEqual(['A4']);
  });

  it('finds a case-insensitive substring of id, company, name, contract or invoice number', async () => {
    expect(await ids({ q: 'globe' })).toEqual(['A4', 'A2']);
    expect(await ids({ q: 'c-2026-1' })).toEqual(['A2']);
    expect(await ids({ q: 'a5' })).toEqual(['A5']);
    expect(await ids({ q: 'scorpio' })).toEqual(['A2']);
    // LIKE wildcards in q match themselves only.
    expect(await ids({ q: '_100%' })).toEqual(['A3']);
    expect(await ids({ q: '%' })).toEqual(['A3']);
    expect(await ids({ q: 'INV_1' })).toEqual(['A3']);
    expect(await ids({ q: 'INVX1' })).toEqual([]);
  });

  it('filters money still due and payments past due', async () => {
    expect(await ids({ outstanding: true })).toEqual(['A4', 'A2']);
    expect(await ids({ outstanding: false })).toEqual(['B3', 'B2', 'B1', 'A5', 'A3', 'A1', 'A0']);
    expect(await ids({ overdue: true })).toEqual(['A2']);
    expect(await ids({ overdue: true, now: new Date('2026-07-02T00:00:00.000Z') })).toEqual([
      'A4',
      'A3',
      'A2',
    ]);
    expect(await ids({ overdue: false })).not.toContain('A2');
  });

  it('pages a filtered list', async () => {
    expect(await allPages({ stage: 'BALANCE', pageSize: 1, sort: 'updatedAt' })).toEqual([['A3'], ['A4']]);
  });
});
