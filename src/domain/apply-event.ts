import { toUtcIso } from './duration';
import { allowedEvents, isEventAllowed } from './guards';
import { contractSigned, depositReceived } from './handlers/contract';
import {
  balanceReceived,
  documentsConfirmed,
  goodsReleased,
  noteAdded,
  orderCancelled,
  retryFailedEffects,
} from './handlers/closing';
import type { Outcome } from './handlers/outcome';
import { inspectionRecorded, productionCompleted, productionProgress } from './handlers/production';
import { quotationAccepted, quotationDeclined, quotationSent } from './handlers/quotation';
import { sampleApproved, sampleRejected, sampleSent } from './handlers/sample';
import { billOfLadingIssued, bookingConfirmed, customsDeclared } from './handlers/shipping';
import { canStall, effectCompleted, effectFailed, reminderSent, stageStalled } from './handlers/system';
import { orderEventSchema, type OrderEvent } from './schemas/events';
import { toValidationDetails, type ValidationDetail } from './schemas/validation';
import type {
  AnyEvent,
  Decision,
  EventContext,
  OrderState,
  RejectionCode,
  SystemEvent,
  TimelineEntry,
} from './types';
import { SYSTEM_EVENT_TYPES } from './types';

function handleClientEvent(state: OrderState, e: OrderEvent, ctx: EventContext): Outcome {
  switch (e.type) {
    case 'QUOTATION_SENT':
      return quotationSent(state, e, ctx);
    case 'QUOTATION_ACCEPTED':
      return quotationAccepted(state, e, ctx);
    case 'QUOTATION_DECLINED':
      return quotationDeclined(state, e, ctx);
    case 'SAMPLE_SENT':
      return sampleSent(state, e, ctx);
    case 'SAMPLE_APPROVED':
      return sampleApproved(state, e, ctx);
    case 'SAMPLE_REJECTED':
      return sampleRejected(state, e, ctx);
    case 'CONTRACT_SIGNED':
      return contractSigned(state, e, ctx);
    case 'DEPOSIT_RECEIVED':
      return depositReceived(state, e, ctx);
    case 'PRODUCTION_PROGRESS':
      return productionProgress(state, e, ctx);
    case 'INSPECTION_RECORDED':
      return inspectionRecorded(state, e, ctx);
    case 'PRODUCTION_COMPLETED':
      return productionCompleted(state, e, ctx);
    case 'BOOKING_CONFIRMED':
      return bookingConfirmed(state, e, ctx);
    case 'CUSTOMS_DECLARED':
      return customsDeclared(state, e, ctx);
    case 'BILL_OF_LADING_ISSUED':
      return billOfLadingIssued(state, e, ctx);
    case 'DOCUMENTS_CONFIRMED':
      return documentsConfirmed(state, e, ctx);
    case 'BALANCE_RECEIVED':
      return balanceReceived(state, e, ctx);
    case 'GOODS_RELEASED':
      return goodsReleased(state, e, ctx);
    case 'NOTE_ADDED':
      return noteAdded(state, e, ctx);
    case 'ORDER_CANCELLED':
      return orderCancelled(state, e, ctx);
    case 'RETRY_FAILED_EFFECTS':
      return retryFailedEffects(state, e, ctx);
  }
}

function handleSystemEvent(state: OrderState, e: SystemEvent, ctx: EventContext): Outcome | null {
  switch (e.type) {
    case 'STAGE_STALLED':
      return canStall(state, e) ? stageStalled(state, e, ctx) : null;
    case 'REMINDER_SENT':
      return reminderSent(state, e, ctx);
    case 'EFFECT_COMPLETED':
      return effectCompleted(state, e, ctx);
    case 'EFFECT_FAILED':
      return effectFailed(state, e, ctx);
  }
}

function isSystemEvent(event: AnyEvent): event is SystemEvent {
  return (SYSTEM_EVENT_TYPES as readonly string[]).includes(event.type);
}

function reject(
  state: OrderState,
  code: RejectionCode,
  message: string,
  details?: ValidationDetail[],
): Decision {
  return {
    ok: false,
    code,
    message,
    stage: state.stage,
    allowedEvents: allowedEvents(state),
    ...(details ? { details } : {}),
  };
}

/** Deterministic id for events without one; suffixed if a client already used that string. */
function generatedEventId(state: OrderState, type: string): string {
  const base = `${type}-${state.timeline.length + 1}`;
  let id = base;
  for (let n = 2; state.timeline.some((t) => t.eventId === id); n++) id = `${base}.${n}`;
  return id;
}

/**
 * The reducer: applies a client or system event to an order and says what the workflow must do.
 * Never mutates `state`. A repeated idempotency key is answered with the unchanged state.
 */
export function applyEvent(state: OrderState, event: AnyEvent, context: EventContext): Decision {
  const ctx = { ...context, now: toUtcIso(context.now) };
  const key = typeof event.eventId === 'string' ? event.eventId : undefined;
  if (key !== undefined && state.timeline.some((t) => t.idempotencyKey && t.eventId === key)) {
    return { ok: true, state, effects: [], duplicate: true };
  }

  let outcome: Outcome | null;
  if (isSystemEvent(event)) {
    outcome = handleSystemEvent(state, event, ctx);
    if (!outcome) return reject(state, 'EVENT_NOT_ALLOWED', `${event.type} does not apply to this order now`);
  } else {
    // Signals arrive unvalidated, so the reducer checks the schema itself (and applies defaults).
    // jitless: an order parses each event once, so compiling zod's fast path would cost more than
    // it saves (and an order workflow builds its own copy of every schema).
    const parsed = orderEventSchema.safeParse(event, { jitless: true });
    if (!parsed.success) {
      return reject(state, 'VALIDATION_FAILED', 'The event is not valid', toValidationDetails(parsed.error));
    }
    if (!isEventAllowed(state, parsed.data.type)) {
      return reject(
        state,
        'EVENT_NOT_ALLOWED',
        `${parsed.data.type} is not allowed in stage ${state.stage} now`,
      );
    }
    outcome = handleClientEvent(state, parsed.data, ctx);
  }
  if (outcome.kind === 'invalid') return reject(state, 'VALIDATION_FAILED', outcome.message, outcome.details);

  const entry: TimelineEntry = {
    eventId: key ?? generatedEventId(state, event.type),
    type: event.type,
    at: ctx.now,
    actor: ctx.actor,
    summary: outcome.summary,
    idempotencyKey: key !== undefined,
  };
  return {
    ok: true,
    state: { ...outcome.state, timeline: [...state.timeline, entry], updatedAt: ctx.now },
    effects: outcome.effects,
    duplicate: false,
  };
}
