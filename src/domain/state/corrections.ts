/**
 * What the order keeps to take mistakes back (see ../corrections): the recent events that can be
 * corrected, reversed or undone, the undo point of the latest stage move, and the warnings a
 * correction or a reversal leaves on the order. Corrections never edit what happened: each is an
 * event of its own, and these records only say which earlier event it takes back.
 */
import { moneySchema } from '../money';
import { stageSchema } from '../stages';
import { describe, describeCopy, z } from '../zod';
import { instant } from './common';

/** What a warning is about; the console and emails name each by its code. */
export const WARNING_CODES = [
  /** Money counted as received was taken back: it is owed again until it is in. */
  'PAYMENT_REVERSED',
  /** Originals built from a corrected value were couriered before the correction: not recalled. */
  'ORIGINALS_NOT_RECALLED',
  /** A bank holds documents built from a corrected value (an L/C presentation, a collection). */
  'BANK_HOLDS_EARLIER_DOCUMENTS',
  // Trade data a bank and customs accept
  /** The B/L is dated before the booking was confirmed. */
  'BL_BEFORE_BOOKING',
  /** The B/L is dated after the L/C's latest shipment date. */
  'BL_AFTER_LATEST_SHIPMENT',
] as const;
export type WarningCode = (typeof WARNING_CODES)[number];

export const orderWarningSchema = z.object({
  code: z.enum(WARNING_CODES),
  message: z.string(),
  since: instant,
  /** The event that raised it (a reversal, a correction). */
  eventId: z.string(),
  /** PAYMENT_REVERSED: the warning goes once no more than this is outstanding again. */
  clearsAtOutstanding: z.optional(moneySchema),
});
export type OrderWarning = z.output<typeof orderWarningSchema>;

/**
 * An accepted client event a later correction, reversal or undo may name, kept small (the state
 * keeps 50 of them). `instance` says which of the event's records it wrote where the event repeats
 * (the sample round); payments find their receipt by eventId.
 */
export const correctableEventSchema = z.object({
  eventId: z.string(),
  type: z.string(),
  at: instant,
  /** The stage the event moved the order to; absent: it did not move it. */
  movedTo: z.optional(stageSchema),
  /** Absent where the event does not repeat. */
  instance: z.optional(z.number()),
  /** Shipments in parts: the shipment it was decided for; absent: the order. */
  shipmentId: z.optional(z.string()),
  /** The corrections made to it, latest last (their eventIds); absent: none. */
  correctedBy: z.optional(z.array(z.string())),
  /** Set once it was undone or (a payment) reversed. */
  takenBackBy: z.optional(z.string()),
});
export type CorrectableEvent = z.output<typeof correctableEventSchema>;

/** One field a correction changed, as people read it. */
export const fieldChangeSchema = z.object({ field: z.string(), from: z.string(), to: z.string() });
export type FieldChange = z.output<typeof fieldChangeSchema>;

/** A re-issue of the order's documents after a correction of values they print. */
export const documentRevisionSchema = describe(
  z.object({
    revision: z.number(),
    at: instant,
    by: z.string(),
    reason: z.string(),
    /** The EVENT_CORRECTED behind it. */
    eventId: z.string(),
    changes: z.array(fieldChangeSchema),
  }),
  'A revision of the documents: what a correction changed in them',
);
export type DocumentRevision = z.output<typeof documentRevisionSchema>;

export const warningsSchema = describeCopy(
  z.array(orderWarningSchema),
  'What a correction or reversal left for people to see to',
);
