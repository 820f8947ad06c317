/** The shape of the view's `shipments[]` (see ./view.ts); the OpenAPI document is derived from it. */
import { moneySchema } from '../money';
import { blReleaseSchema, documentsSchema } from '../state/documents';
import { collectionSchema } from '../state/payments';
import {
  closedShortSchema,
  presentationSchema,
  SHIPMENT_STAGES,
  shipmentLineSchema,
} from '../state/shipments';
import {
  billOfLadingSchema,
  bookingDetailsSchema,
  goodsCollectionSchema,
  insurancePolicySchema,
} from '../state/shipping';
import { instant, nullableInstant, nullableMoney } from '../state/common';
import { describe, describeCopy, z } from '../zod';

export const shipmentViewSchema = describe(
  z.object({
    shipmentId: z.string(),
    lines: describe(z.array(shipmentLineSchema), 'The contract quantities it carries (lineNo: 1-based)'),
    etd: z.nullable(z.string()),
    stage: describe(
      z.nullable(z.enum(SHIPMENT_STAGES)),
      'After its goods left: BALANCE (its money awaited), DOCUMENTS (released), COMPLETED; null before',
    ),
    booking: z.object({ requestedAt: nullableInstant, confirmed: z.nullable(bookingDetailsSchema) }),
    customs: z.nullable(z.object({ declarationNo: z.string(), declaredAt: instant })),
    insurance: z.nullable(insurancePolicySchema),
    collected: z.nullable(goodsCollectionSchema),
    billOfLading: z.nullable(billOfLadingSchema),
    documents: z.omit(documentsSchema, { release: true }),
    release: z.extend(blReleaseSchema, { goodsReleasedAt: nullableInstant }),
    amount: describeCopy(nullableMoney, 'Its share of the balance'),
    received: nullableMoney,
    writtenOff: nullableMoney,
    outstanding: describeCopy(nullableMoney, 'Its share less what was received and written off'),
    dueDate: describe(z.nullable(z.string()), 'OA: its B/L date + tenor; DA: its maturity'),
    presentation: describe(z.nullable(presentationSchema), 'L/C: its own presentation'),
    presentationDeadline: describe(z.nullable(z.string()), 'L/C: its last day to present'),
    collection: describe(z.nullable(collectionSchema), 'D/P, D/A: its own collection'),
  }),
  'One shipment of the order (an order that never planned one has S1, the whole contract)',
);

export const shipmentsClosedSchema = describe(
  z.nullable(closedShortSchema),
  'SHIPMENTS_CLOSED: the rest of the contract is not shipped (null: not closed)',
);

export const lcDrawnSchema = describe(
  z.nullable(z.object({ drawn: moneySchema, available: moneySchema })),
  'L/C: how much of the credit the shipments drew, and what is left',
);
