import { CancellationScope, isCancellation, sleep } from '@temporalio/workflow';
import { archiveDueAt } from '../domain/archive';
import type { Duration, OrderState } from '../domain';

/**
 * One durable timer for a closed order's archiving: due once the order is settled and quiet for
 * the quiet period. Replanned after every change, restarted only when the due time moves.
 */
export class ArchiveTimer {
  /** Set when the timer fired; the workflow clears it when it checks the order. */
  due = false;
  private scope: CancellationScope | undefined;
  private plannedFor: string | null = null;

  constructor(
    private readonly currentState: () => OrderState,
    private readonly quietPeriod: Duration,
  ) {}

  /** When the order is due to be archived now (null: not settled). */
  dueAt(): string | null {
    return archiveDueAt(this.currentState(), this.quietPeriod);
  }

  replan(): void {
    const dueAt = this.dueAt();
    if (dueAt === this.plannedFor) return;
    this.cancel();
    if (dueAt === null) return;
    this.plannedFor = dueAt;
    const scope = new CancellationScope();
    this.scope = scope;
    scope
      .run(() =>
        sleep(Math.max(0, Date.parse(dueAt) - Date.now()), {
          summary: `archive at ${dueAt} unless an event comes first`,
        }),
      )
      .then(
        () => {
          if (this.scope !== scope) return;
          this.scope = undefined;
          this.plannedFor = null;
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
    this.plannedFor = null;
  }
}
