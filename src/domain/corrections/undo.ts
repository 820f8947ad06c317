/**
 * EVENT_UNDONE: a wrong click that moved the stage (SAMPLE_APPROVED for SAMPLE_REJECTED) is taken
 * back while nothing irreversible followed it: the order is put back as it was before it, and the
 * earlier stage starts again (its stall clock from now).
 */
import { advance, refused, takesBack, type Outcome } from '../outcome';
import type { EventContext, OrderState } from '../types';
import { correctionRecords } from './records';

export interface UndoRequest {
  undoesEventId: string;
  reason: string;
}

export function undoEvent(state: OrderState, request: UndoRequest, ctx: EventContext): Outcome {
  const id = request.undoesEventId;
  const { events, undoPoint } = correctionRecords(state);
  if (!undoPoint || undoPoint.eventId !== id) {
    const event = events.find((e) => e.eventId === id);
    if (!event) return refused('CORRECTION_NOT_ALLOWED', `no event ${id} this order can take back`);
    if (event.movedTo === undefined)
      return refused(
        'CORRECTION_NOT_ALLOWED',
        `${event.type} did not move the stage: correct it with EVENT_CORRECTED`,
      );
    const latest = undoPoint ? ` (${undoPoint.type} ${undoPoint.eventId})` : '';
    return refused('CORRECTION_NOT_ALLOWED', `only the latest stage move${latest} can be undone`);
  }
  if (!undoPoint.before)
    return refused(
      'CORRECTION_NOT_ALLOWED',
      `${undoPoint.type} can no longer be undone: ${undoPoint.blockedBy ?? 'something irreversible followed it'}`,
    );
  const restored: OrderState = { ...state, ...undoPoint.before };
  const summary = `${undoPoint.type} undone by ${ctx.actor}: ${state.stage} back to ${restored.stage} (${request.reason})`;
  return takesBack(advance(restored, restored.stage, ctx, summary), id);
}
