import { createReadModel, type ReadModel } from '../../src/readModel';
import { projectionBatch } from '../../src/readModel/orderRecord';
import type { OrderState } from '../../src/domain/types';
import { createTestDatabase, type TestDatabase } from '../../harness/database';
import { walkTo } from '../domain/fixtures';
import { batch, orderRecord, timelineRecord } from './records';

// What corrections leave in the read model: the corrected timeline entry names its latest
// correction, and the documents list every revision (earlier ones SUPERSEDED).
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

/** `seq: correctedBy` of every entry that has one. */
async function correctedBy(orderId: string): Promise<Record<number, string>> {
  const { entries } = await readModel.timeline(orderId, { limit: 50 });
  return Object.fromEntries(entries.flatMap((e) => (e.correctedBy ? [[e.seq, e.correctedBy]] : [])));
}

describe('correctedBy on the timeline', () => {
  it('marks the entry a later event corrects; the latest correction wins, an older batch does not set it back', async () => {
    const orderId = 'COR-1';
    await readModel.project(
      batch(orderRecord({ orderId, seq: 2 }), { timeline: [timelineRecord(1), timelineRecord(2)] }),
    );
    expect(await correctedBy(orderId)).toEqual({});

    const first = batch(orderRecord({ orderId, seq: 3 }), {
      timeline: [timelineRecord(3, { type: 'EVENT_CORRECTED', eventId: 'fix-1', corrects: 'evt-2' })],
    });
    await readModel.project(first);
    expect(await correctedBy(orderId)).toEqual({ 2: 'fix-1' });

    // Two corrections of the same entry in one batch, and one of another entry.
    await readModel.project(
      batch(orderRecord({ orderId, seq: 5 }), {
        timeline: [
          timelineRecord(4, { type: 'EVENT_CORRECTED', eventId: 'fix-2', corrects: 'evt-2' }),
          timelineRecord(5, { type: 'EVENT_UNDONE', eventId: 'undo-1', corrects: 'evt-1' }),
        ],
      }),
    );
    expect(await correctedBy(orderId)).toEqual({ 1: 'undo-1', 2: 'fix-2' });
    await readModel.project(
      batch(orderRecord({ orderId, seq: 7 }), {
        timeline: [
          timelineRecord(6, { type: 'EVENT_CORRECTED', eventId: 'fix-3', corrects: 'evt-2' }),
          timelineRecord(7, { type: 'EVENT_CORRECTED', eventId: 'fix-4', corrects: 'evt-2' }),
        ],
      }),
    );
    expect(await correctedBy(orderId)).toEqual({ 1: 'undo-1', 2: 'fix-4' });

    // A retried older batch changes nothing.
    await readModel.project(first);
    expect(await correctedBy(orderId)).toEqual({ 1: 'undo-1', 2: 'fix-4' });
  });

  it('marks an entry written in the same batch as its correction', async () => {
    const orderId = 'COR-2';
    await readModel.project(
      batch(orderRecord({ orderId, seq: 2 }), {
        timeline: [
          timelineRecord(1, { type: 'PAYMENT_RECEIVED', eventId: 'pay-1' }),
          timelineRecord(2, { type: 'PAYMENT_REVERSED', eventId: 'rev-1', corrects: 'pay-1' }),
        ],
      }),
    );
    expect(await correctedBy(orderId)).toEqual({ 1: 'rev-1' });
  });
});

/** The order after its B/L, copies sent, as first issued. */
function copiesSent(): OrderState {
  const state = walkTo('BALANCE');
  return {
    ...state,
    documents: { ...state.documents, copiesSentAt: '2027-01-11T00:00:00.000Z' },
    timelineTotal: 20,
  };
}

