/**
 * The payment schedule as people read it: each part of the price, when it falls due, and how much
 * of it was received, written off and is still outstanding. Its outstanding amounts add up to
 * `payments.outstanding`, and its amounts to the contract total.
 */
import { subtractMoney, zero, type Money } from './money';
import {
  BALANCE_DUE_POINTS,
  DEPOSIT_METHOD,
  paymentMethodOf,
  type BalanceDuePoint,
  type PaymentMethod,
} from './payment-methods';
import type { OrderState, PaymentPart } from './types';

/** When a payment falls due: the deposit before production, the balance as its method says. */
export type DueWhen = 'BEFORE_PRODUCTION' | BalanceDuePoint;
export const DUE_WHEN: readonly [DueWhen, ...DueWhen[]] = ['BEFORE_PRODUCTION', ...BALANCE_DUE_POINTS];

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
        DEPOSIT_METHOD,
        'BEFORE_PRODUCTION',
        null,
        p.depositRequired,
        or0(p.depositReceived),
        or0(p.depositWrittenOff),
      ),
    );
  }
  const plan = p.plan;
  schedule.push(
    entry(
      'BALANCE',
      plan.balanceMethod,
      paymentMethodOf(plan).dueWhen(plan),
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
