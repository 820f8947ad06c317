import { Pool } from 'pg';
import { z } from 'zod';
import { decodeCursor, encodeCursor } from './cursor';
import { orderFigures } from './figures';
import { scopedPool, type Query } from './scopedPool';
import { issuedDocumentStore } from './issuedDocuments';
import { listOrdersSql, nextPageToken, SORT_KEYS_SQL } from './orderList';
import { searchCandidates, WALK_SORT_ORDER } from './orderSearch';
import { attachmentStore } from './attachments';
import { companyStore } from './companies';
import { sessionStore } from './sessions';
import { templateStore } from './templates';
import { customerStore } from './customers';
import { rebateRateStore } from './rebateRates';
import { moneyReports } from './moneyReports';
import {
  insertStageEntered,
  RECEIVABLES_SQL,
  receivablesReport,
  STAGE_TIMES_PARAMS,
  STAGE_TIMES_SQL,
  stageTimesReport,
  STALLED_SQL,
  stalledReport,
  type ReceivablesSqlRow,
  type StageTimesSqlRow,
  type StalledSqlRow,
} from './reports';
import type {
  DocumentRecord,
  EmailRecord,
  OrderListEntry,
  ProjectionBatch,
  ReadModel,
  TimelineRecord,
} from './types';

export interface ReadModelOptions {
  url: string;
  /** Pool size (default 10). */
  max?: number;
  /** How long to wait for a connection before DatabaseUnavailableError (default 2 s). */
  connectTimeoutMs?: number;
  /**
   * The company a query acts for outside any companyScope: for single-company tools and tests.
   * Without it (the API and the worker) a query outside a scope sees no rows and writes none.
   */
  company?: string;
}

interface OrderRow {
  order_id: string;
  stage: string;
  status: string;
  stalled: boolean;
  customer_company: string;
  customer_name: string;
  account_manager_email: string;
  account_manager_name: string;
  updated_at: Date;
  amount_outstanding: string | null;
  outstanding_currency: string | null;
  next_due_at: Date | null;
  stage_deadline: Date | null;
  updated_key: string;
  deadline_key: string | null;
}

interface TimelineRow {
  seq: number;
  event_id: string;
  type: string;
  at: Date;
  actor: string;
  actor_id: string;
  summary: string;
  payload: unknown;
  fingerprint: string | null;
  corrected_by: string | null;
}

const timelineCursorSchema = z.object({ before: z.number().int().min(1) });

const iso = (date: Date) => date.toISOString();
const isoOrNull = (date: Date | null) => (date ? date.toISOString() : null);

const UPSERT_ORDER = `
  INSERT INTO orders (order_id, seq, view, stage, status, stalled, customer_company, customer_name,
    account_manager_email, contract_no, invoice_no, template, amount_outstanding, outstanding_currency,
    next_due_at, stage_deadline, created_at, updated_at, account_manager_name, search_text, customer_id,
    balance_method)
  VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, lower($20),
    $21, $22)
  ON CONFLICT (company, order_id) DO UPDATE SET
    seq = excluded.seq, view = excluded.view, stage = excluded.stage, status = excluded.status,
    stalled = excluded.stalled, customer_company = excluded.customer_company,
    customer_name = excluded.customer_name, account_manager_email = excluded.account_manager_email,
    contract_no = excluded.contract_no, invoice_no = excluded.invoice_no, template = excluded.template,
    amount_outstanding = excluded.amount_outstanding, outstanding_currency = excluded.outstanding_currency,
    next_due_at = excluded.next_due_at, stage_deadline = excluded.stage_deadline,
    created_at = excluded.created_at, updated_at = excluded.updated_at,
    account_manager_name = excluded.account_manager_name, search_text = excluded.search_text,
    customer_id = excluded.customer_id, balance_method = excluded.balance_method
  WHERE orders.seq <= excluded.seq`;

