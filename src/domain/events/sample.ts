import { appendBounded, STATE_WINDOWS } from '../bounds';
import { accepted, advance } from '../outcome';
import { line, optionalNote as note, text } from '../schemas/common';
import type { OrderState, SampleRound } from '../types';
import { both, inStage, sampleAwaitingVerdict } from './conditions';
import { defineEvent } from './define';

export const sampleSent = defineEvent({
  type: 'SAMPLE_SENT',
  description: 'A sample was sent: opens a sample round',
  fields: { courier: line(100, 'Courier'), trackingNo: line(100, 'Tracking number') },
  // A new round only once the previous sample got its verdict.
  allowedWhen: both(inStage('SAMPLE'), (s) => !sampleAwaitingVerdict(s)),
  nextStep: 'send a sample',
  decide(state, e, ctx) {
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
    return accepted(
      { ...state, sample },
      `Sample round ${round.round} sent by ${e.courier} (${e.trackingNo})`,
    );
  },
});

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

export const sampleApproved = defineEvent({
  type: 'SAMPLE_APPROVED',
  description: 'The customer approved the sample: -> CONTRACT',
  fields: { note },
  allowedWhen: both(inStage('SAMPLE'), sampleAwaitingVerdict),
  nextStep: "the customer's verdict on the sample",
  decide(state, e, ctx) {
    const next = decideLatestRound(state, 'APPROVED', e.note ?? null, ctx.now);
    return advance(next, 'CONTRACT', ctx, `Sample round ${state.sample.rounds} approved`);
  },
});

export const sampleRejected = defineEvent({
  type: 'SAMPLE_REJECTED',
  description: 'The customer rejected the sample; the next round needs SAMPLE_SENT',
  fields: { feedback: text(2000, "The customer's feedback") },
  allowedWhen: both(inStage('SAMPLE'), sampleAwaitingVerdict),
  decide(state, e, ctx) {
    const next = decideLatestRound(state, 'REJECTED', e.feedback, ctx.now);
    return accepted(next, `Sample round ${state.sample.rounds} rejected: ${e.feedback}`);
  },
});

export const sampleWaived = defineEvent({
  type: 'SAMPLE_WAIVED',
  description: 'A manager waives the required sample (also with a round pending): -> CONTRACT',
  fields: { reason: text(2000, 'Why the order goes on without an approved sample') },
  allowedWhen: inStage('SAMPLE'),
  requiredRole: 'manager',
  decide(state, e, ctx) {
    const waiver = { reason: e.reason, by: ctx.actor, at: ctx.now };
    const next = { ...state, sample: { ...state.sample, required: false, waiver } };
    return advance(next, 'CONTRACT', ctx, `Sample waived by ${ctx.actor}: ${e.reason}`);
  },
});
