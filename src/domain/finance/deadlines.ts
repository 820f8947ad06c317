/**
 * The money deadlines that keep a shipped order on the desk: the rebate's filing (30 April after
 * the export) and, under an insured limit, each shipment's declaration to the credit insurer within
 * the policy's days. The workflow sleeps until the next reminder; the account manager gets an email.
 */
import { addDays } from '../calendarDate';
import { undeclaredExports } from './exports';
import type { OrderState } from '../types';
import { nextRebateReminderAt, nineOClock, REBATE_REMINDER_LEADS } from './rebate';

/** Days before the declaration is due that the account manager is reminded. */
export const DECLARATION_REMINDER_LEAD = 3;

export interface InsurerDeclarationDue {
  shipmentId: string;
  exportDate: string;
  /** The last day the insurer takes the declaration. */
  dueOn: string;
}

/** The shipments still to be declared to the insurer, each with its last day. */
export function declarationsDue(state: OrderState): InsurerDeclarationDue[] {
  const insurance = state.credit?.insurance;
  if (!insurance) return [];
  return undeclaredExports(state).map((e) => ({
    ...e,
    dueOn: addDays(e.exportDate, insurance.declarationDays),
  }));
}

function declarationReminderAt(state: OrderState, due: InsurerDeclarationDue): string {
  const day = addDays(due.dueOn, -DECLARATION_REMINDER_LEAD);
  return nineOClock(state, day < due.exportDate ? due.exportDate : day);
}

/** The declarations not reminded of yet, with when their reminder is due. */
function declarationReminders(state: OrderState): { shipmentId: string; at: string }[] {
  const reminded = new Set(state.credit?.reminded ?? []);
  return declarationsDue(state)
    .filter((d) => !reminded.has(d.shipmentId))
    .map((d) => ({ shipmentId: d.shipmentId, at: declarationReminderAt(state, d) }));
}

/** When the next money reminder is due; null when none is left. An archived order has none. */
export function nextMoneyReminderAt(state: OrderState): string | null {
  if (state.archivedAt) return null;
  const times = [nextRebateReminderAt(state), ...declarationReminders(state).map((r) => r.at)].filter(
    (t): t is string => t !== null,
  );
  return times.length === 0 ? null : times.reduce((a, b) => (a <= b ? a : b));
}

/**
 * The order once the reminders due at `now` are counted as sent: every rebate lead already passed
 * (one email for all of them), every declaration due for a reminder. Null when none is due.
 */
export function remindersCounted(state: OrderState, now: string): OrderState | null {
  let next = state;
  const rebate = state.rebate;
  if (rebate) {
    let sent = rebate.remindersSent;
    for (;;) {
      const at = nextRebateReminderAt({ ...state, rebate: { ...rebate, remindersSent: sent } });
      if (at === null || at > now || sent >= REBATE_REMINDER_LEADS.length) break;
      sent += 1;
    }
    if (sent !== rebate.remindersSent) next = { ...next, rebate: { ...rebate, remindersSent: sent } };
  }
  const due = declarationReminders(state).filter((r) => r.at <= now);
  if (due.length > 0 && next.credit)
    next = {
      ...next,
      credit: {
        ...next.credit,
        reminded: [...(next.credit.reminded ?? []), ...due.map((d) => d.shipmentId)],
      },
    };
  return next === state ? null : next;
}
