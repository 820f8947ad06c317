/**
 * The domain's types for importers: the order's state (inferred from its schema in ./state) and the
 * context an event is decided in. The effects and system events are in ./effectKinds (they name the
 * effect registry, whose definitions read the state); the reducer's answers (Decision, AnyEvent,
 * TimelineRecord) name the client events: they are in ./decisionTypes.
 */
export type {
  BlRelease,
  BlType,
  BookingDetails,
  Cancellation,
  Collection,
  ContractState,
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
  Quotation,
  RejectedEvent,
  ReleaseApproval,
  ReleaseRoute,
  SampleOutcome,
  SampleRound,
  SampleState,
  ShippingState,
  TimelineEntry,
} from './state';

export interface EventContext {
  /** ISO-8601 instant, from the workflow clock. */
  now: string;
  /** Who caused the event: an API token name, or "system". */
  actor: string;
}
