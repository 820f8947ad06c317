import type { Language, PaymentPlan, SentEmail as RecordedEmail, StepKey } from '../domain';
import type { Money } from '../domain/money';
import type { ChatWebhooks } from '../config/chatWebhooks';
import type { Transporter } from 'nodemailer';
import type { DocumentOrder } from '../documents/fromOrder';
import type { DocumentModel } from '../documents/model';
import type { DocumentMark, Exporter } from '../documents/input';
import type SMTPTransport from 'nodemailer/lib/smtp-transport';

export type { Language, Money };
export type { DocumentOrder, OrderTradeData } from '../documents/fromOrder';
export type { DocumentKind, DocumentMark, TradeDocumentInput } from '../documents/input';

export interface Person {
  name: string;
  email: string;
}

/** Someone outside the company we write letters to, in their language (en when not given). */
export interface Correspondent extends Person {
  language?: Language;
}

/**
 * What every activity returns, so the workflow can record it for `GET /orders/{id}/emails`. `sentAt`
 * is the Date header's time, taken from the input so retries report the same value.
 */
export interface SentEmail extends RecordedEmail {
  /** Recipients the server refused while it accepted others (the message still went out). */
  rejected?: string[];
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
  /** Only a fallback for the Date header when an input carries no time of its own. */
  clock?: () => Date;
  /** The buyer's tracking link for an order, issued at the email's time (same link on every retry). */
  trackingLink?: (orderId: string, issuedAt: Date) => string;
  /** Chat robots that get reminder notices (CHAT_WEBHOOKS_FILE); none when absent. */
  chatWebhooks?: ChatWebhooks;
  /** Renders a document's PDF; in-process when absent (the worker uses a thread of its own). */
  renderDocument?: (model: DocumentModel, mark: DocumentMark) => Promise<Buffer>;
}

/** Fields every activity input carries for idempotency. */
export interface MessageKey {
  orderId: string;
  /** Distinguishes repeated emails of one purpose (reminder number, resend number); 1-based. */
  sequence: number;
  /** Workflow time the email was decided (ISO); becomes the Date header so retries are identical. */
  requestedAt?: string;
}

export interface StallReminderInput extends MessageKey {
  stage: string;
  stageEnteredAt: string;
  stageDeadline: string;
  escalated: boolean;
  to: string[];
  cc: string[];
  accountManagerName: string;
  /** The account manager's language (absent in inputs recorded before it existed: English). */
  language?: Language;
  customerCompany: string;
  /** Event type names that would move the order on, e.g. `DEPOSIT_RECEIVED`. */
  expectedNext: string[];
  /** The payment the reminder chases when the stage waits for one past its due date. */
  overduePayment?: string;
  /**
   * The stage's open steps of the order's process list, with the template's key points (absent in
   * older inputs; `key` absent in inputs recorded before it was added: the English title is used).
   */
  toDo?: { key?: StepKey; title: string; status: string; guidance?: string }[];
}

export interface CargoLine {
  description: string;
  quantity: number;
  unit?: string;
}

/** What a forwarder plans a shipment by; each optional, as old recorded inputs lack them. */
export interface ShipmentFacts {
  portOfLoading?: string | null;
  portOfDischarge?: string | null;
  containers?: { type: string; count: number } | null;
  packages?: number | null;
  grossWeightKg?: number | null;
  volumeCbm?: number | null;
  /** Main carriage paid by us (C/D-terms) or by the buyer (EXW, F-terms). */
  freight?: 'PREPAID' | 'COLLECT';
}

export interface BookingRequestInput extends MessageKey, ShipmentFacts {
  forwarder: Correspondent;
  accountManager: Person;
  customer: { company: string; country: string };
  incoterm: string;
  namedPlace: string;
  cargo: CargoLine[];
  /** ISO date the goods are ready, or null when not known yet. */
  readyDate: string | null;
  contractNo: string;
}

/** F-terms and EXW: the goods are ready; the buyer's forwarder (or the buyer) arranges the carriage. */
export interface CargoReadyNoticeInput extends Omit<BookingRequestInput, 'forwarder'> {
  recipient: Correspondent;
  /** The buyer's nominated forwarder, or the customer when none was named. */
  recipientRole: 'BUYER_FORWARDER' | 'CUSTOMER';
  /** EXW: collected at our premises (no export clearance by us). */
  pickup: boolean;
}

/** Once the documents may go: the forwarder that issued the B/L releases the cargo to the consignee without originals. */
export interface TelexReleaseRequestInput extends MessageKey {
  forwarder: Correspondent;
  accountManager: Person;
  customer: { company: string; country: string };
  contractNo: string;
  blNo: string;
  /** The B/L date (ISO date). */
  blDate: string;
  vessel: string | null;
  voyage: string | null;
  portOfLoading: string | null;
  portOfDischarge: string | null;
  /** Why the release may go now: the balance is in, a manager approved it, or the terms release at once. */
  releaseGround?: ReleaseGround;
  /** The same in English words, as inputs scheduled before `releaseGround` carry it. */
  releasedBecause?: string;
}

export type ReleaseGround =
  | { kind: 'PAID_IN_FULL' }
  | { kind: 'APPROVED'; approvedBy: string }
  | { kind: 'PAYMENT_TERMS'; plan: PaymentPlan };

/**
 * The document set of an order (commercial invoice and packing list): the order's fields that
 * documents read, passed by the workflow so every retry renders the same bytes.
 */
export interface DocumentSetInput extends MessageKey {
  order: DocumentOrder;
}

export interface CancellationNoticeInput extends MessageKey {
  accountManager: Person & { language?: Language };
  customerCompany: string;
  stage: string;
  reason: string;
}

/** Who the customer-facing payment emails go to, and who signs them. */
interface CustomerEmail extends MessageKey {
  /** `language`: what the customer reads (default en). */
  customer: { name: string; company: string; email: string; country: string; language?: Language };
  accountManager: Person;
  contractNo: string;
}

export interface PaymentRequestInput extends CustomerEmail {
  part: 'DEPOSIT' | 'BALANCE';
  amountDue: Money;
  /** Calendar date it is due by, when the plan gives one (OA). */
  dueDate: string | null;
  /** When it falls due if there is no date (a `DueWhen` key; older inputs carry English words). */
  dueWhen: string;
  /** What the customer should quote on the transfer. */
  reference: string;
  /** The order as its proforma invoice (attached) reads it. */
  order: DocumentOrder;
}

export interface CustomerCancellationInput extends CustomerEmail {
  reason: string;
  received: Money;
  depositHandling: 'REFUND' | 'FORFEIT' | 'CREDIT_NOTE';
}

export interface CollectionInstructionsInput extends CustomerEmail {
  method: 'DP' | 'DA';
  tenorDays: number;
  amount: Money;
  blNo: string;
  blDate: string;
  documents: string[];
}

export interface PresentationChecklistInput extends CustomerEmail {
  lcNo: string;
  issuingBank: string;
  amount: Money;
  latestShipmentDate: string;
  expiryDate: string;
  blNo: string;
  blDate: string;
  presentationDeadline: string;
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
