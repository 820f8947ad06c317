/** Hold and resume: no reminders while held; the stage deadline moves by the time held. */
import {
  DEFAULT_STALL_POLICY,
  DEFAULT_WORKING_CALENDAR,
  applyEvent,
  createOrder,
  limitDeadline,
  nextReminder,
  type AnyEvent,
  type OrderState,
} from '../../src/domain';
import { example, newOrder, T0 } from './fixtures';

const HOUR = 3_600_000;
const at = (ms: number) => new Date(Date.parse(T0) + ms).toISOString();
function step(state: OrderState, event: AnyEvent, ms: number): OrderState {
  const d = applyEvent(state, event, { now: at(ms), actor: 'ops' });
  if (!d.ok) throw new Error(`${event.type}: ${d.message}`);
  return d.state;
}
const orderWith = (INQUIRY: string) =>
  createOrder(
    newOrder(),
    { ...DEFAULT_STALL_POLICY, stageTimeLimits: { ...DEFAULT_STALL_POLICY.stageTimeLimits, INQUIRY } },
    { now: T0, actor: 'ops' },
  );

describe('an order on hold', () => {
  it('is not chased, takes other events, and cannot be put on hold twice', () => {
    const held = step(orderWith('24h'), example('ORDER_ON_HOLD'), HOUR);
    expect(held.hold).toMatchObject({ since: at(HOUR), by: 'ops' });
    expect(nextReminder(held)).toBeNull();
    expect(step(held, example('NOTE_ADDED'), 2 * HOUR).hold).toEqual(held.hold);
    expect(applyEvent(held, example('ORDER_ON_HOLD'), { now: at(2 * HOUR), actor: 'ops' })).toMatchObject({
      ok: false,
      code: 'EVENT_NOT_ALLOWED',
    });
  });

  it('on resume, moves a calendar-time deadline by the time held, and the reminder with it', () => {
    const s = orderWith('24h');
    const resumed = step(step(s, example('ORDER_ON_HOLD'), HOUR), example('ORDER_RESUMED'), 31 * HOUR);
    expect(resumed.hold).toBeNull();
    expect(resumed.stageDeadline).toBe(at(24 * HOUR + 30 * HOUR));
    expect(nextReminder(resumed)?.dueAt).toBe(resumed.stageDeadline);
  });

  it('moves a working-day deadline by the working time held only (a weekend on hold moves nothing)', () => {
    // T0 is Thursday 2026-11-26 16:00 in Shanghai; held from Friday 24:00 to Monday 00:00 (CST).
    const s = orderWith('2wd');
    const friMidnight = Date.parse('2026-11-27T16:00:00Z') - Date.parse(T0);
    const monMidnight = friMidnight + 48 * HOUR;
    const resumed = step(
      step(s, example('ORDER_ON_HOLD'), friMidnight),
      example('ORDER_RESUMED'),
      monMidnight,
    );
    expect(resumed.stageDeadline).toBe(s.stageDeadline);
    // Held for Monday's working day too: one working day later.
    const longer = step(
      step(s, example('ORDER_ON_HOLD'), friMidnight),
      example('ORDER_RESUMED'),
      monMidnight + 24 * HOUR,
    );
    expect(longer.stageDeadline).toBe(limitDeadline(T0, '3wd', DEFAULT_WORKING_CALENDAR));
  });

  it('counts only the hold spent in the current stage, and clears it when the order closes', () => {
    const held = step(orderWith('24h'), example('ORDER_ON_HOLD'), HOUR);
    const quoted = step(held, example('QUOTATION_SENT'), 10 * HOUR);
    expect(quoted.heldInStage).toBeUndefined();
    const resumed = step(quoted, example('ORDER_RESUMED'), 12 * HOUR);
    expect(resumed.heldInStage?.ms).toBe(2 * HOUR);
    expect(resumed.stageDeadline).toBe(at(10 * HOUR + 7 * 24 * HOUR + 2 * HOUR));
    const cancelled = step(
      step(resumed, example('ORDER_ON_HOLD'), 13 * HOUR),
      example('ORDER_CANCELLED'),
      14 * HOUR,
    );
    expect(cancelled.hold).toBeNull();
  });
});
