/**
 * The order's state, defined once: the reducer's types are inferred from this schema and the
 * order view's schema (viewSchema.ts) is derived from it. The state travels through every update
 * result and continue-as-new input, so it keeps only what decisions and the view need (bounded
 * windows: bounds.ts). A field added later is optional, since states from before lack it.
 */
import { accountManagerSchema, customerSchema, forwarderSchema, productLineSchema } from '../schemas/common';
import { inquirySchema } from '../schemas/new-order';
import { stageSchema } from '../stages';
import { describe, describeCopy, z } from '../zod';
import {
  eventKeySchema,
  failedEffectSchema,
  heldTimeSchema,
  orderHoldSchema,
  rejectedEventSchema,
  timelineEntrySchema,
} from './bookkeeping';
import { cancellationSchema } from './cancellation';
import { instant, nullableInstant } from './common';
import { contractSchema } from './contract';
import { correctableEventSchema, warningsSchema } from './corrections';
import { documentsSchema } from './documents';
import { costsSchema, creditSchema, rebateSchema } from './finance';
import { paymentsSchema } from './payments';
import { stallPolicySchema } from './policy';
import { productionSchema } from './production';
import { quotationSchema, sampleSchema } from './quotation';
import { shippingSchema } from './shipping';
import { shipmentsSchema } from './shipments';
import { stepRecordsSchema } from './steps';
import { orderTemplateSchema } from './template';

export const ORDER_STATUSES = ['OPEN', 'COMPLETED', 'CANCELLED'] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];

/**
 * The parts of the order a stage-moving event may change: an undo puts them back as they were.
 * The order's own records (timeline, keys, counters, policy) are not in it: an undo is recorded.
 */
const tradeShape = {
  stage: stageSchema,
  status: z.enum(ORDER_STATUSES),
  quotation: z.nullable(quotationSchema),
  sample: sampleSchema,
  contract: z.nullable(contractSchema),
  payments: paymentsSchema,
  production: productionSchema,
  shipping: shippingSchema,
  documents: documentsSchema,
  cancellation: z.nullable(cancellationSchema),
  stalled: z.boolean(),
  heldInStage: z.optional(heldTimeSchema),
  stageEnteredAt: instant,
  stageDeadline: nullableInstant,
  remindersSentInStage: z.number(),
  steps: z.optional(stepRecordsSchema),
  closedAt: nullableInstant,
  /** Absent while no shipment is planned (the contract ships as one, S1). */
  shipments: z.optional(shipmentsSchema),
};
export const TRADE_PARTS = Object.keys(tradeShape) as (keyof typeof tradeShape)[];

/** The order before its latest stage move, kept while nothing irreversible followed it. */
export const undoPointSchema = z.object({
  eventId: z.string(),
  type: z.string(),
  at: instant,
  /** null once something irreversible followed (or was in) the move. */
  before: z.nullable(z.object(tradeShape)),
  /** Why the move can no longer be undone. */
  blockedBy: z.nullable(z.string()),
});
export type UndoPoint = z.output<typeof undoPointSchema>;

export const correctionRecordsSchema = z.object({
  /** The latest events a correction, reversal or undo may name (STATE_WINDOWS.correctable). */
  events: z.array(correctableEventSchema),
  undoPoint: z.nullable(undoPointSchema),
});
export type CorrectionRecords = z.output<typeof correctionRecordsSchema>;

export const orderStateSchema = z.object({
  orderId: z.string(),
  stage: stageSchema,
  status: z.enum(ORDER_STATUSES),
  customer: customerSchema,
  accountManager: accountManagerSchema,
  /** null: the configured default forwarder receives the booking request. */
  forwarder: z.nullable(forwarderSchema),
  inquiry: z.object({ ...inquirySchema.shape, receivedAt: instant, products: z.array(productLineSchema) }),
  quotation: z.nullable(quotationSchema),
  sample: sampleSchema,
  contract: z.nullable(contractSchema),
  payments: paymentsSchema,
  production: productionSchema,
  shipping: shippingSchema,
  documents: documentsSchema,
  cancellation: z.nullable(cancellationSchema),
  stalled: z.boolean(),
  /** Set while the order is on hold (ORDER_ON_HOLD) until ORDER_RESUMED; absent in orders from before. */
  hold: describe(
    z.optional(z.nullable(orderHoldSchema)),
    'Set while the order is on hold: no stall reminders',
  ),
  /** Absent: none. */
  heldInStage: describe(
    z.optional(heldTimeSchema),
    'Time the current stage spent on hold: its deadline moved by it',
  ),
  stageEnteredAt: instant,
  /** stageEnteredAt + the stage's limit. */
  stageDeadline: describeCopy(nullableInstant, 'When the stall reminder fires; null once closed'),
  remindersSent: z.number(),
  remindersSentInStage: z.number(),
  /** The latest timeline entries (STATE_WINDOWS.timeline); the read model keeps every one. */
  timeline: z.array(timelineEntrySchema),
  /** Accepted events so far, ORDER_CREATED included: the sequence number of the latest. */
  timelineTotal: describe(z.number(), 'How many events the order has taken (its timeline length)'),
  /** The latest client idempotency keys (STATE_WINDOWS.eventKeys). */
  eventKeys: z.array(eventKeySchema),
  /** Accepted client events and notes, counted against ORDER_LIMITS. */
  clientEventCount: z.number(),
  noteCount: z.number(),
  failedEffects: z.array(failedEffectSchema),
  rejectedEvents: describe(z.array(rejectedEventSchema), 'The latest signals the order turned down'),
  policy: stallPolicySchema,
  /** The template version the order started from and its terms; absent in orders from before templates. */
  template: z.optional(z.nullable(orderTemplateSchema)),
  /** When each process step was done and by whom (absent in older orders). */
  steps: z.optional(stepRecordsSchema),
  /** Absent in orders from before corrections: none. */
  warnings: z.optional(warningsSchema),
  /** Absent in orders from before corrections: nothing to take back yet. */
  corrections: z.optional(correctionRecordsSchema),
  /** The rules the order follows (see rules.ts); absent in orders from before: 1. */
  rulesVersion: z.optional(z.int().check(z.minimum(1))),
  createdAt: instant,
  updatedAt: instant,
  closedAt: nullableInstant,
  /** When the closed order was archived (its workflow ended); absent while it is not. */
  archivedAt: describe(z.optional(instant), 'When the closed order was archived: it takes no more events'),
  /** Shipments in parts; absent while none is planned: the contract ships as one (S1). */
  shipments: z.optional(shipmentsSchema),
  /** The customer record the order is for (GET /customers/{id}); absent: an order from before records. */
  customerId: describe(z.optional(z.string()), 'The customer record the order is for'),
  /** Absent until a manager approves credit or a contract under credit terms is insured. */
  credit: describe(z.optional(creditSchema), 'Credit approval and the credit insurance of the order'),
  /** Absent until a cost is recorded. */
  costs: describe(z.optional(costsSchema), "The order's costs in CNY by kind"),
  /** Absent until the goods are exported by a company that claims the export VAT rebate. */
  rebate: describe(z.optional(rebateSchema), 'The export VAT rebate (出口退税) of the order'),
});
export type OrderState = z.output<typeof orderStateSchema>;
