import type { OrderRecord, ProjectionBatch, TimelineRecord } from '../../src/readModel';
import { searchTextOf } from '../../src/readModel/searchText';

/** An order row as the projection writes it; `overrides` set what a test is about. */
export function orderRecord(overrides: Partial<OrderRecord> & { orderId: string }): OrderRecord {
  const record: Omit<OrderRecord, 'searchText'> = {
    seq: 1,
    view: { orderId: overrides.orderId, stage: overrides.stage ?? 'INQUIRY' },
    stage: 'INQUIRY',
    status: 'OPEN',
    stalled: false,
    customerCompany: 'Acme GmbH',
    customerName: 'Jane Doe',
    accountManagerEmail: 'li.wei@exporter.example',
    accountManagerName: 'Li Wei',
    contractNo: null,
    invoiceNo: null,
    template: null,
    customerId: null,
    balanceMethod: null,
    amountOutstanding: null,
    nextDueAt: null,
    stageDeadline: null,
    stageEnteredAt: '2026-01-01T00:00:00.000Z',
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
    ...overrides,
  };
  // By default `q` finds what the list shows: ids, customer, account manager, contract and invoice.
  const { orderId, customerCompany, customerName, accountManagerName, contractNo, invoiceNo } = record;
  const fields = [orderId, contractNo, invoiceNo, customerCompany, customerName, accountManagerName];
  return { ...record, searchText: overrides.searchText ?? searchTextOf(fields) };
}

export function timelineRecord(seq: number, overrides: Partial<TimelineRecord> = {}): TimelineRecord {
  return {
    seq,
    eventId: `evt-${seq}`,
    type: 'NOTE_ADDED',
    at: new Date(Date.UTC(2026, 0, 1, 0, seq)).toISOString(),
    actor: 'alice',
    actorId: 'token:alice',
    summary: `note ${seq}`,
    payload: { type: 'NOTE_ADDED', text: `note ${seq}` },
    fingerprint: null,
    ...overrides,
  };
}

export function batch(
  order: OrderRecord,
  parts: Partial<Omit<ProjectionBatch, 'order' | 'orderId'>> = {},
): ProjectionBatch {
  return { orderId: order.orderId, order, timeline: [], emails: [], documents: [], ...parts };
}
