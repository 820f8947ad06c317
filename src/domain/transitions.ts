import { openStageDeadline } from './dueDates';
import { isTerminalStage, type Stage } from './stages';
import type { OrderState } from './types';
import type { Effect } from './effectKinds';

type DeadlineInputs = Parameters<typeof openStageDeadline>[0];

/** Deadline of a stage entered at `at`; closed orders have none. */
export function stageDeadline(state: DeadlineInputs, stage: Stage, at: string): string | null {
  return isTerminalStage(stage) ? null : openStageDeadline(state, stage, at);
}

/** The current stage's deadline again, after something it depends on (a due date, the L/C) changed. */
export function withFreshDeadline(state: OrderState): OrderState {
  return { ...state, stageDeadline: stageDeadline(state, state.stage, state.stageEnteredAt) };
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
  // A new stage starts with no time on hold (an order still on hold counts its hold from here).
  const { heldInStage: _held, ...fresh } = state;
  return {
    state: {
      ...fresh,
      stage,
      status: stage === 'COMPLETED' ? 'COMPLETED' : stage === 'CANCELLED' ? 'CANCELLED' : 'OPEN',
      stalled: false,
      stageEnteredAt: at,
      stageDeadline: stageDeadline(fresh, stage, at),
      remindersSentInStage: 0,
      closedAt: terminal ? at : null,
      // A closed order is not on hold any more.
      ...(terminal && fresh.hold ? { hold: null } : {}),
    },
    effect: { type: 'stageEntered', stage, at },
  };
}
