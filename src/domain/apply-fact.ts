import { decideSafely, settle } from './decision';
import { toUtcIso } from './duration';
import { decideFact } from './facts';
import type { Decision } from './decisionTypes';
import type { EventContext, OrderState } from './types';
import type { SystemEvent } from './effectKinds';

/**
 * One of the workflow's own facts (a stall, a reminder sent, an effect's result). Typed, not
 * parsed: only the workflow produces them. Refused only when the fact no longer applies (a stall
 * for a stage the order has left). Never mutates `state` and never throws.
 */
export function applyFact(state: OrderState, fact: SystemEvent, context: EventContext): Decision {
  const ctx = { ...context, now: toUtcIso(context.now) };
  const outcome = decideSafely(() => decideFact(state, fact, ctx));
  return settle(state, fact, outcome, ctx, { key: null, fromClient: false });
}
