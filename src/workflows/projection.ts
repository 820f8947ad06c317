import { condition, proxyActivities } from '@temporalio/workflow';
import type { ReadModelActivities } from '../activities/readModel';
import type { OrderState, SentEmail, TimelineRecord } from '../domain';

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
 * `lazy` (release 1.1): a write waits for a quiet moment (LAZY_WRITE), or for `flushNow`.
 */
export class ReadModelProjection {
  private records: TimelineRecord[] = [];
  private emails: SentEmail[] = [];
  private changed = false;
  private writing = false;
  private urgent = false;
  /** Bumped by every change: a quiet period is one in which it stays the same. */
  private changes = 0;

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
    this.changes++;
    if (!this.writing) void this.writeAll();
  }

  /** Writes what is pending without waiting for a quiet moment (the run is about to end). */
  flushNow(): void {
    this.urgent = true;
  }

  /** True when everything so far is in the read model. */
  get settled(): boolean {
    return !this.changed && !this.writing;
  }

  private async writeAll(): Promise<void> {
    this.writing = true;
    try {
      while (this.changed) {
        if (this.lazy) await this.quietMoment();
        const records = this.takeBatch();
        const emails = this.emails.splice(0, this.emails.length);
        this.changed = this.records.length > 0;
        const state = this.currentState();
        await readModel.projectOrder.executeWithOptions(
          { summary: `read model up to event #${state.timelineTotal}` },
          [{ state, records, emails, company: this.company() }],
        );
      }
    } finally {
      this.writing = false;
    }
  }

  /**
   * Resolves once no change came for `quietMs`, `maxDelayMs` after it was called, or on `flushNow`.
   * A change restarts the wait in the same workflow task (its timer is cancelled, not fired), so a
   * burst of events costs one timer that fires.
   */
  private async quietMoment(): Promise<void> {
    const latest = Date.now() + LAZY_WRITE.maxDelayMs;
    for (;;) {
      const seen = this.changes;
      const wait = Math.min(LAZY_WRITE.quietMs, latest - Date.now());
      if (this.urgent || wait <= 0) return;
      const changedMeanwhile = await condition(() => this.urgent || this.changes !== seen, wait);
      if (!changedMeanwhile) return;
    }
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
