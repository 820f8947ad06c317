/** The order's own records: timeline window, idempotency keys, failures, refusals, holds. */
import { describe, z } from '../zod';
import { instant } from './common';

/**
 * A timeline line as the state keeps it (the latest few; the read model keeps every one). Its
 * `type` is the accepted event's type: the state holds it as text, since the list of event types
 * is the event registry's, which builds on the state; the view names the list.
 */
export const timelineEntrySchema = z.object({
  eventId: z.string(),
  type: z.string(),
  at: instant,
  actor: describe(z.string(), 'API token name, "system", or who sent a signal'),
  actorId: describe(
    z.optional(z.string()),
    'Who, by id: `token:<name>`, `token:<id>`, `user:<issuer subject>`, or as `actor` ("system"); absent in entries recorded before people signed in',
  ),
  summary: z.string(),
  /** The latest EVENT_CORRECTED, EVENT_UNDONE or PAYMENT_REVERSED that took this entry back. */
  correctedBy: z.optional(z.string()),
});
export type TimelineEntry = z.output<typeof timelineEntrySchema>;

/** A client idempotency key the order has taken, with the fingerprint of the event it came with. */
export const eventKeySchema = z.object({ eventId: z.string(), fingerprint: z.string() });
export type EventKey = z.output<typeof eventKeySchema>;

/**
 * An effect that failed for good. Its `effect` is held as text for the timeline's reason: the list
 * of effect kinds is the effect registry's, whose definitions build on the state; the view names it.
 */
export const failedEffectSchema = z.object({
  effect: z.string(),
  error: z.string(),
  failedAt: instant,
  /** Shipments in parts: the shipment whose effect it was; absent: the order's. */
  shipmentId: z.optional(z.string()),
});
export type FailedEffect = z.output<typeof failedEffectSchema>;

export const rejectedEventSchema = z.object({
  eventId: z.nullable(z.string()),
  type: z.string(),
  at: instant,
  actor: z.string(),
  reason: z.string(),
});
export type RejectedEvent = z.output<typeof rejectedEventSchema>;

export const orderHoldSchema = z.object({ reason: z.string(), since: instant, by: z.string() });
export type OrderHold = z.output<typeof orderHoldSchema>;

/** Time on hold, both as elapsed time and as working time on the order's calendar. */
export const heldTimeSchema = z.object({ ms: z.number(), workingMs: z.number() });
export type HeldTime = z.output<typeof heldTimeSchema>;
