/**
 * The registry of client events. Each event is one definition (its schema, when it is allowed,
 * what it decides); the event schema, the list of types, the stage rules and the reducer's
 * dispatch are all read from the list below, so a new event is a definition plus one line here.
 */
import type { Outcome } from '../outcome';
import type { EventContext, OrderState } from '../types';
import { describe, z } from '../zod';
import {
  balanceReceived,
  documentsConfirmed,
  goodsReleased,
  originalsCouriered,
  telexReleaseConfirmed,
} from './closing';
import { contractAmended } from './amendment';
import { attachmentAdded } from './attachments';
import { contractSigned, depositReceived } from './contract';
import type { EventDefinition } from './define';
export { eventIdSchema } from './define';
import { orderOnHold, orderResumed } from './hold';
import { noteAdded, orderCancelled, retryFailedEffects } from './order';
import { inspectionRecorded, productionCompleted, productionProgress } from './production';
import { quotationAccepted, quotationDeclined, quotationSent } from './quotation';
import { sampleApproved, sampleRejected, sampleSent, sampleWaived } from './sample';
import {
  billOfLadingIssued,
  bookingConfirmed,
  customsDeclared,
  goodsCollected,
  insuranceArranged,
} from './shipping';
import { collectionPaid, draftAccepted, sentForCollection } from './collection';
import {
  discrepancyNoticed,
  discrepancyResolved,
  documentsPresented,
  lcAmended,
  lcHonoured,
  lcReceived,
} from './letterOfCredit';
import { paymentReceived, paymentWrittenOff, releaseApproved } from './payments';
import { takeBackEvents } from './corrections';
import { shipmentPlanned, shipmentsClosed } from './shipments';
import { creditApproved, shipmentDeclaredToInsurer } from './credit';
import { costRecorded, fxSettled } from './finance';
import { rebateDocumentsRecorded, rebateFiled, rebateNotApplicable, rebateReceived } from './rebate';
import { routesToShipments, shipmentViews } from '../shipments/lens';

// Corrections look the event they take back up here; the lookup runs only when one is decided.
export const TAKE_BACK = takeBackEvents(
  (type) => (BY_TYPE as Partial<Record<string, EventDefinition>>)[type],
);

/** Every client event, in the order of the contract's event table. */
export const EVENT_DEFINITIONS = [
  quotationSent,
  quotationAccepted,
  quotationDeclined,
  sampleSent,
  sampleApproved,
  sampleRejected,
  sampleWaived,
  contractSigned,
  depositReceived,
  productionProgress,
  inspectionRecorded,
  productionCompleted,
  bookingConfirmed,
  customsDeclared,
  billOfLadingIssued,
  documentsConfirmed,
  balanceReceived,
  telexReleaseConfirmed,
  originalsCouriered,
  goodsReleased,
  noteAdded,
  orderCancelled,
  paymentReceived,
  lcReceived,
  lcAmended,
  documentsPresented,
  discrepancyNoticed,
  discrepancyResolved,
  lcHonoured,
  sentForCollection,
  draftAccepted,
  collectionPaid,
  releaseApproved,
  paymentWrittenOff,
  retryFailedEffects,
  contractAmended,
  insuranceArranged,
  goodsCollected,
  orderOnHold,
  orderResumed,
  attachmentAdded,
  ...TAKE_BACK,
  shipmentPlanned,
  shipmentsClosed,
  creditApproved,
  shipmentDeclaredToInsurer,
  fxSettled,
  costRecorded,
  rebateDocumentsRecorded,
  rebateFiled,
  rebateReceived,
  rebateNotApplicable,
] as const;

/** The definitions' schemas, keeping the tuple's types (a plain map would merge them into one union). */
function schemasOf<D extends readonly EventDefinition[]>(definitions: D) {
  return definitions.map((d) => d.schema) as { [K in keyof D]: D[K]['schema'] };
}

export const orderEventSchema = describe(
  z.discriminatedUnion('type', schemasOf(EVENT_DEFINITIONS)),
  'POST /orders/{orderId}/events body',
);

export type OrderEvent = z.infer<typeof orderEventSchema>;
export type OrderEventInput = z.input<typeof orderEventSchema>;
export type OrderEventType = OrderEvent['type'];
export type EventOf<T extends OrderEventType> = Extract<OrderEvent, { type: T }>;

export const ORDER_EVENT_TYPES: OrderEventType[] = EVENT_DEFINITIONS.map((d) => d.type);

const BY_TYPE = Object.fromEntries(EVENT_DEFINITIONS.map((d) => [d.type, d])) as Record<
  OrderEventType,
  EventDefinition
>;

export function eventDefinition(type: OrderEventType): EventDefinition {
  return BY_TYPE[type];
}

/** What a client event does to an order it is allowed in: its definition's `decide`. */
export function decideEvent(state: OrderState, event: OrderEvent, ctx: EventContext): Outcome {
  return BY_TYPE[event.type].decide(state, event, ctx);
}

/** Whether `type` names an approval only a manager may give (any string: signals carry raw payloads). */
export function isManagerEvent(type: string): boolean {
  return (
    (ORDER_EVENT_TYPES as string[]).includes(type) &&
    BY_TYPE[type as OrderEventType].requiredRole === 'manager'
  );
}

/** The role an event needs beyond `ops` (approvals are a manager's), if any. */
export function requiredRole(type: OrderEventType): 'manager' | undefined {
  return BY_TYPE[type].requiredRole;
}

/**
 * A closed order takes only what its definition says it takes after the close (notes,
 * corrections); an archived one takes nothing.
 */
export function isEventAllowed(state: OrderState, type: OrderEventType): boolean {
  // Shipments in parts: a shipment's event is allowed when one of the shipments takes it.
  if (routesToShipments(state, type)) return shipmentViews(state).some(({ view }) => allowedOn(view, type));
  return allowedOn(state, type);
}

/** The event's own rule on this order (or one shipment's view of it: ../shipments/lens.ts). */
export function allowedOn(state: OrderState, type: OrderEventType): boolean {
  const definition = BY_TYPE[type];
  if (state.archivedAt) return false;
  return (state.status === 'OPEN' || definition.afterClose === true) && definition.allowedWhen(state);
}

/**
 * Exactly the client events the reducer would accept now, ignoring field-level validation, that a
 * client sends as events (not those another endpoint records, such as an attachment).
 */
export function allowedEvents(state: OrderState): OrderEventType[] {
  return ORDER_EVENT_TYPES.filter((type) => !BY_TYPE[type].recordedBy && isEventAllowed(state, type));
}

/** The endpoint that records `type` when a client may not send it to `POST /orders/{id}/events`. */
export function recordedElsewhere(type: string): string | undefined {
  return (BY_TYPE as Partial<Record<string, EventDefinition>>)[type]?.recordedBy;
}

export { paymentTermsSchema, quotationLineSchema } from '../state/quotation';
export type { PaymentTerms, QuotationLine } from '../state/quotation';
