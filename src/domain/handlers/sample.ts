import { appendBounded, STATE_WINDOWS } from '../bounds';
import type { EventOf } from '../schemas/events';
import type { EventContext, OrderState, SampleRound } from '../types';
import { accepted, advance, type Outcome } from './outcome';

export function sampleSent(state: OrderState, e: EventOf<'SAMPLE_SENT'>, ctx: EventContext): Outcome {
  const round: SampleRound = {
    round: state.sample.rounds + 1,
    courier: e.courier,
    trackingNo: e.trackingNo,
    sentAt: ctx.now,
    outcome: 'PENDING',
    decidedAt: null,
    feedback: null,
  };
  const sample = {
    ...state.sample,
    rounds: round.round,
    history: appendBounded(state.sample.history, round, STATE_WINDOWS.sampleRounds),
  };
  return accepted({ ...state, sample }, `Sample round ${round.round} sent by ${e.courier} (${e.trackingNo})`);
}

/** Closes the pending round with the customer's verdict. */
function decideLatestRound(
  state: OrderState,
  outcome: 'APPROVED' | 'REJECTED',
  feedback: string | null,
  now: string,
): OrderState {
  const history = state.sample.history.map((r, i, all) =>
    i === all.length - 1 ? { ...r, outcome, decidedAt: now, feedback } : r,
  );
  return { ...state, sample: { ...state.sample, approved: outcome === 'APPROVED', history } };
}

export function sampleApproved(state: OrderState, e: EventOf<'SAMPLE_APPROVED'>, ctx: EventContext): Outcome {
  const next = decideLatestRound(state, 'APPROVED', e.note ?? null, ctx.now);
  return advance(next, 'CONTRACT', ctx, `Sample round ${state.sample.rounds} approved`);
}

export function sampleRejected(state: OrderState, e: EventOf<'SAMPLE_REJECTED'>, ctx: EventContext): Outcome {
  const next = decideLatestRound(state, 'REJECTED', e.feedback, ctx.now);
  return accepted(next, `Sample round ${state.sample.rounds} rejected: ${e.feedback}`);
}
