import { randomBytes } from 'node:crypto';
import type { PoolClient } from 'pg';
import { z } from 'zod';
import {
  customerFields,
  normalisedCompanyName,
  type CustomerBody,
  type CustomerRecord,
} from '../domain/customers';
import type { Customer } from '../domain/schemas/common';
import { CREDIT_METHODS } from '../domain/finance/credit';
import { fromMinor, toMinor, type Money } from '../domain/money';
import { decodeCursor, encodeCursor } from './cursor';
import type { ScopedPool } from './scopedPool';

/** A customer's fields as stored (the record without its id and times). */
export type CustomerFields = Omit<CustomerRecord, 'id' | 'createdAt' | 'updatedAt'>;

/** A create answered with the record it duplicates (the same normalised name or email). */
export interface DuplicateCustomer {
  duplicateOf: string;
}

/** One of the customer's orders, as the customer page lists it. */
export interface CustomerOrder {
  orderId: string;
  stage: string;
  status: string;
  balanceMethod: string | null;
  amountOutstanding: Money | null;
  updatedAt: string;
}

/** The customer's figures: open money per currency and the credit exposure in the limits' currency. */
export interface CustomerAccount {
  orders: CustomerOrder[];
  /** Money still due on the customer's open orders, per currency. */
  outstanding: Money[];
}

/** What a contract's credit check needs: the customer's limits and the exposure besides this order. */
export interface CreditFigures {
  customer: CustomerRecord;
  exposure: Money;
}

/** Customer records in PostgreSQL (migrations/1795000000000_customers.sql), per company. */
export interface CustomerStore {
  /** By company name, then id; `q` is part of the name or email (case-insensitive). */
  listCustomers(query: {
    q?: string;
    pageSize: number;
    pageToken?: string;
  }): Promise<{ customers: CustomerRecord[]; nextPageToken: string | null }>;
  getCustomer(id: string): Promise<CustomerRecord | null>;
  /** Stores a new record, or answers the one it duplicates. `id` absent: a new `C-` id. */
  createCustomer(
    id: string | undefined,
    fields: CustomerFields,
    at: Date,
  ): Promise<CustomerRecord | DuplicateCustomer>;
  /** Replaces the record with what `change` makes of it; null when there is none; a duplicate of another record is answered as such. */
  updateCustomer(
    id: string,
    change: (before: CustomerRecord) => CustomerFields,
    at: Date,
  ): Promise<CustomerRecord | DuplicateCustomer | null>;
  /** The record an inline customer is (same email or normalised name), created when there is none. */
  linkCustomer(customer: Customer, at: Date): Promise<string>;
  /** The customer's orders (latest first, up to 500) and what they still owe. */
  customerAccount(id: string): Promise<CustomerAccount>;
  /**
   * Holds `amount` for `orderId`'s contract and answers the customer's exposure besides it, under
   * a lock on the customer (decision 0007); null when the customer has no limit (nothing is held).
   */
  holdCredit(customerId: string, orderId: string, amount: Money): Promise<CreditFigures | null>;
  /** The contract was refused: its hold no longer counts. */
  releaseCreditHold(orderId: string): Promise<void>;
  /** The customer's exposure now (read only): open OA/DA/DP money plus live holds, in `currency`. */
  creditExposure(customerId: string, currency: string): Promise<Money>;
}

/** How long a hold counts while the read model has not shown the order's contract. */
export const CREDIT_HOLD_MINUTES = 10;
const MAX_CUSTOMER_ORDERS = 500;

interface CustomerRow {
  customer_id: string;
  record: CustomerFields;
  created_at: Date;
  updated_at: Date;
}

const COLUMNS = 'customer_id, record, created_at, updated_at';

const toRecord = (row: CustomerRow): CustomerRecord => ({
  id: row.customer_id,
  ...row.record,
  createdAt: row.created_at.toISOString(),
  updatedAt: row.updated_at.toISOString(),
});

const listCursorSchema = z.object({ name: z.string(), id: z.string() });

/** `C-` and 10 random base-36 characters. */
export function newCustomerId(): string {
  const random = randomBytes(10).reduce((acc, b) => acc + (b % 36).toString(36), '');
  return `C-${random.toUpperCase()}`;
}

const emailKey = (email: string) => email.trim().toLowerCase();

