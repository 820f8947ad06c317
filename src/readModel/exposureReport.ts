/**
 * The customer exposure report: per customer, the money its open OA/DA/DP orders still owe (and
 * the credit held for contracts being signed) per currency, against its credit and insured limits.
 * The exposure is the customer page's and the credit check's very figure: the same rows
 * (creditExposureItems), summed in SQL numeric; the standing is worked out in integer minor units.
 */
import { CREDIT_METHODS } from '../domain/finance/credit';
import { creditStanding, type CreditStanding } from '../domain/finance/exposure';
import type { CustomerRecord } from '../domain/customers';
import { fromMinor, toMinor, type Money } from '../domain/money';
import { creditExposureItems, limitCurrency } from './customers';
import type { Query } from './scopedPool';

export interface CustomerExposure extends CreditStanding {
  customerId: string;
  customer: string;
  /** The currency the limits are counted in (the credit limit's, else the insured limit's), else the exposure's. */
  currency: string | null;
  /** What the customer owes on credit, per currency (by code); empty when nothing. */
  exposure: Money[];
  /** The open credit orders (and contracts being signed) the exposure is made of. */
  orders: number;
  creditLimit: Money | null;
  insurance: { insurer: string; limit: Money } | null;
}

export interface ExposureReport {
  /** Highest utilisation first; customers without a limit last, then by name. */
  customers: CustomerExposure[];
  totals: { exposure: Money[]; orders: number; beyondLimit: number };
}

/**
 * Every customer with a credit limit, an insured limit or any exposure, with one row per currency
 * it owes in (one row with a null currency when it owes nothing).
 */
export const EXPOSURE_REPORT_SQL = `
  WITH owed AS (
    SELECT customer_id, currency, sum(amount)::numeric(20, 2)::text AS amount, count(*)::int AS orders
    FROM (${creditExposureItems('$1')}) items
    GROUP BY customer_id, currency
  )
  SELECT c.customer_id, c.record->>'company' AS customer, c.record->'creditLimit' AS credit_limit,
    c.record->'insurance' AS insurance, owed.currency, owed.amount, coalesce(owed.orders, 0) AS orders
  FROM customers c LEFT JOIN owed ON owed.customer_id = c.customer_id
  WHERE owed.customer_id IS NOT NULL OR jsonb_typeof(c.record->'creditLimit') = 'object'
    OR jsonb_typeof(c.record->'insurance') = 'object'
  ORDER BY c.customer_id, owed.currency`;

export interface ExposureSqlRow {
  customer_id: string;
  customer: string;
  credit_limit: Money | null;
  insurance: CustomerRecord['insurance'];
  currency: string | null;
  amount: string | null;
  orders: number;
}

/** Money per currency summed in minor units, by currency code. */
function byCurrency(amounts: Money[]): Money[] {
  const sums = new Map<string, bigint>();
  for (const m of amounts) sums.set(m.currency, (sums.get(m.currency) ?? 0n) + toMinor(m));
  return [...sums.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([currency, minor]) => fromMinor(minor, currency));
}

/** Utilisation as a comparable integer (hundredths of a percent); -1 without a limit. */
const rank = (c: CustomerExposure) => (c.utilisation === null ? -1n : BigInt(c.utilisation.replace('.', '')));

export function exposureReport(rows: ExposureSqlRow[]): ExposureReport {
  const customers = new Map<string, { row: ExposureSqlRow; exposure: Money[]; orders: number }>();
  for (const r of rows) {
    let c = customers.get(r.customer_id);
    if (!c) {
      c = { row: r, exposure: [], orders: 0 };
      customers.set(r.customer_id, c);
    }
    if (r.currency !== null && r.amount !== null) c.exposure.push({ amount: r.amount, currency: r.currency });
    c.orders += r.orders;
  }
  const list = [...customers.values()].map(({ row, exposure, orders }): CustomerExposure => {
    const limits = { creditLimit: row.credit_limit, insurance: row.insurance };
    return {
      customerId: row.customer_id,
      customer: row.customer,
      currency: limitCurrency(limits) ?? exposure[0]?.currency ?? null,
      exposure,
      orders,
      creditLimit: row.credit_limit,
      insurance: row.insurance ? { insurer: row.insurance.insurer, limit: row.insurance.limit } : null,
      ...creditStanding(exposure, limits),
    };
  });
  list.sort((a, b) => {
    const ra = rank(a);
    const rb = rank(b);
    return ra !== rb
      ? rb > ra
        ? 1
        : -1
      : a.customer.localeCompare(b.customer) || a.customerId.localeCompare(b.customerId);
  });
  return {
    customers: list,
    totals: {
      exposure: byCurrency(list.flatMap((c) => c.exposure)),
      orders: list.reduce((n, c) => n + c.orders, 0),
      beyondLimit: list.filter((c) => c.beyondLimit).length,
    },
  };
}

export async function customerExposure(query: Query): Promise<ExposureReport> {
  return exposureReport(await query<ExposureSqlRow>(EXPOSURE_REPORT_SQL, [CREDIT_METHODS]));
}
