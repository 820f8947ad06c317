/**
 * The payment schedule as people read it: each part of the price, when it falls due, and how much
 * of it was received, written off and is still outstanding. Its outstanding amounts add up to
 * `payments.outstanding`, and its amounts to the contract total.
 */
import { subtractMoney, zero, type Money } from './money';
import type { PaymentMethod } from './schemas/common';
import type { OrderState, PaymentPart } from './types';

export const DUE_WHEN = [
  'BEFORE_PRODUCTION',
  'BEFORE_SHIPMENT',
  'AGAINST_DOCUMENT_COPIES',
  'ON_PRESENTATION',
  'AGAINST_PAYMENT',
  'AT_MATURITY',
  'AFTER_BILL_OF_LADING',
] as const;
export type DueWhen = (typeof DUE_WHEN)[number];

export interface ScheduledPayment {
  part: PaymentPart;
  method: PaymentMethod;
  dueWhen: DueWhen;
  /** The calendar date it falls due, once one is known (OA after the B/L, DA at acceptance). */
  dueDate: string | null;
  amount: Money;
  received: Money;
  writtenOff: Money;
  outstanding: Money;
}

const BALANCE_DUE_WHEN: Record<PaymentMethod, DueWhen> = {
  TT: 'AGAINST_DOCUMENT_COPIES',
  LC: 'ON_PRESENTATION',
  DP: 'AGAINST_PAYMENT',
  DA: 'AT_MATURITY',
  OA: 'AFTER_BILL_OF_LADING',
};

export function paymentSchedule(state: OrderState): ScheduledPayment[] {
  const { contract, payments: p } = state;
  if (!contract || !p.plan || !p.depositRequired) return [];
  const currency = contract.totalAmount.currency;
  const or0 = (m: Money | null) => m ?? zero(currency);
  const entry = (
    part: PaymentPart,
    method: PaymentMethod,
    dueWhen: DueWhen,
    dueDate: string | null,
    amount: Money,
    received: Money,
    writtenOff: Money,
  ): ScheduledPayment => ({
    part,
    method,
    dueWhen,
    dueDate,
    amount,
    received,
    writtenOff,
    outstanding: subtractMoney(subtractMoney(amount, received), writtenOff),
  });
  const schedule: ScheduledPayment[] = [];
  if (p.depositRequired.amount !== '0.00') {
    schedule.push(
      entry(
        'DEPOSIT',
        'TT',
        'BEFORE_PRODUCTION',
        null,
        p.depositRequired,
        or0(p.depositReceived),
        or0(p.depositWrittenOff),
      ),
    );
  }
  const plan = p.plan;
  const dueWhen =
    plan.balanceDue === 'BEFORE_SHIPMENT' ? 'BEFORE_SHIPMENT' : BALANCE_DUE_WHEN[plan.balanceMethod];
  schedule.push(
    entry(
      'BALANCE',
      plan.balanceMethod,
      dueWhen,
      p.balanceDueDate,
      subtractMoney(contract.totalAmount, p.depositRequired),
      or0(p.balanceReceived),
      or0(p.balanceWrittenOff),
    ),
  );
  return schedule;
}

/** The earliest date a payment still outstanding falls due (for lists and reports); null when none has one. */
export function nextDueDate(state: OrderState): string | null {
  const dates = paymentSchedule(state)
    .filter((s) => s.dueDate !== null && s.outstanding.amount !== '0.00')
    .map((s) => s.dueDate as string);
  return dates.sort()[0] ?? null;
}
