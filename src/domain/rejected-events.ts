import { shorten, STATE_WINDOWS } from './bounds';
import { toUtcIso } from './duration';
import type { EventContext, OrderState, RejectedEvent } from './types';

/** Only the latest rejections are kept: the state is carried through continue-as-new and must stay small. */
export const MAX_REJECTED_EVENTS = STATE_WINDOWS.rejectedEvents;

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
    // Cut to size: a rejected signal may carry anything.
    eventId: typeof fields.eventId === 'string' ? shorten(fields.eventId, 128) : null,
    type: typeof fields.type === 'string' ? shorten(fields.type, 64) : 'UNKNOWN',
    at: toUtcIso(ctx.now),
    actor: shorten(ctx.actor, 100),
    reason: shorten(reason, 300),
  };
  return { ...state, rejectedEvents: [...state.rejectedEvents, entry].slice(-MAX_REJECTED_EVENTS) };
}
