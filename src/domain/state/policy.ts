/** The order's stall policy and working calendar, fixed when it starts. */
import { OPEN_STAGES } from '../stages';
import { describe, z } from '../zod';

/** The zone's UTC offset from `from` on (until the next entry). */
export const zoneOffsetSchema = z.object({ from: z.string(), minutes: z.number() });
export type ZoneOffset = z.output<typeof zoneOffsetSchema>;

/**
 * The exporter's working days, as data. The UTC offsets of `timeZone` are precomputed when the
 * order starts (outside the workflow), so deadlines never depend on the tz database of whichever
 * worker replays the order.
 */
export const workingCalendarSchema = z.object({
  name: z.string(),
  /** IANA zone the dates below are local to, e.g. Asia/Shanghai. */
  timeZone: z.string(),
  /** ISO weekdays off (1 Monday ... 7 Sunday), unless listed in `workingDays`. */
  weekend: z.array(z.number()),
  /** Local dates (YYYY-MM-DD) off work. */
  holidays: z.array(z.string()),
  /** Weekend dates worked instead (China's make-up working days around Spring Festival and National Day). */
  workingDays: z.array(z.string()),
  /** Ascending by `from`; before the first entry its offset holds, after the last the last one's. */
  offsets: z.array(zoneOffsetSchema),
});
export type WorkingCalendar = z.output<typeof workingCalendarSchema>;

/** Fully resolved stall policy of one order: defaults merged with the order's own overrides. */
export const stallPolicySchema = z.object({
  /** Per open stage: a Duration ("36h") or working time ("3wd"); see duration.ts. */
  stageTimeLimits: z.record(z.enum(OPEN_STAGES), z.string()),
  /** Interval between reminders once a stage is stalled (a Duration). */
  repeatEvery: z.string(),
  /** Reminders in one stage after which `escalateTo` is copied. */
  escalateAfter: z.number(),
  escalateTo: z.nullable(z.string()),
  /**
   * Reminders in one stage after which the order stops chasing (it stays stalled). Fixed when the
   * order starts; absent in orders started before the cap existed, which keep reminding.
   */
  maxRemindersPerStage: z.optional(z.number()),
  /**
   * The working calendar "3wd" limits count on, fixed when the order starts (the configured one,
   * its zone offsets precomputed); orders without one count Monday to Friday in China Standard Time.
   */
  calendar: describe(
    z.optional(workingCalendarSchema),
    'The working calendar working-day limits ("3wd") count on',
  ),
});
export type StallPolicy = z.output<typeof stallPolicySchema>;
