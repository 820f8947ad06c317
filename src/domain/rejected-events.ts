import { toUtcIso } from './duration';
import type { EventContext, OrderState, RejectedEvent } from './types';

/** Only the latest rejections are kept: the state is carried through continue-as-new and must stay small. */
export const MAX_REJECTED_EVENTS = 100;

/**
 * Records a signal the reducer turned down (signals are fire-and-forget, so this is the only
 * place an operator can see it). Accepts anything, since a rejected signal may not even parse.
 * `updatedAt` is left alone: nothing about the order itself changed.
 */
export function recordRejectedEvent(
  state: OrderState,
  event: unknown,
  reason: string,
  ctx: EventContext,
): OrderState {
  const fields = typeof event === 'object' && event !== null ? (event as Record<string, unknown>) : {};
  const entry: RejectedEvent = {
    eventId: typeof fields.eventId === 'string' ? fields.eventId : null,
    type: typeof fields.type === 'string' ? fields.type : 'UNKNOWN',
    at: toUtcIso(ctx.now),
    actor: ctx.actor,
    reason,
  };
  return { ...state, rejectedEvents: [...state.rejectedEvents, entry].slice(-MAX_REJECTED_EVENTS) };
}
