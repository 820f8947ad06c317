/** The order domain: pure and deterministic, safe inside Temporal's workflow sandbox. */
export {
  STAGES,
  OPEN_STAGES,
  TERMINAL_STAGES,
  stageSchema,
  openStageSchema,
  isTerminalStage,
  stageRank,
} from './stages';
export type { Stage, OpenStage, TerminalStage } from './stages';
export {
  durationSchema,
  durationToMs,
  addDuration,
  stageLimitSchema,
  isWorkingLimit,
  nominalLimitMs,
} from './duration';
export type { Duration, StageLimit } from './duration';
export {
  DEFAULT_WORKING_CALENDAR,
  addWorkingTime,
  isWorkingDate,
  limitDeadline,
  workingDaysBetween,
  workingTimeBetween,
} from './calendar';
export type { WorkingCalendar, ZoneOffset } from './calendar';
export { orderTemplate } from './templates';
export type { OrderTemplate, PinnedTemplate } from './templates';
export {
  moneySchema,
  positiveMoneySchema,
  currencySchema,
  toMinor,
  fromMinor,
  addMoney,
  subtractMoney,
  compareMoney,
  percentOf,
  multiplyMoney,
  lineTotalMinor,
  unitPriceSchema,
  toUnitPriceScaled,
  unitPriceDecimal,
  atLeastPercentOf,
  formatMoney,
} from './money';
export type { Money } from './money';
export {
  INCOTERMS,
  PAYMENT_METHODS,
  INQUIRY_CHANNELS,
  incotermSchema,
  paymentMethodSchema,
  customerSchema,
  contactSchema,
  forwarderSchema,
  accountManagerSchema,
  languageSchema,
  LANGUAGES,
  productLineSchema,
  templateNameSchema,
} from './schemas/common';
export type {
  Customer,
  Contact,
  Forwarder,
  AccountManager,
  Language,
  ProductLine,
  Incoterm,
  PaymentMethod,
} from './schemas/common';
export {
  newOrderSchema,
  orderIdSchema,
  inquirySchema,
  stageTimeLimitsSchema,
  reminderPolicySchema,
} from './schemas/new-order';
export type { NewOrder, NewOrderBody, Inquiry } from './schemas/new-order';
export {
  orderEventSchema,
  eventIdSchema,
  ORDER_EVENT_TYPES,
  quotationLineSchema,
  paymentTermsSchema,
  allowedEvents,
  recordedElsewhere,
  requiredRole,
  isManagerEvent,
} from './events';
export type { OrderEvent, OrderEventInput, OrderEventType, EventOf } from './events';
export { listOrdersQuerySchema, timelineQuerySchema, ORDER_SORTS } from './schemas/list-orders';
export type { ListOrdersQuery } from './schemas/list-orders';
export { toValidationDetails } from './schemas/validation';
export type { ValidationDetail } from './schemas/validation';
export { DEFAULT_STALL_POLICY, resolveStallPolicy } from './policy';
export type { StallPolicy, StallPolicyOverrides } from './policy';
export { EFFECT_KINDS, SYSTEM_EVENT_TYPES } from './effectKinds';
export type * from './effectKinds';
export type * from './types';
export type * from './decisionTypes';
export {
  ORDER_STATUSES,
  SAMPLE_OUTCOMES,
  INSPECTION_KINDS,
  INSPECTION_RESULTS,
  PAYMENT_PARTS,
  INSURANCE_COVERS,
  BL_TYPES,
  RELEASE_ROUTES,
  DEPOSIT_HANDLINGS,
  STEP_KEYS,
  CURRENT_RULES_VERSION,
  rulesVersion,
} from './state';
export type { StepKey, StepRecords } from './state';
export {
  DOCUMENT_CODES,
  DOCUMENT_KINDS,
  RENDERED_DOCUMENTS,
  SHIPMENT_DOCUMENTS,
  BUYER_DOCUMENTS,
  documentKind,
  documentCode,
  isDocumentKind,
  isRenderedDocument,
  isBuyerDocument,
} from './documentKinds';
export type { DocumentCode, DocumentKind, RenderedDocumentCode, BuyerDocumentCode } from './documentKinds';
export { createOrder, creationRecord } from './create-order';
export { decideCommand } from './decide-command';
export { applyFact } from './apply-fact';
export { applyEvent } from './apply-event';
export { timelineEntry } from './decision';
export { TAKE_BACK_TYPES } from './corrections/records';
export { takeBackOptions } from './corrections/options';
export type { TakeBackOptions } from './corrections/options';
export { STATE_WINDOWS, ORDER_LIMITS } from './bounds';
export { contentFingerprint } from './fingerprint';
export { orderView, amountOutstanding } from './view';
export { processList, stageToDo, type ProcessStep, type StepStatus } from './processList';
export type { OrderView } from './view';
export { recordRejectedEvent, MAX_REJECTED_EVENTS } from './rejected-events';
export { nextReminder } from './reminders';
export {
  PRODUCTION_MIN_DURATION,
  emailDomain,
  isInternalEmail,
  orderLimitViolations,
  templateLimitViolations,
} from './order-limits';
export type { OrderLimits } from './order-limits';
export type { ReminderPlan } from './reminders';
export { summarizeOrder } from './summary';
export { paymentTermsText, BALANCE_DUE, paymentPlanInputSchema } from './paymentPlan';
export { paymentMethodOf, paymentMethodPolicy } from './payment-methods';
export type { Policy as PaymentMethodPolicy } from './payment-methods';
export type { PaymentPlan, BalanceDue } from './paymentPlan';
export { paymentSchedule, nextDueDate, DUE_WHEN } from './schedule';
export type { ScheduledPayment, DueWhen } from './schedule';
export { presentationDeadline, datedPaymentAwaited } from './dueDates';
export { outstanding, owesMoney, totalReceived, totalWrittenOff } from './ledger';
export { endOfDate } from './calendarDate';
export { contractLines, quotedLines, linesTotal, contractLineSchema, CONTAINER_TYPES } from './contractTerms';
export type { ContractLine, ContractTrade } from './contractTerms';
export {
  incotermFamily,
  isCollectedByBuyer,
  sellerBooks,
  sellerInsures,
  freightTerms,
  MIN_INSURED_PERCENT,
} from './incoterms';
export type { IncotermFamily } from './incoterms';
export { shipmentDate, hasShipped } from './shipment';
// Shipments in parts
export { effectInput, effectState } from './shipments/route';
export { FIRST_SHIPMENT_ID, SHIPMENT_STAGES, type Shipment } from './state/shipments';
export { documentNumber } from './documentNumbers';
export {
  companyIdSchema,
  DEFAULT_COMPANY,
  orderWorkflowId,
  COMPANY_ROLES,
  PLATFORM_ROLES,
  type CompanyId,
  type CompanyRole,
  type PlatformRole,
} from './company';
// Trade data a bank and customs accept
export { amountInCapitals, amountInWordsEn } from './amountInWords';
export { companyProfileSchema, companyProfileFields, usccSchema, customsCodeSchema } from './companyProfile';
export type { CompanyProfile } from './companyProfile';
export { companyGateOf } from './companyGate';
export type { CompanyGate, GateProfile } from './companyGate';
export { DOCUMENT_REQUIREMENTS, missingFields, originalsBlocked, originalDocuments } from './documentGate';
export type { GatedDocument, MissingField } from './documentGate';
export { parseMt700, parseMt707 } from './mt700';
export type { CreditTerms, CreditAmendment, TagProblem } from './mt700';
export { checkPresentation } from './lcCheck';
export type { Discrepancy, PresentationForCheck } from './lcCheck';
export { usccProblem, isValidUscc } from './uscc';