const insertTimeline = (orderId: string, records: string) => `
  INSERT INTO timeline (order_id, seq, event_id, type, at, actor, actor_id, summary, payload, fingerprint, corrected_by)
  SELECT ${orderId}, r.seq, r."eventId", r.type, r.at, r.actor, r."actorId", r.summary, r.payload, r.fingerprint, r."correctedBy"
  FROM jsonb_to_recordset(${records}::jsonb) AS r(seq integer, "eventId" text, type text, at timestamptz,
    actor text, "actorId" text, summary text, payload jsonb, fingerprint text, "correctedBy" text)
  ON CONFLICT DO NOTHING`;

// The entry a correction, reversal or undo names gets its event id: the latest one (by seq) wins,
// so a batch written again, or an older one after a newer, does not set it back.
const MARK_CORRECTED = `
  UPDATE timeline t SET corrected_by = r."eventId"
  FROM (
    SELECT DISTINCT ON (corrects) seq, "eventId", corrects
    FROM jsonb_to_recordset($2::jsonb) AS x(seq integer, "eventId" text, corrects text)
    WHERE corrects IS NOT NULL
    ORDER BY corrects, seq DESC
  ) r
  WHERE t.order_id = $1 AND t.event_id = r.corrects
    AND t.corrected_by IS DISTINCT FROM r."eventId"
    AND coalesce(
      (SELECT c.seq FROM timeline c WHERE c.order_id = $1 AND c.event_id = t.corrected_by), 0
    ) < r.seq`;

const insertEmails = (orderId: string, emails: string) => `
  INSERT INTO emails (order_id, message_id, purpose, to_addresses, cc_addresses, subject, sent_at)
  SELECT ${orderId}, r."messageId", r.purpose, r."to", r.cc, r.subject, r."sentAt"
  FROM jsonb_to_recordset(${emails}::jsonb) AS r("messageId" text, purpose text, "to" text[], cc text[],
    subject text, "sentAt" timestamptz)
  ON CONFLICT DO NOTHING`;

// A document's status follows the order; a projection older than the one that set it leaves it.
const upsertDocuments = (orderId: string, documents: string, seq: string) => `
  INSERT INTO documents (order_id, kind, number, status, created_at, seq, revision)
  SELECT ${orderId}, r.kind, r.number, r.status, r."createdAt", ${seq}, coalesce(r.revision, 0)
  FROM jsonb_to_recordset(${documents}::jsonb) AS r(kind text, number text, status text, "createdAt" timestamptz,
    revision integer)
  ON CONFLICT (company, order_id, kind, number) DO UPDATE SET status = excluded.status, seq = excluded.seq
  WHERE documents.seq <= excluded.seq
    AND (documents.status, documents.seq) IS DISTINCT FROM (excluded.status, excluded.seq)`;

/**
 * A projection in one statement (one round trip): the order's row ($1-$22), the stage it entered
 * ($23), its new timeline records ($24), emails ($25) and documents ($26). The row keeps the
 * latest sequence; every other part is idempotent.
 */
const PROJECT_ORDER = `
  WITH o AS (${UPSERT_ORDER}),
    s AS (${insertStageEntered('$1', '$4', '$23')}),
    t AS (${insertTimeline('$1', '$24')}),
    e AS (${insertEmails('$1', '$25')}),
    d AS (${upsertDocuments('$1', '$26', '$2')})
  SELECT 1`;

/** Timeline records and emails without the order's row ($1 order id, $2 records, $3 emails). */
const PROJECT_RECORDS = `
  WITH t AS (${insertTimeline('$1', '$2')}), e AS (${insertEmails('$1', '$3')})
  SELECT 1`;

/**
 * One page of an order's timeline, newest first ($1 order, $2 rows, $3 the cursor's seq). The
 * company leads the sort as it leads the primary key (row-level security leaves one company's rows):
 * the page then comes off the index instead of a sort of the order's whole timeline.
 */
export const timelinePageSql = (withCursor: boolean) =>
  `SELECT seq, event_id, type, at, actor, coalesce(actor_id, actor) AS actor_id, summary, payload, fingerprint, corrected_by
   FROM timeline WHERE order_id = $1 ${withCursor ? 'AND seq < $3' : ''}
   ORDER BY company DESC, seq DESC LIMIT $2`;

