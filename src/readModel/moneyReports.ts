/**
 * The money reports: the export VAT rebates by month and the profit by month and customer, in CNY.
 * They read the order's stored view (`orders.view`, jsonb) rather than columns of their own: the
 * figures are the view's very words (rebate, cny), so the report and the order page cannot
 * disagree, no migration or projection change has to follow every new field, and an order
 * projected before the reports existed is counted as soon as it has the fields. The scans are per
 * company (row-level security), as the receivables' are. Sums run in SQL numeric and then BigInt
 * fen, never in floats.
 */
import { DEFAULT_WORKING_CALENDAR } from '../domain/calendar';
import { addMoney, compareMoney, zero, type Money } from '../domain/money';
import { customerExposure, type ExposureReport } from './exposureReport';
import type { Query } from './scopedPool';

/** The months a report covers (YYYY-MM, both inclusive); null: unbounded. */
export interface MonthRange {
  from: string | null;
  to: string | null;
}

export const REBATE_BUCKETS = ['PENDING', 'FILED', 'RECEIVED'] as const;
export type RebateBucket = (typeof REBATE_BUCKETS)[number];

export interface RebateFigures {
  count: number;
  /** Of `count`, the rebates whose expected amount is not known yet (a rate or an invoice missing). */
  withoutExpected: number;
  expected: Money;
  received: Money;
}

export interface RebatesReport extends MonthRange {
  /** Each rebate once, in its current state, in the month of that state's date (see the route). */
  months: ({ month: string } & Record<RebateBucket, RebateFigures>)[];
  totals: Record<RebateBucket, RebateFigures>;
  /** Rebates not filed yet, whatever the months: the nearest deadline first, at most OPEN_REBATES_LISTED. */
  open: OpenRebate[];
  /** How many rebates are not filed yet (`open` may list fewer). */
  openCount: number;
}

export interface OpenRebate {
  orderId: string;
  customer: string;
  status: 'PENDING' | 'DOCUMENTS_RECORDED';
  exportDate: string;
  deadline: string;
  deadlineAt: string;
  expected: Money | null;
}

export interface ProfitFigures {
  orders: number;
  /** Of `orders`, those with receipts in foreign currency not settled yet (their revenue is partial). */
  unsettledOrders: number;
  revenue: Money;
  rebate: Money;
  costs: Money;
  profit: Money;
}

export interface ProfitReport extends MonthRange {
  months: ({ month: string } & ProfitFigures)[];
  /** Per customer (the record when the order names one, else the company name), highest profit first. */
  customers: ({ customerId: string | null; customer: string } & ProfitFigures)[];
  totals: ProfitFigures;
}

export interface MoneyReports {
  /** Rebates pending, filed and received by month, and the open ones by deadline. */
  rebates(range: MonthRange): Promise<RebatesReport>;
  /** Profit in CNY by month and by customer. */
  profit(range: MonthRange): Promise<ProfitReport>;
  /** Each customer's credit exposure against its limits, the most used first (exposureReport.ts). */
  exposure(): Promise<ExposureReport>;
}

/** The open rebates the report lists; the count says how many there are in all. */
export const OPEN_REBATES_LISTED = 500;

const cny = (amount: string | null): Money => ({ amount: amount ?? '0.00', currency: 'CNY' });
const sum = (expr: string) => `coalesce(sum(${expr}), 0)::numeric(20, 2)::text`;
const inRange = `($1::text IS NULL OR month >= $1) AND ($2::text IS NULL OR month <= $2)`;

/**
 * Pending (not filed: PENDING or DOCUMENTS_RECORDED) by the month of its export date; FILED by the
 * month of its filing; RECEIVED by the month it was received (in the exporter's zone).
 * NOT_APPLICABLE is left out.
 */
