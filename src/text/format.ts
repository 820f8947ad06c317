import { unitPriceDecimal, type Money } from '../domain/money';
import type { Language } from '../domain';
import { invalidInput } from './invalidInput';

/** Parses an ISO time from the workflow; a bad one is a bug upstream, so it fails without retries. */
export function parseIso(value: string, field: string): Date {
  const date = new Date(value);
  if (typeof value !== 'string' || Number.isNaN(date.getTime())) {
    throw invalidInput(`${field}: "${String(value)}" is not an ISO date/time`);
  }
  return date;
}

/** `2026-11-26 08:00 UTC`: fixed format and zone, so output never depends on the worker's locale. */
export function formatDateTime(date: Date): string {
  return `${date.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

export function formatDate(date: Date): string {
  return date.toISOString().slice(0, 10);
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

/** `DEPOSIT_RECEIVED` -> `Deposit received` */
export function humanize(name: string): string {
  const words = name.toLowerCase().replace(/_+/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** `3 days 4 hours`, `5 hours 10 minutes` (`3天4小时`): how long something has waited. */
export function formatElapsed(from: Date, to: Date, language: Language = 'en'): string {
  const minutes = Math.max(0, Math.floor((to.getTime() - from.getTime()) / 60_000));
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  const mins = minutes % 60;
  const zh = language === 'zh-CN';
  const unit = (n: number, word: string, chinese: string): string =>
    zh ? `${n}${chinese}` : `${n} ${word}${n === 1 ? '' : 's'}`;
  const join = (a: string, b: string): string => (zh ? `${a}${b}` : `${a} ${b}`);
  if (days > 0)
    return hours > 0 ? join(unit(days, 'day', '天'), unit(hours, 'hour', '小时')) : unit(days, 'day', '天');
  if (hours > 0)
    return mins > 0
      ? join(unit(hours, 'hour', '小时'), unit(mins, 'minute', '分钟'))
      : unit(hours, 'hour', '小时');
  return unit(mins, 'minute', '分钟');
}

function groupThousands(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
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

/** Quantities as people write them: grouped, without trailing zeros (`2,000`, `12.5`). */
export function formatQuantity(quantity: number): string {
  const [whole = '0', frac = ''] = quantity.toFixed(6).split('.');
  const trimmed = frac.replace(/0+$/, '');
  return trimmed ? `${groupThousands(whole)}.${trimmed}` : groupThousands(whole);
}

/** A unit price as printed: grouped, 2 to 4 decimals (`1,234.50`, `0.035`). */
export function formatUnitPrice(price: Money): string {
  const [whole = '0', fraction = ''] = unitPriceDecimal(price).split('.');
  return `${groupThousands(whole)}.${fraction}`;
}
