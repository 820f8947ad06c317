import type { SentEmail, TimelineRecord as AcceptedEvent } from '../domain';
import type { Money } from '../domain/money';
import type { AttachmentStore } from './attachments';
import type { IssuedDocumentStore } from './issuedDocuments';
import type { TemplateStore } from './templates';
import type { CompanyStore } from './companies';
import type { CustomerStore } from './customers';
import type { RebateRateStore } from './rebateRates';
import type { SessionStore } from './sessions';
import type { MoneyReports } from './moneyReports';
import type { AgeBucket } from '../domain/receivables';

/**
 * The read model: what people read and query, kept in PostgreSQL and written from the order
 * workflow (through an activity). Temporal stays the source of truth; every write here is
 * idempotent per (order id, event sequence), so a replayed or retried projection changes nothing.
 */

/**
 * One accepted event, as the domain records it (`seq` counts an order's events from 1); read back,
 * its type is whatever was stored, so a type retired since still reads.
 */
export type TimelineRecord = Omit<AcceptedEvent, 'type'> & { type: string };

/** An email the order sent, as the domain records it. */
export type EmailRecord = SentEmail;

export interface DocumentRecord {
  kind: string;
  number: string;
  /** `SUPERSEDED` once a later revision replaced it. */
  status: string;
  createdAt: string;
  /** 0 as first issued (absent when written: 0); one more per correction of values it prints. */
  revision?: number;
}

/** One row per order: the view as JSON plus the columns the list filters and sorts on. */
export interface OrderRecord {
  orderId: string;
  /** The sequence of the last event this row reflects; a row never goes back to a lower one. */
  seq: number;
  /** The order view after `seq` (without links, which the API adds). */
  view: Record<string, unknown>;
  stage: string;
  status: string;
  stalled: boolean;
  customerCompany: string;
  customerName: string;
  accountManagerEmail: string;
  accountManagerName: string;
  contractNo: string | null;
  invoiceNo: string | null;
  template: string | null;
  /** The customer record the order is for; null for orders from before records. */
  customerId: string | null;
  /** The contract's balance method (OA, DA, DP count in the customer's credit exposure); null before it. */
  balanceMethod: string | null;
  /** What `q` searches (searchText.ts): numbers and names, one field after another. */
  searchText: string;
  amountOutstanding: Money | null;
  nextDueAt: string | null;
  stageDeadline: string | null;
  /** When the order entered `stage`: the stage-times report counts from it. */
  stageEnteredAt: string;
  createdAt: string;
  updatedAt: string;
}

/** What one projection writes, in one transaction. */
export interface ProjectionBatch {
  orderId: string;
  /** The order's row; null writes the timeline records alone (the API's write without the order). */
  order: OrderRecord | null;
  timeline: TimelineRecord[];
  emails: EmailRecord[];
  documents: DocumentRecord[];
}

export type OrderSort = 'updatedAt' | '-updatedAt' | 'stageDeadline';

export interface OrderListQuery {
  stage?: string;
  stalled?: boolean;
  /** The customer's company name, exactly. */
  customer?: string;
  /** Part of the customer's company name (case-insensitive). */
  customerPart?: string;
  /** The account manager's email (case-insensitive). */
  accountManager?: string;
  /** Part of the account manager's name (case-insensitive). */
  accountManagerName?: string;
  /** Part of a number or name the order is known by (searchText.ts; case-insensitive). */
  q?: string;
  /** Money still due (amount outstanding above zero). */
  outstanding?: boolean;
  /** A payment past its due date: nextDueAt before `now`. */
  overdue?: boolean;
  template?: string;
  sort?: OrderSort;
  pageSize: number;
  /** Opaque token from the previous page. */
  pageToken?: string;
  /** The clock for `overdue` (tests pass their own). */
  now?: Date;
}

export interface OrderListEntry {
  orderId: string;
  stage: string;
  status: string;
  customer: { name: string; company: string };
  accountManager: { name: string; email: string };
  stalled: boolean;
  updatedAt: string;
  amountOutstanding: Money | null;
  nextDueAt: string | null;
  stageDeadline: string | null;
}

