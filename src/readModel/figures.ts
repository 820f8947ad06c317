import type { OrderFigures } from './types';

type Query = <R extends object>(text: string, params?: unknown[]) => Promise<R[]>;

/**
 * The figures the business gauges show, straight from the read model: each a short aggregate over
 * the orders' own columns (indexed where the list needs them too). Only open orders count towards
 * stages, stalls and money; `failedEmails` are effects that failed for good and wait for an operator.
 */
export async function orderFigures(query: Query, now: Date): Promise<OrderFigures> {
  const [stages, stalls, money, sent, failed] = await Promise.all([
    query<{ stage: string; n: number }>(
      `SELECT stage, count(*)::int AS n FROM orders WHERE status = 'OPEN' GROUP BY stage`,
    ),
    query<{ n: number; oldest: Date | null }>(
      // A stage stalls when its deadline passes: the earliest deadline of a stalled order is the oldest stall.
      `SELECT count(*)::int AS n, min(stage_deadline) AS oldest FROM orders WHERE status = 'OPEN' AND stalled`,
    ),
    query<{ currency: string; outstanding: string; overdue: string }>(
      `SELECT outstanding_currency AS currency, sum(amount_outstanding)::text AS outstanding,
         coalesce(sum(amount_outstanding) FILTER (WHERE next_due_at < $1), 0)::text AS overdue
       FROM orders WHERE status = 'OPEN' AND amount_outstanding > 0 GROUP BY outstanding_currency`,
      [now],
    ),
    query<{ purpose: string; n: number }>(`SELECT purpose, count(*)::int AS n FROM emails GROUP BY purpose`),
    query<{ effect: string; n: number }>(
      `SELECT f->>'effect' AS effect, count(*)::int AS n
       FROM orders, jsonb_array_elements(coalesce(view->'failedEffects', '[]'::jsonb)) AS f
       WHERE jsonb_array_length(coalesce(view->'failedEffects', '[]'::jsonb)) > 0
       GROUP BY 1`,
    ),
  ]);
  const oldest = stalls[0]?.oldest;
  return {
    openByStage: Object.fromEntries(stages.map((r) => [r.stage, r.n])),
    stalled: stalls[0]?.n ?? 0,
    oldestStallSeconds: oldest ? Math.max(0, (now.getTime() - oldest.getTime()) / 1000) : 0,
    outstandingByCurrency: Object.fromEntries(money.map((r) => [r.currency, Number(r.outstanding)])),
    overdueByCurrency: Object.fromEntries(money.map((r) => [r.currency, Number(r.overdue)])),
    emailsSentByPurpose: Object.fromEntries(sent.map((r) => [r.purpose, r.n])),
    failedEffects: Object.fromEntries(failed.map((r) => [r.effect, r.n])),
  };
}
