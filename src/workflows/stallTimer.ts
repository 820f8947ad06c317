import { CancellationScope, isCancellation, sleep } from '@temporalio/workflow';
import { nextReminder, type OrderState } from '../domain';

/**
 * One durable timer for the order's next stall reminder. It is replanned after every change but
 * only restarted when the due time actually moves, so ordinary events add no timer churn to history.
 */
export class StallTimer {
  /** Set when the timer fired; the workflow clears it when it starts the reminder. */
  due = false;
  private scope: CancellationScope | undefined;
  private plannedFor: string | undefined;
  private held = false;

  constructor(private readonly currentState: () => OrderState) {}

  /** While a reminder is being sent, the changes it causes (stalled, reminder count) plan nothing yet. */
  hold(): void {
    this.held = true;
  }

  release(): void {
    this.held = false;
  }

  replan(): void {
    if (this.held) return;
    const state = this.currentState();
    const reminder = nextReminder(state);
    if (reminder?.dueAt === this.plannedFor) return;
    this.cancel();
    if (!reminder) return;
    this.plannedFor = reminder.dueAt;
    const ms = Math.max(0, Date.parse(reminder.dueAt) - Date.now());
    const scope = new CancellationScope();
    this.scope = scope;
    scope
      .run(() =>
        sleep(ms, {
          summary: `${state.stage.toLowerCase()} reminder #${reminder.sequence} due at ${reminder.dueAt}`,
        }),
      )
      .then(
        () => {
          if (this.scope !== scope) return;
          this.scope = undefined;
          this.plannedFor = undefined;
          this.due = true;
        },
        (err: unknown) => {
          if (!isCancellation(err)) throw err;
        },
      );
  }

  cancel(): void {
    this.scope?.cancel();
    this.scope = undefined;
    this.plannedFor = undefined;
  }
}
