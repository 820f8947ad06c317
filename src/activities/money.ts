import { invalidInput } from './errors';
import type { Money } from './types';

/**
 * Exact money arithmetic in integer hundredths (bigint): amounts arrive as decimal strings with at
 * most 2 fractional digits, and floats would drift on invoice totals.
 */
const MONEY_RE = /^(-?)(\d+)(?:\.(\d{1,2}))?$/;
const QUANTITY_DECIMALS = 6;

export function toMinor(money: Money, field: string): bigint {
  const m = MONEY_RE.exec(money.amount);
  if (!m) throw invalidInput(`${field}: "${money.amount}" is not a decimal amount with at most 2 decimals`);
  const [, sign, whole = '0', frac = ''] = m;
  const minor = BigInt(whole) * 100n + BigInt(frac.padEnd(2, '0'));
  return sign === '-' ? -minor : minor;
}

/** A positive quantity as an integer scaled by 10^6 (quantities may be fractional, e.g. 12.5 t). */
function scaledQuantity(quantity: number, field: string): bigint {
  if (!Number.isFinite(quantity) || quantity <= 0) throw invalidInput(`${field}: quantity must be positive`);
  const [whole = '0', frac = ''] = quantity.toFixed(QUANTITY_DECIMALS).split('.');
  return BigInt(whole) * 10n ** BigInt(QUANTITY_DECIMALS) + BigInt(frac);
}

/** unit price x quantity in hundredths, rounded half up to the cent. */
export function lineTotalMinor(unitPrice: Money, quantity: number, field: string): bigint {
  const scale = 10n ** BigInt(QUANTITY_DECIMALS);
  const product = toMinor(unitPrice, `${field}.unitPrice`) * scaledQuantity(quantity, `${field}.quantity`);
  const sign = product < 0n ? -1n : 1n;
  const abs = product * sign;
  return sign * ((abs + scale / 2n) / scale);
}

function groupThousands(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** `1234560n` -> `12,345.60` */
export function formatMinor(minor: bigint): string {
  const sign = minor < 0n ? '-' : '';
  const abs = minor < 0n ? -minor : minor;
  const whole = (abs / 100n).toString();
  const frac = (abs % 100n).toString().padStart(2, '0');
  return `${sign}${groupThousands(whole)}.${frac}`;
}

export function formatMoney(minor: bigint, currency: string): string {
  return `${currency} ${formatMinor(minor)}`;
}

/** Quantities as people write them: grouped, without trailing zeros (`2,000`, `12.5`). */
export function formatQuantity(quantity: number): string {
  const [whole = '0', frac = ''] = quantity.toFixed(QUANTITY_DECIMALS).split('.');
  const trimmed = frac.replace(/0+$/, '');
  return trimmed ? `${groupThousands(whole)}.${trimmed}` : groupThousands(whole);
}
