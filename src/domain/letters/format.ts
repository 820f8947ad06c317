import type { Language } from '../schemas/common';

/**
 * Input a letter cannot be written from. Letters are pure, so the next attempt would fail the same
 * way: the activity that renders one turns this into a failure without retries.
 */
export class LetterInputError extends Error {
  override name = 'LetterInputError';
}

/** Parses an ISO time from the workflow; a bad one is a bug upstream. */
export function parseInstant(value: string, field: string): Date {
  const date = new Date(value);
  if (typeof value !== 'string' || Number.isNaN(date.getTime())) {
    throw new LetterInputError(`${field}: "${String(value)}" is not an ISO date/time`);
  }
  return date;
}

/** `2026-11-26 08:00 UTC`: fixed format and zone, so output never depends on the worker's locale. */
export function formatDateTime(date: Date): string {
  return `${date.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

/** `2026-11-26 16:00 (Asia/Shanghai)`: the wall time where the exporter works, parts joined by hand. */
export function formatDateTimeIn(date: Date, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
  }).formatToParts(date);
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')} ${part('hour')}:${part('minute')} (${timeZone})`;
}

export function formatDate(date: Date): string {
  return date.toISOString().slice(0, 10);
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

export function groupThousands(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** Quantities as people write them: grouped, without trailing zeros (`2,000`, `12.5`). */
export function formatQuantity(quantity: number): string {
  const [whole = '0', frac = ''] = quantity.toFixed(6).split('.');
  const trimmed = frac.replace(/0+$/, '');
  return trimmed ? `${groupThousands(whole)}.${trimmed}` : groupThousands(whole);
}
