import { proxyActivities } from '@temporalio/workflow';
import type { ReadModelActivities } from '../activities/readModel';
import type { OrderState, SentEmail, TimelineRecord } from '../domain';
import { DueTimer } from './dueTimer';

// The read model is written until PostgreSQL takes it: retried without end (an outage only delays
// it, Temporal holds the events meanwhile), and each write is idempotent. Retries at most 10 s
// apart: the read model is back within about 10 s of the database (at 30 s the chaos run saw 12-17 s).
// A write takes milliseconds; one lost with a killed worker is retried after 10 s, not 30.
const readModel = proxyActivities<ReadModelActivities>({
  startToCloseTimeout: '10s',
  retry: { initialInterval: '1s', backoffCoefficient: 2, maximumInterval: '10s' },
});

/** At most this much per write: each one is a payload in history, and those have a size limit. */
const MAX_BATCH = { records: 100, chars: 256_000 };

/**
 * Since release 1.1 the API writes each event's records from its answer, so this write is the
 * guarantee, not the way events reach the read model: it waits until the order has been quiet this
 * long, and goes at the latest this long after the first change it has not written. What only the
 * workflow records (emails sent, reminders, facts) reaches the read model within about `quietMs`.
 */
export const LAZY_WRITE = { quietMs: 3_000, maxDelayMs: 30_000 };

/**
 * Keeps the order's read model in step: accepted events and sent emails queue here and go out in
 * batches, one write in flight at a time, each with the order as it is when the write starts. A
 * write is scheduled by a committed workflow task, so it holds only what history holds.
 *
 * `lazy` (release 1.1): a change plans a write once the order is quiet (LAZY_WRITE), on a timer
 * that the next change moves (cancelled and started again in the task that took the change). When
 * it fires it sets `due`, and the workflow's main loop calls `flush`: the write then starts in the
 * loop's turn, whatever order the timer and an update came in within one workflow task, so a
 * replay issues the same commands.
 */
export class ReadModelProjection {
  private records: TimelineRecord[] = [];
  private emails: SentEmail[] = [];
  private changed = false;
  private writing = false;
  private urgent = false;
  /** When the oldest change not yet written came (lazy): the write goes at the latest maxDelayMs after. */
  private pendingSince: number | undefined;
  private readonly quiet = new DueTimer();

  constructor(
    private readonly currentState: () => OrderState,
    private readonly company: () => string | undefined,
    private readonly lazy = false,
  ) {}

  /** An accepted event (and the email it recorded, if any). */
  add(record: TimelineRecord, email?: SentEmail): void {
    this.records.push(record);
    if (email) this.emails.push(email);
    this.touch();
  }

  /** The order changed without an event of its own (a refused signal was recorded). */
  touch(): void {
    this.changed = true;
    if (!this.lazy) {
      if (!this.writing) void this.writeAll();
      return;
    }
    this.pendingSince ??= Date.now();
    if (this.urgent) this.flush();
    else if (!this.writing) this.planQuietWrite();
  }

  /** The quiet moment came (lazy): the main loop calls `flush`. */
  get due(): boolean {
    return this.quiet.due;
  }

  /** Starts the write of what is pending (unless one is in flight: it plans the next when done). */
  flush(): void {
    this.quiet.due = false;
    this.quiet.cancel();
    if (this.changed && !this.writing) void this.writeLazily();
  }

  /** Writes what is pending without waiting for a quiet moment (the run is about to end). */
  flushNow(): void {
    this.urgent = true;
    this.flush();
  }

  /** True when everything so far is in the read model. */
  get settled(): boolean {
    return !this.changed && !this.writing;
  }

  private planQuietWrite(): void {
    const at = Math.min(
      Date.now() + LAZY_WRITE.quietMs,
      (this.pendingSince ?? Date.now()) + LAZY_WRITE.maxDelayMs,
    );
    this.quiet.planFor(new Date(at).toISOString(), () => 'write the read model once the order is quiet');
  }

  /** Release 1.0: a write right after every change, one in flight. */
  private async writeAll(): Promise<void> {
    this.writing = true;
    try {
      while (this.changed) await this.writeBatch();
    } finally {
      this.writing = false;
    }
  }

  /** Release 1.1: everything pending, then the next write waits for the next quiet moment. */
  private async writeLazily(): Promise<void> {
    this.writing = true;
    this.pendingSince = undefined;
    try {
      // A batch over the size limit leaves records behind: they go at once, as does all of it when urgent.
      do await this.writeBatch();
      while (this.changed && (this.urgent || this.records.length > 0));
    } finally {
      this.writing = false;
    }
    if (this.changed) {
      this.pendingSince ??= Date.now();
      this.planQuietWrite();
    }
  }

  private async writeBatch(): Promise<void> {
    const records = this.takeBatch();
    const emails = this.emails.splice(0, this.emails.length);
    this.changed = this.records.length > 0;
    const state = this.currentState();
    await readModel.projectOrder.executeWithOptions(
      { summary: `read model up to event #${state.timelineTotal}` },
      [{ state, records, emails, company: this.company() }],
    );
  }

  private takeBatch(): TimelineRecord[] {
    let chars = 0;
    let count = 0;
    for (const record of this.records) {
      chars += JSON.stringify(record).length;
      if (count > 0 && (count >= MAX_BATCH.records || chars > MAX_BATCH.chars)) break;
      count++;
    }
    return this.records.splice(0, count);
  }
}
