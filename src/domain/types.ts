import type { ContractLine, ContractTrade } from './contractTerms';
import type { Money } from './money';
import type { StallPolicy } from './policy';
import type { PaymentPlan } from './paymentPlan';
import type { AccountManager, Customer, Forwarder, Incoterm, ProductLine } from './schemas/common';
import type { INSPECTION_KINDS } from './schemas/template';
import type { StepRecords } from './processList';
import type { OrderTemplate } from './templates';
import type { OrderEvent, OrderEventType, PaymentTerms, QuotationLine } from './events';
import type { Inquiry } from './schemas/new-order';
import type { ValidationDetail } from './schemas/validation';
import type { Stage } from './stages';
import type { EffectKind } from './effects';

/** Side effects the workflow runs as activities: each is one definition in `./effects`. */
export { EFFECT_KINDS } from './effects';
export type { EffectKind };

/** Plain data the workflow acts on; `stageEntered` restarts the stall timer. */
export type Effect = { type: 'stageEntered'; stage: Stage; at: string } | { type: EffectKind };

export interface SentEmail {
  purpose: string;
  to: string[];
  cc: string[];
  subject: string;
  sentAt: string;
  messageId: string;
}

/** Events only the workflow produces; clients can never send them (they are not in orderEventSchema). */
export type SystemEvent =
  | { type: 'STAGE_STALLED'; eventId?: string; stage?: Stage }
  | { type: 'REMINDER_SENT'; eventId?: string; sequence: number; stage?: Stage; email: SentEmail }
  | { type: 'EFFECT_COMPLETED'; eventId?: string; effect: EffectKind; email?: SentEmail }
  | { type: 'EFFECT_FAILED'; eventId?: string; effect: EffectKind; error: string };
export type SystemEventType = SystemEvent['type'];
export const SYSTEM_EVENT_TYPES: readonly SystemEventType[] = [
  'STAGE_STALLED',
  'REMINDER_SENT',
  'EFFECT_COMPLETED',
  'EFFECT_FAILED',
];

export type AnyEvent = OrderEvent | SystemEvent;

export interface EventContext {
  /** ISO-8601 instant, from the workflow clock. */
  now: string;
  /** Who caused the event: an API token name, or "system". */
  actor: string;
}

export type TimelineEventType = OrderEventType | SystemEventType | 'ORDER_CREATED';

/** A timeline line as the order view shows it (the state keeps the latest few). */
export interface TimelineEntry {
  eventId: string;
  type: TimelineEventType;
  at: string;
  actor: string;
  summary: string;
}

/** An accepted event as the read model keeps it: `seq` counts the order's events from 1. */
export interface TimelineRecord extends TimelineEntry {
  seq: number;
  /** The event as accepted (validated client fields, or the system event); null for ORDER_CREATED. */
  payload: unknown;
  /** Content fingerprint of a client event sent with its own eventId; null otherwise. */
  fingerprint: string | null;
}

/** A client idempotency key the order has taken, with the fingerprint of the event it came with. */
export interface EventKey {
  eventId: string;
  fingerprint: string;
}

export interface Quotation {
  quotationNo: string;
  incoterm: Incoterm;
  namedPlace: string;
  lines: QuotationLine[];
  paymentTerms: PaymentTerms;
  validUntil: string;
  leadTimeDays: number;
  total: Money;
  sentAt: string;
  /** How many quotations were sent in all; 1 = the first, no revision yet. */
  revisions: number;
}

export interface SampleRound {
  round: number;
  courier: string;
  trackingNo: string;
  sentAt: string;
  outcome: 'PENDING' | 'APPROVED' | 'REJECTED';
  decidedAt: string | null;
  feedback: string | null;
}

export interface SampleState {
  /** null until the quotation is accepted; false = sample waived. */
  required: boolean | null;
  rounds: number;
  approved: boolean;
  history: SampleRound[];
  /** A manager waived the required sample (SAMPLE_WAIVED); absent otherwise. */
  waiver?: { reason: string; by: string; at: string };
}

export interface ContractState {
  contractNo: string;
  totalAmount: Money;
  depositPercent: number;
  signedAt: string;
  /** The contract's lines (given, or the accepted quotation's); absent in orders signed before lines. */
  lines?: ContractLine[];
  trade?: ContractTrade;
  /** How many CONTRACT_AMENDED change orders the contract has had. */
  amendments?: number;
}

