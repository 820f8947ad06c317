import { Client } from 'pg';
import { createReadModel, InvalidCursorError, type ReadModel } from '../../src/readModel';
import { createTestDatabase, type TestDatabase } from '../../harness/database';
import { batch, orderRecord, timelineRecord } from './records';

let db: TestDatabase;
let readModel: ReadModel;

beforeAll(async () => {
  db = await createTestDatabase();
  readModel = createReadModel({ url: db.url, company: 'default' });
});

afterAll(async () => {
  await readModel?.close();
  await db?.drop();
});

/** Every row of the read model's tables, to compare before and after. */
async function snapshot(): Promise<unknown> {
  const client = new Client({ connectionString: db.url });
  await client.connect();
  try {
    const tables: Record<string, unknown[]> = {};
    for (const table of ['orders', 'timeline', 'emails', 'documents']) {
      tables[table] = (await client.query(`SELECT * FROM ${table} ORDER BY 1, 2`)).rows;
    }
    return tables;
  } finally {
    await client.end();
  }
}

const email = (messageId: string, sentAt: string) => ({
  purpose: 'BOOKING_REQUEST',
  to: ['bookings@forwarder.example'],
  cc: ['li.wei@exporter.example', 'ops@exporter.example'],
  subject: `Booking request ${messageId}`,
  sentAt,
  messageId,
});

