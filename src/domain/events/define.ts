import type { Outcome } from '../outcome';
import { textChecks, untrimmedTextPattern } from '../schemas/common';
import type { Correction } from '../corrections/define';
import type { EventContext, OrderState } from '../types';
import { describe, z } from '../zod';
import { isShipmentScoped, shipmentIdField } from '../shipments/scope';

export const eventIdSchema = z
  .string()
  .check(z.minLength(1), z.maxLength(128), ...textChecks('one line'))
  .register(z.globalRegistry, {
    description: 'Optional client idempotency key: the same eventId is applied once',
    pattern: untrimmedTextPattern('one line'),
  });

/** One event's body: its type, an optional idempotency key, its own fields and nothing else. */
function eventSchema<T extends string, S extends z.core.$ZodShape>(type: T, fields: S, description: string) {
  // Shipments in parts: the shipment's events name it. Their decides never read it (the shipment is
  // chosen before them: ../shipments/route.ts), so it stays out of the static type.
  const shipment: Record<never, never> = isShipmentScoped(type) ? { shipmentId: shipmentIdField } : {};
  return describe(
    z.strictObject({ type: z.literal(type), eventId: z.optional(eventIdSchema), ...shipment, ...fields }),
    description,
  );
}

export type EventSchema<T extends string, S extends z.core.$ZodShape> = ReturnType<typeof eventSchema<T, S>>;

/** When an event fits the order, ignoring its fields. */
export type Guard = (state: OrderState) => boolean;

/** Everything the domain knows about one client event. */
export interface EventDefinition<T extends string = string, S extends z.core.$ZodShape = z.core.$ZodShape> {
  readonly type: T;
  /** The body a client sends (the API's 400s and the OpenAPI document come from it). */
  readonly schema: EventSchema<T, S>;
  /** The stage rule: shared by the reducer and `allowedEvents`, so a 409 and a button never disagree. */
  readonly allowedWhen: Guard;
  /** What the event does to an order it fits; field rules that need the state refuse it here. */
  decide(state: OrderState, event: z.output<EventSchema<T, S>>, ctx: EventContext): Outcome;
  /** How the order's summary names this event when it is the step the order waits for. */
  readonly nextStep?: string;
  /** Approvals only a manager may give; other events need the role `ops`. */
  readonly requiredRole?: 'manager';
  /** Whether and how a mistake in it is corrected (EVENT_CORRECTED): every event says. */
  readonly correction: Correction<z.output<EventSchema<T, S>>>;
  /** Events a closed order (COMPLETED, CANCELLED) still takes: notes, corrections, money after shipment. */
  readonly afterClose?: true;
  /** Why a closed order refuses it as a correction (409 CORRECTION_NOT_ALLOWED, not EVENT_NOT_ALLOWED). */
  readonly whenClosed?: string;
  /**
   * The endpoint that records it, when that is not `POST /orders/{id}/events` (an attachment: the
   * bytes must be stored first). Such an event is not offered in `allowedEvents`.
   */
  readonly recordedBy?: string;
}

/** Builds an event's definition, its schema from `fields` (every client event may carry an eventId). */
export function defineEvent<T extends string, S extends z.core.$ZodShape>(spec: {
  type: T;
  description: string;
  fields: S;
  allowedWhen: Guard;
  nextStep?: string;
  requiredRole?: 'manager';
  correction: Correction<z.output<EventSchema<T, S>>>;
  afterClose?: true;
  whenClosed?: string;
  recordedBy?: string;
  decide: (state: OrderState, event: z.output<EventSchema<T, S>>, ctx: EventContext) => Outcome;
}): EventDefinition<T, S> {
  const { description, fields, ...definition } = spec;
  return { ...definition, schema: eventSchema(spec.type, fields, description) };
}
