import {
  endOfDate,
  nextDueDate,
  orderView,
  type OrderState,
  type SentEmail,
  type TimelineRecord,
} from '../domain';
import type { DocumentRecord, OrderRecord, ProjectionBatch } from './types';

/** What the workflow hands the read model: the order as it is now, and what happened since the last write. */
export interface ProjectionInput {
  state: OrderState;
  records: TimelineRecord[];
  emails: SentEmail[];
}

/** The order's row: its view, and the columns the list filters and sorts on. */
export function orderRecord(state: OrderState): OrderRecord {
  const view = orderView(state);
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
    contractNo: state.contract?.contractNo ?? null,
    invoiceNo: invoiceNo(state),
    template: state.template?.name ?? null,
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

/** The documents the order has issued, with how far each has gone. */
function documentRecords(state: OrderState): DocumentRecord[] {
  const { copiesSentAt, dispatchedAt, items } = state.documents;
  const status = dispatchedAt ? 'DISPATCHED' : copiesSentAt ? 'COPY_SENT' : 'DRAFT';
  const createdAt = copiesSentAt ?? dispatchedAt ?? state.updatedAt;
  return items.map((item) => ({ kind: item.kind, number: item.reference, status, createdAt }));
}

export function projectionBatch({ state, records, emails }: ProjectionInput): ProjectionBatch {
  return {
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
