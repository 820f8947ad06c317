import type { FiguresByCompany, OrderFigures } from './types';

type Query = <R extends object>(text: string, params?: unknown[]) => Promise<R[]>;

const none = (): OrderFigures => ({
  openByStage: {},
  stalled: 0,
  oldestStallSeconds: 0,
  outstandingByCurrency: {},
  overdueByCurrency: {},
  emailsSentByPurpose: {},
  failedEffects: {},
});

/**
 * The figures the business gauges show, per company (by id), straight from the read model: each a
 * short aggregate over the orders' own columns (indexed where the list needs them too). Only open
 * orders count towards stages, stalls and money; `failedEmails` are effects that failed for good
 * and wait for an operator. Every company the query may see has its figures, zero when it has no
 * orders.
 */
export async function orderFigures(query: Query, now: Date): Promise<FiguresByCompany> {
  const [companies, stages, stalls, money, sent, failed] = await Promise.all([
    query<{ company: string }>('SELECT id AS company FROM companies'),
    query<{ company: string; stage: string; n: number }>(
      `SELECT company, stage, count(*)::int AS n FROM orders WHERE status = 'OPEN' GROUP BY company, stage`,
    ),
    query<{ company: string; n: number; oldest: Date | null }>(
      // A stage stalls when its deadline passes: the earliest deadline of a stalled order is the oldest stall.
      `SELECT company, count(*)::int AS n, min(stage_deadline) AS oldest FROM orders
       WHERE status = 'OPEN' AND stalled GROUP BY company`,
    ),
    query<{ company: string; currency: string; outstanding: string; overdue: string }>(
      `SELECT company, outstanding_currency AS currency, sum(amount_outstanding)::text AS outstanding,
         coalesce(sum(amount_outstanding) FILTER (WHERE next_due_at < $1), 0)::text AS overdue
       FROM orders WHERE status = 'OPEN' AND amount_outstanding > 0 GROUP BY company, outstanding_currency`,
      [now],
    ),
    query<{ company: string; purpose: string; n: number }>(
      `SELECT company, purpose, count(*)::int AS n FROM emails GROUP BY company, purpose`,
    ),
    query<{ company: string; effect: string; n: number }>(
      `SELECT company, f->>'effect' AS effect, count(*)::int AS n
       FROM orders, jsonb_array_elements(coalesce(view->'failedEffects', '[]'::jsonb)) AS f
       WHERE jsonb_array_length(coalesce(view->'failedEffects', '[]'::jsonb)) > 0
       GROUP BY 1, 2`,
    ),
  ]);
  const byCompany: FiguresByCompany = {};
  const of = (company: string): OrderFigures => (byCompany[company] ??= none());
  for (const { company } of companies) of(company);
  for (const r of stages) of(r.company).openByStage[r.stage] = r.n;
  for (const r of stalls) {
    const f = of(r.company);
    f.stalled = r.n;
    f.oldestStallSeconds = r.oldest ? Math.max(0, (now.getTime() - r.oldest.getTime()) / 1000) : 0;
  }
  for (const r of money) {
    of(r.company).outstandingByCurrency[r.currency] = Number(r.outstanding);
    of(r.company).overdueByCurrency[r.currency] = Number(r.overdue);
  }
  for (const r of sent) of(r.company).emailsSentByPurpose[r.purpose] = r.n;
  for (const r of failed) of(r.company).failedEffects[r.effect] = r.n;
  return byCompany;
}
