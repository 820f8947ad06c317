import { unitPriceDecimal, type Money } from '../domain/money';
import { checkedInput } from './invalidInput';
import { groupThousands, parseInstant } from '../domain/letters/format';

/** Parses an ISO time from the workflow; a bad one is a bug upstream, so it fails without retries. */
export function parseIso(value: string, field: string): Date {
  return checkedInput(() => parseInstant(value, field));
}

const dayFormats = new Map<string, Intl.DateTimeFormat>();

function dayFormat(timeZone: string): Intl.DateTimeFormat {
  const known = dayFormats.get(timeZone);
  if (known) return known;
  const format = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  });
  dayFormats.set(timeZone, format);
  return format;
}

/**
 * The calendar day of an instant where the exporter works: 2026-03-01T18:00:00Z is 2026-03-02 in
 * Asia/Shanghai. A plain date (`2026-03-01`) is a day already and prints as it is.
 */
export function formatDayIn(value: string, timeZone: string, field: string): string {
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return value;
  // The parts are joined by hand so no locale data can change the order.
  const parts = dayFormat(timeZone).formatToParts(parseIso(value, field));
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')}`;
}

/** Minor units as printed on documents: `1234560n` -> `12,345.60`. */
export function formatMinor(minor: bigint): string {
  const sign = minor < 0n ? '-' : '';
  const abs = minor < 0n ? -minor : minor;
  const whole = (abs / 100n).toString();
  const frac = (abs % 100n).toString().padStart(2, '0');
  return `${sign}${groupThousands(whole)}.${frac}`;
}

/** `USD 12,345.60` */
export function formatPrice(minor: bigint, currency: string): string {
  return `${currency} ${formatMinor(minor)}`;
}

/** A unit price as printed: grouped, 2 to 4 decimals (`1,234.50`, `0.035`). */
export function formatUnitPrice(price: Money): string {
  const [whole = '0', fraction = ''] = unitPriceDecimal(price).split('.');
  return `${groupThousands(whole)}.${fraction}`;
}