describe('projection', () => {
  it('writes a batch once: the same batch again changes nothing', async () => {
    const order = orderRecord({
      orderId: 'PRJ-1',
      seq: 3,
      stage: 'QUOTATION',
      amountOutstanding: { amount: '7500.00', currency: 'USD' },
      view: { orderId: 'PRJ-1', stage: 'QUOTATION', lines: [{ sku: 'LED-40W', quantity: 2000 }] },
    });
    const written = batch(order, {
      timeline: [
        timelineRecord(1, { eventId: 'created', type: 'ORDER_CREATED', payload: null }),
        timelineRecord(2),
        timelineRecord(3, { eventId: 'client-evt', fingerprint: 'sha256:abc' }),
      ],
      emails: [email('<m1@orderdesk>', '2026-01-01T00:05:00.000Z')],
      documents: [
        { kind: 'PROFORMA', number: 'PI-1', status: 'DRAFT', createdAt: '2026-01-01T00:03:00.000Z' },
      ],
    });

    await readModel.project(written);
    const first = await snapshot();
    await readModel.project(written);
    expect(await snapshot()).toEqual(first);

    expect(await readModel.getOrder('PRJ-1')).toEqual({ seq: 3, view: order.view });
    expect(await readModel.getOrder('PRJ-unknown')).toBeNull();
    expect(await readModel.orderExists('PRJ-1')).toBe(true);
    expect(await readModel.orderExists('PRJ-unknown')).toBe(false);
    const { entries } = await readModel.timeline('PRJ-1', { limit: 10 });
    expect(entries).toEqual([...written.timeline].reverse());
  });

  it('never lets an older batch overwrite a newer one', async () => {
    const newer = orderRecord({
      orderId: 'PRJ-2',
      seq: 5,
      stage: 'DEPOSIT',
      updatedAt: '2026-02-01T00:00:00.000Z',
    });
    const older = orderRecord({
      orderId: 'PRJ-2',
      seq: 4,
      stage: 'CONTRACT',
      updatedAt: '2026-01-20T00:00:00.000Z',
    });
    const document = { kind: 'COMMERCIAL_INVOICE', number: 'CI-1', createdAt: '2026-01-20T00:00:00.000Z' };

    await readModel.project(batch(newer, { documents: [{ ...document, status: 'SENT' }] }));
    await readModel.project(
      batch(older, { timeline: [timelineRecord(4)], documents: [{ ...document, status: 'DRAFT' }] }),
    );

    expect(await readModel.getOrder('PRJ-2')).toEqual({ seq: 5, view: newer.view });
    const [listed] = (await readModel.listOrders({ pageSize: 10, customer: 'Acme GmbH', stage: 'DEPOSIT' }))
      .orders;
    expect(listed).toMatchObject({ orderId: 'PRJ-2', stage: 'DEPOSIT', updatedAt: newer.updatedAt });
    expect(await readModel.documents('PRJ-2')).toEqual([{ ...document, status: 'SENT', revision: 0 }]);
    // The older batch's own timeline entry is still news.
    expect((await readModel.timeline('PRJ-2', { limit: 10 })).entries.map((e) => e.seq)).toEqual([4]);

    // A batch at the same seq may refine the row (the brief: excluded.seq >= orders.seq).
    const refined = { ...newer, stalled: true, view: { ...newer.view, stalled: true } };
    await readModel.project(batch(refined));
    expect(await readModel.getOrder('PRJ-2')).toEqual({ seq: 5, view: refined.view });
  });

  it('moves a document status forward with newer batches', async () => {
    const document = { kind: 'PACKING_LIST', number: 'PL-1', createdAt: '2026-01-02T00:00:00.000Z' };
    await readModel.project(
      batch(orderRecord({ orderId: 'PRJ-3', seq: 1 }), { documents: [{ ...document, status: 'DRAFT' }] }),
    );
    await readModel.project(
      batch(orderRecord({ orderId: 'PRJ-3', seq: 2 }), { documents: [{ ...document, status: 'SENT' }] }),
    );
    expect(await readModel.documents('PRJ-3')).toEqual([{ ...document, status: 'SENT', revision: 0 }]);
  });

  it('pages the timeline newest first with an opaque cursor', async () => {
    const entries = Array.from({ length: 7 }, (_, i) => timelineRecord(i + 1));
    await readModel.project(batch(orderRecord({ orderId: 'PRJ-4', seq: 7 }), { timeline: entries }));

    const seen: number[][] = [];
    let cursor: string | undefined;
    do {
      const page = await readModel.timeline('PRJ-4', { cursor, limit: 3 });
      seen.push(page.entries.map((e) => e.seq));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(seen).toEqual([[7, 6, 5], [4, 3, 2], [1]]);

    const exact = await readModel.timeline('PRJ-4', { limit: 7 });
    expect(exact.nextCursor).toBeNull();
    expect(await readModel.timeline('PRJ-none', { limit: 3 })).toEqual({ entries: [], nextCursor: null });

    for (const bad of ['%%%', 'bm90IGpzb24', Buffer.from('{"before":0}').toString('base64url'), '']) {
      await expect(readModel.timeline('PRJ-4', { cursor: bad, limit: 3 })).rejects.toThrow(
        InvalidCursorError,
      );
    }
  });

  it('finds an event the order has taken by its event id, and whether the order is there', async () => {
    await readModel.project(
      batch(orderRecord({ orderId: 'PRJ-5', seq: 2 }), {
        timeline: [timelineRecord(1), timelineRecord(2, { eventId: 'dep-1', fingerprint: 'fp-dep-1' })],
      }),
    );
    expect(await readModel.eventCheck('PRJ-5', 'dep-1')).toEqual({
      known: true,
      earlier: { seq: 2, fingerprint: 'fp-dep-1' },
    });
    expect(await readModel.eventCheck('PRJ-5', 'evt-1')).toEqual({
      known: true,
      earlier: { seq: 1, fingerprint: null },
    });
    expect(await readModel.eventCheck('PRJ-5', 'never')).toEqual({ known: true, earlier: null });
    expect(await readModel.eventCheck('PRJ-5', undefined)).toEqual({ known: true, earlier: null });
    expect(await readModel.eventCheck('PRJ-other', 'dep-1')).toEqual({ known: false, earlier: null });
  });

  it('keeps emails in the order they were sent, each Message-ID once', async () => {
    const order = orderRecord({ orderId: 'PRJ-6', seq: 3 });
    const second = email('<m2@orderdesk>', '2026-01-03T00:00:00.000Z');
    const first = email('<m1@orderdesk>', '2026-01-02T00:00:00.000Z');
    await readModel.project(batch(order, { emails: [second] }));
    await readModel.project(batch({ ...order, seq: 4 }, { emails: [first, second] }));
    expect(await readModel.emails('PRJ-6')).toEqual([first, second]);
    expect(await readModel.emails('PRJ-none')).toEqual([]);
  });

  it('round-trips a Chinese customer, money and JSON as written', async () => {
    const order = orderRecord({
      orderId: 'PRJ-7',
      customerCompany: '宁波海港贸易有限公司',
      customerName: '张伟',
      amountOutstanding: { amount: '12345.60', currency: 'CNY' },
      nextDueAt: '2026-03-01T08:00:00.000Z',
      stageDeadline: '2026-02-15T00:00:00.000Z',
      view: { customer: { name: '张伟', company: '宁波海港贸易有限公司' }, note: 'emoji 🚢 ok' },
    });
    await readModel.project(
      batch(order, { timeline: [timelineRecord(1, { summary: '客户来电', actor: '李伟' })] }),
    );

    expect(await readModel.getOrder('PRJ-7')).toEqual({ seq: 1, view: order.view });
    const { orders } = await readModel.listOrders({ pageSize: 5, q: '海港' });
    expect(orders).toEqual([
      {
        orderId: 'PRJ-7',
        stage: 'INQUIRY',
        status: 'OPEN',
        customer: { name: '张伟', company: '宁波海港贸易有限公司' },
        accountManager: { name: 'Li Wei', email: 'li.wei@exporter.example' },
        stalled: false,
        updatedAt: order.updatedAt,
        amountOutstanding: { amount: '12345.60', currency: 'CNY' },
        nextDueAt: order.nextDueAt,
        stageDeadline: order.stageDeadline,
      },
    ]);
    const [entry] = (await readModel.timeline('PRJ-7', { limit: 1 })).entries;
    expect(entry).toMatchObject({ summary: '客户来电', actor: '李伟' });
  });

  it('answers ping', async () => {
    await expect(readModel.ping()).resolves.toBeUndefined();
  });
});
