import type { ZoneOffset } from '../domain';

const MINUTE_MS = 60_000;
const WEEK_MS = 7 * 86_400_000;

export function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

// A formatter is costly to make (about a millisecond, on every order created) and never changes.
const formats = new Map<string, Intl.DateTimeFormat>();

function offsetReader(zone: string): (ms: number) => number {
  const format = formats.get(zone) ?? formatFor(zone);
  return (ms) => {
    const part = Object.fromEntries(format.formatToParts(new Date(ms)).map((p) => [p.type, Number(p.value)]));
    const wall = Date.UTC(part.year, part.month - 1, part.day, part.hour, part.minute, part.second);
    return Math.round((wall - Math.floor(ms / 1000) * 1000) / MINUTE_MS);
  };
}

function formatFor(zone: string): Intl.DateTimeFormat {
  const format = new Intl.DateTimeFormat('en-US', {
    timeZone: zone,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
  });
  formats.set(zone, format);
  return format;
}

/**
 * The zone's UTC offsets from `fromMs` to `toMs`, with every change in between (to the minute),
 * from the runtime's tz database. Computed outside the workflow, when an order starts, so a replay
 * on a worker with other tz data computes the same deadlines.
 */
export function zoneOffsets(zone: string, fromMs: number, toMs: number): ZoneOffset[] {
  const offsetAt = offsetReader(zone);
  const entry = (ms: number): ZoneOffset => ({ from: new Date(ms).toISOString(), minutes: offsetAt(ms) });
  const offsets = [entry(fromMs)];
  // Zones change their offset at most a few times a year, never twice within a week.
  for (let at = fromMs; at < toMs; at += WEEK_MS) {
    const next = Math.min(at + WEEK_MS, toMs);
    if (offsetAt(next) === offsetAt(at)) continue;
    let before = at;
    let after = next;
    while (after - before > MINUTE_MS) {
      const mid = before + Math.floor((after - before) / 2 / MINUTE_MS) * MINUTE_MS || before + MINUTE_MS;
      if (offsetAt(mid) === offsetAt(before)) before = mid;
      else after = mid;
    }
    offsets.push(entry(after));
  }
  return offsets;
}