export const REBATES_BY_MONTH_SQL = `
  WITH r AS (
    SELECT view->'rebate' AS rebate FROM orders
    WHERE jsonb_typeof(view->'rebate') = 'object' AND view->'rebate'->>'status' <> 'NOT_APPLICABLE'
  ), m AS (
    SELECT
      CASE rebate->>'status' WHEN 'FILED' THEN 'FILED' WHEN 'RECEIVED' THEN 'RECEIVED' ELSE 'PENDING' END AS bucket,
      CASE rebate->>'status'
        WHEN 'FILED' THEN left(rebate->'filed'->>'filedOn', 7)
        WHEN 'RECEIVED' THEN to_char((rebate->>'receivedAt')::timestamptz AT TIME ZONE (rebate->>'timeZone'), 'YYYY-MM')
        ELSE left(rebate->>'exportDate', 7)
      END AS month,
      (rebate->'expected'->>'amount')::numeric AS expected,
      (rebate->'received'->>'amount')::numeric AS received
    FROM r
  )
  SELECT month, bucket, count(*)::int AS count, (count(*) - count(expected))::int AS without_expected,
    ${sum('expected')} AS expected, ${sum('received')} AS received
  FROM m WHERE ${inRange}
  GROUP BY month, bucket ORDER BY month, bucket`;

export interface RebatesSqlRow {
  month: string;
  bucket: RebateBucket;
  count: number;
  without_expected: number;
  expected: string;
  received: string;
}

export const OPEN_REBATES_SQL = `
  SELECT order_id, customer_company AS customer, view->'rebate'->>'status' AS status,
    view->'rebate'->>'exportDate' AS export_date, view->'rebate'->>'deadline' AS deadline,
    view->'rebate'->>'deadlineAt' AS deadline_at, view->'rebate'->'expected'->>'amount' AS expected,
    count(*) OVER ()::int AS total
  FROM orders
  WHERE view->'rebate'->>'status' IN ('PENDING', 'DOCUMENTS_RECORDED')
  ORDER BY view->'rebate'->>'deadlineAt', order_id
  LIMIT $1`;

export interface OpenRebatesSqlRow {
  order_id: string;
  customer: string;
  status: OpenRebate['status'];
  export_date: string;
  deadline: string;
  deadline_at: string;
  expected: string | null;
  total: number;
}

/**
 * Every order with a contract (its view has `cny`), in the month it closed (completed or
 * cancelled), or of its contract while it is open, in the exporter's zone ($3: when the order keeps
 * none). Grouped by month, and by customer over the same months.
 */
export const PROFIT_SQL = `
  WITH p AS (
    SELECT view->>'customerId' AS customer_id,
      CASE WHEN view->>'customerId' IS NULL THEN customer_company END AS customer_key,
      customer_company, updated_at,
      to_char(coalesce((view->>'closedAt')::timestamptz, (view->'contract'->>'signedAt')::timestamptz)
        AT TIME ZONE coalesce(view->'policy'->'calendar'->>'timeZone', $3), 'YYYY-MM') AS month,
      jsonb_array_length(coalesce(view->'cny'->'unsettled', '[]'::jsonb)) > 0 AS unsettled,
      (view->'cny'->'revenue'->>'amount')::numeric AS revenue,
      (view->'cny'->'rebate'->>'amount')::numeric AS rebate,
      (view->'cny'->'costs'->>'amount')::numeric AS costs,
      (view->'cny'->'profit'->>'amount')::numeric AS profit
    FROM orders WHERE jsonb_typeof(view->'cny') = 'object'
  )
  SELECT grouping(month) = 0 AS by_month, month, customer_id,
    (array_agg(customer_company ORDER BY updated_at DESC))[1] AS customer,
    count(*)::int AS orders, count(*) FILTER (WHERE unsettled)::int AS unsettled_orders,
    ${sum('revenue')} AS revenue, ${sum('rebate')} AS rebate, ${sum('costs')} AS costs, ${sum('profit')} AS profit
  FROM p WHERE ${inRange}
  GROUP BY GROUPING SETS ((month), (customer_id, customer_key))`;

export interface ProfitSqlRow {
  by_month: boolean;
  month: string | null;
  customer_id: string | null;
  customer: string;
  orders: number;
  unsettled_orders: number;
  revenue: string;
  rebate: string;
  costs: string;
  profit: string;
}

