import { CancellationScope, isCancellation, sleep } from '@temporalio/workflow';

/**
 * One durable timer towards a due time the order's state decides. It is replanned after every
 * change but only restarted when the due time actually moves, so ordinary events add no timer
 * churn to history. `due` is set when it fires; the workflow clears it when it acts.
 */
export class DueTimer {
  due = false;
  private scope: CancellationScope | undefined;
  private plannedFor: string | undefined;

  /** Sleeps until `dueAt` (none: no timer); `summary` names the timer in the history. */
  planFor(dueAt: string | undefined, summary: () => string): void {
    if (dueAt === this.plannedFor) return;
    this.cancel();
    if (dueAt === undefined) return;
    this.plannedFor = dueAt;
    const scope = new CancellationScope();
    this.scope = scope;
    scope
      .run(() => sleep(Math.max(0, Date.parse(dueAt) - Date.now()), { summary: summary() }))
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
