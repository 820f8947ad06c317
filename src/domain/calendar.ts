import type { WorkingCalendar } from './state/policy';
import { addDuration, addMs, isWorkingLimit, workingLimitToMs, type StageLimit } from './duration';

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;
/** No real calendar has this many days off in a row: beyond it the calendar is broken, not the order. */
const MAX_DAYS_OFF_IN_A_ROW = 3_660;

export type { WorkingCalendar, ZoneOffset } from './state/policy';

/** Monday to Friday in China Standard Time (no DST since 1991), no holidays: for orders without one. */
export const DEFAULT_WORKING_CALENDAR: WorkingCalendar = {
  name: 'weekends only',
  timeZone: 'Asia/Shanghai',
  weekend: [6, 7],
  holidays: [],
  workingDays: [],
  offsets: [{ from: '1991-09-15T00:00:00.000Z', minutes: 480 }],
};

function parseInstant(iso: string): number {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) throw new RangeError(`Invalid instant "${iso}"`);
  return ms;
}

/** The zone's offset at a UTC instant (ms). */
function offsetAt(calendar: WorkingCalendar, ms: number): number {
  const { offsets } = calendar;
  let minutes = offsets[0]?.minutes ?? 0;
  for (const entry of offsets) {
    if (Date.parse(entry.from) > ms) break;
    minutes = entry.minutes;
  }
  return minutes * MINUTE_MS;
}

/** Local wall-clock time as if it were UTC: day arithmetic on it follows the exporter's dates. */
const toWall = (calendar: WorkingCalendar, ms: number) => ms + offsetAt(calendar, ms);

/** The instant of a local wall-clock time; in a DST gap or overlap, the offset before the change. */
function fromWall(calendar: WorkingCalendar, wall: number): number {
  const guess = wall - offsetAt(calendar, wall);
  return wall - offsetAt(calendar, guess);
}

interface DayRules {
  isWorking(day: number): boolean;
}

function dayRules(calendar: WorkingCalendar): DayRules {
  const holidays = new Set(calendar.holidays);
  const workingDays = new Set(calendar.workingDays);
  const weekend = new Set(calendar.weekend);
  return {
    isWorking(day) {
      const date = new Date(day * DAY_MS);
      const iso = date.toISOString().slice(0, 10);
      if (workingDays.has(iso)) return true;
      if (holidays.has(iso)) return false;
      return !weekend.has(((date.getUTCDay() + 6) % 7) + 1);
    },
  };
}

/** The local date (YYYY-MM-DD) of an instant in the calendar's zone: the exporter's "today". */
export function localDateOf(calendar: WorkingCalendar, instant: string): string {
  return new Date(toWall(calendar, parseInstant(instant))).toISOString().slice(0, 10);
}

/** The last millisecond of a local date (YYYY-MM-DD) in the calendar's zone, as a UTC instant. */
export function endOfLocalDate(calendar: WorkingCalendar, date: string): string {
  return new Date(fromWall(calendar, Date.parse(`${date}T23:59:59.999Z`))).toISOString();
}

/** An hour of a local date in the calendar's zone (09:00 for a reminder), as a UTC instant. */
export function atLocalHour(calendar: WorkingCalendar, date: string, hour: number): string {
  return new Date(fromWall(calendar, Date.parse(`${date}T00:00:00.000Z`) + hour * 3_600_000)).toISOString();
}

/** Whether the local date (YYYY-MM-DD) is a working day. */
export function isWorkingDate(calendar: WorkingCalendar, date: string): boolean {
  return dayRules(calendar).isWorking(Math.floor(parseInstant(`${date}T00:00:00Z`) / DAY_MS));
}

/**
 * The instant by which `workingMs` of working time has passed since `start`. Working time is the
 * local wall-clock time of working days, round the clock: from Friday 18:00 one working day ends
 * on Monday 18:00, from Saturday noon at the end of Monday.
 */
export function addWorkingTime(start: string, workingMs: number, calendar: WorkingCalendar): string {
  if (!(workingMs >= 0)) throw new RangeError(`Invalid working time ${workingMs}`);
  const rules = dayRules(calendar);
  let wall = toWall(calendar, parseInstant(start));
  let remaining = workingMs;
  let daysOff = 0;
  for (;;) {
    const day = Math.floor(wall / DAY_MS);
    const dayEnd = (day + 1) * DAY_MS;
    if (rules.isWorking(day)) {
      daysOff = 0;
      if (remaining <= dayEnd - wall) return new Date(fromWall(calendar, wall + remaining)).toISOString();
      remaining -= dayEnd - wall;
    } else if (++daysOff > MAX_DAYS_OFF_IN_A_ROW) {
      throw new RangeError(
        `calendar "${calendar.name}" has no working day for ${MAX_DAYS_OFF_IN_A_ROW} days`,
      );
    }
    wall = dayEnd;
  }
}

/** Working time (ms) between two instants; 0 when `end` is not after `start`. */
export function workingTimeBetween(start: string, end: string, calendar: WorkingCalendar): number {
  const rules = dayRules(calendar);
  let wall = toWall(calendar, parseInstant(start));
  const endWall = toWall(calendar, parseInstant(end));
  let total = 0;
  while (wall < endWall) {
    const day = Math.floor(wall / DAY_MS);
    const stop = Math.min((day + 1) * DAY_MS, endWall);
    if (rules.isWorking(day)) total += stop - wall;
    wall = stop;
  }
  return total;
}

/** Working days (fractional) between two instants: Friday 18:00 to Monday 18:00 is 1. */
export function workingDaysBetween(start: string, end: string, calendar: WorkingCalendar): number {
  return workingTimeBetween(start, end, calendar) / DAY_MS;
}

/**
 * When a limit that starts at `start` runs out: calendar durations ("36h", "14d") in elapsed time,
 * working time ("3wd", "20wh") on the calendar.
 */
export function limitDeadline(
  start: string,
  limit: StageLimit,
  calendar: WorkingCalendar,
  held: { ms: number; workingMs: number } = { ms: 0, workingMs: 0 },
): string {
  // Time on hold extends the limit in the limit's own terms: working time for "3wd", elapsed otherwise.
  return isWorkingLimit(limit)
    ? addWorkingTime(start, workingLimitToMs(limit) + held.workingMs, calendar)
    : addMs(addDuration(start, limit), held.ms);
}
