/** What can be taken back now, as the view tells clients (like `allowedEvents`, for corrections). */
import { eventDefinition, isEventAllowed, ORDER_EVENT_TYPES, type OrderEventType } from '../events';
import type { OrderState } from '../types';
import type { Money } from '../money';
import { isCorrectable } from './define';
import { correctionRecords } from './records';

export interface TakeBackOptions {
  correctable: {
    eventId: string;
    type: OrderEventType;
    at: string;
    fields: string[];
    needsManager: boolean;
  }[];
  reversiblePayments: { eventId: string; amount: Money; reference: string }[];
  undoable: { eventId: string; type: OrderEventType } | null;
}

const isEventType = (type: string): type is OrderEventType => (ORDER_EVENT_TYPES as string[]).includes(type);

export function takeBackOptions(state: OrderState): TakeBackOptions {
  const { events, undoPoint } = correctionRecords(state);
  const correctable = isEventAllowed(state, 'EVENT_CORRECTED')
    ? events.flatMap((e) => {
        if (e.takenBackBy || !isEventType(e.type)) return [];
        const rule = eventDefinition(e.type).correction;
        if (!isCorrectable(rule)) return [];
        const correction = rule;
        const fields = [...correction.fields];
        const needsManager = correction.seenBy?.(state, fields) != null;
        return [{ eventId: e.eventId, type: e.type, at: e.at, fields, needsManager }];
      })
    : [];
  const reversiblePayments = isEventAllowed(state, 'PAYMENT_REVERSED')
    ? state.payments.receipts.flatMap((r) =>
        r.eventId && r.allocation && !r.reversed
          ? [{ eventId: r.eventId, amount: r.amount, reference: r.reference }]
          : [],
      )
    : [];
  const undoable =
    undoPoint?.before && isEventAllowed(state, 'EVENT_UNDONE') && isEventType(undoPoint.type)
      ? { eventId: undoPoint.eventId, type: undoPoint.type }
      : null;
  return { correctable, reversiblePayments, undoable };
}