export type PaymentPart = 'DEPOSIT' | 'BALANCE';

export interface PaymentReceipt {
  kind: PaymentPart;
  amount: Money;
  reference: string;
  receivedAt: string;
  /** The value date the bank gave, when known. */
  valueDate?: string;
}

/** The letter of credit an `LC` order is paid under. */
export interface LetterOfCredit {
  lcNo: string;
  issuingBank: string;
  amount: Money;
  latestShipmentDate: string;
  expiryDate: string;
  presentationDays: number;
  receivedAt: string;
  amendments: number;
  presentedAt: string | null;
  presentingBank: string | null;
  /** Open discrepancies the bank raised against the presentation; empty when none are open. */
  discrepancies: string[];
  honouredAt: string | null;
}

/** Documents sent through the banks for collection (`DP`, `DA`). */
export interface Collection {
  remittingBank: string;
  collectingBank: string | null;
  sentAt: string;
  draftAcceptedAt: string | null;
  maturityDate: string | null;
  paidAt: string | null;
}

export interface ReleaseApproval {
  approvedBy: string;
  reason: string;
  approvedAt: string;
}

export interface PaymentsState {
  /** The contract's payment plan; null before the contract. */
  plan: PaymentPlan | null;
  depositRequired: Money | null;
  depositReceived: Money | null;
  depositWrittenOff: Money | null;
  /** Contract total less the deposit received and written off; follows every deposit payment. */
  balanceRequired: Money | null;
  balanceReceived: Money | null;
  balanceWrittenOff: Money | null;
  /** When the balance falls due by date: B/L date + tenor (OA), the draft's maturity (DA). */
  balanceDueDate: string | null;
  receipts: PaymentReceipt[];
  letterOfCredit: LetterOfCredit | null;
  collection: Collection | null;
  /** A manager's approval to release documents (or a sea waybill) before full payment. */
  releaseApproval: ReleaseApproval | null;
}

export type InspectionKind = (typeof INSPECTION_KINDS)[number];

export interface Inspection {
  result: 'PASSED' | 'FAILED';
  inspector: string;
  reportRef: string | null;
  recordedAt: string;
  /** Absent in inspections recorded before kinds existed: those were DURING_PRODUCTION. */
  kind?: InspectionKind;
  /** Production progress when it was recorded: a pre-shipment inspection at 0 % saw no goods. */
  percentAtRecord?: number;
}

export interface ProductionState {
  percent: number;
  notes: string[];
  inspections: Inspection[];
  completedAt: string | null;
}

export interface BookingDetails {
  forwarder: string;
  vessel: string;
  voyage: string;
  etd: string;
  containerNos: string[];
  confirmedAt: string;
}

/** EXW: the buyer's carrier collected the goods at our premises. */
export interface GoodsCollection {
  collectedBy: string;
  vehicleOrContainer: string | null;
  collectedAt: string;
  /** The collection date (YYYY-MM-DD): under EXW the payment plan counts from it as from a B/L date. */
  collectedOn: string;
}

/** CIF/CIP: the cargo insurance we arranged for the buyer. */
export interface InsurancePolicy {
  policyNo: string;
  insurer: string;
  cover: 'ICC_A' | 'ICC_B' | 'ICC_C';
  insuredAmount: Money;
  arrangedAt: string;
}

export interface ShippingState {
  /** EXW only; absent in orders from before. */
  collected?: GoodsCollection | null;
  /** CIF/CIP only; absent in orders from before. */
  insurance?: InsurancePolicy | null;
  /** F-terms and EXW: when the cargo-ready notice went out. */
  cargoReadyNoticeAt?: string | null;
  booking: { requestedAt: string | null; confirmed: BookingDetails | null };
  customs: { declarationNo: string; declaredAt: string } | null;
  billOfLading: {
    blNo: string;
    blType: 'ORIGINAL' | 'TELEX_RELEASE' | 'SEA_WAYBILL';
    issuedAt: string;
    /** The B/L date (YYYY-MM-DD): OA due dates and L/C presentation periods count from it. */
    issuedOn: string;
  } | null;
}

export interface DocumentItem {
  kind: 'COMMERCIAL_INVOICE' | 'PACKING_LIST' | 'BILL_OF_LADING';
  reference: string;
}