/** Money due per age bucket (see AGE_BUCKETS), for one currency. */
export interface ReceivablesRow {
  currency: string;
  buckets: Record<AgeBucket, Money>;
  total: Money;
  orders: number;
}

export interface ReceivablesReport {
  /** The day ages are counted at (YYYY-MM-DD, UTC). */
  asOf: string;
  /** Per customer company and currency, the largest total first. */
  customers: (ReceivablesRow & { customer: string })[];
  /** Per currency, over all customers. */
  totals: ReceivablesRow[];
}

export interface StalledReport {
  /** Per account manager (email), the most stalled orders first. */
  accountManagers: {
    accountManager: string;
    /** How people know the account manager (the email where an order names none). */
    name: string;
    stalled: number;
    byStage: Partial<Record<string, number>>;
    /** The earliest deadline that passed among these orders. */
    stalledSince: string | null;
  }[];
  total: number;
}

export interface StageTimesReport {
  /** Per working stage: stays that ended (the order moved on), in days. */
  stages: { stage: string; count: number; medianDays: number | null; p90Days: number | null }[];
}

/** Aggregates over all orders for the business gauges (`GET /metrics`). */
export interface OrderFigures {
  /** Open orders per stage (stages without one are absent). */
  openByStage: Record<string, number>;
  stalled: number;
  /** How long the longest-stalled open order has been stalled; 0 when none is. */
  oldestStallSeconds: number;
  /** Money still due on open orders, per currency (major units). */
  outstandingByCurrency: Record<string, number>;
  /** The part of it past its due date. */
  overdueByCurrency: Record<string, number>;
  emailsSentByPurpose: Record<string, number>;
  /** Email effects (e.g. `requestBooking`) that failed for good, waiting for an operator's retry. */
  failedEffects: Record<string, number>;
}

/** The figures of each company, by its id (metrics label companies by id, never by name). */
export type FiguresByCompany = Record<string, OrderFigures>;

export interface ReadModel
  extends
    TemplateStore,
    AttachmentStore,
    IssuedDocumentStore,
    CompanyStore,
    SessionStore,
    CustomerStore,
    RebateRateStore,
    MoneyReports {
  /** Writes a batch; idempotent. Throws DatabaseUnavailableError while the database is down. */
  project(batch: ProjectionBatch): Promise<void>;
  /** The stored view and its sequence, or null when the order is not (yet) in the read model. */
  getOrder(orderId: string): Promise<{ seq: number; view: Record<string, unknown> } | null>;
  /** Whether the order is in the read model: getOrder without reading its view. */
  orderExists(orderId: string): Promise<boolean>;
  listOrders(query: OrderListQuery): Promise<{ orders: OrderListEntry[]; nextPageToken: string | null }>;
  /** Newest first. A bad cursor throws InvalidCursorError. */
  timeline(
    orderId: string,
    page: { cursor?: string; limit: number },
  ): Promise<{ entries: TimelineRecord[]; nextCursor: string | null }>;
  /**
   * Before an event: is the order in the read model, and has it taken this client event id (with
   * which fingerprint)? One round trip for both.
   */
  eventCheck(
    orderId: string,
    eventId: string | undefined,
  ): Promise<{ known: boolean; earlier: { seq: number; fingerprint: string | null } | null }>;
  emails(orderId: string): Promise<EmailRecord[]>;
  documents(orderId: string): Promise<DocumentRecord[]>;
  /** Money due on open orders by customer and age bucket, counted at `asOf`. */
  receivables(asOf: Date): Promise<ReceivablesReport>;
  /** Stalled open orders per account manager. */
  stalledByAccountManager(): Promise<StalledReport>;
  /** Median and 90th-percentile days per stage, over every stay that ended. */
  stageTimes(): Promise<StageTimesReport>;
  /** Figures per company id, over every company the caller may see; `now` decides what is overdue. */
  figures(now: Date): Promise<FiguresByCompany>;
  /** Resolves when the database answers; throws DatabaseUnavailableError otherwise. */
  ping(): Promise<void>;
  close(): Promise<void>;
}
