import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { DEFAULT_WORKING_CALENDAR, type WorkingCalendar } from '../domain';
import { isTimeZone, zoneOffsets } from './timeZone';

const DAY_MS = 86_400_000;
/** Years of zone offsets and dates an order takes along: the year before it starts to 5 after. */
const YEARS_BEFORE = 1;
const YEARS_AFTER = 5;

const date = z.iso.date();
const named = { name: z.string().min(1).max(200) };

/** A WORKING_CALENDAR_FILE (see config/calendars/README.md). */
export const workingCalendarFileSchema = z
  .object({
    name: z.string().min(1).max(100),
    timeZone: z
      .string()
      .refine(isTimeZone, 'an IANA time zone such as Asia/Shanghai')
      .default(DEFAULT_WORKING_CALENDAR.timeZone),
    weekend: z
      .array(z.number().int().min(1).max(7))
      .max(6)
      .refine((days) => new Set(days).size === days.length, 'must not repeat a day')
      .default([6, 7]),
    holidays: z
      .array(z.strictObject({ from: date, to: date.optional(), ...named }))
      .max(500)
      .default([]),
    workingDays: z
      .array(z.strictObject({ date, ...named }))
      .max(500)
      .default([]),
  })
  .loose()
  .superRefine((file, ctx) => {
    file.holidays.forEach((h, i) => {
      const days = h.to === undefined ? 1 : (Date.parse(h.to) - Date.parse(h.from)) / DAY_MS + 1;
      if (days < 1 || days > 60)
        ctx.addIssue({ code: 'custom', path: ['holidays', i, 'to'], message: 'from..to spans 1-60 days' });
    });
  });

export type WorkingCalendarFile = z.output<typeof workingCalendarFileSchema>;

/** The configured calendar; each order takes along the part around its start (`forOrderAt`). */
export interface WorkingCalendarConfig {
  name: string;
  timeZone: string;
  forOrderAt(at: Date): WorkingCalendar;
}

function datesOf(h: { from: string; to?: string }): string[] {
  const dates: string[] = [];
  for (let ms = Date.parse(h.from); ms <= Date.parse(h.to ?? h.from); ms += DAY_MS)
    dates.push(new Date(ms).toISOString().slice(0, 10));
  return dates;
}

export function workingCalendarConfig(file: WorkingCalendarFile): WorkingCalendarConfig {
  const holidays = [...new Set(file.holidays.flatMap(datesOf))].sort();
  const workingDays = [...new Set(file.workingDays.map((d) => d.date))].sort();
  const byStartYear = new Map<number, WorkingCalendar>();
  return {
    name: file.name,
    timeZone: file.timeZone,
    forOrderAt(at) {
      const year = at.getUTCFullYear();
      const cached = byStartYear.get(year);
      if (cached) return cached;
      const from = year - YEARS_BEFORE;
      const to = year + YEARS_AFTER;
      const inRange = (d: string) => Number(d.slice(0, 4)) >= from && Number(d.slice(0, 4)) <= to;
      const calendar: WorkingCalendar = {
        name: file.name,
        timeZone: file.timeZone,
        weekend: [...file.weekend].sort(),
        holidays: holidays.filter(inRange),
        workingDays: workingDays.filter(inRange),
        offsets: zoneOffsets(file.timeZone, Date.UTC(from, 0, 1), Date.UTC(to + 1, 0, 1)),
      };
      byStartYear.set(year, calendar);
      return calendar;
    },
  };
}

/** Reads and validates WORKING_CALENDAR_FILE; without one, Monday to Friday in Asia/Shanghai. */
export function loadWorkingCalendar(path: string | undefined): WorkingCalendarConfig {
  if (!path)
    return workingCalendarConfig(workingCalendarFileSchema.parse({ name: DEFAULT_WORKING_CALENDAR.name }));
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(path, 'utf8'));
  } catch (err) {
    throw new Error(`WORKING_CALENDAR_FILE: cannot read ${path} as JSON (${(err as Error).message})`);
  }
  const parsed = workingCalendarFileSchema.safeParse(json);
  if (!parsed.success)
    throw new Error(
      `WORKING_CALENDAR_FILE: ${path} is not a working calendar:\n${parsed.error.issues
        .map((i) => `    ${i.path.join('.')}: ${i.message}`)
        .join('\n')}`,
    );
  return workingCalendarConfig(parsed.data);
}
