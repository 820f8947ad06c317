/**
 * Working-calendar arithmetic: weekends, holidays, make-up working days and time zones, by example
 * and as properties over random calendars.
 */
import fc from 'fast-check';
import { join } from 'node:path';
import { zoneOffsets } from '../../src/config/timeZone';
import { loadWorkingCalendar } from '../../src/config/workingCalendar';
import {
  DEFAULT_WORKING_CALENDAR,
  addWorkingTime,
  isWorkingDate,
  limitDeadline,
  workingDaysBetween,
  workingTimeBetween,
  type WorkingCalendar,
} from '../../src/domain';

const DAY = 86_400_000;
const HOUR = 3_600_000;
const shanghai = DEFAULT_WORKING_CALENDAR;
const cn2027 = loadWorkingCalendar(join(__dirname, '../../config/calendars/cn-2027.json')).forOrderAt(
  new Date('2027-01-10T00:00:00Z'),
);

function zoned(timeZone: string, year = 2027): WorkingCalendar {
  return {
    ...shanghai,
    name: timeZone,
    timeZone,
    offsets: zoneOffsets(timeZone, Date.UTC(year - 1, 0, 1), Date.UTC(year + 2, 0, 1)),
  };
}

describe('working days on the default calendar (Monday to Friday, Asia/Shanghai)', () => {
  it('from Friday evening, one working day ends on Monday evening, not on Saturday', () => {
    // Friday 2027-03-05 18:00 in Shanghai is 10:00 UTC.
    expect(limitDeadline('2027-03-05T10:00:00Z', '1wd', shanghai)).toBe('2027-03-08T10:00:00.000Z');
    expect(workingDaysBetween('2027-03-05T10:00:00Z', '2027-03-08T10:00:00Z', shanghai)).toBe(1);
  });

  it('from a weekend, the clock starts on Monday morning', () => {
    // Saturday noon: one working day is all of Monday, so it ends at Tuesday 00:00 local.
    expect(limitDeadline('2027-03-06T04:00:00Z', '1wd', shanghai)).toBe('2027-03-08T16:00:00.000Z');
  });

  it('counts working hours round the clock on working days only', () => {
    // Friday 20:00 local + 8 working hours: 4 on Friday, 4 on Monday.
    expect(limitDeadline('2027-03-05T12:00:00Z', '8wh', shanghai)).toBe('2027-03-07T20:00:00.000Z');
  });

  it('leaves calendar durations as elapsed time', () => {
    expect(limitDeadline('2027-03-05T10:00:00Z', '24h', shanghai)).toBe('2027-03-06T10:00:00.000Z');
    expect(limitDeadline('2027-03-05T10:00:00Z', '3d', shanghai)).toBe('2027-03-08T10:00:00.000Z');
  });

  it('ends exactly at the end of a working day when that is when the time runs out', () => {
    // Thursday 00:00 local + 2 working days: the end of Friday, i.e. Saturday 00:00 local.
    expect(limitDeadline('2027-03-03T16:00:00Z', '2wd', shanghai)).toBe('2027-03-05T16:00:00.000Z');
  });
});

describe('China 2027 (config/calendars/cn-2027.json)', () => {
  it('skips the Spring Festival and counts its make-up Sunday', () => {
    expect(isWorkingDate(cn2027, '2027-02-08')).toBe(false);
    expect(isWorkingDate(cn2027, '2027-02-14')).toBe(true); // a Sunday worked instead
    // Thursday 2027-02-04 10:00 local + 1wd: 5-13 February off, Sunday the 14th is worked.
    expect(limitDeadline('2027-02-04T02:00:00Z', '1wd', cn2027)).toBe('2027-02-14T02:00:00.000Z');
  });

  it('works the make-up Sunday before the Spring Festival', () => {
    // Saturday 2027-01-30 noon + 1wd: Sunday the 31st is a working day, so it ends at its end.
    expect(limitDeadline('2027-01-30T04:00:00Z', '1wd', cn2027)).toBe('2027-01-31T16:00:00.000Z');
  });

  it('skips the National Day week and works its make-up Saturday', () => {
    // Thursday 30 September 09:00 local + 2wd: 15 h on the 30th, 1-7 October off, all of Friday
    // the 8th, and 9 h of Saturday the 9th (a make-up working day).
    expect(limitDeadline('2027-09-30T01:00:00Z', '2wd', cn2027)).toBe('2027-10-09T01:00:00.000Z');
    expect(workingDaysBetween('2027-09-30T01:00:00Z', '2027-10-09T01:00:00Z', cn2027)).toBe(2);
  });

  it('takes along only the years around the order and the zone offsets of those years', () => {
    expect(cn2027.holidays.every((d) => d >= '2026' && d < '2033')).toBe(true);
    expect(cn2027.offsets).toEqual([{ from: '2026-01-01T00:00:00.000Z', minutes: 480 }]);
  });
});

