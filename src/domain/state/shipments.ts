/**
 * Shipments in parts: each shipment carries its allocation of the contract's lines, its own
 * shipping and documents, and its own money (its share of the balance, what it received, how its
 * L/C presentation or collection went). An order that never plans one has none: the whole
 * contract is then one shipment, `S1`, kept in the order's own `shipping` and `documents`.
 */
import { moneySchema } from '../money';
import { describe, describeCopy, z } from '../zod';
import { instant, nullableInstant, nullableMoney } from './common';
import { documentsSchema } from './documents';
import { collectionSchema, releaseApprovalSchema } from './payments';
import { shippingSchema } from './shipping';

/** The implicit shipment's id: the whole contract, while no shipment is planned. */
export const FIRST_SHIPMENT_ID = 'S1';

/** How many shipments one order may have (the state stays bounded). */
export const MAX_SHIPMENTS = 20;

/** The stages a shipment passes after its goods left, as the order does. */
export const SHIPMENT_STAGES = ['BALANCE', 'DOCUMENTS', 'COMPLETED'] as const;
export type ShipmentStage = (typeof SHIPMENT_STAGES)[number];

export const shipmentLineSchema = z.object({
  /** 1-based position in the contract's lines. */
  lineNo: z.number(),
  quantity: z.number(),
});
export type ShipmentLine = z.output<typeof shipmentLineSchema>;

/** One presentation under the L/C: each shipment presents its own documents. */
export const presentationSchema = z.object({
  presentedAt: nullableInstant,
  presentingBank: z.nullable(z.string()),
  discrepancies: z.array(z.string()),
  honouredAt: nullableInstant,
});
export type Presentation = z.output<typeof presentationSchema>;

export const shipmentSchema = z.object({
  shipmentId: z.string(),
  /** The order's count of planned shipments when it was planned: how a correction finds its plan. */
  seq: z.number(),
  lines: z.array(shipmentLineSchema),
  etd: z.nullable(z.string()),
  plannedAt: instant,
  shipping: shippingSchema,
  documents: documentsSchema,
  /** null until its goods left; then where its own money and release stand. */
  stage: describe(z.nullable(z.enum(SHIPMENT_STAGES)), 'Where the shipment stands after its goods left'),
  /** Its share of the balance, fixed when its goods leave; null: not yet fixed. */
  amount: describeCopy(nullableMoney, 'Its share of the balance, fixed when its goods left'),
  received: nullableMoney,
  writtenOff: nullableMoney,
  balanceDueDate: z.nullable(z.string()),
  presentation: z.nullable(presentationSchema),
  collection: z.nullable(collectionSchema),
  releaseApproval: z.nullable(releaseApprovalSchema),
});
export type Shipment = z.output<typeof shipmentSchema>;

/** SHIPMENTS_CLOSED: the rest of the contract is not shipped. */
export const closedShortSchema = z.object({
  reason: z.string(),
  at: instant,
  by: z.string(),
  notShipped: describe(moneySchema, 'The share of the balance not shipped, taken off what is owed'),
});

export const shipmentsSchema = z.object({
  list: z.array(shipmentSchema),
  closed: z.nullable(closedShortSchema),
});
export type ShipmentsState = z.output<typeof shipmentsSchema>;