/** Escapes LIKE's wildcards in a user's text. */
const likePattern = (text: string) => `%${text.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

// Creates and renames of one company's customers wait for each other, so two requests cannot
// both find no duplicate and both store one.
const LOCK_CUSTOMERS = `SELECT pg_advisory_xact_lock(hashtextextended('customers:' || current_setting('app.company', true), 0))`;

async function duplicateOf(
  client: PoolClient,
  fields: Pick<CustomerFields, 'company' | 'email'>,
  except: string | null,
): Promise<string | null> {
  const { rows } = await client.query<{ customer_id: string }>(
    `SELECT customer_id FROM customers
     WHERE (name_key = $1 OR email_key = $2) AND customer_id IS DISTINCT FROM $3
     ORDER BY (email_key = $2) DESC, created_at LIMIT 1`,
    [normalisedCompanyName(fields.company), emailKey(fields.email), except],
  );
  return rows[0]?.customer_id ?? null;
}

async function insertCustomer(
  client: PoolClient,
  id: string,
  fields: CustomerFields,
  at: Date,
): Promise<CustomerRecord> {
  const { rows } = await client.query<CustomerRow>(
    `INSERT INTO customers (customer_id, name_key, email_key, record, created_at, updated_at)
     VALUES ($1, $2, $3, $4, $5, $5) ON CONFLICT DO NOTHING RETURNING ${COLUMNS}`,
    [id, normalisedCompanyName(fields.company), emailKey(fields.email), JSON.stringify(fields), at],
  );
  if (!rows[0]) return Promise.reject(new CustomerIdTakenError(id));
  return toRecord(rows[0]);
}

/** A client-given id that another record already has. */
export class CustomerIdTakenError extends Error {
  override name = 'CustomerIdTakenError';
  constructor(readonly customerId: string) {
    super(`customer ${customerId} exists`);
  }
}

/**
 * Every piece of credit exposure, one row per order (`customer_id`, `order_id`, `currency`,
 * `amount`): the money still owed on open orders whose balance method is a credit method (`methods`:
 * the SQL parameter holding CREDIT_METHODS), and the holds of contracts the read model has not shown
 * yet (their row has no balance method) that are younger than CREDIT_HOLD_MINUTES. The credit check,
 * the customer page and the exposure report all sum these rows, so they cannot disagree.
 */
export const creditExposureItems = (methods: string) => `
  SELECT customer_id, order_id, outstanding_currency AS currency, amount_outstanding AS amount
  FROM orders
  WHERE customer_id IS NOT NULL AND status = 'OPEN' AND balance_method = ANY(${methods}::text[])
    AND amount_outstanding > 0
  UNION ALL
  SELECT h.customer_id, h.order_id, h.currency, h.amount FROM credit_holds h
  LEFT JOIN orders o ON o.order_id = h.order_id
  WHERE h.created_at > now() - make_interval(mins => ${CREDIT_HOLD_MINUTES})
    AND (o.order_id IS NULL OR o.balance_method IS NULL)`;

// The customer's exposure in one currency, besides one order ($2; '' for none).
const EXPOSURE_SQL = `
  SELECT coalesce(sum(amount), 0)::numeric(20, 2)::text AS exposure
  FROM (${creditExposureItems('$4')}) items
  WHERE customer_id = $1 AND order_id <> $2 AND currency = $3`;

async function exposureOf(
  client: PoolClient,
  customerId: string,
  orderId: string,
  currency: string,
): Promise<Money> {
  const { rows } = await client.query<{ exposure: string }>(EXPOSURE_SQL, [
    customerId,
    orderId,
    currency,
    CREDIT_METHODS,
  ]);
  return { amount: rows[0]?.exposure ?? '0.00', currency };
}

/** The currency a customer's exposure is counted in: its credit limit's, else its insured limit's. */
export function limitCurrency(record: Pick<CustomerRecord, 'creditLimit' | 'insurance'>): string | null {
  return record.creditLimit?.currency ?? record.insurance?.limit.currency ?? null;
}

export function customerStore({ query, transaction }: ScopedPool): CustomerStore {
  async function getCustomer(id: string): Promise<CustomerRecord | null> {
    const rows = await query<CustomerRow>(`SELECT ${COLUMNS} FROM customers WHERE customer_id = $1`, [id]);
    return rows[0] ? toRecord(rows[0]) : null;
  }

  return {
    async listCustomers({ q, pageSize, pageToken }) {
      const after = pageToken === undefined ? null : decodeCursor(pageToken, listCursorSchema);
      const params: unknown[] = [pageSize + 1];
      const where: string[] = [];
      if (q) {
        params.push(likePattern(q));
        where.push(
          `(lower(record->>'company') LIKE $${params.length} OR lower(coalesce(record->>'companyLocal', '')) LIKE $${params.length} OR email_key LIKE $${params.length})`,
        );
      }
      if (after) {
        params.push(after.name, after.id);
        where.push(`(lower(record->>'company'), customer_id) > ($${params.length - 1}, $${params.length})`);
      }
      const rows = await query<CustomerRow>(
        `SELECT ${COLUMNS} FROM customers ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
         ORDER BY lower(record->>'company'), customer_id LIMIT $1`,
        params,
      );
      const page = rows.slice(0, pageSize);
      const last = page[page.length - 1];
      return {
        customers: page.map(toRecord),
        nextPageToken:
          rows.length > pageSize && last
            ? encodeCursor({ name: last.record.company.toLowerCase(), id: last.customer_id })
            : null,
      };
    },

    getCustomer,

    createCustomer: (id, fields, at) =>
      transaction(async (client) => {
        await client.query(LOCK_CUSTOMERS);
        const duplicate = await duplicateOf(client, fields, null);
        if (duplicate) return { duplicateOf: duplicate };
        return insertCustomer(client, id ?? newCustomerId(), fields, at);
      }),

    updateCustomer: (id, change, at) =>
      transaction(async (client) => {
        await client.query(LOCK_CUSTOMERS);
        const { rows } = await client.query<CustomerRow>(
          `SELECT ${COLUMNS} FROM customers WHERE customer_id = $1 FOR UPDATE`,
          [id],
        );
        if (!rows[0]) return null;
        const fields = change(toRecord(rows[0]));
        const duplicate = await duplicateOf(client, fields, id);
        if (duplicate) return { duplicateOf: duplicate };
        const updated = await client.query<CustomerRow>(
          `UPDATE customers SET name_key = $2, email_key = $3, record = $4, updated_at = $5
           WHERE customer_id = $1 RETURNING ${COLUMNS}`,
          [id, normalisedCompanyName(fields.company), emailKey(fields.email), JSON.stringify(fields), at],
        );
        const row = updated.rows[0];
        return row ? toRecord(row) : null;
      }),

    linkCustomer: (customer, at) =>
      transaction(async (client) => {
        await client.query(LOCK_CUSTOMERS);
        const found = await duplicateOf(client, customer, null);
        if (found) return found;
        const body: CustomerBody = {
          company: customer.company,
          email: customer.email,
          country: customer.country,
          ...(customer.language ? { language: customer.language } : {}),
          contacts: [{ name: customer.name, email: customer.email }],
        };
        return (await insertCustomer(client, newCustomerId(), customerFields(body), at)).id;
      }),

    async customerAccount(id) {
      const rows = await query<{
        order_id: string;
        stage: string;
        status: string;
        balance_method: string | null;
        amount_outstanding: string | null;
        outstanding_currency: string | null;
        updated_at: Date;
      }>(
        `SELECT order_id, stage, status, balance_method, amount_outstanding, outstanding_currency, updated_at
         FROM orders WHERE customer_id = $1 ORDER BY updated_at DESC, order_id LIMIT $2`,
        [id, MAX_CUSTOMER_ORDERS],
      );
      const orders = rows.map((r) => ({
        orderId: r.order_id,
        stage: r.stage,
        status: r.status,
        balanceMethod: r.balance_method,
        amountOutstanding:
          r.amount_outstanding !== null && r.outstanding_currency !== null
            ? { amount: r.amount_outstanding, currency: r.outstanding_currency }
            : null,
        updatedAt: r.updated_at.toISOString(),
      }));
      const totals = new Map<string, bigint>();
      for (const o of orders)
        if (o.status === 'OPEN' && o.amountOutstanding)
          totals.set(
            o.amountOutstanding.currency,
            (totals.get(o.amountOutstanding.currency) ?? 0n) + toMinor(o.amountOutstanding),
          );
      const outstanding = [...totals.entries()]
        .filter(([, minor]) => minor > 0n)
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([currency, minor]) => fromMinor(minor, currency));
      return { orders, outstanding };
    },

    holdCredit: (customerId, orderId, amount) =>
      transaction(async (client) => {
        // The row lock makes two contracts of one customer take their turns: the second one
        // waits here and then counts the first one's hold.
        const { rows } = await client.query<CustomerRow>(
          `SELECT ${COLUMNS} FROM customers WHERE customer_id = $1 FOR UPDATE`,
          [customerId],
        );
        const row = rows[0];
        if (!row) return null;
        const customer = toRecord(row);
        const currency = limitCurrency(customer);
        if (currency === null) return null;
        await client.query(
          `DELETE FROM credit_holds WHERE created_at < now() - make_interval(mins => ${CREDIT_HOLD_MINUTES})`,
        );
        const exposure = await exposureOf(client, customerId, orderId, currency);
        await client.query(
          `INSERT INTO credit_holds (order_id, customer_id, amount, currency, created_at)
           VALUES ($1, $2, $3, $4, now())
           ON CONFLICT (company, order_id) DO UPDATE SET customer_id = excluded.customer_id,
             amount = excluded.amount, currency = excluded.currency, created_at = excluded.created_at`,
          [orderId, customerId, amount.amount, amount.currency],
        );
        return { customer, exposure };
      }),

    async releaseCreditHold(orderId) {
      await query('DELETE FROM credit_holds WHERE order_id = $1', [orderId]);
    },

    creditExposure: (customerId, currency) =>
      transaction((client) => exposureOf(client, customerId, '', currency)),
  };
}
