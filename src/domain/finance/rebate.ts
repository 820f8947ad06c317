/**
 * The export VAT rebate (出口退税): what the order may claim back, and by when. The rates come per
 * HS code from a table the company keeps (the API hands the matching rows to the event that records
 * the rebate documents); the formulas are here, with the words the view shows beside the figure.
 */
import { atLocalHour, DEFAULT_WORKING_CALENDAR, endOfLocalDate } from '../calendar';
import { addDays } from '../calendarDate';
import { addMoney, fromMinor, lineTotalMinor, subtractMoney, toMinor, zero, type Money } from '../money';
import type { OrderState, RebateMethod, RebateState } from '../types';
import { describe, z } from '../zod';
import type { RebateRate } from './context';
import { firstExportDate } from './exports';
import { applyRate, ratioOf, toCny } from './rate';

const REBATE_RATE_PATTERN = /^(0(\.\d{1,4})?|1(\.0{1,4})?)$/;

/** A rebate rate as a fraction: "0.13" is 13 %. */
export const rebateRateSchema = describe(
  z
    .string()
    .check(z.regex(REBATE_RATE_PATTERN, 'a fraction from "0" to "1" with at most 4 decimals, e.g. "0.13"')),
  'Rebate rate as a fraction, e.g. "0.13" for 13 %',
);

export type { RebateContext, RebateRate } from './context';

/** The row for `hsCode`: the longest code in the table that it starts with. */
export function rebateRateFor(hsCode: string | null, table: readonly RebateRate[]): string | null {
  if (!hsCode) return null;
  let best: RebateRate | null = null;
  for (const row of table)
    if (hsCode.startsWith(row.hsCode) && (!best || row.hsCode.length > best.hsCode.length)) best = row;
  return best?.rate ?? null;
}

/** 30 April of the year after the export: the filing deadline. */
export function rebateDeadline(exportDate: string): string {
  return `${Number(exportDate.slice(0, 4)) + 1}-04-30`;
}

/** Reminders to the account manager before the deadline: 60, 30 and 7 days before its day. */
export const REBATE_REMINDER_LEADS = [60, 30, 7] as const;

/** When the next deadline reminder is due (09:00 in the exporter's zone), or null when none is left. */
export function nextRebateReminderAt(state: OrderState): string | null {
  const rebate = state.rebate;
  if (!rebate || !isRebateOpen(rebate) || rebate.filed) return null;
  const lead = REBATE_REMINDER_LEADS[rebate.remindersSent];
  if (lead === undefined) return null;
  return nineOClock(state, addDays(rebate.deadline, -lead));
}

/** 09:00 on a local date in the order's zone: when a reminder goes. */
export function nineOClock(state: Pick<OrderState, 'policy'>, date: string): string {
  return atLocalHour(state.policy.calendar ?? DEFAULT_WORKING_CALENDAR, date, 9);
}

/** Whether the rebate still keeps the order on the desk. */
export function isRebateOpen(rebate: Pick<RebateState, 'status'>): boolean {
  return rebate.status !== 'RECEIVED' && rebate.status !== 'NOT_APPLICABLE';
}

/**
 * The rebate record of an order that has left, for a company that claims rebates: opened at the
 * first export, re-dated by the earliest export until filed; null when nothing changes.
 */
export function openedRebate(state: OrderState, method: RebateMethod | undefined): RebateState | null {
  const exportDate = firstExportDate(state);
  if (!exportDate) return null;
  const calendar = state.policy.calendar ?? DEFAULT_WORKING_CALENDAR;
  const deadline = rebateDeadline(exportDate);
  const dated = { exportDate, deadline, deadlineAt: endOfLocalDate(calendar, deadline) };
  // A later shipment with an earlier B/L, or a corrected B/L date, moves the deadline until filed.
  if (state.rebate)
    return exportDate !== state.rebate.exportDate && !state.rebate.filed
      ? { ...state.rebate, ...dated }
      : null;
  if (!method) return null;
  return {
    status: 'PENDING',
    method,
    ...dated,
    timeZone: calendar.timeZone,
    lines: (state.contract?.lines ?? []).map((l, i) => ({
      lineNo: i + 1,
      hsCode: l.hsCode ?? null,
      rate: null,
    })),
    invoices: [],
    declarationNo: null,
    documentsRecordedAt: null,
    filed: null,
    received: null,
    receivedAt: null,
    notApplicable: null,
    remindersSent: 0,
  };
}

/** One product of the formula: a base in CNY and the rebate rate applied to it. */
export interface RebateTerm {
  base: Money;
  rate: string;
}

/** How the expected rebate comes about, in figures: the words are the dictionaries' (`rebate.formula.*`). */
export type RebateExplanation =
  | { kind: 'TRADING'; terms: RebateTerm[] }
  | { kind: 'MANUFACTURER'; fob: Money; fx: string; fobCny: Money; terms: RebateTerm[] }
  | { kind: 'NO_INVOICES' }
  | { kind: 'NO_RATE'; lineNo: number }
  | { kind: 'NO_FX' }
  | { kind: 'NO_CONTRACT' }
  | { kind: 'NOT_APPLICABLE' };

/** The expected rebate with how it is worked out; null figures while a rate or base is unknown. */
export interface ExpectedRebate {
  expected: Money | null;
  /** The effective rate over the base (one line's rate when all lines share it). */
  rate: string | null;
  explanation: RebateExplanation;
}

const unknown = (explanation: RebateExplanation): ExpectedRebate => ({
  expected: null,
  rate: null,
  explanation,
});

