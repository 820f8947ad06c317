/**
 * Exchange rates as banks quote them: CNY per unit of a foreign currency, a decimal string such as
 * "7.1050". Conversions run in integer minor units (6 decimals of rate), never in floats.
 */
import { fromMinor, toMinor, type Money } from '../money';
import { describe, z } from '../zod';

const RATE_SCALE = 1_000_000n;
const RATE_PATTERN = /^(0|[1-9]\d{0,3})(\.\d{1,6})?$/;

export const rateSchema = describe(
  z.string().check(
    z.regex(RATE_PATTERN, 'a decimal such as "7.1050" (at most 4 integer and 6 fractional digits)'),
    z.refine((r) => !RATE_PATTERN.test(r) || rateScaled(r) > 0n, 'must be more than 0'),
  ),
  'CNY per unit of the foreign currency, e.g. "7.1050"',
);

/** The rate in millionths. */
export function rateScaled(rate: string): bigint {
  const [whole = '0', fraction = ''] = rate.split('.');
  return BigInt(whole) * RATE_SCALE + BigInt(fraction.padEnd(6, '0').slice(0, 6));
}

/** `money` times a decimal `rate` (at most 6 places), in `currency`, rounded half up to the cent. */
export function applyRate(money: Money, rate: string, currency: string): Money {
  const minor = toMinor(money) * rateScaled(rate);
  const sign = minor < 0n ? -1n : 1n;
  const abs = minor < 0n ? -minor : minor;
  return fromMinor(sign * ((abs + RATE_SCALE / 2n) / RATE_SCALE), currency);
}

/** `money` in CNY at `rate`, rounded half up to the fen. */
export const toCny = (money: Money, rate: string): Money => applyRate(money, rate, 'CNY');

/** `part / whole` (both positive) as a decimal string of `places` fractional digits, half up. */
export function ratioOf(part: bigint, whole: bigint, places: number): string {
  const scale = 10n ** BigInt(places);
  const scaled = (part * scale + whole / 2n) / whole;
  return `${scaled / scale}.${String(scaled % scale).padStart(places, '0')}`;
}
