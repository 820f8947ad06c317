import type { ValidationDetail } from './schemas/validation';
import type { Stage } from './stages';
import { enterStage } from './transitions';
import type { EventContext, OrderState } from './types';
import type { Effect } from './effectKinds';

/** What an event's or a fact's `decide` concluded; the entry points add the timeline entry and the bookkeeping around it. */
export type Outcome =
  | {
      kind: 'accepted';
      state: OrderState;
      effects: Effect[];
      summary: string;
      /** The earlier event this one corrects, reverses or undoes. */
      takesBack?: string;
    }
  | { kind: 'invalid'; message: string; details: ValidationDetail[] }
  | { kind: 'refused'; code: RefusalCode; message: string };

/** Refusals a decide gives beyond a field's validation: a correction not possible, a role too low. */
export type RefusalCode = 'CORRECTION_NOT_ALLOWED' | 'FORBIDDEN' | 'CREDIT_LIMIT_EXCEEDED';

export function accepted(state: OrderState, summary: string, effects: Effect[] = []): Outcome {
  return { kind: 'accepted', state, effects, summary };
}

export function invalid(message: string, details: ValidationDetail[]): Outcome {
  return { kind: 'invalid', message, details };
}

/** Accepts an event that takes `earlier` back (a correction, a reversal, an undo). */
export function takesBack(outcome: Outcome, earlier: string): Outcome {
  return outcome.kind === 'accepted' ? { ...outcome, takesBack: earlier } : outcome;
}

export function refused(code: RefusalCode, message: string): Outcome {
  return { kind: 'refused', code, message };
}

/** Accepts the event and moves to `stage`, with any further effects after the stage change. */
export function advance(
  state: OrderState,
  stage: Stage,
  ctx: EventContext,
  summary: string,
  effects: Effect[] = [],
): Outcome {
  const moved = enterStage(state, stage, ctx.now);
  return accepted(moved.state, summary, [moved.effect, ...effects]);
}
