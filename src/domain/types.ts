/**
 * The domain's types for importers: the order's state (inferred from its schema in ./state) and the
 * context an event is decided in. The effects and system events are in ./effectKinds (they name the
 * effect registry, whose definitions read the state); the reducer's answers (Decision, AnyEvent,
 * TimelineRecord) name the client events: they are in ./decisionTypes.
 */
import type { CompanyGate } from './companyGate';
import type { CreditContext, RebateContext } from './finance/context';

export type {
  BlRelease,
  BlType,
  BookingDetails,
  Cancellation,
  Collection,
  ContractState,
  CostKind,
  CostsState,
  CreditState,
  DepositHandling,
  DocumentItem,
  DocumentsState,
  EventKey,
  FailedEffect,
  GoodsCollection,
  HeldTime,
  Inspection,
  InspectionKind,
  InspectionResult,
  InsuranceCover,
  InsurancePolicy,
  LetterOfCredit,
  OrderHold,
  OrderState,
  OrderStatus,
  PaymentPart,
  PaymentReceipt,
  PaymentsState,
  ProductionState,
  RebateMethod,
  RebateState,
  RebateStatus,
  Quotation,
  RejectedEvent,
  ReleaseApproval,
  ReleaseRoute,
  SampleOutcome,
  SampleRound,
  SampleState,
  Settlement,
  ShippingState,
  TimelineEntry,
} from './state';

export type {
  CorrectableEvent,
  CorrectionRecords,
  DocumentRevision,
  FieldChange,
  OrderWarning,
  UndoPoint,
  WarningCode,
} from './state';

/** The company roles a client event may come with (the API's roles; an admin may all a manager may). */
export type ActorRole = 'viewer' | 'ops' | 'manager' | 'admin';

export interface EventContext {
  /** ISO-8601 instant, from the workflow clock. */
  now: string;
  /** Who caused the event: an API token name, or "system". */
  actor: string;
  /** The same person's id (`user:<subject>`, `token:<name>`); absent: `actor` stands for it. */
  actorId?: string;
  /**
   * The role the caller holds, for rules that depend on what happened to the order (a correction
   * of what a customer has seen needs a manager). Absent (a signal, the system): `ops`.
   */
  role?: ActorRole;
  /** The id the event is recorded under (its own, or the one the order gives it): what a correction names. */
  eventId?: string;
  /** The caller's company: its document gate and profile (absent: the gate is off). */
  company?: CompanyGate;
  /** The customer's credit figures, found by the API for a contract (absent: no limit applies). */
  credit?: CreditContext;
  /** The company's rebate method and its rates for the order's HS codes, for the rebate documents. */
  rebate?: RebateContext;
}
