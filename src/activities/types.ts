import type { Language, SentEmail as RecordedEmail } from '../domain';
import type { DocumentMark, MessageKey } from '../domain/effects';
import type { Money } from '../domain/money';
import type { ChatWebhooks } from '../config/chatWebhooks';
import type { Transporter } from 'nodemailer';
import type { DocumentModel } from '../documents/model';
import type { Exporter } from '../documents/input';
import type SMTPTransport from 'nodemailer/lib/smtp-transport';
import type { IssuedDocument } from '../readModel/issuedDocuments';

export type { Language, Money };
export type { DocumentOrder, OrderTradeData } from '../documents/fromOrder';
export type { DocumentKind, TradeDocumentInput } from '../documents/input';
// The emails' inputs are defined with their emails, in the domain.
export type {
  BookingRequestInput,
  CancellationNoticeInput,
  CargoLine,
  CargoReadyNoticeInput,
  CollectionInstructionsInput,
  Correspondent,
  CustomerCancellationInput,
  DocumentMark,
  DocumentSetInput,
  MessageKey,
  PaymentRequestInput,
  Person,
  PresentationChecklistInput,
  ReleaseGround,
  ShipmentFacts,
  StallReminderInput,
  TelexReleaseRequestInput,
} from '../domain/effects';

/**
 * What every activity returns, so the workflow can record it for `GET /orders/{id}/emails`. `sentAt`
 * is the Date header's time, taken from the input so retries report the same value.
 */
export interface SentEmail extends RecordedEmail {
  /** Recipients the server refused while it accepted others (the message still went out). */
  rejected?: string[];
}

export interface CompanySettings {
  exporter(): Promise<ExporterProfile>;
  customerManagers(): Promise<string[]>;
}

/** The seller as configured: letterhead, bank details, the time zone documents are dated in. */
export type ExporterProfile = Exporter;

export interface ActivityDeps {
  /** SMTP transport; build it with `createMailTransport(SMTP_URL)`. */
  transport: Transporter<SMTPTransport.SentMessageInfo>;
  /** Sender of every email, e.g. `Order Desk <orders@exporter.example>`; its domain names the Message-IDs. */
  mailFrom: string;
  exporter: ExporterProfile;
  temporalUiUrl: string;
  namespace: string;
  /** Where staff reach the API and its console (PUBLIC_BASE_URL); letters to them link the order's page. */
  publicBaseUrl?: string;
  /** Only a fallback for the Date header when an input carries no time of its own. */
  clock?: () => Date;
  /** The buyer's tracking link for an order, issued at the email's time (same link on every retry). */
  trackingLink?: (orderId: string, issuedAt: Date) => string;
  /** Chat robots that get reminder notices (CHAT_WEBHOOKS_FILE); none when absent. */
  chatWebhooks?: ChatWebhooks;
  /**
   * The settings of the order's company (the worker reads them from PostgreSQL for the company of
   * the activity's workflow): its exporter profile (null: `exporter` above) and the emails of its
   * customer managers, who are copied on escalated reminders. Absent: one company, as configured.
   */
  company?: CompanySettings;
  /**
   * Keeps an original as it was sent (the proforma) with the order's company, so its download is
   * that version; not kept when absent.
   */
  keepIssued?: (document: IssuedDocument) => Promise<void>;
  /** Renders a document's PDF; in-process when absent (the worker uses a thread of its own). */
  renderDocument?: (model: DocumentModel, mark: DocumentMark) => Promise<Buffer>;
}

/** What is late in a reminder notice: a stage past its time limit, or a payment past its due date. */
export type LateKind = 'STAGE_TIME_LIMIT' | 'PAYMENT_DUE';

/**
 * A reminder for chat (stall or overdue payment). It names no address or webhook: the activity looks
 * up where it goes in the worker's configuration. `sequence` numbers the reminders of one `kind`
 * and stage, so `(orderId, kind, stage, sequence)` is the notice's idempotency key.
 */
export interface ReminderNotice extends MessageKey {
  kind: LateKind;
  stage: string;
  /** What is late, as the order names it: empty for a stage, e.g. `Deposit USD 7,500.00` for a payment. */
  late?: string;
  /** When it became late (ISO): the stage deadline or the payment due date. */
  since: string;
  escalated: boolean;
  accountManagerEmail: string;
  accountManagerName: string;
  language?: Language;
  customerCompany: string;
  /** The order's process template, for routes configured per template. */
  template?: string | null;
}

/** One robot that took the notice; `route` names it without its URL. */
export interface ChatDelivery {
  platform: string;
  route: string;
  key: string;
}
