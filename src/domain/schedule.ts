/**
 * The payment schedule as people read it: each part of the price, when it falls due, and how much
 * of it was received, written off and is still outstanding. Its outstanding amounts add up to
 * `payments.outstanding`, and its amounts to the contract total.
 */
import { addMoney, subtractMoney, zero, type Money } from './money';
import { shipmentShare } from './shipments/share';
import { FIRST_SHIPMENT_ID } from './state/shipments';
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
  /** The shipment whose share of the balance it is (shipments in parts); absent: not yet planned. */
  shipmentId?: string;
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
  const dueWhen = paymentMethodOf(plan).dueWhen(plan);
  const balance = subtractMoney(contract.totalAmount, p.depositRequired);
  const list = state.shipments?.list;
  if (!list) {
    const whole = entry(
      'BALANCE',
      plan.balanceMethod,
      dueWhen,
      p.balanceDueDate,
      balance,
      or0(p.balanceReceived),
      or0(p.balanceWrittenOff),
    );
    schedule.push({ ...whole, shipmentId: FIRST_SHIPMENT_ID });
    return schedule;
  }
  // Shipments in parts: each shipment's share, and what no shipment carries yet.
  let planned = zero(currency);
  for (const s of list) {
    const share = shipmentShare(state, s) ?? zero(currency);
    planned = addMoney(planned, share);
    const part = entry(
      'BALANCE',
      plan.balanceMethod,
      dueWhen,
      s.balanceDueDate,
      share,
      or0(s.received),
      or0(s.writtenOff),
    );
    schedule.push({ ...part, shipmentId: s.shipmentId });
  }
  const rest = subtractMoney(balance, planned);
  if (rest.amount !== '0.00') {
    const received = subtractMoney(
      or0(p.balanceReceived),
      list.reduce((sum, s) => addMoney(sum, or0(s.received)), zero(currency)),
    );
    const writtenOff = subtractMoney(
      or0(p.balanceWrittenOff),
      list.reduce((sum, s) => addMoney(sum, or0(s.writtenOff)), zero(currency)),
    );
    schedule.push(entry('BALANCE', plan.balanceMethod, dueWhen, null, rest, received, writtenOff));
  }
  return schedule;
}

/** The earliest date a payment still outstanding falls due (for lists and reports); null when none has one. */
export function nextDueDate(state: OrderState): string | null {
  const dates = paymentSchedule(state)
    .filter((s) => s.dueDate !== null && s.outstanding.amount !== '0.00')
    .map((s) => s.dueDate as string);
  return dates.sort()[0] ?? null;
}
