/**
 * The bookkeeping every accepted event gets for taking mistakes back: the event joins the list of
 * those a correction may name, the undo point follows the latest stage move (kept only while
 * nothing irreversible followed it), and what a correction takes back is marked.
 */
import { appendBounded, STATE_WINDOWS } from '../bounds';
import { effectDefinition } from '../effects/registry';
import { outstanding } from '../ledger';
import { compareMoney } from '../money';
import type { Outcome } from '../outcome';
import { TRADE_PARTS, type UndoPoint } from '../state';
import type { CorrectionRecords, OrderState, TimelineEntry } from '../types';
import { isCorrectable, type FieldCorrection } from './define';

type Accepted = Extract<Outcome, { kind: 'accepted' }>;
/** Any event, client or system: only its type matters here (the event types name the registry, which builds on this file). */
type AnyEvent = { type: string };

/** Events that take an earlier one back; each keeps its own records (see ./correct, ./reverse, ./undo). */
export const TAKE_BACK_TYPES = ['EVENT_CORRECTED', 'PAYMENT_REVERSED', 'EVENT_UNDONE'] as const;

/** Events that change nothing an undo would put back: they leave the undo point as it is. */
const LEAVE_UNDO_POINT: readonly string[] = ['NOTE_ADDED', 'STAGE_STALLED', 'REMINDER_SENT', 'EFFECT_FAILED'];

export function correctionRecords(state: OrderState): CorrectionRecords {
  return state.corrections ?? { events: [], undoPoint: null };
}

/** How the decided state's records go on after `event` (recorded as `record`). */
export function recordTakingBack(
  before: OrderState,
  after: OrderState,
  event: AnyEvent,
  outcome: Accepted,
  record: { eventId: string; at: string },
  correction?: FieldCorrection<unknown>,
  fromClient = false,
  shipmentId?: string,
): OrderState {
  const records = correctionRecords(after);
  const moved = outcome.effects.find((e) => e.type === 'stageEntered');
  const instance = correction?.instance?.(after);
  const events =
    fromClient && !isTakeBack(event.type)
      ? appendBounded(
          records.events,
          {
            eventId: record.eventId,
            type: event.type,
            at: record.at,
            ...(moved && 'stage' in moved ? { movedTo: moved.stage } : {}),
            ...(instance === undefined ? {} : { instance }),
            ...(shipmentId === undefined ? {} : { shipmentId }),
          },
          STATE_WINDOWS.correctable,
        )
      : records.events;
  return withoutSettledWarnings({
    ...after,
    corrections: {
      events: outcome.takesBack
        ? markTakenBack(events, event.type, outcome.takesBack, record.eventId)
        : events,
      undoPoint: nextUndoPoint(before, records.undoPoint, event, outcome, record),
    },
  });
}

function isTakeBack(type: string): boolean {
  return (TAKE_BACK_TYPES as readonly string[]).includes(type);
}

function markTakenBack(
  events: CorrectionRecords['events'],
  type: string,
  target: string,
  by: string,
): CorrectionRecords['events'] {
  return events.map((e) => {
    if (e.eventId !== target) return e;
    return type === 'EVENT_CORRECTED'
      ? { ...e, correctedBy: [...(e.correctedBy ?? []), by] }
      : { ...e, takenBackBy: by };
  });
}

/**
 * A stage move with nothing irreversible in it (no email, no document, no money) can be undone: the
 * order before it is kept. Anything else that changes the order afterwards ends that chance, and
 * the point keeps only why, for the refusal's message.
 */
function nextUndoPoint(
  before: OrderState,
  point: UndoPoint | null,
  event: AnyEvent,
  outcome: Accepted,
  record: { eventId: string; at: string },
): UndoPoint | null {
  // An undone move stays named, so undoing it again is refused with why.
  if (event.type === 'EVENT_UNDONE')
    return point && { ...point, before: null, blockedBy: `it was undone (${record.eventId})` };
  if (LEAVE_UNDO_POINT.includes(event.type)) return point;
  const sent = outcome.effects.flatMap((e) =>
    e.type === 'stageEntered' ? [] : [effectDefinition(e.type).summary],
  );
  const money = receiptsOf(outcome.state) !== receiptsOf(before);
  const moved = outcome.effects.some((e) => e.type === 'stageEntered');
  if (event.type === 'EFFECT_COMPLETED') return point;
  if (moved) {
    const blockedBy = sent.length ? `it sent the ${sent.join(', ')}` : money ? 'it recorded money' : null;
    return {
      eventId: record.eventId,
      type: event.type,
      at: record.at,
      before: blockedBy ? null : tradeOf(before),
      blockedBy,
    };
  }
  if (!point || point.before === null) return point;
  const what = sent.length
    ? `${event.type} followed it and sent the ${sent.join(', ')}`
    : `${event.type} followed it`;
  return { ...point, before: null, blockedBy: what };
}

const receiptsOf = (state: OrderState) => state.payments.receipts;

function tradeOf(state: OrderState): UndoPoint['before'] {
  return Object.fromEntries(
    TRADE_PARTS.filter((key) => state[key] !== undefined).map((key) => [key, state[key]]),
  ) as UndoPoint['before'];
}

/** A reversed payment's warning goes once the money is in again. */
function withoutSettledWarnings(state: OrderState): OrderState {
  if (!state.warnings?.some((w) => w.clearsAtOutstanding)) return state;
  const owed = outstanding(state);
  const warnings = state.warnings.filter(
    (w) => !w.clearsAtOutstanding || !owed || compareMoney(owed, w.clearsAtOutstanding) > 0,
  );
  return warnings.length === state.warnings.length ? state : { ...state, warnings };
}

/** The state's timeline window marks the entry a correction takes back. */
export function markCorrected(
  timeline: readonly TimelineEntry[],
  target: string | undefined,
  by: string,
): TimelineEntry[] {
  if (!target) return [...timeline];
  return timeline.map((entry) => (entry.eventId === target ? { ...entry, correctedBy: by } : entry));
}

export { isCorrectable };