describe('time zones', () => {
  it('finds the DST changes of a zone from the tz database', () => {
    expect(zoneOffsets('America/New_York', Date.UTC(2027, 0, 1), Date.UTC(2028, 0, 1))).toEqual([
      { from: '2027-01-01T00:00:00.000Z', minutes: -300 },
      { from: '2027-03-14T07:00:00.000Z', minutes: -240 },
      { from: '2027-11-07T06:00:00.000Z', minutes: -300 },
    ]);
  });

  it('counts working days in local wall-clock time across a DST change', () => {
    // Friday 2027-03-12 18:00 EST; clocks go forward on Sunday: Monday 18:00 EDT.
    expect(limitDeadline('2027-03-12T23:00:00Z', '1wd', zoned('America/New_York'))).toBe(
      '2027-03-15T22:00:00.000Z',
    );
  });

  it('the same instant is Friday night in London and Saturday morning in Shanghai', () => {
    const fridayNightLondon = '2027-03-05T23:00:00Z';
    expect(limitDeadline(fridayNightLondon, '1wd', zoned('Europe/London'))).toBe('2027-03-08T23:00:00.000Z');
    expect(limitDeadline(fridayNightLondon, '1wd', shanghai)).toBe('2027-03-08T16:00:00.000Z');
  });
});

// Random calendars: any weekend of 0-5 days, holidays and make-up days in 2026-2028, any fixed offset.
const dateIn = fc
  .integer({ min: Date.UTC(2026, 0, 1) / DAY, max: Date.UTC(2028, 11, 31) / DAY })
  .map((day) => new Date(day * DAY).toISOString().slice(0, 10));
const calendarArb: fc.Arbitrary<WorkingCalendar> = fc.record({
  name: fc.constant('random'),
  timeZone: fc.constant('Etc/Random'),
  weekend: fc.uniqueArray(fc.integer({ min: 1, max: 7 }), { maxLength: 5 }),
  holidays: fc.uniqueArray(dateIn, { maxLength: 60 }),
  workingDays: fc.uniqueArray(dateIn, { maxLength: 10 }),
  offsets: fc
    .integer({ min: -48, max: 56 })
    .map((quarters) => [{ from: '2000-01-01T00:00:00.000Z', minutes: quarters * 15 }]),
});
const startArb = fc
  .integer({ min: Date.UTC(2026, 0, 1), max: Date.UTC(2028, 5, 1) })
  .map((ms) => new Date(ms - (ms % 60_000)).toISOString());
const workingMsArb = fc.oneof(
  fc.integer({ min: 1, max: 30 }).map((n) => n * DAY),
  fc.integer({ min: 1, max: 200 }).map((n) => n * HOUR),
);

describe('properties', () => {
  it('exactly the working time asked for passes between start and deadline, and no less will do', () => {
    fc.assert(
      fc.property(calendarArb, startArb, workingMsArb, (calendar, start, workingMs) => {
        const deadline = addWorkingTime(start, workingMs, calendar);
        expect(Date.parse(deadline)).toBeGreaterThanOrEqual(Date.parse(start) + workingMs);
        expect(workingTimeBetween(start, deadline, calendar)).toBe(workingMs);
        const aMinuteEarlier = new Date(Date.parse(deadline) - 60_000).toISOString();
        expect(workingTimeBetween(start, aMinuteEarlier, calendar)).toBeLessThan(workingMs);
      }),
      { numRuns: 300 },
    );
  });

  it('the deadline falls in a working day or at the very end of one', () => {
    fc.assert(
      fc.property(calendarArb, startArb, workingMsArb, (calendar, start, workingMs) => {
        const deadline = Date.parse(addWorkingTime(start, workingMs, calendar));
        const offset = calendar.offsets[0].minutes * 60_000;
        const localDateJustBefore = new Date(deadline - 1 + offset).toISOString().slice(0, 10);
        expect(isWorkingDate(calendar, localDateJustBefore)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('working time adds up: a then b is a + b', () => {
    fc.assert(
      fc.property(calendarArb, startArb, workingMsArb, workingMsArb, (calendar, start, a, b) => {
        const inTwoSteps = addWorkingTime(addWorkingTime(start, a, calendar), b, calendar);
        expect(inTwoSteps).toBe(addWorkingTime(start, a + b, calendar));
      }),
      { numRuns: 200 },
    );
  });

  it('without days off, working time is elapsed time', () => {
    const everyDay = { ...shanghai, weekend: [] };
    fc.assert(
      fc.property(startArb, workingMsArb, (start, workingMs) => {
        expect(Date.parse(addWorkingTime(start, workingMs, everyDay))).toBe(Date.parse(start) + workingMs);
      }),
    );
  });
});
