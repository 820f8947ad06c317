/**
 * The dates money and documents are due by, and how they bend a stage's deadline: an order
 * waiting for a dated payment is chased when that payment is late, not when the stage is old.
 */
import { shipmentDate } from './shipment';
import { addDays, earlierDate, endOfDate, startOfDate } from './calendarDate';
import { DEFAULT_WORKING_CALENDAR, limitDeadline } from './calendar';
import { outstanding, owesMoney } from './ledger';
import type { Money } from './money';
import { releasesBeforePayment } from './paymentPlan';
import type { OpenStage } from './stages';
import type { OrderState } from './types';

/** Reminded this many days before the L/C presentation deadline. */
export const PRESENTATION_WARNING_DAYS = 3;

/**
 * The last day documents may be presented under the L/C: the B/L date plus the presentation
 * period, never after the credit expires. Null before the B/L.
 */
export function presentationDeadline(state: Pick<OrderState, 'payments' | 'shipping'>): string | null {
  const lc = state.payments.letterOfCredit;
  const shipped = shipmentDate(state);
  if (!lc || !shipped) return null;
  return earlierDate(addDays(shipped, lc.presentationDays), lc.expiryDate);
}

type DeadlineInputs = Pick<OrderState, 'policy' | 'payments' | 'shipping' | 'contract' | 'heldInStage'>;

/**
 * When an open stage entered at `at` is late. Normally its time limit, moved by the time the stage
 * was on hold (dated payments and the L/C's dates are the customer's and the bank's: a hold of ours
 * does not move them); a stage waiting for a dated
 * payment (OA, DA after acceptance) is late when the payment is; an L/C presentation is chased a
 * few days before its deadline.
 */
export function openStageDeadline(state: DeadlineInputs, stage: OpenStage, at: string): string {
  const { stageTimeLimits, calendar } = state.policy;
  const byLimit = limitDeadline(
    at,
    stageTimeLimits[stage],
    calendar ?? DEFAULT_WORKING_CALENDAR,
    state.heldInStage,
  );
  const plan = state.payments.plan;
  const due = state.payments.balanceDueDate;
  if (stage === 'DOCUMENTS' && plan && releasesBeforePayment(plan) && due && owesMoney(state)) {
    return endOfDate(due);
  }
  const lc = state.payments.letterOfCredit;
  const presentBy = presentationDeadline(state);
  if (stage === 'BALANCE' && lc && !lc.presentedAt && presentBy) {
    const warnAt = startOfDate(addDays(presentBy, -PRESENTATION_WARNING_DAYS));
    const earliest = warnAt < byLimit ? warnAt : byLimit;
    return earliest < at ? at : earliest;
  }
  return byLimit;
}

/**
 * The dated payment the order waits for past its due date, if the stage deadline is that date:
 * what the stall reminder then chases. The caller compares with the clock; this only says what.
 */
export function datedPaymentAwaited(
  state: Pick<OrderState, 'stage' | 'payments' | 'contract'>,
): { dueDate: string; amount: Money } | null {
  const plan = state.payments.plan;
  const due = state.payments.balanceDueDate;
  const owed = outstanding(state);
  if (state.stage !== 'DOCUMENTS' || !plan || !releasesBeforePayment(plan) || !due || !owed) return null;
  return owed.amount === '0.00' ? null : { dueDate: due, amount: owed };
}
