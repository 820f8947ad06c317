import type { DocumentOrder } from '../documents/fromOrder';
import type {
  BookingRequestInput,
  CancellationNoticeInput,
  CargoReadyNoticeInput,
  CollectionInstructionsInput,
  CustomerCancellationInput,
  DocumentSetInput,
  PaymentRequestInput,
  PresentationChecklistInput,
  ReminderNotice,
  StallReminderInput,
  TelexReleaseRequestInput,
} from '../activities/types';
import {
  datedPaymentAwaited,
  formatMoney,
  paymentSchedule,
  presentationDeadline,
  stageToDo,
  totalReceived,
  contractLines,
  freightTerms,
  hasShipped,
  isCollectedByBuyer,
  owesMoney,
  sellerBooks,
  type allowedEvents,
  type ContractLine,
  type Forwarder,
  type nextReminder,
  type OrderState,
  type PaymentPart,
} from '../domain';
import { tradeData } from './tradeData';

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
    ...overdue(state),
    toDo: stageToDo(state).map(({ key, title, status, guidance }) => ({
      key,
      title,
      status,
      ...(guidance ? { guidance } : {}),
    })),
  };
}

/** The stall reminder for chat robots: what the email says, less addresses (the worker routes it). */
/** A stage waiting for a dated payment (OA, D/A) is late when the payment is: the reminder names it. */
function overdue(state: OrderState): { overduePayment?: string } {
  const awaited = datedPaymentAwaited(state);
  return awaited ? { overduePayment: `${formatMoney(awaited.amount)} due ${awaited.dueDate}` } : {};
}

