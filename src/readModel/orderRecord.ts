import {
  endOfDate,
  nextDueDate,
  orderView,
  type OrderState,
  type OrderView,
  type SentEmail,
  type TimelineRecord,
} from '../domain';
import { isRenderedDocument } from '../domain/documentKinds';
import { revisedNumber } from '../domain/documentNumbers';
import { searchText } from './searchText';
import type { DocumentRecord, OrderRecord, ProjectionBatch } from './types';

/** What the workflow hands the read model: the order as it is now, and what happened since the last write. */
export interface ProjectionInput {
  state: OrderState;
  records: TimelineRecord[];
  emails: SentEmail[];
  /** The order's company; absent from workflows started before companies: `default`. */
  company?: string;
  /**
   * Release 1.1: how long the activity waits before it writes, so that one write follows a burst of
   * events (the API has written each event's records already; this write is the guarantee).
   */
  waitMs?: number;
}

/** The order's row: its view (worked out here unless the caller has it), and the columns the list filters and sorts on. */
export function orderRecord(state: OrderState, view: OrderView = orderView(state)): OrderRecord {
  const dueDate = nextDueDate(state);
  return {
    orderId: state.orderId,
    seq: state.timelineTotal,
    view: { ...view },
    stage: state.stage,
    status: state.status,
    stalled: state.stalled,
    customerCompany: state.customer.company,
    customerName: state.customer.name,
    accountManagerEmail: state.accountManager.email.toLowerCase(),
    accountManagerName: state.accountManager.name,
    contractNo: state.contract?.contractNo ?? null,
    invoiceNo: invoiceNo(state),
    template: state.template?.name ?? null,
    customerId: state.customerId ?? null,
    balanceMethod: state.payments.plan?.balanceMethod ?? null,
    searchText: searchText(state),
    amountOutstanding: view.amountOutstanding,
    // The instant the next dated payment is late: the end of its due date.
    nextDueAt: dueDate ? endOfDate(dueDate) : null,
    stageDeadline: state.stageDeadline,
    stageEnteredAt: state.stageEnteredAt,
    createdAt: state.createdAt,
    updatedAt: state.updatedAt,
  };
}

function invoiceNo(state: OrderState): string | null {
  return state.documents.items.find((item) => item.kind === 'COMMERCIAL_INVOICE')?.reference ?? null;
}

/** `at` or later: ISO instants compare as text. */
const since = (instant: string | null, at: string | undefined): instant is string =>
  instant !== null && (at === undefined || instant >= at);

/**
 * The documents the order has issued, with how far each has gone: the current revision, and each
 * earlier one of ours as `SUPERSEDED` under its own number (the carrier's B/L has no revisions of
 * ours: its row is the current number).
 */
export function documentRecords(state: OrderState): DocumentRecord[] {
  const { copiesSentAt, dispatchedAt, items } = state.documents;
  const revision = state.documents.revision ?? 0;
  const revisedAt = (r: number) => state.documents.revisions?.find((x) => x.revision === r)?.at;
  // A revision counts as sent once copies or originals went after it was made.
  const current = revision > 0 ? revisedAt(revision) : undefined;
  const status = since(dispatchedAt, current)
    ? 'DISPATCHED'
    : since(copiesSentAt, current)
      ? 'COPY_SENT'
      : 'DRAFT';
  const createdAt = current ?? copiesSentAt ?? dispatchedAt ?? state.updatedAt;
  const suffix = `-R${revision}`;
  return items.flatMap((item) => {
    const now = { kind: item.kind, number: item.reference, status, createdAt, revision };
    if (revision === 0 || !isRenderedDocument(item.kind)) return [now];
    const first = item.reference.endsWith(suffix) ? item.reference.slice(0, -suffix.length) : item.reference;
    const earlier = Array.from({ length: revision }, (_, r) => ({
      kind: item.kind,
      number: revisedNumber(first, r),
      status: 'SUPERSEDED',
      createdAt: (r > 0 ? revisedAt(r) : undefined) ?? copiesSentAt ?? dispatchedAt ?? state.updatedAt,
      revision: r,
    }));
    return [...earlier, now];
  });
}

export function projectionBatch({ state, records, emails }: ProjectionInput): ProjectionBatch {
  return {
    orderId: state.orderId,
    order: orderRecord(state),
    timeline: records,
    emails: emails.map(({ purpose, to, cc, subject, sentAt, messageId }) => ({
      purpose,
      to,
      cc,
      subject,
      sentAt,
      messageId,
    })),
    documents: documentRecords(state),
  };
}
