/**
 * One definition per email and per effect. An email is what an activity sends (its name as
 * recorded in histories, its purpose, who it goes to, what it attaches, its letter); an effect is
 * what the domain emits (its kind, the input mapper from the order, the state change once done).
 * Everything here is pure: the worker's own parts (SMTP, the exporter, rendered PDFs, links) reach
 * a letter through `LetterContext`, filled by the generic activity in `src/activities`.
 */
import type { ShipmentLabel } from '../shipments/scope';
import type { DocumentOrder } from '../documentOrder';
import type { RenderedEmail } from '../letters/layout';
import type { Forwarder, Language } from '../schemas/common';
import type { DOCUMENT_KINDS } from '../schemas/template';
import type { OrderState } from '../types';

export type { RenderedEmail };

/** Fields every activity input carries for idempotency. */
export interface MessageKey {
  orderId: string;
  /** Distinguishes repeated emails of one purpose (reminder number, resend number); 1-based. */
  sequence: number;
  /** Workflow time the email was decided (ISO); becomes the Date header so retries are identical. */
  requestedAt?: string;
  /** Which of the order's several shipments the email is for; absent: the order as a whole. */
  shipment?: ShipmentLabel;
}

export interface Person {
  name: string;
  email: string;
}

/** Someone outside the company we write letters to, in their language (en when not given). */
export interface Correspondent extends Person {
  language?: Language;
}

/** Who an email goes to: plain addresses (the activity validates them). */
export interface Recipients {
  to: readonly string[];
  cc: readonly string[];
  replyTo?: string;
}

/** Emails to customers, forwarders and the buyer's side copy the account manager, who answers them. */
export function onBehalfOfAccountManager(
  to: string,
  input: { accountManager: { email: string } },
): Recipients {
  return { to: [to], cc: [input.accountManager.email], replyTo: input.accountManager.email };
}

/** Internal emails: to the account manager alone. */
export function toAccountManager(input: { accountManager: { email: string } }): Recipients {
  return { to: [input.accountManager.email], cc: [] };
}

export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

/** Which variant of a document is rendered. */
export type DocumentMark = 'COPY' | 'ORIGINAL';

/** A document an email carries: the activity renders it (PDF) from the order. */
export interface DocumentAttachment {
  kind: DocumentKind;
  order: DocumentOrder;
  mark: DocumentMark;
  /** The file's name, given the document's number. */
  fileName(documentNumber: string): string;
  /** Left out, rather than failing the email, when the order lacks what the document needs. */
  optional?: boolean;
}

/** What a covering letter may say of a document the activity rendered, as the document prints it. */
export interface RenderedDocument {
  kind: DocumentKind;
  number: string;
  issuedAt: Date;
  contractNo: string | null;
  incoterm: string;
  vesselVoyage: string;
  etd: string;
  blNo: string;
  /** The B/L type as printed; `blType` is its code (null when none is recorded). */
  printedBlType: string;
  blType: string | null;
  total: string;
  outstanding: string;
  /** Whether anything is still outstanding. */
  owesMoney: boolean;
}

export interface BankDetails {
  beneficiary: string;
  bankName: string;
  bankAddress?: string;
  accountNo: string;
  swift: string;
}

/** The seller as its letters sign, and where its payments go. */
export interface Letterhead {
  name: string;
  address: string;
  bank?: BankDetails;
  /** Where the exporter works: letters print times as its wall clock. */
  timeZone?: string;
}

/** What only the worker knows, handed to every letter by the activity that sends it. */
export interface LetterContext {
  exporter: Letterhead;
  /** The email's Date header: the workflow's decision time. */
  date: Date;
  /** The order in the Temporal UI. */
  orderUrl: string;
  /** The order's page in the ops console; undefined when the worker knows no public URL. */
  consoleUrl?: string;
  /** The buyer's tracking link, issued at the email's date; undefined when the worker has none. */
  trackingUrl(): string | undefined;
  /** The attached documents, in the order `attachments` names them. */
  documents: readonly RenderedDocument[];
}

/** One email an activity sends. Methods (not function fields) so a definition fits the general type. */
export interface EmailDefinition<
  A extends string = string,
  I extends MessageKey = MessageKey,
  P extends string = string,
> {
  /** The activity's name, as recorded in workflow histories: never rename. */
  activity: A;
  /** As recorded in `SentEmail.purpose` and used in Message-IDs: never rename. */
  purpose: P;
  /** The Message-ID's purpose part when `purpose` alone would repeat within an order. */
  idPurpose?(input: I): string;
  recipients(input: I): Recipients;
  attachments?(input: I): DocumentAttachment[];
  /** An input without `requestedAt` (recorded before it existed) is dated by its first document. */
  datedByDocuments?: boolean;
  /** Pure: the same input and context give the same email on every attempt. */
  letter(input: I, ctx: LetterContext): RenderedEmail;
}

/** The input type of an email definition. */
export type InputOf<E> = E extends EmailDefinition<string, infer I> ? I : never;

/** What an input mapper gets besides the order. */
export interface EffectInputContext {
  /** The workflow's time of the decision. */
  now: string;
  /** The forwarder configured for the worker, for orders that name none. */
  defaultForwarder: Forwarder;
  /** Which of several shipments the effect is for (its letter says so); absent: the order's. */
  shipment?: ShipmentLabel;
}

/** One effect the domain emits: the workflow runs its email's activity with the mapped input. */
export interface EffectDefinition<K extends string = string, E extends EmailDefinition = EmailDefinition> {
  /** The name the domain emits and the order records (`failedEffects`): never rename. */
  kind: K;
  /** Shown in the Temporal UI: names roles, never a person's address. */
  summary: string;
  email: E;
  /** Pure, and run inside the workflow: a retried activity gets exactly the same input. */
  input(state: OrderState, ctx: EffectInputContext): InputOf<E>;
  /** What the order records once the email went; nothing when absent. */
  done?(state: OrderState, at: string): OrderState;
}

export function defineEmail<const A extends string, I extends MessageKey, const P extends string>(
  definition: EmailDefinition<A, I, P>,
): EmailDefinition<A, I, P> {
  return definition;
}

export function defineEffect<const K extends string, E extends EmailDefinition>(
  definition: EffectDefinition<K, E>,
): EffectDefinition<K, E> {
  return definition;
}