export function stallNotice(state: OrderState, reminder: StallReminderInput): ReminderNotice {
  return {
    orderId: reminder.orderId,
    sequence: reminder.sequence,
    requestedAt: reminder.requestedAt,
    kind: reminder.overduePayment ? 'PAYMENT_DUE' : 'STAGE_TIME_LIMIT',
    ...(reminder.overduePayment ? { late: reminder.overduePayment } : {}),
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
  defaultForwarder: Forwarder,
  now: string,
): BookingRequestInput {
  const { quotation, contract } = required(state, 'requestBooking');
  const lines = contractLines(state);
  const trade = contract.trade ?? {};
  return {
    orderId: state.orderId,
    sequence: 1,
    requestedAt: now,
    forwarder: state.forwarder ?? defaultForwarder,
    accountManager: state.accountManager,
    customer: { company: state.customer.company, country: state.customer.country },
    incoterm: quotation.incoterm,
    namedPlace: quotation.namedPlace,
    cargo: lines.map((line) => ({ description: line.description, quantity: line.quantity, unit: line.unit })),
    readyDate: state.production.completedAt ? state.production.completedAt.slice(0, 10) : null,
    contractNo: contract.contractNo,
    portOfLoading: trade.portOfLoading ?? null,
    portOfDischarge: trade.portOfDischarge ?? null,
    containers: trade.containers ?? null,
    packages: packedSum(lines, 'packages'),
    grossWeightKg: packedSum(lines, 'grossWeightKg'),
    volumeCbm: packedSum(lines, 'volumeCbm'),
    freight: freightTerms(state),
  };
}

/** A packing figure over all lines; null unless every line has it (a partial sum would mislead). */
function packedSum(lines: ContractLine[], field: 'packages' | 'grossWeightKg' | 'volumeCbm'): number | null {
  if (lines.length === 0 || lines.some((l) => l.packing?.[field] === undefined)) return null;
  // Thousandths, so 0.1 + 0.2 prints as 0.3.
  return lines.reduce((sum, l) => sum + Math.round((l.packing?.[field] ?? 0) * 1000), 0) / 1000;
}

/** F-terms and EXW: the cargo-ready notice, to the buyer's forwarder, else the buyer. */
export function cargoReadyNoticeInput(state: OrderState, now: string): CargoReadyNoticeInput {
  const { forwarder: _ours, ...facts } = bookingRequestInput(state, { name: '', email: '' }, now);
  const buyerForwarder = state.contract?.trade?.buyerForwarder;
  return {
    ...facts,
    recipient: buyerForwarder ?? {
      name: state.customer.name,
      email: state.customer.email,
      language: state.customer.language,
    },
    recipientRole: buyerForwarder ? 'BUYER_FORWARDER' : 'CUSTOMER',
    pickup: isCollectedByBuyer(state),
  };
}

/** The forwarder that issued the B/L: the buyer's nominated one under F-terms, else ours. */
function blIssuer(state: OrderState, defaultForwarder: Forwarder): Forwarder {
  const nominated = sellerBooks(state) ? undefined : state.contract?.trade?.buyerForwarder;
  return nominated ?? state.forwarder ?? defaultForwarder;
}

export function telexReleaseRequestInput(
  state: OrderState,
  defaultForwarder: Forwarder,
  now: string,
): TelexReleaseRequestInput {
  const { contract, plan } = required(state, 'a telex release');
  const bl = state.shipping.billOfLading;
  if (!bl) throw new Error(`order ${state.orderId} has no B/L to release`);
  const booking = state.shipping.booking.confirmed;
  const trade = contract.trade ?? {};
  const approval = state.payments.releaseApproval;
  return {
    orderId: state.orderId,
    sequence: 1,
    requestedAt: now,
    forwarder: blIssuer(state, defaultForwarder),
    accountManager: state.accountManager,
    customer: { company: state.customer.company, country: state.customer.country },
    contractNo: contract.contractNo,
    blNo: bl.blNo,
    blDate: bl.issuedOn,
    vessel: booking?.vessel ?? null,
    voyage: booking?.voyage ?? null,
    portOfLoading: trade.portOfLoading ?? null,
    portOfDischarge: trade.portOfDischarge ?? null,
    releaseGround: !owesMoney(state)
      ? { kind: 'PAID_IN_FULL' }
      : approval
        ? { kind: 'APPROVED', approvedBy: approval.approvedBy }
        : { kind: 'PAYMENT_TERMS', plan },
  };
}

/**
 * The fields of the order its documents read (documents/fromOrder.ts maps them), taken
 * from the state at the B/L, so copies and originals are the same documents.
 */
export function documentSetInput(state: OrderState, now: string): DocumentSetInput {
  required(state, 'documents');
  if (!hasShipped(state)) throw new Error(`order ${state.orderId} has not shipped: no documents yet`);
  return { orderId: state.orderId, sequence: 1, requestedAt: now, order: documentOrder(state) };
}

/** The parts of the order its documents read, with the contract's lines and trade data. */
export function documentOrder(state: OrderState): DocumentOrder {
  const { orderId, customer, accountManager, inquiry, quotation, contract, payments, shipping } = state;
  return {
    orderId,
    customer,
    accountManager,
    inquiry,
    quotation,
    contract,
    payments,
    shipping,
    trade: tradeData(state),
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

function required(state: OrderState, purpose: string) {
  if (!state.quotation || !state.contract || !state.payments.plan) {
    throw new Error(`order ${state.orderId} has no quotation or contract for ${purpose}`);
  }
  return { quotation: state.quotation, contract: state.contract, plan: state.payments.plan };
}

/** The customer-facing part every payment email shares. */
function customerEmail(state: OrderState, now: string, purpose: string) {
  const { contract } = required(state, purpose);
  return {
    orderId: state.orderId,
    sequence: 1,
    requestedAt: now,
    customer: state.customer,
    accountManager: state.accountManager,
    contractNo: contract.contractNo,
  };
}

/** What is open of `part` now, when, and under which terms. */
export function paymentRequestInput(state: OrderState, part: PaymentPart, now: string): PaymentRequestInput {
  const { contract } = required(state, 'a payment request');
  const entry = paymentSchedule(state).find((s) => s.part === part);
  if (!entry) throw new Error(`order ${state.orderId} has no ${part} to request`);
  return {
    ...customerEmail(state, now, 'a payment request'),
    part,
    amountDue: entry.outstanding,
    dueDate: entry.dueDate,
    dueWhen: entry.dueWhen,
    reference: `${contract.contractNo} ${part === 'DEPOSIT' ? 'DEPOSIT' : 'BALANCE'}`,
    order: documentOrder(state),
  };
}

export function customerCancellationInput(state: OrderState, now: string): CustomerCancellationInput {
  const cancellation = state.cancellation;
  const received = totalReceived(state);
  if (!cancellation?.depositHandling || !received)
    throw new Error(`order ${state.orderId} has no money to account for on cancellation`);
  return {
    ...customerEmail(state, now, 'a cancellation notice'),
    reason: cancellation.reason,
    received,
    depositHandling: cancellation.depositHandling,
  };
}

/** The transport document the banks see: the B/L, or under EXW the collection (its cargo receipt). */
function billOfLading(state: OrderState): { blNo: string; issuedOn: string } {
  const { billOfLading: bl, collected } = state.shipping;
  if (bl) return bl;
  if (collected) return { blNo: `cargo receipt (${collected.collectedBy})`, issuedOn: collected.collectedOn };
  throw new Error(`order ${state.orderId} has no B/L`);
}

export function collectionInstructionsInput(state: OrderState, now: string): CollectionInstructionsInput {
  const { plan } = required(state, 'a collection');
  const balance = paymentSchedule(state).find((s) => s.part === 'BALANCE');
  const bl = billOfLading(state);
  if (!balance || (plan.balanceMethod !== 'DP' && plan.balanceMethod !== 'DA'))
    throw new Error(`order ${state.orderId} is not paid by collection`);
  return {
    ...customerEmail(state, now, 'a collection'),
    method: plan.balanceMethod,
    tenorDays: plan.tenorDays,
    amount: balance.outstanding,
    blNo: bl.blNo,
    blDate: bl.issuedOn,
    documents: [
      'Bill of exchange (draft)',
      'Commercial invoice',
      'Packing list',
      state.shipping.billOfLading ? `Full set of B/L ${bl.blNo}` : `Forwarder's ${bl.blNo}`,
    ],
  };
}

export function presentationChecklistInput(state: OrderState, now: string): PresentationChecklistInput {
  const lc = state.payments.letterOfCredit;
  const deadline = presentationDeadline(state);
  const bl = billOfLading(state);
  if (!lc || !deadline) throw new Error(`order ${state.orderId} has no L/C`);
  return {
    ...customerEmail(state, now, 'an L/C presentation'),
    lcNo: lc.lcNo,
    issuingBank: lc.issuingBank,
    amount: lc.amount,
    latestShipmentDate: lc.latestShipmentDate,
    expiryDate: lc.expiryDate,
    blNo: bl.blNo,
    blDate: bl.issuedOn,
    presentationDeadline: deadline,
  };
}
