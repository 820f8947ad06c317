import { compareMoney } from './money';
import type { OrderEventType } from './schemas/events';
import { ORDER_EVENT_TYPES } from './schemas/events';
import { isTerminalStage, stageRank } from './stages';
import type { OrderState } from './types';

type Guard = (state: OrderState) => boolean;

const inStage =
  (...stages: OrderState['stage'][]): Guard =>
  (s) =>
    stages.includes(s.stage);
const both =
  (a: Guard, b: Guard): Guard =>
  (s) =>
    a(s) && b(s);

const latestSampleRound = (s: OrderState) => s.sample.history[s.sample.history.length - 1];
const sampleAwaitingVerdict: Guard = (s) => latestSampleRound(s)?.outcome === 'PENDING';
const latestInspectionPassed: Guard = (s) =>
  s.production.inspections[s.production.inspections.length - 1]?.result === 'PASSED';
const depositOutstanding: Guard = (s) =>
  s.payments.depositRequired !== null &&
  s.payments.depositReceived !== null &&
  compareMoney(s.payments.depositReceived, s.payments.depositRequired) < 0;
const balanceOutstanding: Guard = (s) =>
  s.payments.balanceRequired !== null &&
  s.payments.balanceReceived !== null &&
  compareMoney(s.payments.balanceReceived, s.payments.balanceRequired) < 0;

/**
 * When each client event fits the order, ignoring its fields. The reducer and `allowedEvents`
 * share this table, so the API's 409 and the console's buttons never disagree with the reducer.
 */
const GUARDS: Record<OrderEventType, Guard> = {
  QUOTATION_SENT: inStage('INQUIRY', 'QUOTATION'),
  QUOTATION_ACCEPTED: inStage('QUOTATION'),
  QUOTATION_DECLINED: inStage('QUOTATION'),
  // A new round only once the previous sample got its verdict.
  SAMPLE_SENT: both(inStage('SAMPLE'), (s) => !sampleAwaitingVerdict(s)),
  SAMPLE_APPROVED: both(inStage('SAMPLE'), sampleAwaitingVerdict),
  SAMPLE_REJECTED: both(inStage('SAMPLE'), sampleAwaitingVerdict),
  CONTRACT_SIGNED: inStage('CONTRACT'),
  DEPOSIT_RECEIVED: both(inStage('DEPOSIT'), depositOutstanding),
  PRODUCTION_PROGRESS: inStage('PRODUCTION'),
  INSPECTION_RECORDED: inStage('PRODUCTION'),
  // The QC gate: nothing ships unless the latest inspection passed.
  PRODUCTION_COMPLETED: both(inStage('PRODUCTION'), latestInspectionPassed),
  // A booking may be re-confirmed (rolled vessel) until customs is declared on it.
  BOOKING_CONFIRMED: both(inStage('SHIPPING'), (s) => s.shipping.customs === null),
  CUSTOMS_DECLARED: both(inStage('SHIPPING'), (s) => s.shipping.booking.confirmed !== null),
  BILL_OF_LADING_ISSUED: both(inStage('SHIPPING'), (s) => s.shipping.customs !== null),
  DOCUMENTS_CONFIRMED: both(inStage('BALANCE'), (s) => s.documents.confirmedAt === null),
  BALANCE_RECEIVED: both(inStage('BALANCE'), balanceOutstanding),
  // Original documents are the title to the goods: release only after they were dispatched.
  GOODS_RELEASED: both(inStage('DOCUMENTS'), (s) => s.documents.dispatchedAt !== null),
  NOTE_ADDED: (s) => !isTerminalStage(s.stage),
  // Once the B/L exists the goods are at sea: cancelling is no longer a state change we can make.
  ORDER_CANCELLED: (s) => stageRank(s.stage) <= stageRank('SHIPPING') && s.shipping.billOfLading === null,
  RETRY_FAILED_EFFECTS: (s) => s.failedEffects.length > 0,
};

export function isEventAllowed(state: OrderState, type: OrderEventType): boolean {
  return GUARDS[type](state);
}

/** Exactly the client events the reducer would accept now, ignoring field-level validation. */
export function allowedEvents(state: OrderState): OrderEventType[] {
  return ORDER_EVENT_TYPES.filter((type) => GUARDS[type](state));
}
