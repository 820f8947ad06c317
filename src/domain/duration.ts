import { describe, z } from './zod';

const UNIT_MS = { s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000 } as const;
const DURATION_PATTERN = /^([1-9]\d{0,5})([smhd])$/;

/** A positive duration such as "90s", "30m", "36h" or "14d". */
export type Duration = string;

export const durationSchema = describe(
  z
    .string()
    .check(
      z.regex(DURATION_PATTERN, 'a positive whole number followed by s, m, h or d, e.g. "90s", "36h", "14d"'),
    ),
  'Duration: a positive whole number with unit s (seconds), m (minutes), h (hours) or d (days)',
);

const DAY_MS = UNIT_MS.d;
const WORKING_PATTERN = /^([1-9]\d{0,3})(wd|wh)$/;

/**
 * A stage limit: a calendar duration ("36h", "14d") or working time on the order's working
 * calendar: "3wd" (working days) or "20wh" (hours of working days, counted round the clock).
 */
export type StageLimit = string;

export const stageLimitSchema = describe(
  z
    .string()
    .check(
      z.regex(
        /^(?:[1-9]\d{0,5}[smhd]|[1-9]\d{0,3}w[dh])$/,
        'a duration such as "36h" or "14d", or working time such as "3wd" (working days) or "20wh" (working hours, at most 4 digits)',
      ),
    ),
  'Stage limit: a duration with unit s, m, h or d (calendar time), or wd (working days) / wh (hours of working days) on the working calendar',
);

export const isWorkingLimit = (limit: StageLimit): boolean => WORKING_PATTERN.test(limit);

/** How much working time a "3wd" / "20wh" limit is. */
export function workingLimitToMs(limit: StageLimit): number {
  const match = WORKING_PATTERN.exec(limit);
  if (!match) throw new RangeError(`Invalid working-time limit "${limit}"`);
  return Number(match[1]) * (match[2] === 'wd' ? DAY_MS : UNIT_MS.h);
}

/** The length a stage limit stands for if every day were a working day: what minimum checks compare. */
export function nominalLimitMs(limit: StageLimit): number {
  return isWorkingLimit(limit) ? workingLimitToMs(limit) : durationToMs(limit);
}

export function durationToMs(duration: Duration): number {
  const match = DURATION_PATTERN.exec(duration);
  if (!match) throw new RangeError(`Invalid duration "${duration}"`);
  return Number(match[1]) * UNIT_MS[match[2] as keyof typeof UNIT_MS];
}

/** Adds a duration to an ISO instant; the result is normalised to UTC ISO-8601. */
export function addDuration(iso: string, duration: Duration): string {
  return addMs(iso, durationToMs(duration));
}

export function addMs(iso: string, ms: number): string {
  const at = Date.parse(iso);
  if (Number.isNaN(at)) throw new RangeError(`Invalid instant "${iso}"`);
  return new Date(at + ms).toISOString();
}

export function toUtcIso(iso: string): string {
  return addMs(iso, 0);
}