const times = (base: Money, rate: string): Money => applyRate(base, rate, base.currency);

/** Splits `total` over `weights` in fen, the remainder to the largest weights first (the parts add up exactly). */
export function apportion(total: Money, weights: readonly bigint[]): Money[] {
  const sum = weights.reduce((a, b) => a + b, 0n);
  if (sum === 0n) return weights.map(() => zero(total.currency));
  const minor = toMinor(total);
  const parts = weights.map((w) => (minor * w) / sum);
  let left = minor - parts.reduce((a, b) => a + b, 0n);
  const order = weights
    .map((w, i) => ({ w, i }))
    .sort((a, b) => (b.w > a.w ? 1 : b.w < a.w ? -1 : a.i - b.i));
  for (const { i } of order) {
    if (left <= 0n) break;
    parts[i] = (parts[i] ?? 0n) + 1n;
    left -= 1n;
  }
  return parts.map((p) => fromMinor(p, total.currency));
}

/** Each contract line's value (its quantity at its price), in minor units: the weights to share by. */
function lineValues(state: OrderState): bigint[] {
  return (state.contract?.lines ?? []).map((l) => lineTotalMinor(l.unitPrice, l.quantity));
}

/** Trading company: each VAT invoice's amount (tax excluded) times its line's rate, at most its VAT. */
function tradingRebate(state: OrderState, rebate: RebateState): ExpectedRebate {
  if (rebate.invoices.length === 0) return unknown({ kind: 'NO_INVOICES' });
  const rates = rebate.lines.map((l) => l.rate);
  const weights = lineValues(state);
  let base = zero('CNY');
  let expected = zero('CNY');
  const terms: RebateTerm[] = [];
  for (const group of rebate.invoices) {
    // Invoices matched to no line are shared over the lines by their contract values.
    const shares =
      group.lineNo === 0
        ? apportion(group.amount, weights).map((amount, i) => ({ lineNo: i + 1, amount }))
        : [{ lineNo: group.lineNo, amount: group.amount }];
    let groupRebate = zero('CNY');
    for (const share of shares) {
      const rate = rates[share.lineNo - 1];
      if (rate === null || rate === undefined) return unknown({ kind: 'NO_RATE', lineNo: share.lineNo });
      if (toMinor(share.amount) === 0n) continue;
      groupRebate = addMoney(groupRebate, times(share.amount, rate));
      terms.push({ base: share.amount, rate });
    }
    // The rebate never exceeds the VAT the supplier charged.
    const capped = toMinor(groupRebate) > toMinor(group.taxAmount) ? group.taxAmount : groupRebate;
    base = addMoney(base, group.amount);
    expected = addMoney(expected, capped);
  }
  return { expected, rate: effectiveRate(expected, base), explanation: { kind: 'TRADING', terms } };
}

/**
 * Manufacturer (免抵退): the FOB value in CNY times the rebate rate is the exempt-credit-refund
 * ceiling. Approximated: the whole ceiling is taken as refunded (in truth the part covered by
 * domestic output VAT is credited, not refunded); FOB is converted at the contract date's rate
 * (else the settlements' average) rather than the rate of the declaration's month.
 */
function manufacturerRebate(state: OrderState, rebate: RebateState): ExpectedRebate {
  const contract = state.contract;
  if (!contract) return unknown({ kind: 'NO_CONTRACT' });
  const trade = contract.trade ?? {};
  let fob = contract.totalAmount;
  if (trade.freight) fob = subtractMoney(fob, trade.freight);
  if (trade.insuranceCost) fob = subtractMoney(fob, trade.insuranceCost);
  const fx = fob.currency === 'CNY' ? '1' : (contract.fxRate ?? averageSettlementRate(state));
  if (!fx) return unknown({ kind: 'NO_FX' });
  const fobCny = toCny(fob, fx);
  const shares = apportion(fobCny, lineValues(state));
  let expected = zero('CNY');
  const terms: RebateTerm[] = [];
  for (const [i, share] of shares.entries()) {
    const rate = rebate.lines[i]?.rate;
    if (rate === null || rate === undefined) return unknown({ kind: 'NO_RATE', lineNo: i + 1 });
    expected = addMoney(expected, times(share, rate));
    terms.push({ base: share, rate });
  }
  return {
    expected,
    rate: effectiveRate(expected, fobCny),
    explanation: { kind: 'MANUFACTURER', fob, fx, fobCny, terms },
  };
}

function averageSettlementRate(state: OrderState): string | null {
  let foreign = 0n;
  let cny = 0n;
  for (const r of state.payments.receipts) {
    if (r.reversed || !r.settlement) continue;
    foreign += toMinor(r.amount);
    cny += toMinor(r.settlement.cnyAmount);
  }
  return foreign === 0n ? null : ratioOf(cny, foreign, 6);
}

function effectiveRate(rebate: Money, base: Money): string | null {
  const b = toMinor(base);
  return b === 0n ? null : ratioOf(toMinor(rebate), b, 4);
}

/** The rebate the order expects, by the company's method. */
export function expectedRebate(state: OrderState): ExpectedRebate | null {
  const rebate = state.rebate;
  if (!rebate) return null;
  if (rebate.status === 'NOT_APPLICABLE')
    return { expected: zero('CNY'), rate: null, explanation: { kind: 'NOT_APPLICABLE' } };
  return rebate.method === 'TRADING' ? tradingRebate(state, rebate) : manufacturerRebate(state, rebate);
}
