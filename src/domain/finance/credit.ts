/**
 * Credit limits: an open-account, D/A or D/P contract is credit given to the buyer. The exposure
 * (what the customer's other open OA/DA/DP orders still owe) spans orders, which one order's
 * workflow cannot read: the API computes it under a lock on the customer and hands it to the
 * decision in the event's context (decision 0007). The rule itself is here.
 */
import type { PaymentMethod } from '../payment-methods';
import { addMoney, compareMoney, formatMoney, type Money } from '../money';
import type { CreditContext } from './context';

/** The methods under which the buyer owes money after the goods left: credit the exporter gives. */
export const CREDIT_METHODS: readonly PaymentMethod[] = ['OA', 'DA', 'DP'];

export type { CreditContext, CreditInsurance } from './context';

export type CreditLimitKind = 'CREDIT' | 'INSURED';

/** The limits a customer's exposure must stay within: the credit limit and the insured limit. */
export function creditLimits(
  credit: Pick<CreditContext, 'creditLimit' | 'insurance'>,
): { kind: CreditLimitKind; name: string; limit: Money }[] {
  const limits: { kind: CreditLimitKind; name: string; limit: Money }[] = [];
  if (credit.creditLimit) limits.push({ kind: 'CREDIT', name: 'credit limit', limit: credit.creditLimit });
  if (credit.insurance)
    limits.push({
      kind: 'INSURED',
      name: `insured limit (${credit.insurance.insurer})`,
      limit: credit.insurance.limit,
    });
  return limits;
}

/**
 * Why a contract of `total` under `method` would take the customer beyond a limit, or null when it
 * stays within. A contract in another currency than a limit cannot be compared with it: it needs
 * a manager's approval too (the desk does not convert exposure between currencies).
 */
export function creditLimitExceeded(
  method: PaymentMethod,
  total: Money,
  credit: CreditContext | undefined,
): string | null {
  if (!credit || !CREDIT_METHODS.includes(method)) return null;
  for (const { name, limit } of creditLimits(credit)) {
    if (limit.currency !== total.currency)
      return `the customer's ${name} is in ${limit.currency}, the contract in ${total.currency}`;
    const after = addMoney(credit.exposure, total);
    if (compareMoney(after, limit) > 0)
      return `${method} credit of ${formatMoney(total)} on top of ${formatMoney(credit.exposure)} open would exceed the customer's ${name} of ${formatMoney(limit)}`;
  }
  return null;
}
