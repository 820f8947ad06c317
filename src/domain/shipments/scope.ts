/**
 * The events that belong to one shipment: they take `shipmentId`, which may be left out while the
 * order has one shipment. Imports nothing, so the event definitions can read it.
 */
import { describe, z } from '../zod';

export const SHIPMENT_SCOPED_EVENTS = [
  'BOOKING_CONFIRMED',
  'CUSTOMS_DECLARED',
  'INSURANCE_ARRANGED',
  'GOODS_COLLECTED',
  'BILL_OF_LADING_ISSUED',
  'TELEX_RELEASE_CONFIRMED',
  'ORIGINALS_COURIERED',
  'DOCUMENTS_PRESENTED',
  'DISCREPANCY_NOTICED',
  'DISCREPANCY_RESOLVED',
  'LC_HONOURED',
  'SENT_FOR_COLLECTION',
  'DRAFT_ACCEPTED',
  'COLLECTION_PAID',
  'DOCUMENTS_CONFIRMED',
  'RELEASE_APPROVED',
  'GOODS_RELEASED',
  // Money towards one shipment's share; without shipmentId it goes to the first shipment owing.
  'PAYMENT_RECEIVED',
  'BALANCE_RECEIVED',
  'PAYMENT_WRITTEN_OFF',
] as const;
export type ShipmentScopedEvent = (typeof SHIPMENT_SCOPED_EVENTS)[number];

/** Money events: routed to a shipment only once the deposit is settled (the rest is the order's). */
export const SHIPMENT_MONEY_EVENTS: readonly string[] = [
  'PAYMENT_RECEIVED',
  'BALANCE_RECEIVED',
  'PAYMENT_WRITTEN_OFF',
];

export const isShipmentScoped = (type: string): type is ShipmentScopedEvent =>
  (SHIPMENT_SCOPED_EVENTS as readonly string[]).includes(type);

export const shipmentIdSchema = describe(
  z.string().check(z.regex(/^[A-Za-z0-9-]{1,16}$/, '1 to 16 letters, digits or dashes')),
  'A shipment of the order, e.g. S2',
);

export const shipmentIdField = describe(
  z.optional(shipmentIdSchema),
  'The shipment it belongs to; may be left out while the order has one shipment (S1)',
);

/** Which of several shipments a letter or a document is for ("shipment 2 of 2"). */
export interface ShipmentLabel {
  shipmentId: string;
  /** 1-based, in plan order. */
  number: number;
  of: number;
}

/** "shipment 2 of 2" in the letter's language. */
export const shipmentWords = (label: ShipmentLabel, language: string): string =>
  language === 'zh-CN'
    ? `第 ${label.number} 批（共 ${label.of} 批）`
    : `shipment ${label.number} of ${label.of}`;

/** The suffix of a shipment's document numbers (`CI-C-1-S2`). */
export const shipmentNumberSuffix = (label: ShipmentLabel | undefined): string =>
  label ? `-S${label.number}` : '';
