import { DEFAULT_WORKING_CALENDAR, limitDeadline } from './calendar';
import { isTerminalStage, type Stage } from './stages';
import type { Effect, OrderState } from './types';

/** Deadline of a stage entered at `at`, on the order's working calendar; closed orders have none. */
export function stageDeadline(state: Pick<OrderState, 'policy'>, stage: Stage, at: string): string | null {
  if (isTerminalStage(stage)) return null;
  const { stageTimeLimits, calendar } = state.policy;
  return limitDeadline(at, stageTimeLimits[stage], calendar ?? DEFAULT_WORKING_CALENDAR);
}

/**
 * Moves the order into `stage`: a new stage restarts the stall clock and its reminder count,
 * and the workflow learns it through the `stageEntered` effect.
 */
export function enterStage(
  state: OrderState,
  stage: Stage,
  at: string,
): { state: OrderState; effect: Effect } {
  const terminal = isTerminalStage(stage);
  return {
    state: {
      ...state,
      stage,
      status: stage === 'COMPLETED' ? 'COMPLETED' : stage === 'CANCELLED' ? 'CANCELLED' : 'OPEN',
      stalled: false,
      stageEnteredAt: at,
      stageDeadline: stageDeadline(state, stage, at),
      remindersSentInStage: 0,
      closedAt: terminal ? at : null,
    },
    effect: { type: 'stageEntered', stage, at },
  };
}
