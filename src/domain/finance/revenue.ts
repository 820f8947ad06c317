/**
 * The order's revenue in CNY, kept as running totals beside the ledger: the state keeps only the
 * latest receipts (bounds.ts), so a sum over them would forget the older ones.
 */
import { addMoney, subtractMoney, zero, type Money } from '../money';
import type { OrderState, PaymentReceipt, PaymentsState } from '../types';
import { cnyOf, fxGainLoss } from './settlement';

/** Adds (`sign` 1) or takes back (-1) one receipt's CNY and its FX gain or loss. */
export function countRevenue(
  payments: PaymentsState,
  receipt: Pick<PaymentReceipt, 'amount' | 'settlement'>,
  contractRate: string | undefined,
  sign: 1 | -1,
): PaymentsState {
  const cny = cnyOf(receipt);
  if (!cny) return payments;
  const move = (total: Money | undefined, delta: Money) =>
    sign === 1 ? addMoney(total ?? zero('CNY'), delta) : subtractMoney(total ?? zero('CNY'), delta);
  const gain = contractRate ? fxGainLoss(receipt, contractRate) : null;
  return {
    ...payments,
    revenueCny: move(payments.revenueCny, cny),
    ...(gain ? { fxGainLossCny: move(payments.fxGainLossCny, gain) } : {}),
  };
}

/** The order's revenue in CNY so far. */
export const revenueOf = (state: Pick<OrderState, 'payments'>): Money =>
  state.payments.revenueCny ?? zero('CNY');