/** The read model over a PostgreSQL pool. The schema must be migrated (see `migrate`). */
export function createReadModel(options: ReadModelOptions): ReadModel {
  const pool = new Pool({
    connectionString: options.url,
    max: options.max ?? 10,
    connectionTimeoutMillis: options.connectTimeoutMs ?? 2_000,
    idleTimeoutMillis: 30_000,
    keepAlive: true,
    application_name: 'orderdesk',
  });
  // An idle connection that breaks (server restart) is dropped by the pool; the next query reconnects.
  pool.on('error', () => undefined);

  // Every query is a transaction of the current company (companyScope.ts): row-level security
  // shows it that company's rows only.
  const scoped = scopedPool(pool, options.company);
  const { query, transaction: inTransaction } = scoped;

  return {
    ...templateStore(scoped),
    ...attachmentStore(scoped),
    ...issuedDocumentStore(scoped),
    ...companyStore(scoped),
    ...sessionStore(scoped),
    ...customerStore(scoped),
    ...rebateRateStore(scoped),
    ...moneyReports(query),
    async project(batch: ProjectionBatch) {
      const { orderId, order: o } = batch;
      const timeline = JSON.stringify(batch.timeline);
      const emails = JSON.stringify(batch.emails);
      const write = (run: Query) =>
        o
          ? run(PROJECT_ORDER, [
              o.orderId,
              o.seq,
              o.view,
              o.stage,
              o.status,
              o.stalled,
              o.customerCompany,
              o.customerName,
              o.accountManagerEmail,
              o.contractNo,
              o.invoiceNo,
              o.template,
              o.amountOutstanding?.amount ?? null,
              o.amountOutstanding?.currency ?? null,
              o.nextDueAt,
              o.stageDeadline,
              o.createdAt,
              o.updatedAt,
              o.accountManagerName,
              o.searchText,
              o.customerId,
              o.balanceMethod,
              o.stageEnteredAt,
              timeline,
              emails,
              JSON.stringify(batch.documents),
            ])
          : run(PROJECT_RECORDS, [orderId, timeline, emails]);
      // A correction names an earlier entry: marked once the batch's own entries are in.
      if (!batch.timeline.some((r) => r.corrects !== undefined)) {
        await write(query);
        return;
      }
      await inTransaction(async (client) => {
        await write(
          async <R extends object>(text: string, params?: unknown[]) =>
            (await client.query<R>(text, params)).rows,
        );
        await client.query(MARK_CORRECTED, [orderId, timeline]);
      });
    },

    async getOrder(orderId) {
      const rows = await query<{ seq: number; view: Record<string, unknown> }>(
        'SELECT seq, view FROM orders WHERE order_id = $1',
        [orderId],
      );
      return rows[0] ?? null;
    },

    async orderExists(orderId) {
      return (await query('SELECT 1 FROM orders WHERE order_id = $1', [orderId])).length > 0;
    },

    async listOrders(listQuery) {
      const rows = await inTransaction(async (client) => {
        const candidates = listQuery.q ? await searchCandidates(client, listQuery.q) : undefined;
        const { where, orderBy, limit, params } = listOrdersSql(listQuery, candidates);
        if (candidates === 'many') await client.query(WALK_SORT_ORDER);
        const found = await client.query<OrderRow>(
          `SELECT order_id, stage, status, stalled, customer_company, customer_name, account_manager_email,
             account_manager_name, updated_at, amount_outstanding, outstanding_currency, next_due_at, stage_deadline, ${SORT_KEYS_SQL}
           FROM orders ${where} ${orderBy} ${limit}`,
          params,
        );
        return found.rows;
      });
      const page = rows.slice(0, listQuery.pageSize);
      const last = page[page.length - 1];
      return {
        orders: page.map(toListEntry),
        nextPageToken: rows.length > listQuery.pageSize && last ? nextPageToken(listQuery.sort, last) : null,
      };
    },

    async timeline(orderId, page) {
      const before =
        page.cursor === undefined ? null : decodeCursor(page.cursor, timelineCursorSchema).before;
      const rows = await query<TimelineRow>(
        timelinePageSql(before !== null),
        before === null ? [orderId, page.limit + 1] : [orderId, page.limit + 1, before],
      );
      const entries = rows.slice(0, page.limit).map(toTimelineRecord);
      const last = entries[entries.length - 1];
      return {
        entries,
        nextCursor: rows.length > page.limit && last ? encodeCursor({ before: last.seq }) : null,
      };
    },

    async eventCheck(orderId, eventId) {
      const [row] = await query<{ known: boolean; seq: number | null; fingerprint: string | null }>(
        `SELECT EXISTS (SELECT 1 FROM orders WHERE order_id = $1) AS known, t.seq, t.fingerprint
         FROM (SELECT 1) one LEFT JOIN timeline t ON t.order_id = $1 AND t.event_id = $2`,
        [orderId, eventId ?? null],
      );
      return {
        known: row?.known ?? false,
        earlier: row?.seq == null ? null : { seq: row.seq, fingerprint: row.fingerprint },
      };
    },

    async emails(orderId): Promise<EmailRecord[]> {
      const rows = await query<{
        purpose: string;
        to_addresses: string[];
        cc_addresses: string[];
        subject: string;
        sent_at: Date;
        message_id: string;
      }>(
        `SELECT purpose, to_addresses, cc_addresses, subject, sent_at, message_id FROM emails
         WHERE order_id = $1 ORDER BY sent_at, id`,
        [orderId],
      );
      return rows.map((r) => ({
        purpose: r.purpose,
        to: r.to_addresses,
        cc: r.cc_addresses,
        subject: r.subject,
        sentAt: iso(r.sent_at),
        messageId: r.message_id,
      }));
    },

    async documents(orderId): Promise<DocumentRecord[]> {
      const rows = await query<{
        kind: string;
        number: string;
        status: string;
        created_at: Date;
        revision: number;
      }>(
        `SELECT kind, number, status, created_at, revision FROM documents
         WHERE order_id = $1 ORDER BY created_at, kind, revision, number`,
        [orderId],
      );
      return rows.map((r) => ({
        kind: r.kind,
        number: r.number,
        status: r.status,
        createdAt: iso(r.created_at),
        revision: r.revision,
      }));
    },

    async receivables(asOf) {
      const day = asOf.toISOString().slice(0, 10);
      return receivablesReport(day, await query<ReceivablesSqlRow>(RECEIVABLES_SQL, [day]));
    },

    async stalledByAccountManager() {
      return stalledReport(await query<StalledSqlRow>(STALLED_SQL));
    },

    async stageTimes() {
      return stageTimesReport(await query<StageTimesSqlRow>(STAGE_TIMES_SQL, STAGE_TIMES_PARAMS));
    },
    figures: (now) => orderFigures(query, now),

    async ping() {
      await query('SELECT 1');
    },

    async close() {
      if (!pool.ended) await pool.end();
    },
  };
}

function toListEntry(row: OrderRow): OrderListEntry {
  return {
    orderId: row.order_id,
    stage: row.stage,
    status: row.status,
    customer: { name: row.customer_name, company: row.customer_company },
    accountManager: { name: row.account_manager_name, email: row.account_manager_email },
    stalled: row.stalled,
    updatedAt: iso(row.updated_at),
    amountOutstanding:
      row.amount_outstanding !== null && row.outstanding_currency !== null
        ? { amount: row.amount_outstanding, currency: row.outstanding_currency }
        : null,
    nextDueAt: isoOrNull(row.next_due_at),
    stageDeadline: isoOrNull(row.stage_deadline),
  };
}

function toTimelineRecord(row: TimelineRow): TimelineRecord {
  return {
    seq: row.seq,
    eventId: row.event_id,
    type: row.type,
    at: iso(row.at),
    actor: row.actor,
    actorId: row.actor_id,
    summary: row.summary,
    payload: row.payload,
    fingerprint: row.fingerprint,
    ...(row.corrected_by === null ? {} : { correctedBy: row.corrected_by }),
  };
}
