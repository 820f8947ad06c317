/**
 * The order's money in CNY, as the view and the reports show it: revenue (settled receipts),
 * the rebate, the costs, and profit = revenue + rebate − costs.
 */
import { addMoney, subtractMoney, zero, type Money } from '../money';
import type { CostKind, OrderState } from '../types';
import { unsettledReceipts } from './settlement';
import { expectedRebate, type ExpectedRebate } from './rebate';
import { revenueOf } from './revenue';

export interface MoneyInCny {
  /** Settled receipts and receipts in CNY. */
  revenue: Money;
  /** The rebate the profit counts: received, else expected (zero while unknown or not applicable). */
  rebate: Money;
  /** Whether `rebate` is the money received or the expectation. */
  rebateBasis: 'RECEIVED' | 'EXPECTED' | 'NONE';
  costs: Money;
  costsByKind: Partial<Record<CostKind, Money>>;
  profit: Money;
  /** Against the contract date's rate; null when none was recorded. */
  fxGainLoss: Money | null;
  /** Receipts in foreign currency not settled yet, per currency. */
  unsettled: Money[];
}

/** The rebate that counts towards profit now. */
function countedRebate(
  state: OrderState,
  expectation: ExpectedRebate | null,
): Pick<MoneyInCny, 'rebate' | 'rebateBasis'> {
  const rebate = state.rebate;
  if (!rebate || rebate.status === 'NOT_APPLICABLE') return { rebate: zero('CNY'), rebateBasis: 'NONE' };
  if (rebate.received) return { rebate: rebate.received, rebateBasis: 'RECEIVED' };
  const expected = expectation?.expected;
  return expected
    ? { rebate: expected, rebateBasis: 'EXPECTED' }
    : { rebate: zero('CNY'), rebateBasis: 'NONE' };
}

/** `expectation`: the order's expected rebate, when the caller has worked it out already. */
export function moneyInCny(
  state: OrderState,
  expectation: ExpectedRebate | null = expectedRebate(state),
): MoneyInCny {
  const revenue = revenueOf(state);
  const costsByKind = state.costs?.byKind ?? {};
  const costs = Object.values(costsByKind).reduce((sum, c) => addMoney(sum, c), zero('CNY'));
  const counted = countedRebate(state, expectation);
  const unsettled = new Map<string, Money>();
  for (const r of unsettledReceipts(state)) {
    const before = unsettled.get(r.amount.currency) ?? zero(r.amount.currency);
    unsettled.set(r.amount.currency, addMoney(before, r.amount as Money));
  }
  return {
    revenue,
    ...counted,
    costs,
    costsByKind,
    profit: subtractMoney(addMoney(revenue, counted.rebate), costs),
    fxGainLoss: state.contract?.fxRate ? (state.payments.fxGainLossCny ?? zero('CNY')) : null,
    unsettled: [...unsettled.values()],
  };
}
