/**
 * The read model as a client sees it: how long after an event's answer `GET /orders/{id}` shows it
 * (sampled, polled beside the closed loop), and, after a round, whether every order's timeline in
 * PostgreSQL holds all of its events.
 */
import { DEFAULT_COMPANY, orderWorkflowId } from '../src/domain/company';
import type { Client } from '@temporalio/client';
import type { Pool } from 'pg';
import { orderQuery } from '../src/workflows/messages';
import { http, sleep } from './lib';

const POLL_MS = 10;

export class LagSampler {
  readonly lagsMs: number[] = [];
  private readonly pending = new Set<Promise<void>>();
  private seen = 0;

  /** Every `1 / fraction`-th event is followed (0 follows none). */
  constructor(
    private readonly base: string,
    private readonly fraction: number,
  ) {}

  /** An event answered at `answeredAt` (performance.now()) with the order at `timelineTotal`. */
  answered(orderId: string, timelineTotal: number | undefined, answeredAt: number): void {
    if (timelineTotal === undefined || this.fraction <= 0) return;
    if (this.seen++ % Math.round(1 / this.fraction) !== 0) return;
    const work = this.follow(orderId, timelineTotal, answeredAt);
    this.pending.add(work);
    void work.finally(() => this.pending.delete(work));
  }

  async settled(): Promise<void> {
    await Promise.all([...this.pending]);
  }

  private async follow(orderId: string, timelineTotal: number, answeredAt: number): Promise<void> {
    const deadline = answeredAt + 60_000;
    while (performance.now() < deadline) {
      const r = await http(this.base, 'GET', `/orders/${orderId}`);
      if (r.status === 200 && (r.body.timelineTotal ?? 0) >= timelineTotal) {
        this.lagsMs.push(performance.now() - answeredAt);
        return;
      }
      await sleep(POLL_MS);
    }
    this.lagsMs.push(Infinity);
  }
}

export interface ReadModelCheck {
  orders: number;
  /** Orders whose timeline in PostgreSQL missed an event (or an accepted eventId) at the deadline. */
  incomplete: string[];
  /** From the check's start until the last order was complete. */
  caughtUpMs: number;
}

/**
 * Every order's timeline count in PostgreSQL equals the workflow's own `timelineTotal` (its result:
 * the bench's orders run to the end), and every eventId the API accepted is in it.
 */
export async function checkReadModel(
  client: Client,
  pool: Pool,
  accepted: Map<string, string[]>,
  timeoutMs = 60_000,
): Promise<ReadModelCheck> {
  const t0 = performance.now();
  // An order stays open after its last event (until it is archived): its count is asked each time,
  // as the workflow's own facts (emails sent) may still be coming.
  const timelineTotal = async (orderId: string) =>
    (await client.workflow.getHandle(orderWorkflowId(DEFAULT_COMPANY, orderId)).query(orderQuery))
      .timelineTotal;
  let incomplete = [...accepted.keys()];
  while (incomplete.length) {
    const { rows } = await pool.query<{ order_id: string; n: string; ids: string[] }>(
      `SELECT order_id, count(*) AS n, array_agg(event_id) AS ids FROM timeline
       WHERE order_id = ANY($1) GROUP BY order_id`,
      [incomplete],
    );
    const found = new Map(rows.map((r) => [r.order_id, r]));
    const expected = new Map(
      await Promise.all(incomplete.map(async (id) => [id, await timelineTotal(id)] as const)),
    );
    incomplete = incomplete.filter((id) => {
      const row = found.get(id);
      if (!row || Number(row.n) !== expected.get(id)) return true;
      const ids = new Set(row.ids);
      return !(accepted.get(id) ?? []).every((eventId) => ids.has(eventId));
    });
    if (!incomplete.length || performance.now() - t0 > timeoutMs) break;
    await sleep(100);
  }
  return { orders: accepted.size, incomplete, caughtUpMs: performance.now() - t0 };
}