export interface DocumentsState {
  copiesSentAt: string | null;
  confirmedAt: string | null;
  /** When the originals were released to the buyer: emailed by us, or handed over by the banks. */
  dispatchedAt: string | null;
  /** How the originals reach the buyer: by us (DIRECT) or through the banks (BANK); null before release. */
  releasedVia: 'DIRECT' | 'BANK' | null;
  goodsReleasedAt: string | null;
  /** The B/L release on our route (telex release or couriered originals); see blRelease.ts. */
  release: BlRelease;
  items: DocumentItem[];
}

export interface BlRelease {
  /** When the telex-release request left for the forwarder. */
  telexRequestedAt: string | null;
  /** When the forwarder confirmed the telex release: the buyer may take the goods. */
  telexConfirmedAt: string | null;
  /** The original B/Ls on their way to the buyer. */
  originals: { courier: string; trackingNo: string; sentAt: string } | null;
}

export type DepositHandling = 'REFUND' | 'FORFEIT' | 'CREDIT_NOTE';

export interface FailedEffect {
  effect: EffectKind;
  error: string;
  failedAt: string;
}

export interface RejectedEvent {
  eventId: string | null;
  type: string;
  at: string;
  actor: string;
  reason: string;
}

export interface OrderHold {
  reason: string;
  since: string;
  by: string;
}

/** Time on hold, both as elapsed time and as working time on the order's calendar. */
export interface HeldTime {
  ms: number;
  workingMs: number;
}

export interface OrderState {
  orderId: string;
  stage: Stage;
  status: 'OPEN' | 'COMPLETED' | 'CANCELLED';
  customer: Customer;
  accountManager: AccountManager;
  /** null: the configured default forwarder receives the booking request. */
  forwarder: Forwarder | null;
  inquiry: Omit<Inquiry, 'receivedAt' | 'products'> & { receivedAt: string; products: ProductLine[] };
  quotation: Quotation | null;
  sample: SampleState;
  contract: ContractState | null;
  payments: PaymentsState;
  production: ProductionState;
  shipping: ShippingState;
  documents: DocumentsState;
  cancellation: {
    reason: string;
    cancelledAt: string;
    notifiedAt: string | null;
    /** What happens to a deposit already received; null when none was. */
    depositHandling: DepositHandling | null;
  } | null;
  stalled: boolean;
  stageEnteredAt: string;
  /** When the stage outlives its limit (stageEnteredAt + limit); null once the order is closed. */
  stageDeadline: string | null;
  remindersSent: number;
  remindersSentInStage: number;
  /** The latest timeline entries (STATE_WINDOWS.timeline); the read model keeps every one. */
  timeline: TimelineEntry[];
  /** Accepted events so far, ORDER_CREATED included: the sequence number of the latest. */
  timelineTotal: number;
  /** The latest client idempotency keys (STATE_WINDOWS.eventKeys). */
  eventKeys: EventKey[];
  /** Accepted client events and notes, counted against ORDER_LIMITS. */
  clientEventCount: number;
  noteCount: number;
  failedEffects: FailedEffect[];
  rejectedEvents: RejectedEvent[];
  policy: StallPolicy;
  /** The template version the order started from and its terms; absent in orders from before templates. */
  template?: OrderTemplate | null;
  /** Set while the order is on hold (ORDER_ON_HOLD): no stall reminders until ORDER_RESUMED. */
  hold?: OrderHold | null;
  /** Time the current stage spent on hold; its deadline moves by it. Absent: none. */
  heldInStage?: HeldTime;
  /** When each process step was done and by whom (one record per step key; absent in older orders). */
  steps?: StepRecords;
  createdAt: string;
  updatedAt: string;
  closedAt: string | null;
}

export type RejectionCode =
  'EVENT_NOT_ALLOWED' | 'VALIDATION_FAILED' | 'EVENT_ID_REUSED' | 'ORDER_LIMIT_REACHED';

export interface Accepted {
  ok: true;
  state: OrderState;
  effects: Effect[];
  /** The event as the read model records it; null when it was a duplicate. */
  record: TimelineRecord | null;
  /**
   * The client's idempotency key the order holds the event under (a duplicate's is the one taken
   * before), so an answer can be told apart from one for another event under the same eventId.
   */
  key: EventKey | null;
  duplicate: boolean;
}

export interface Rejected {
  ok: false;
  code: RejectionCode;
  message: string;
  stage: Stage;
  allowedEvents: OrderEventType[];
  details?: ValidationDetail[];
}

export type Decision = Accepted | Rejected;
