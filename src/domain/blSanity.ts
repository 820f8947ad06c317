/**
 * Sanity of the shipping dates: an ETD decades away is a typo, refused; a B/L dated before the
 * booking was confirmed, or after the L/C's latest shipment date, is recorded (the carrier's B/L
 * is what it is) with a warning for people to see to before the documents reach a bank.
 */
import { addDays, dateOf } from './calendarDate';
import type { ValidationDetail } from './schemas/validation';
import type { OrderState, OrderWarning } from './state';

/** How far ahead a booking may sail: a year covers any real booking. */
export const MAX_ETD_AHEAD_DAYS = 366;

export function etdProblem(etd: string, now: string): ValidationDetail | null {
  const latest = addDays(dateOf(now), MAX_ETD_AHEAD_DAYS);
  return dateOf(etd) > latest
    ? { path: 'etd', message: `must not be later than ${latest} (a year ahead)` }
    : null;
}

/** Warnings a B/L dated `issuedOn` raises against the booking and the credit. */
export function blDateWarnings(
  state: OrderState,
  issuedOn: string,
  now: string,
  eventId: string,
): OrderWarning[] {
  const warnings: OrderWarning[] = [];
  const confirmed = state.shipping.booking.confirmed;
  if (confirmed && issuedOn < dateOf(confirmed.confirmedAt))
    warnings.push({
      code: 'BL_BEFORE_BOOKING',
      message: `The B/L is dated ${issuedOn}, before the booking was confirmed on ${dateOf(confirmed.confirmedAt)}`,
      since: now,
      eventId,
    });
  const lc = state.payments.letterOfCredit;
  if (lc && issuedOn > lc.latestShipmentDate)
    warnings.push({
      code: 'BL_AFTER_LATEST_SHIPMENT',
      message: `The B/L is dated ${issuedOn}, after the L/C's latest shipment date ${lc.latestShipmentDate} (44C): the bank will refuse it unless the L/C is amended`,
      since: now,
      eventId,
    });
  return warnings;
}
