import { AGE_BUCKETS, AGE_BUCKET_KEYS, type AgeBucket } from '../domain/receivables';
import { STAGES, OPEN_STAGES } from '../domain/stages';
import { addMoney, compareMoney, zero, type Money } from '../domain/money';
import type { ReceivablesReport, ReceivablesRow, StageTimesReport, StalledReport } from './types';

/** The projection's stage row: the first time the order is seen in a stage (a replay changes nothing). */
export const insertStageEntered = (orderId: string, stage: string, enteredAt: string) => `
  INSERT INTO stage_entered (order_id, stage, entered_at) VALUES (${orderId}, ${stage}, ${enteredAt})
  ON CONFLICT DO NOTHING`;

/** Whole days an order's next payment is past due at $1 (a date); null without a due date. */
const DAYS_PAST_DUE = `($1::date - (next_due_at AT TIME ZONE 'UTC')::date)`;

/** AGE_BUCKETS as a SQL CASE over DAYS_PAST_DUE. */
const BUCKET_SQL = `CASE WHEN next_due_at IS NULL THEN '${AGE_BUCKETS[0].key}' ${AGE_BUCKETS.map((b) => {
  const bounds = [
    b.minDays === null ? null : `${DAYS_PAST_DUE} >= ${b.minDays}`,
    b.maxDays === null ? null : `${DAYS_PAST_DUE} <= ${b.maxDays}`,
  ].filter(Boolean);
  return `WHEN ${bounds.join(' AND ')} THEN '${b.key}'`;
}).join(' ')} END`;

/** Sums per customer, currency and bucket, and per currency and bucket (customer null). */
export const RECEIVABLES_SQL = `
  SELECT customer_company AS customer, outstanding_currency AS currency, ${BUCKET_SQL} AS bucket,
    sum(amount_outstanding)::numeric(20, 2)::text AS amount, count(*)::int AS orders
  FROM orders
  WHERE status = 'OPEN' AND amount_outstanding > 0
  GROUP BY GROUPING SETS ((customer_company, outstanding_currency, bucket), (outstanding_currency, bucket))`;

export interface ReceivablesSqlRow {
  customer: string | null;
  currency: string;
  bucket: AgeBucket;
  amount: string;
  orders: number;
}

/** Per account manager (by email) and stage; the name as the most recently updated order has it. */
export const STALLED_SQL = `
  SELECT account_manager_email AS manager, stage, count(*)::int AS stalled, min(stage_deadline) AS since,
    (array_agg(view->'accountManager'->>'name' ORDER BY updated_at DESC))[1] AS name
  FROM orders
  WHERE stalled AND status = 'OPEN'
  GROUP BY account_manager_email, stage`;

export interface StalledSqlRow {
  manager: string;
  name: string | null;
  stage: string;
  stalled: number;
  since: Date | null;
}

/**
 * Each stay ends when the order enters its next stage ($1: the stages in order break ties of one
 * instant); stays still open are left out. Percentiles interpolate (percentile_cont).
 */
export const STAGE_TIMES_SQL = `
  WITH stays AS (
    SELECT stage,
      extract(epoch FROM lead(entered_at) OVER (
        PARTITION BY order_id ORDER BY entered_at, array_position($1::text[], stage)
      ) - entered_at) / 86400 AS days
    FROM stage_entered
  )
  SELECT stage, count(*)::int AS count,
    round((percentile_cont(0.5) WITHIN GROUP (ORDER BY days))::numeric, 2)::float8 AS median,
    round((percentile_cont(0.9) WITHIN GROUP (ORDER BY days))::numeric, 2)::float8 AS p90
  FROM stays
  WHERE days IS NOT NULL AND stage = ANY($2::text[])
  GROUP BY stage`;

export const STAGE_TIMES_PARAMS = [[...STAGES], [...OPEN_STAGES]];

export interface StageTimesSqlRow {
  stage: string;
  count: number;
  median: number | null;
  p90: number | null;
}

function emptyRow(currency: string): ReceivablesRow {
  const buckets = Object.fromEntries(AGE_BUCKET_KEYS.map((k) => [k, zero(currency)])) as Record<
    AgeBucket,
    Money
  >;
  return { currency, buckets, total: zero(currency), orders: 0 };
}

function rowOf<K, R extends ReceivablesRow>(rows: Map<K, R>, key: K, make: () => R): R {
  const found = rows.get(key);
  if (found) return found;
  const made = make();
  rows.set(key, made);
  return made;
}

/** The SQL's sums as the report: every bucket present (zero when empty), largest totals first. */
export function receivablesReport(asOf: string, rows: ReceivablesSqlRow[]): ReceivablesReport {
  const customers = new Map<string, ReceivablesRow & { customer: string }>();
  const totals = new Map<string, ReceivablesRow>();
  for (const r of rows) {
    const { customer } = r;
    const target =
      customer === null
        ? rowOf(totals, r.currency, () => emptyRow(r.currency))
        : rowOf(customers, `${customer}\u001f${r.currency}`, () => ({ customer, ...emptyRow(r.currency) }));
    const amount = { amount: r.amount, currency: r.currency };
    target.buckets[r.bucket] = amount;
    target.total = addMoney(target.total, amount);
    target.orders += r.orders;
  }
  const byAmount = (a: ReceivablesRow, b: ReceivablesRow) =>
    a.currency.localeCompare(b.currency) || compareMoney(b.total, a.total);
  return {
    asOf,
    customers: [...customers.values()].sort((a, b) => byAmount(a, b) || a.customer.localeCompare(b.customer)),
    totals: [...totals.values()].sort(byAmount),
  };
}

export function stalledReport(rows: StalledSqlRow[]): StalledReport {
  const managers = new Map<string, StalledReport['accountManagers'][number]>();
  for (const r of rows) {
    let m = managers.get(r.manager);
    if (!m) {
      m = {
        accountManager: r.manager,
        name: r.name ?? r.manager,
        stalled: 0,
        byStage: {},
        stalledSince: null,
      };
      managers.set(r.manager, m);
    } else if (m.name === m.accountManager && r.name) m.name = r.name;
    m.stalled += r.stalled;
    m.byStage[r.stage] = r.stalled;
    const since = r.since ? r.since.toISOString() : null;
    if (since && (m.stalledSince === null || since < m.stalledSince)) m.stalledSince = since;
  }
  const accountManagers = [...managers.values()].sort(
    (a, b) => b.stalled - a.stalled || a.accountManager.localeCompare(b.accountManager),
  );
  return { accountManagers, total: accountManagers.reduce((n, m) => n + m.stalled, 0) };
}

export function stageTimesReport(rows: StageTimesSqlRow[]): StageTimesReport {
  const byStage = new Map(rows.map((r) => [r.stage, r]));
  return {
    stages: OPEN_STAGES.map((stage) => {
      const r = byStage.get(stage);
      return { stage, count: r?.count ?? 0, medianDays: r?.median ?? null, p90Days: r?.p90 ?? null };
    }),
  };
}
