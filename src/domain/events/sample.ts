import { NEVER } from '../corrections/common';
import { appendBounded, STATE_WINDOWS } from '../bounds';
import { accepted, advance } from '../outcome';
import { line, optionalNote as note, text } from '../schemas/common';
import { ownFields, type SharedCorrection } from '../corrections/define';
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
  correction: sampleRoundCorrection(['courier', 'trackingNo']),
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
  correction: { ...sampleRoundCorrection(['note']), otherwise: NEVER.decision },
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
  correction: sampleRoundCorrection(['feedback']),
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
  correction: {
    fields: ['reason'],
    current: (state) => ({ reason: state.sample.waiver?.reason }),
    apply(state, changes) {
      const waiver = state.sample.waiver;
      if (!waiver || changes.reason === undefined) return state;
      return { ...state, sample: { ...state.sample, waiver: { ...waiver, reason: changes.reason } } };
    },
  },
  decide(state, e, ctx) {
    const waiver = { reason: e.reason, by: ctx.actor, at: ctx.now };
    const next = { ...state, sample: { ...state.sample, required: false, waiver } };
    return advance(next, 'CONTRACT', ctx, `Sample waived by ${ctx.actor}: ${e.reason}`);
  },
});

/** Which field of the sample round an event's field was written to (an approval's note is its feedback). */
const ROUND_FIELD = {
  courier: 'courier',
  trackingNo: 'trackingNo',
  feedback: 'feedback',
  note: 'feedback',
} as const;
type RoundField = keyof typeof ROUND_FIELD;

/** The sample round an event opened or decided: its words are corrected in that round. */
function sampleRoundCorrection<const F extends RoundField>(fields: readonly F[]): SharedCorrection<F> {
  const roundOf = (state: OrderState, instance: number | undefined) =>
    state.sample.history.find((r) => r.round === instance);
  return {
    fields: ownFields(fields),
    instance: (after) => after.sample.rounds,
    current(state, target) {
      const round = roundOf(state, target.instance);
      if (!round) return {};
      return Object.fromEntries(fields.map((f) => [f, round[ROUND_FIELD[f]]])) as Partial<Record<F, unknown>>;
    },
    apply(state, changes, target) {
      if (!roundOf(state, target.instance))
        return 'the sample round is no longer among those the order keeps';
      const set = Object.fromEntries(
        Object.entries(changes).map(([f, value]) => [ROUND_FIELD[f as RoundField], value]),
      );
      const history = state.sample.history.map((r) => (r.round === target.instance ? { ...r, ...set } : r));
      return { ...state, sample: { ...state.sample, history } };
    },
  };
}
