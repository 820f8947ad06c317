/** Putting an order on hold and resuming it: no chasing while held, the stage's time limit moved by the hold. */
import { wordsOnly } from '../corrections/define';
import { DEFAULT_WORKING_CALENDAR, workingTimeBetween } from '../calendar';
import { accepted } from '../outcome';
import { optionalNote, text } from '../schemas/common';
import { isTerminalStage } from '../stages';
import { withFreshDeadline } from '../transitions';
import type { OrderState } from '../types';
import { defineEvent } from './define';

const isOpen = (s: OrderState) => !isTerminalStage(s.stage);

export const orderOnHold = defineEvent({
  type: 'ORDER_ON_HOLD',
  description:
    'Put the order on hold (the customer asked to wait, the factory is closed): no stall reminders until ORDER_RESUMED; other events still apply',
  fields: { reason: text(2000, 'Why the order waits') },
  allowedWhen: (s) => isOpen(s) && !s.hold,
  correction: wordsOnly(['reason']),
  decide(state, e, ctx) {
    const hold = { reason: e.reason, since: ctx.now, by: ctx.actor };
    return accepted({ ...state, hold }, `Order on hold: ${e.reason}`);
  },
});

export const orderResumed = defineEvent({
  type: 'ORDER_RESUMED',
  description:
    "Resume an order on hold: the current stage's deadline moves by the time held (working time for working-day limits); payment due dates do not move",
  fields: { note: optionalNote },
  allowedWhen: (s) => isOpen(s) && Boolean(s.hold),
  nextStep: 'the order to be resumed',
  correction: wordsOnly(['note']),
  decide(state, e, ctx) {
    if (!state.hold) throw new Error('ORDER_RESUMED without a hold');
    // Only the part of the hold spent in the current stage moves its deadline.
    const from =
      Date.parse(state.hold.since) > Date.parse(state.stageEnteredAt)
        ? state.hold.since
        : state.stageEnteredAt;
    const ms = Math.max(0, Date.parse(ctx.now) - Date.parse(from));
    const calendar = state.policy.calendar ?? DEFAULT_WORKING_CALENDAR;
    const workingMs = workingTimeBetween(from, ctx.now, calendar);
    const before = state.heldInStage ?? { ms: 0, workingMs: 0 };
    const resumed = withFreshDeadline({
      ...state,
      hold: null,
      heldInStage: { ms: before.ms + ms, workingMs: before.workingMs + workingMs },
    });
    // A stage whose moved deadline lies ahead is no longer late.
    const stalled = resumed.stalled && Date.parse(resumed.stageDeadline ?? ctx.now) <= Date.parse(ctx.now);
    const note = e.note ? `: ${e.note}` : '';
    return accepted(
      { ...resumed, stalled },
      `Order resumed after ${hoursText(ms)} on hold; stage deadline ${resumed.stageDeadline}${note}`,
    );
  },
});

function hoursText(ms: number): string {
  const hours = Math.round(ms / 3_600_000);
  return hours >= 48 ? `${Math.round(hours / 24)} days` : `${hours} h`;
}
