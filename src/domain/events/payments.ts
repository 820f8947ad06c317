import { appendBounded, STATE_WINDOWS } from '../bounds';
import { compareMoney, formatMoney, subtractMoney, toMinor, type Money } from '../money';
import type { ValidationDetail } from '../schemas/validation';
import type { PaymentReceipt, PaymentsState } from '../types';

/**
 * The contract's payment rules, shared by deposits and balances: the contract's currency, a
 * positive amount, and never more than what is still due.
 */
export function paymentProblems(amount: Money, required: Money, received: Money): ValidationDetail[] {
  if (amount.currency !== required.currency) {
    return [{ path: 'amount.currency', message: `must be the contract's currency ${required.currency}` }];
  }
  if (toMinor(amount) <= 0n) return [{ path: 'amount.amount', message: 'must be greater than zero' }];
  const due = subtractMoney(required, received);
  if (compareMoney(amount, due) > 0) {
    return [{ path: 'amount.amount', message: `exceeds the amount still due (${formatMoney(due)})` }];
  }
  return [];
}

/** The receipts with one more payment (the state keeps the latest ones; the timeline has all). */
export function withReceipt(payments: PaymentsState, receipt: PaymentReceipt): PaymentReceipt[] {
  return appendBounded(payments.receipts, receipt, STATE_WINDOWS.receipts);
}
