import { proxyActivities } from '@temporalio/workflow';
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
 * guarantee, not the way events reach the read model: the activity waits `waitMs` before it writes
 * (the order's state as it was when the write was scheduled), and the next write, with what came
 * meanwhile, is scheduled when it is done. A burst of events is then one write every `waitMs`. What
 * only the workflow records (emails sent, reminders, its facts) reaches the read model within about
 * twice that.
 */
export const LAZY_WRITE = { waitMs: 3_000 };

/**
 * Keeps the order's read model in step: accepted events and sent emails queue here and go out in
 * batches, one write in flight at a time, each with the order as it is when the write starts. A
 * write is scheduled by a committed workflow task, so it holds only what history holds.
 * `lazy` (release 1.1): each write waits in its activity (LAZY_WRITE) unless the run is ending.
 */
export class ReadModelProjection {
  private records: TimelineRecord[] = [];
  private emails: SentEmail[] = [];
  private changed = false;
  private writing = false;
  private urgent = false;

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
    if (!this.writing) void this.writeAll();
  }

  /** The run is about to end: the next writes go without waiting. */
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
        const records = this.takeBatch();
        const emails = this.emails.splice(0, this.emails.length);
        this.changed = this.records.length > 0;
        const state = this.currentState();
        const wait = this.lazy && !this.urgent ? { waitMs: LAZY_WRITE.waitMs } : {};
        await readModel.projectOrder.executeWithOptions(
          { summary: `read model up to event #${state.timelineTotal}` },
          [{ state, records, emails, company: this.company(), ...wait }],
        );
      }
    } finally {
      this.writing = false;
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
