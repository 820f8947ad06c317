import { nextMoneyReminderAt } from '../domain/finance/deadlines';
import type { OrderState } from '../domain';
import { DueTimer } from './dueTimer';

/** The durable timer for the next money deadline's reminder (rebate filing, insurer declaration). */
export class MoneyTimer extends DueTimer {
  constructor(private readonly currentState: () => OrderState) {
    super();
  }

  replan(): void {
    const dueAt = nextMoneyReminderAt(this.currentState()) ?? undefined;
    this.planFor(dueAt, () => `money deadline reminder at ${dueAt}`);
  }
}
