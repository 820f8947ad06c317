import { ORDER_LIMITS } from './bounds';
import { decideSafely, eventIdFor, reject, settle } from './decision';
import { toUtcIso } from './duration';
import {
  allowedOn,
  decideEvent,
  eventDefinition,
  isEventAllowed,
  orderEventSchema,
  type OrderEvent,
} from './events';
import { attributeOrderMoney, foldOutcome, shipmentTarget } from './shipments/route';
import { contentFingerprint } from './fingerprint';
import { toValidationDetails } from './schemas/validation';
import type { Accepted, Decision } from './decisionTypes';
import { originalsBlocked } from './documentGate';
import { openedRebate } from './finance/rebate';
import type { EventContext, OrderState } from './types';

/** Refuses a client event that would take the order past one of its limits. */
function limitReached(state: OrderState, event: OrderEvent): string | null {
  if (state.clientEventCount >= ORDER_LIMITS.clientEvents)
    return `order ${state.orderId} has taken its maximum of ${ORDER_LIMITS.clientEvents} events`;
  if (event.type === 'NOTE_ADDED' && state.noteCount >= ORDER_LIMITS.notes)
    return `order ${state.orderId} has taken its maximum of ${ORDER_LIMITS.notes} notes`;
  return null;
}

/**
 * A client's event, as it arrived (an update or a signal, unvalidated): checked against the event
 * schema, its idempotency key, its stage rule and the order's limits, then decided. Never mutates
 * `state` and never throws. A repeated eventId is answered with the unchanged state when the event
 * is the same, and refused when it is not. Only client events parse: a system event's type is
 * refused like any unknown type.
 */
export function decideCommand(state: OrderState, payload: unknown, context: EventContext): Decision {
  const ctx = { ...context, now: toUtcIso(context.now) };
  // jitless: zod would compile a fast path per object schema with `new Function`, code generated at
  // run time inside the workflow sandbox, for events parsed twice each (validator and handler).
  const parsed = orderEventSchema.safeParse(payload, { jitless: true });
  if (!parsed.success) {
    return reject(state, 'VALIDATION_FAILED', 'The event is not valid', toValidationDetails(parsed.error));
  }
  const event = parsed.data;
  const key =
    event.eventId === undefined ? null : { eventId: event.eventId, fingerprint: contentFingerprint(event) };
  if (key) {
    const known = state.eventKeys.find((k) => k.eventId === key.eventId);
    if (known && known.fingerprint === key.fingerprint)
      return { ok: true, state, effects: [], record: null, key: known, duplicate: true };
    if (known)
      return reject(
        state,
        'EVENT_ID_REUSED',
        `eventId ${key.eventId} was already used for a different event`,
      );
  }
  if (!isEventAllowed(state, event.type)) {
    const closed = state.status !== 'OPEN' && eventDefinition(event.type).whenClosed;
    if (closed)
      return reject(state, 'CORRECTION_NOT_ALLOWED', `order ${state.orderId} is ${state.status}: ${closed}`);
    return reject(state, 'EVENT_NOT_ALLOWED', `${event.type} is not allowed in stage ${state.stage} now`);
  }
  // Shipments in parts: a shipment's event is decided on that shipment's view of the order.
  const target = shipmentTarget(state, event);
  if (target.kind === 'invalid') return reject(state, 'VALIDATION_FAILED', target.message, target.details);
  const on = target.kind === 'shipment' ? target.view : state;
  if (target.kind === 'shipment' && !allowedOn(on, event.type))
    return reject(
      state,
      'EVENT_NOT_ALLOWED',
      `${event.type} is not allowed for shipment ${target.shipment.shipmentId} now`,
    );
  const limit = limitReached(state, event);
  if (limit) return reject(state, 'ORDER_LIMIT_REACHED', limit);
  const recorded = { ...ctx, eventId: eventIdFor(state, event.type, key) };
  const decided = decideSafely(() => decideEvent(on, event, recorded));
  const outcome =
    target.kind === 'shipment'
      ? foldOutcome(state, target.shipment, decided, recorded)
      : attributeOrderMoney(state, decided);
  const shipmentId = target.kind === 'shipment' ? target.shipment.shipmentId : undefined;
  const decision = settle(state, event, outcome, recorded, { key, fromClient: true, shipmentId });
  return decision.ok ? withRebate(gated(state, decision, ctx), ctx) : decision;
}

/** The first export of a company that claims the rebate opens the order's rebate (its long tail). */
function withRebate(decision: Decision, ctx: EventContext): Decision {
  if (!decision.ok) return decision;
  const rebate = openedRebate(decision.state, ctx.company?.rebateMethod);
  return rebate ? { ...decision, state: { ...decision.state, rebate } } : decision;
}

/** An event that would issue originals with data missing is refused while the company's gate is on. */
function gated(before: OrderState, decision: Accepted, ctx: EventContext): Decision {
  const missing = originalsBlocked(decision.state, decision.effects, ctx.company);
  if (missing.length === 0) return decision;
  const names = missing.map((m) => `${m.document} ${m.field}`).join(', ');
  const refusal = reject(before, 'DOCUMENTS_INCOMPLETE', `The originals cannot be issued: missing ${names}`);
  return refusal.ok ? refusal : { ...refusal, missing };
}
