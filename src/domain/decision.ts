/** What both entry points share: a refusal, a decide that cannot throw, an accepted event's bookkeeping. */
import { appendBounded, shorten, STATE_WINDOWS, SUMMARY_MAX_LENGTH } from './bounds';
import { markCorrected, recordTakingBack } from './corrections/records';
import { isCorrectable, type FieldCorrection } from './corrections/define';
import { allowedEvents, eventDefinition, ORDER_EVENT_TYPES, type OrderEventType } from './events';
import { invalid, type Outcome } from './outcome';
import { recordSteps } from './processList';
import type { ValidationDetail } from './schemas/validation';
import type { AnyEvent, Decision, RejectionCode, TimelineRecord } from './decisionTypes';
import type { EventContext, EventKey, OrderState, TimelineEntry } from './types';

export function reject(
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

/** A decide's exception (an arithmetic overflow, a broken invariant) refuses the event instead. */
export function decideSafely(decide: () => Outcome | null): Outcome | null {
  try {
    return decide();
  } catch (err) {
    return invalid('The event could not be applied', [
      { path: '', message: err instanceof Error ? err.message : String(err) },
    ]);
  }
}

/** How an accepted event is recorded: its idempotency key, if a client sent one, and whose it was. */
export interface Acceptance {
  key: EventKey | null;
  fromClient: boolean;
  /** Shipments in parts: the shipment the event was decided for. */
  shipmentId?: string;
}

/**
 * Turns a decided outcome into the decision: a refusal for a null or invalid outcome, else the
 * outcome's state with the event's timeline record and the order's counters.
 */
export function settle(
  state: OrderState,
  event: AnyEvent,
  outcome: Outcome | null,
  ctx: EventContext,
  { key, fromClient, shipmentId }: Acceptance,
): Decision {
  if (!outcome) return reject(state, 'EVENT_NOT_ALLOWED', `${event.type} does not apply to this order now`);
  if (outcome.kind === 'invalid') return reject(state, 'VALIDATION_FAILED', outcome.message, outcome.details);
  if (outcome.kind === 'refused') return reject(state, outcome.code, outcome.message);

  const record: TimelineRecord = {
    ...(outcome.takesBack ? { corrects: outcome.takesBack } : {}),
    seq: state.timelineTotal + 1,
    eventId: ctx.eventId ?? key?.eventId ?? eventIdFor(state, event.type, key),
    type: event.type,
    at: ctx.now,
    actor: ctx.actor,
    actorId: ctx.actorId ?? ctx.actor,
    summary: outcome.summary,
    payload: event,
    fingerprint: key?.fingerprint ?? null,
  };
  const next: OrderState = {
    ...recordTakingBack(
      state,
      recordSteps(state, outcome.state, ctx),
      event,
      outcome,
      record,
      fromClient ? fieldCorrection(event) : undefined,
      fromClient,
      shipmentId,
    ),
    timeline: appendBounded(
      markCorrected(state.timeline, outcome.takesBack, record.eventId),
      timelineEntry(record),
      STATE_WINDOWS.timeline,
    ),
    timelineTotal: record.seq,
    eventKeys: key ? appendBounded(state.eventKeys, key, STATE_WINDOWS.eventKeys) : state.eventKeys,
    clientEventCount: state.clientEventCount + (fromClient ? 1 : 0),
    noteCount: state.noteCount + (event.type === 'NOTE_ADDED' ? 1 : 0),
    updatedAt: ctx.now,
  };
  return { ok: true, state: next, effects: outcome.effects, record, key, duplicate: false };
}

/** The id an event is recorded under: the client's, else one the order gives it. */
export function eventIdFor(state: OrderState, type: string, key: EventKey | null): string {
  return key?.eventId ?? generatedEventId(state, type);
}

/** Deterministic id for events without one; suffixed if a client already used that string. */
function generatedEventId(state: OrderState, type: string): string {
  const base = `${type}-${state.timelineTotal + 1}`;
  let id = base;
  for (let n = 2; state.eventKeys.some((k) => k.eventId === id); n++) id = `${base}.${n}`;
  return id;
}

/** The state's short form of a record: no payload, summary cut to size. */
export function timelineEntry(record: TimelineRecord): TimelineEntry {
  const { eventId, type, at, actor, actorId, summary } = record;
  return {
    eventId,
    type,
    at,
    actor,
    ...(actorId === undefined ? {} : { actorId }),
    summary: shorten(summary, SUMMARY_MAX_LENGTH),
  };
}

/** A client event's correction rule, where its definition has one. */
function fieldCorrection(event: AnyEvent): FieldCorrection<unknown> | undefined {
  if (!(ORDER_EVENT_TYPES as string[]).includes(event.type)) return undefined;
  const { correction } = eventDefinition(event.type as OrderEventType);
  return isCorrectable(correction) ? (correction as FieldCorrection<unknown>) : undefined;
}
