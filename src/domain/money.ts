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

/**
 * The largest amount a client may send, in minor units: 1,000,000,000,000.00. Every sum the domain
 * makes of client amounts (a quotation total, payments) is bounded by it too, so results stay within
 * what AMOUNT_PATTERN can express (13 integer digits) and the arithmetic never throws.
 */
export const MAX_MONEY_MINOR = 100_000_000_000_000n;
export const MAX_MONEY_AMOUNT = '1000000000000.00';

export const currencySchema = describe(
  z.string().check(z.regex(/^[A-Z]{3}$/, 'an ISO-4217 currency code such as USD')),
  'ISO-4217 currency code',
);

// zod runs refinements even after the amount pattern failed; that failure is reported already.
const wellFormed = (m: Money) => AMOUNT_PATTERN.test(m.amount);
const abs = (n: bigint) => (n < 0n ? -n : n);

// What the pattern, the cap and the sign check of a client's amount accept together, as one pattern
// for the OpenAPI document: 12 integer digits, or the cap itself. (An answer's amount keeps
// AMOUNT_PATTERN: a report may add amounts up beyond the cap.)
const UP_TO_CAP = String.raw`[1-9]\d{0,11}(?:\.\d{1,2})?|1000000000000(?:\.00?)?`;
const ZERO = String.raw`0(?:\.00?)?`;
const POSITIVE_FRACTION = String.raw`0\.(?:[1-9]\d?|0[1-9])`;
export const DOCUMENTED_AMOUNT_PATTERNS = {
  positive: `^(?:${POSITIVE_FRACTION}|${UP_TO_CAP})$`,
  // "-0" is zero, so not negative.
  nonNegative: `^(?:-?${ZERO}|${POSITIVE_FRACTION}|${UP_TO_CAP})$`,
} as const;

/** An amount of money; `documented` is what the schema's checks accept together, as one pattern. */
const moneyWithin = (documented: string, ...checks: z.core.$ZodCheck<Money>[]) =>
  describe(
    z
      .strictObject({
        amount: z
          .string()
          .check(
            z.regex(AMOUNT_PATTERN, 'a decimal string with at most 2 fractional digits, e.g. "12345.60"'),
          )
          .register(z.globalRegistry, {
            description: 'Decimal amount as a string, at most 2 fractional digits (never a float)',
            pattern: documented,
          }),
        currency: currencySchema,
      })
      .check(
        z.refine((m) => !wellFormed(m) || abs(toMinor(m)) <= MAX_MONEY_MINOR, {
          message: 'at most 1,000,000,000,000.00',
          path: ['amount'],
        }),
        ...checks,
      ),
    'An amount of money, at most 1,000,000,000,000.00',
  );

export const moneySchema = moneyWithin(AMOUNT_PATTERN.source);

export const positiveMoneySchema = moneyWithin(
  DOCUMENTED_AMOUNT_PATTERNS.positive,
  z.refine((m) => !wellFormed(m) || toMinor(m) > 0n, {
    message: 'must be greater than zero',
    path: ['amount'],
  }),
);

export const nonNegativeMoneySchema = moneyWithin(
  DOCUMENTED_AMOUNT_PATTERNS.nonNegative,
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

/**
 * The smallest amount of whole cents that is at least `percent` of `total` (a non-negative total):
 * what "insured for at least 110 %" asks, where rounding half-up could fall short by a fraction.
 */
export function atLeastPercentOf(total: Money, percent: number): Money {
  const scaled = toMinor(total) * percentToBasisPoints(percent);
  return fromMinor((scaled + 9_999n) / 10_000n, total.currency);
}

/**
 * Unit prices may be finer than the cent (trade quotes USD 0.035 a piece): up to 4 fractional
 * digits, computed in ten-thousandths. Amounts (totals, payments) stay at 2 digits.
 */
const UNIT_PRICE_PATTERN = /^-?(0|[1-9]\d{0,12})(\.\d{1,4})?$/;
const UNIT_PRICE_SCALE = 10_000n;

export const unitPriceSchema = describe(
  z
    .strictObject({
      amount: describe(
        z
          .string()
          .check(
            z.regex(UNIT_PRICE_PATTERN, 'a decimal string with at most 4 fractional digits, e.g. "0.035"'),
          ),
        'Decimal price per unit as a string, at most 4 fractional digits (never a float)',
      ),
      currency: currencySchema,
    })
    .check(
      z.refine(
        (m) => !UNIT_PRICE_PATTERN.test(m.amount) || abs(toUnitPriceScaled(m)) <= MAX_MONEY_MINOR * 100n,
        {
          message: 'at most 1,000,000,000,000.0000',
          path: ['amount'],
        },
      ),
    ),
  'A price per unit, at most 4 fractional digits, e.g. {"amount":"0.035","currency":"USD"}',
);

/** A unit price in ten-thousandths of the currency unit: `0.035` -> `350n`; money amounts parse too. */
export function toUnitPriceScaled(price: Money): bigint {
  const match = UNIT_PRICE_PATTERN.exec(price.amount);
  if (!match) throw new RangeError(`Invalid unit price "${price.amount}"`);
  const negative = price.amount.startsWith('-');
  const [whole, fraction = ''] = price.amount.replace('-', '').split('.');
  const scaled = BigInt(whole) * UNIT_PRICE_SCALE + BigInt(fraction.padEnd(4, '0'));
  return negative ? -scaled : scaled;
}

/** A unit price as printed: at least 2, at most 4 decimals (`6.10`, `0.035`, `0.0125`). */
export function unitPriceDecimal(price: Money): string {
  const scaled = toUnitPriceScaled(price);
  const sign = scaled < 0n ? '-' : '';
  const absolute = abs(scaled);
  // Four digits less up to two trailing zeros: never fewer than two.
  const fraction = (absolute % UNIT_PRICE_SCALE)
    .toString()
    .padStart(4, '0')
    .replace(/0{1,2}$/, '');
  return `${sign}${absolute / UNIT_PRICE_SCALE}.${fraction}`;
}

/**
 * Unit price x quantity in minor units, rounded half-up to the cent; quantities count in thousandths
 * (the schemas allow at most three decimals) and unit prices in ten-thousandths, so the product is
 * exact before the one rounding: 120,000 x 0.035 = 4,200.00. The one rounding rule of every line
 * total, on the quotation and on the invoice alike.
 */
export function lineTotalMinor(unitPrice: Money, quantity: number): bigint {
  if (!Number.isFinite(quantity)) throw new RangeError(`Invalid quantity ${quantity}`);
  const milli = BigInt(Math.round(quantity * 1000));
  // ten-thousandths x thousandths = 1e-7 units; a cent is 1e5 of them.
  const scaled = toUnitPriceScaled(unitPrice) * milli;
  const sign = scaled < 0n ? -1n : 1n;
  return ((scaled * sign + 50_000n) / 100_000n) * sign;
}

/** Unit price x quantity as money (see lineTotalMinor). */
export function multiplyMoney(unitPrice: Money, quantity: number): Money {
  return fromMinor(lineTotalMinor(unitPrice, quantity), unitPrice.currency);
}

export function formatMoney(money: Money): string {
  return `${money.amount} ${money.currency}`;
}

function assertSameCurrency(a: Money, b: Money): void {
  if (a.currency !== b.currency) throw new RangeError(`Currency mismatch: ${a.currency} vs ${b.currency}`);
}
