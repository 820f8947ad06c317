import { addMs, durationToMs } from './duration';
import { isTerminalStage } from './stages';
import type { OrderState } from './types';

export interface ReminderPlan {
  dueAt: string;
  /** 1-based number of this reminder within the current stage. */
  sequence: number;
  to: string[];
  cc: string[];
  escalated: boolean;
}

/**
 * The next stall reminder of the current stage: the first is due at the stage deadline, then one
 * every `repeatEvery`. Once `escalateAfter` reminders went out in this stage, the escalation
 * address (if any) is copied. Closed orders and orders on hold are never chased, nor a stage that has had its
 * `maxRemindersPerStage`.
 */
export function nextReminder(state: OrderState): ReminderPlan | null {
  if (isTerminalStage(state.stage) || state.stageDeadline === null || state.hold) return null;
  const { repeatEvery, escalateAfter, escalateTo, maxRemindersPerStage } = state.policy;
  if (maxRemindersPerStage !== undefined && state.remindersSentInStage >= maxRemindersPerStage) return null;
  const sequence = state.remindersSentInStage + 1;
  const escalated = escalateTo !== null && state.remindersSentInStage >= escalateAfter;
  return {
    dueAt: addMs(state.stageDeadline, state.remindersSentInStage * durationToMs(repeatEvery)),
    sequence,
    to: [state.accountManager.email],
    cc: escalated ? [escalateTo] : [],
    escalated,
  };
}