const noRebates = (): RebateFigures => ({
  count: 0,
  withoutExpected: 0,
  expected: zero('CNY'),
  received: zero('CNY'),
});

const addRebates = (a: RebateFigures, b: RebateFigures): RebateFigures => ({
  count: a.count + b.count,
  withoutExpected: a.withoutExpected + b.withoutExpected,
  expected: addMoney(a.expected, b.expected),
  received: addMoney(a.received, b.received),
});

export function rebatesReport(
  range: MonthRange,
  rows: RebatesSqlRow[],
  open: OpenRebatesSqlRow[],
): RebatesReport {
  const months = new Map<string, RebatesReport['months'][number]>();
  const totals = { PENDING: noRebates(), FILED: noRebates(), RECEIVED: noRebates() };
  for (const r of rows) {
    let m = months.get(r.month);
    if (!m) {
      m = { month: r.month, PENDING: noRebates(), FILED: noRebates(), RECEIVED: noRebates() };
      months.set(r.month, m);
    }
    const figures = {
      count: r.count,
      withoutExpected: r.without_expected,
      expected: cny(r.expected),
      received: cny(r.received),
    };
    m[r.bucket] = addRebates(m[r.bucket], figures);
    totals[r.bucket] = addRebates(totals[r.bucket], figures);
  }
  return {
    ...range,
    months: [...months.values()].sort((a, b) => a.month.localeCompare(b.month)),
    totals,
    open: open.map((o) => ({
      orderId: o.order_id,
      customer: o.customer,
      status: o.status,
      exportDate: o.export_date,
      deadline: o.deadline,
      deadlineAt: o.deadline_at,
      expected: o.expected === null ? null : cny(o.expected),
    })),
    openCount: open[0]?.total ?? 0,
  };
}

const profitFigures = (r: ProfitSqlRow): ProfitFigures => ({
  orders: r.orders,
  unsettledOrders: r.unsettled_orders,
  revenue: cny(r.revenue),
  rebate: cny(r.rebate),
  costs: cny(r.costs),
  profit: cny(r.profit),
});

const noProfit = (): ProfitFigures => ({
  orders: 0,
  unsettledOrders: 0,
  revenue: zero('CNY'),
  rebate: zero('CNY'),
  costs: zero('CNY'),
  profit: zero('CNY'),
});

export function profitReport(range: MonthRange, rows: ProfitSqlRow[]): ProfitReport {
  const months: ProfitReport['months'] = [];
  const customers: ProfitReport['customers'] = [];
  let totals = noProfit();
  for (const r of rows) {
    const figures = profitFigures(r);
    if (r.by_month && r.month !== null) {
      months.push({ month: r.month, ...figures });
      totals = {
        orders: totals.orders + figures.orders,
        unsettledOrders: totals.unsettledOrders + figures.unsettledOrders,
        revenue: addMoney(totals.revenue, figures.revenue),
        rebate: addMoney(totals.rebate, figures.rebate),
        costs: addMoney(totals.costs, figures.costs),
        profit: addMoney(totals.profit, figures.profit),
      };
    } else customers.push({ customerId: r.customer_id, customer: r.customer, ...figures });
  }
  return {
    ...range,
    months: months.sort((a, b) => a.month.localeCompare(b.month)),
    customers: customers.sort(
      (a, b) => compareMoney(b.profit, a.profit) || a.customer.localeCompare(b.customer),
    ),
    totals,
  };
}

export function moneyReports(query: Query): MoneyReports {
  return {
    async rebates(range) {
      const [rows, open] = await Promise.all([
        query<RebatesSqlRow>(REBATES_BY_MONTH_SQL, [range.from, range.to]),
        query<OpenRebatesSqlRow>(OPEN_REBATES_SQL, [OPEN_REBATES_LISTED]),
      ]);
      return rebatesReport(range, rows, open);
    },
    async profit(range) {
      const rows = await query<ProfitSqlRow>(PROFIT_SQL, [
        range.from,
        range.to,
        DEFAULT_WORKING_CALENDAR.timeZone,
      ]);
      return profitReport(range, rows);
    },
    exposure: () => customerExposure(query),
  };
}
