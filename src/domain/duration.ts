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
