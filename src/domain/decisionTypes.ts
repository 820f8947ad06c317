/**
 * What the reducer answers. These types name the client events (the event registry), which build
 * on the state, so they live above both: the state's types (./types) never import the events.
 */
import type { Effect, SystemEvent, SystemEventType } from './effectKinds';
import type { MissingField } from './documentGate';
import type { OrderEvent, OrderEventType } from './events';
import type { RefusalCode } from './outcome';
import type { ValidationDetail } from './schemas/validation';
import type { Stage } from './stages';
import type { EventKey, OrderState, TimelineEntry } from './state';

export type AnyEvent = OrderEvent | SystemEvent;

export type TimelineEventType = OrderEventType | SystemEventType | 'ORDER_CREATED';

/** An accepted event as the read model keeps it: `seq` counts the order's events from 1. */
export interface TimelineRecord extends TimelineEntry {
  type: TimelineEventType;
  seq: number;
  /** The event as accepted (validated client fields, or the system event); null for ORDER_CREATED. */
  payload: unknown;
  /** Content fingerprint of a client event sent with its own eventId; null otherwise. */
  fingerprint: string | null;
  /** The earlier event this one corrects, reverses or undoes: the read model marks its `correctedBy`. */
  corrects?: string;
}

export type RejectionCode =
  | 'EVENT_NOT_ALLOWED'
  | 'VALIDATION_FAILED'
  | 'EVENT_ID_REUSED'
  | 'ORDER_LIMIT_REACHED'
  | 'DOCUMENTS_INCOMPLETE'
  | RefusalCode;

export interface Accepted {
  ok: true;
  state: OrderState;
  effects: Effect[];
  /** The event as the read model records it; null when it was a duplicate. */
  record: TimelineRecord | null;
  /**
   * The client's idempotency key the order holds the event under (a duplicate's is the one taken
   * before), so an answer can be told apart from one for another event under the same eventId.
   */
  key: EventKey | null;
  duplicate: boolean;
}

export interface Rejected {
  ok: false;
  code: RejectionCode;
  message: string;
  stage: Stage;
  allowedEvents: OrderEventType[];
  details?: ValidationDetail[];
  /** DOCUMENTS_INCOMPLETE: what the originals lack. */
  missing?: MissingField[];
}

export type Decision = Accepted | Rejected;
