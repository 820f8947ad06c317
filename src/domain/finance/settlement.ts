/**
 * FX settlement (结汇): the bank converts a receipt in foreign currency to CNY at its rate, and
 * that CNY is the order's revenue. A receipt carries it (`settlement`) or FX_SETTLED adds it later.
 */
import { formatMoney, subtractMoney, toMinor, type Money } from '../money';
import { positiveMoneySchema } from '../money';
import type { ValidationDetail } from '../schemas/validation';
import { calendarDateSchema } from '../schemas/common';
import type { Settlement } from '../state/finance';
import { describe, describeCopy, z } from '../zod';
import { rateSchema, toCny } from './rate';

export const settlementFields = {
  rate: rateSchema,
  cnyAmount: describeCopy(positiveMoneySchema, 'The CNY the bank credited for it (currency CNY)'),
  settledOn: describeCopy(calendarDateSchema, 'The settlement date'),
};

export const settlementSchema = describe(
  z.strictObject(settlementFields),
  'FX settlement (结汇) of the receipt: the bank rate and the CNY amount credited',
);

export const optionalSettlement = describeCopy(
  z.optional(settlementSchema),
  'FX settlement (结汇) of this receipt, when the bank settled it at once (FX_SETTLED adds it later)',
);

/** The CNY a bank may credit for `received` at `rate`: its product, to the fen (a fen of rounding either way). */
const ROUNDING_MINOR = 1n;

/** Why `settlement` cannot be the settlement of `received` (empty: it can). */
export function settlementProblems(
  received: Money,
  settlement: Settlement,
  path: string,
): ValidationDetail[] {
  if (received.currency === 'CNY')
    return [{ path, message: 'the receipt is in CNY: there is nothing to settle' }];
  if (settlement.cnyAmount.currency !== 'CNY')
    return [{ path: `${path}.cnyAmount.currency`, message: 'must be CNY' }];
  const expected = toCny(received, settlement.rate);
  const diff = toMinor(subtractMoney(settlement.cnyAmount, expected));
  if (diff > ROUNDING_MINOR || diff < -ROUNDING_MINOR)
    return [
      {
        path: `${path}.cnyAmount`,
        message: `${formatMoney(received)} at ${settlement.rate} is ${formatMoney(expected)}, not ${formatMoney(settlement.cnyAmount)}`,
      },
    ];
  return [];
}

/** The receipt's CNY: its settlement, or the amount itself when it came in CNY; null while unsettled. */
export function cnyOf(receipt: { amount: Money; settlement?: Settlement }): Money | null {
  if (receipt.amount.currency === 'CNY') return receipt.amount;
  return receipt.settlement?.cnyAmount ?? null;
}

/** FX gain (positive) or loss of a settlement against the contract date's rate. */
export function fxGainLoss(
  receipt: { amount: Money; settlement?: Settlement },
  contractRate: string,
): Money | null {
  if (!receipt.settlement) return null;
  return subtractMoney(receipt.settlement.cnyAmount, toCny(receipt.amount, contractRate));
}

/** Receipts in a foreign currency the bank has not settled yet (reversed ones never will be). */
export const unsettledReceipts = (s: {
  payments: {
    receipts: readonly {
      amount: { currency: string };
      settlement?: unknown;
      reversed?: unknown;
      eventId?: string;
    }[];
  };
}) =>
  s.payments.receipts.filter((r) => r.amount.currency !== 'CNY' && !r.settlement && !r.reversed && r.eventId);