/** The same order once a correction re-issued its documents as revision `revision`. */
function revisedTo(state: OrderState, revision: number, copiesResent: boolean): OrderState {
  const at = (r: number) => `2027-01-${String(11 + r).padStart(2, '0')}T06:00:00.000Z`;
  const revisions = Array.from({ length: revision }, (_, i) => ({
    revision: i + 1,
    at: at(i + 1),
    by: 'manager',
    reason: 'typo',
    eventId: `fix-${i + 1}`,
    changes: [{ field: 'blNo', from: `BL-${i + 1}`, to: `BL-${i + 2}` }],
  }));
  const suffix = `-R${revision}`;
  return {
    ...state,
    timelineTotal: state.timelineTotal + revision * 2,
    documents: {
      ...state.documents,
      revision,
      revisions,
      copiesSentAt: copiesResent
        ? `2027-01-${String(11 + revision).padStart(2, '0')}T07:00:00.000Z`
        : state.documents.copiesSentAt,
      items: [
        { kind: 'COMMERCIAL_INVOICE', reference: `CI-C-1${suffix}` },
        { kind: 'PACKING_LIST', reference: `PL-C-1${suffix}` },
        { kind: 'BILL_OF_LADING', reference: `BL-${revision + 1}` },
      ],
    },
  };
}

const project = (state: OrderState) => readModel.project(projectionBatch({ state, records: [], emails: [] }));

describe('document revisions', () => {
  it('lists every revision: earlier ones SUPERSEDED under their own numbers, the current with its status', async () => {
    const first = copiesSent();
    const orderId = first.orderId;
    await project(first);
    const listed = async () =>
      (await readModel.documents(orderId))
        .filter((d) => d.kind !== 'BILL_OF_LADING')
        .map(({ kind, number, status, revision }) => ({ kind, number, status, revision }));
    expect(await listed()).toEqual([
      { kind: 'COMMERCIAL_INVOICE', number: 'CI-C-1', status: 'COPY_SENT', revision: 0 },
      { kind: 'PACKING_LIST', number: 'PL-C-1', status: 'COPY_SENT', revision: 0 },
    ]);

    // Corrected, the revised copies not sent yet: R1 is a draft, the first issue superseded.
    const corrected = revisedTo(first, 1, false);
    await project(corrected);
    expect(await listed()).toEqual([
      { kind: 'COMMERCIAL_INVOICE', number: 'CI-C-1', status: 'SUPERSEDED', revision: 0 },
      { kind: 'PACKING_LIST', number: 'PL-C-1', status: 'SUPERSEDED', revision: 0 },
      { kind: 'COMMERCIAL_INVOICE', number: 'CI-C-1-R1', status: 'DRAFT', revision: 1 },
      { kind: 'PACKING_LIST', number: 'PL-C-1-R1', status: 'DRAFT', revision: 1 },
    ]);

    const resent = revisedTo(first, 1, true);
    await project({ ...resent, timelineTotal: resent.timelineTotal + 1 });
    expect((await listed()).slice(2).map((d) => d.status)).toEqual(['COPY_SENT', 'COPY_SENT']);

    // A second correction: R0 and R1 superseded, R2 current.
    const twice = revisedTo(first, 2, true);
    await project({ ...twice, timelineTotal: twice.timelineTotal + 2 });
    expect(await listed()).toEqual([
      { kind: 'COMMERCIAL_INVOICE', number: 'CI-C-1', status: 'SUPERSEDED', revision: 0 },
      { kind: 'PACKING_LIST', number: 'PL-C-1', status: 'SUPERSEDED', revision: 0 },
      { kind: 'COMMERCIAL_INVOICE', number: 'CI-C-1-R1', status: 'SUPERSEDED', revision: 1 },
      { kind: 'PACKING_LIST', number: 'PL-C-1-R1', status: 'SUPERSEDED', revision: 1 },
      { kind: 'COMMERCIAL_INVOICE', number: 'CI-C-1-R2', status: 'COPY_SENT', revision: 2 },
      { kind: 'PACKING_LIST', number: 'PL-C-1-R2', status: 'COPY_SENT', revision: 2 },
    ]);
    // The first issue keeps the time it was written.
    const [original] = await readModel.documents(orderId);
    expect(original?.createdAt).toBe('2027-01-11T00:00:00.000Z');
  });
});
