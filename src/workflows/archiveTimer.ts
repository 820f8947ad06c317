import { archiveDueAt } from '../domain/archive';
import type { Duration, OrderState } from '../domain';
import { DueTimer } from './dueTimer';

/** The durable timer for a closed order's archiving: due once it is settled and quiet for the quiet period. */
export class ArchiveTimer extends DueTimer {
  constructor(
    private readonly currentState: () => OrderState,
    private readonly quietPeriod: Duration,
  ) {
    super();
  }

  /** When the order is due to be archived now (null: not settled). */
  dueAt(): string | null {
    return archiveDueAt(this.currentState(), this.quietPeriod);
  }

  replan(): void {
    const dueAt = this.dueAt() ?? undefined;
    this.planFor(dueAt, () => `archive at ${dueAt} unless an event comes first`);
  }
}
