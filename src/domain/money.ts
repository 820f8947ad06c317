import { describe, z } from './zod';

/**
 * Money travels as a decimal string with at most two fractional digits and is computed in integer
 * minor units (BigInt, so no float ever touches an amount). Every currency is treated as having two
 * minor digits, which is what the contract's amount format allows.
 */
export interface Money {
  amount: string;
  currency: string;
}

const AMOUNT_PATTERN = /^-?(0|[1-9]\d{0,12})(\.\d{1,2})?$/;

export const currencySchema = describe(
  z.string().check(z.regex(/^[A-Z]{3}$/, 'an ISO-4217 currency code such as USD')),
  'ISO-4217 currency code',
);

export const moneySchema = describe(
  z.object({
    amount: describe(
      z
        .string()
        .check(z.regex(AMOUNT_PATTERN, 'a decimal string with at most 2 fractional digits, e.g. "12345.60"')),
      'Decimal amount as a string, at most 2 fractional digits (never a float)',
    ),
    currency: currencySchema,
  }),
  'An amount of money',
);

// zod runs refinements even after the amount pattern failed; that failure is reported already.
const wellFormed = (m: Money) => AMOUNT_PATTERN.test(m.amount);

export const positiveMoneySchema = moneySchema.check(
  z.refine((m) => !wellFormed(m) || toMinor(m) > 0n, {
    message: 'must be greater than zero',
    path: ['amount'],
  }),
);

export const nonNegativeMoneySchema = moneySchema.check(
  z.refine((m) => !wellFormed(m) || toMinor(m) >= 0n, {
    message: 'must not be negative',
    path: ['amount'],
  }),
);

export function toMinor(money: Money): bigint {
  const match = AMOUNT_PATTERN.exec(money.amount);
  if (!match) throw new RangeError(`Invalid amount "${money.amount}"`);
  const negative = money.amount.startsWith('-');
  const [whole, fraction = ''] = money.amount.replace('-', '').split('.');
  const minor = BigInt(whole) * 100n + BigInt(fraction.padEnd(2, '0'));
  return negative ? -minor : minor;
}

export function fromMinor(minor: bigint, currency: string): Money {
  const negative = minor < 0n;
  const abs = negative ? -minor : minor;
  const cents = (abs % 100n).toString().padStart(2, '0');
  return { amount: `${negative ? '-' : ''}${abs / 100n}.${cents}`, currency };
}

export function zero(currency: string): Money {
  return { amount: '0.00', currency };
}

export function addMoney(a: Money, b: Money): Money {
  assertSameCurrency(a, b);
  return fromMinor(toMinor(a) + toMinor(b), a.currency);
}

export function subtractMoney(a: Money, b: Money): Money {
  assertSameCurrency(a, b);
  return fromMinor(toMinor(a) - toMinor(b), a.currency);
}

export function compareMoney(a: Money, b: Money): number {
  assertSameCurrency(a, b);
  const diff = toMinor(a) - toMinor(b);
  return diff === 0n ? 0 : diff > 0n ? 1 : -1;
}

/** Percent with up to two decimals (e.g. 33.33) as basis points, so the percentage math stays integer. */
export function percentToBasisPoints(percent: number): bigint {
  return BigInt(Math.round(percent * 100));
}

/**
 * `percent` of `total`, rounded half-up to the cent (half away from zero; for the non-negative
 * totals of a contract that is plain half-up): 30% of 0.05 is 0.015, which becomes 0.02.
 */
export function percentOf(total: Money, percent: number): Money {
  const scaled = toMinor(total) * percentToBasisPoints(percent);
  const sign = scaled < 0n ? -1n : 1n;
  const abs = scaled * sign;
  return fromMinor(((abs + 5_000n) / 10_000n) * sign, total.currency);
}

/** Unit price x quantity, rounded half-up to the cent; quantities may have up to three decimals. */
export function multiplyMoney(unitPrice: Money, quantity: number): Money {
  const milli = BigInt(Math.round(quantity * 1000));
  return fromMinor((toMinor(unitPrice) * milli + 500n) / 1000n, unitPrice.currency);
}

export function formatMoney(money: Money): string {
  return `${money.amount} ${money.currency}`;
}

function assertSameCurrency(a: Money, b: Money): void {
  if (a.currency !== b.currency) throw new RangeError(`Currency mismatch: ${a.currency} vs ${b.currency}`);
}
