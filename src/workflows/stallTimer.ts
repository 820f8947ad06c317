import { nextReminder, type OrderState } from '../domain';
import { DueTimer } from './dueTimer';

/** The durable timer for the order's next stall reminder. */
export class StallTimer extends DueTimer {
  private held = false;

  constructor(private readonly currentState: () => OrderState) {
    super();
  }

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
    this.planFor(
      reminder?.dueAt,
      () => `${state.stage.toLowerCase()} reminder #${reminder?.sequence} due at ${reminder?.dueAt}`,
    );
  }
}
