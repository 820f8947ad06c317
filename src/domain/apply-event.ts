import { appendBounded, ORDER_LIMITS, shorten, STATE_WINDOWS, SUMMARY_MAX_LENGTH } from './bounds';
import { toUtcIso } from './duration';
import { contentFingerprint } from './fingerprint';
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
import { invalid, type Outcome } from './handlers/outcome';
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
  EventKey,
  OrderState,
  RejectionCode,
  SystemEvent,
  TimelineEntry,
  TimelineRecord,
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
  const base = `${type}-${state.timelineTotal + 1}`;
  let id = base;
  for (let n = 2; state.eventKeys.some((k) => k.eventId === id); n++) id = `${base}.${n}`;
  return id;
}

/** Refuses a client event that would take the order past one of its limits. */
function limitReached(state: OrderState, event: OrderEvent): string | null {
  if (state.clientEventCount >= ORDER_LIMITS.clientEvents)
    return `order ${state.orderId} has taken its maximum of ${ORDER_LIMITS.clientEvents} events`;
  if (event.type === 'NOTE_ADDED' && state.noteCount >= ORDER_LIMITS.notes)
    return `order ${state.orderId} has taken its maximum of ${ORDER_LIMITS.notes} notes`;
  return null;
}

/** A handler's exception (an arithmetic overflow, a broken invariant) refuses the event instead. */
function decideSafely(decide: () => Outcome | null): Outcome | null {
  try {
    return decide();
  } catch (err) {
    return invalid('The event could not be applied', [
      { path: '', message: err instanceof Error ? err.message : String(err) },
    ]);
  }
}

/**
 * The reducer: applies a client or system event to an order and says what the workflow must do.
 * Never mutates `state` and never throws. A repeated idempotency key is answered with the
 * unchanged state when the event is the same, and refused when it is not.
 */
export function applyEvent(state: OrderState, event: AnyEvent, context: EventContext): Decision {
  const ctx = { ...context, now: toUtcIso(context.now) };

  let outcome: Outcome | null;
  let accepted: AnyEvent = event;
  let key: EventKey | null = null;
  if (isSystemEvent(event)) {
    outcome = decideSafely(() => handleSystemEvent(state, event, ctx));
    if (!outcome) return reject(state, 'EVENT_NOT_ALLOWED', `${event.type} does not apply to this order now`);
  } else {
    // Signals arrive unvalidated, so the reducer checks the schema itself (and applies defaults).
    // jitless: an order parses each event once, so compiling zod's fast path would cost more than
    // it saves (and an order workflow builds its own copy of every schema).
    const parsed = orderEventSchema.safeParse(event, { jitless: true });
    if (!parsed.success) {
      return reject(state, 'VALIDATION_FAILED', 'The event is not valid', toValidationDetails(parsed.error));
    }
    const clientEvent = parsed.data;
    if (clientEvent.eventId !== undefined) {
      key = { eventId: clientEvent.eventId, fingerprint: contentFingerprint(clientEvent) };
      const known = state.eventKeys.find((k) => k.eventId === key?.eventId);
      if (known && known.fingerprint === key.fingerprint)
        return { ok: true, state, effects: [], record: null, duplicate: true };
      if (known)
        return reject(
          state,
          'EVENT_ID_REUSED',
          `eventId ${clientEvent.eventId} was already used for a different event`,
        );
    }
    if (!isEventAllowed(state, clientEvent.type)) {
      return reject(
        state,
        'EVENT_NOT_ALLOWED',
        `${clientEvent.type} is not allowed in stage ${state.stage} now`,
      );
    }
    const limit = limitReached(state, clientEvent);
    if (limit) return reject(state, 'ORDER_LIMIT_REACHED', limit);
    accepted = clientEvent;
    outcome = decideSafely(() => handleClientEvent(state, clientEvent, ctx));
  }
  if (!outcome) return reject(state, 'EVENT_NOT_ALLOWED', `${event.type} does not apply to this order now`);
  if (outcome.kind === 'invalid') return reject(state, 'VALIDATION_FAILED', outcome.message, outcome.details);

  const record: TimelineRecord = {
    seq: state.timelineTotal + 1,
    eventId: key?.eventId ?? generatedEventId(state, event.type),
    type: event.type,
    at: ctx.now,
    actor: ctx.actor,
    summary: outcome.summary,
    payload: accepted,
    fingerprint: key?.fingerprint ?? null,
  };
  const next: OrderState = {
    ...outcome.state,
    timeline: appendBounded(state.timeline, timelineEntry(record), STATE_WINDOWS.timeline),
    timelineTotal: record.seq,
    eventKeys: key ? appendBounded(state.eventKeys, key, STATE_WINDOWS.eventKeys) : state.eventKeys,
    clientEventCount: state.clientEventCount + (isSystemEvent(event) ? 0 : 1),
    noteCount: state.noteCount + (event.type === 'NOTE_ADDED' ? 1 : 0),
    updatedAt: ctx.now,
  };
  return { ok: true, state: next, effects: outcome.effects, record, duplicate: false };
}

/** The state's short form of a record: no payload, summary cut to size. */
export function timelineEntry(record: TimelineRecord): TimelineEntry {
  const { eventId, type, at, actor, summary } = record;
  return { eventId, type, at, actor, summary: shorten(summary, SUMMARY_MAX_LENGTH) };
}
