import type {
  BookingRequestInput,
  CancellationNoticeInput,
  DocumentSetInput,
  ReminderNotice,
  StallReminderInput,
} from '../activities/types';
import type { allowedEvents, nextReminder, OrderState } from '../domain';
import type { Contact } from './input';

// Pure mappings from the order to what each activity needs. They run inside the workflow, so an
// activity retried later receives exactly the same input and sends exactly the same email.

type Reminder = NonNullable<ReturnType<typeof nextReminder>>;

export function stallReminderInput(
  state: OrderState,
  reminder: Reminder,
  expectedNext: ReturnType<typeof allowedEvents>,
  now: string,
): StallReminderInput {
  return {
    orderId: state.orderId,
    // Numbered within the stage; the activity adds the stage to the Message-ID.
    sequence: reminder.sequence,
    requestedAt: now,
    stage: state.stage,
    stageEnteredAt: state.stageEnteredAt,
    stageDeadline: state.stageDeadline ?? reminder.dueAt,
    escalated: reminder.escalated,
    to: reminder.to,
    cc: reminder.cc,
    accountManagerName: state.accountManager.name,
    language: state.accountManager.language,
    customerCompany: state.customer.company,
    expectedNext: expectedNext.filter((type) => type !== 'NOTE_ADDED' && type !== 'ORDER_CANCELLED'),
  };
}

/** The stall reminder for chat robots: what the email says, less addresses (the worker routes it). */
export function stallNotice(state: OrderState, reminder: StallReminderInput): ReminderNotice {
  return {
    orderId: reminder.orderId,
    sequence: reminder.sequence,
    requestedAt: reminder.requestedAt,
    kind: 'STAGE_TIME_LIMIT',
    stage: reminder.stage,
    since: reminder.stageDeadline,
    escalated: reminder.escalated,
    accountManagerEmail: state.accountManager.email,
    accountManagerName: state.accountManager.name,
    language: state.accountManager.language,
    customerCompany: reminder.customerCompany,
  };
}

export function bookingRequestInput(
  state: OrderState,
  defaultForwarder: Contact,
  now: string,
): BookingRequestInput {
  const { quotation, contract } = required(state, 'requestBooking');
  return {
    orderId: state.orderId,
    sequence: 1,
    requestedAt: now,
    forwarder: state.forwarder ?? defaultForwarder,
    accountManager: state.accountManager,
    customer: { company: state.customer.company, country: state.customer.country },
    incoterm: quotation.incoterm,
    namedPlace: quotation.namedPlace,
    cargo: quotation.lines.map((line) => ({
      description: line.description,
      quantity: line.quantity,
      unit: unitOf(state, line.description),
    })),
    readyDate: state.production.completedAt ? state.production.completedAt.slice(0, 10) : null,
    contractNo: contract.contractNo,
  };
}

/** What the document set is made of: the order's state, or its view as the read model keeps it. */
type DocumentSource = Pick<
  OrderState,
  'orderId' | 'customer' | 'accountManager' | 'inquiry' | 'quotation' | 'contract' | 'shipping' | 'payments'
>;

/** The commercial invoice and packing list, dated at the B/L so copies and originals are the same documents. */
export function documentSetInput(state: DocumentSource, now: string): DocumentSetInput {
  const { quotation, contract } = required(state, 'documents');
  const booking = state.shipping.booking.confirmed;
  const billOfLading = state.shipping.billOfLading;
  if (!booking || !billOfLading)
    throw new Error(`order ${state.orderId} has no booking or B/L for its documents`);
  const currency = contract.totalAmount.currency;
  return {
    orderId: state.orderId,
    sequence: 1,
    requestedAt: now,
    customer: state.customer,
    accountManager: state.accountManager,
    invoiceNo: `CI-${contract.contractNo}`,
    contractNo: contract.contractNo,
    issuedAt: billOfLading.issuedAt,
    incoterm: quotation.incoterm,
    namedPlace: quotation.namedPlace,
    paymentTerms: { method: quotation.paymentTerms.method, depositPercent: contract.depositPercent },
    vessel: booking.vessel,
    voyage: booking.voyage,
    etd: booking.etd,
    blNo: billOfLading.blNo,
    blType: billOfLading.blType,
    containerNos: booking.containerNos,
    lines: quotation.lines.map((line) => ({
      description: line.description,
      quantity: line.quantity,
      unit: unitOf(state, line.description) ?? 'pcs',
      unitPrice: line.unitPrice,
    })),
    total: contract.totalAmount,
    depositReceived: state.payments.depositReceived ?? { amount: '0.00', currency },
    balanceReceived: state.payments.balanceReceived ?? { amount: '0.00', currency },
  };
}

export function cancellationNoticeInput(state: OrderState, now: string): CancellationNoticeInput {
  return {
    orderId: state.orderId,
    sequence: 1,
    requestedAt: now,
    accountManager: state.accountManager,
    customerCompany: state.customer.company,
    stage: state.stage,
    reason: state.cancellation?.reason ?? 'not given',
  };
}

/** Quotation lines carry no unit: it is the one the inquiry gave for the same product. */
function unitOf(state: Pick<OrderState, 'inquiry'>, description: string): string | undefined {
  return state.inquiry.products.find((product) => product.description === description)?.unit;
}

function required(state: Pick<OrderState, 'orderId' | 'quotation' | 'contract'>, purpose: string) {
  if (!state.quotation || !state.contract) {
    throw new Error(`order ${state.orderId} has no quotation or contract for ${purpose}`);
  }
  return { quotation: state.quotation, contract: state.contract };
}
