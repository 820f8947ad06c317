import { z } from 'zod';
import { nonNegativeMoneySchema, positiveMoneySchema } from '../money';
import {
  calendarDateSchema,
  incotermSchema,
  instantSchema,
  paymentMethodSchema,
  percentSchema,
  text,
} from './common';

const eventIdSchema = z
  .string()
  .min(1)
  .max(128)
  .describe('Optional client idempotency key: the same eventId is applied once');

/** Builds one event variant; every client event may carry an idempotency key. */
function event<T extends string, S extends z.ZodRawShape>(type: T, shape: S, description: string) {
  return z
    .object({ type: z.literal(type), eventId: eventIdSchema.optional(), ...shape })
    .describe(description);
}

const note = text(2000, 'Free-text note').optional();

export const quotationLineSchema = z
  .object({
    description: text(500, 'What is quoted'),
    quantity: z.number().positive().describe('Quoted quantity, positive'),
    unitPrice: nonNegativeMoneySchema.describe('Price per unit'),
  })
  .describe('One quotation line');

export const paymentTermsSchema = z
  .object({
    method: paymentMethodSchema,
    depositPercent: percentSchema.default(30).describe('Deposit due before production, percent of the total'),
  })
  .describe('Payment terms');

const quotationSent = event(
  'QUOTATION_SENT',
  {
    quotationNo: text(64, 'Quotation number'),
    incoterm: incotermSchema,
    namedPlace: text(200, 'Named place of the Incoterm, e.g. "Shanghai"'),
    lines: z
      .array(quotationLineSchema)
      .min(1)
      .max(200)
      .refine((lines) => lines.every((l) => l.unitPrice.currency === lines[0].unitPrice.currency), {
        message: 'all lines must use the same currency',
      }),
    paymentTerms: paymentTermsSchema,
    validUntil: calendarDateSchema.describe('Last day the quotation is valid'),
    leadTimeDays: z.number().int().min(0).max(3650).describe('Production lead time in days'),
  },
  'A quotation (or a revision) was sent: INQUIRY -> QUOTATION',
);

const quotationAccepted = event(
  'QUOTATION_ACCEPTED',
  { sampleRequired: z.boolean().default(true).describe('false waives the sample stage') },
  'The customer accepted the quotation: -> SAMPLE, or -> CONTRACT without a sample',
);
const quotationDeclined = event(
  'QUOTATION_DECLINED',
  { reason: text(2000, 'Why the customer declined') },
  'The customer declined the quotation: -> CANCELLED',
);
const sampleSent = event(
  'SAMPLE_SENT',
  { courier: text(100, 'Courier'), trackingNo: text(100, 'Tracking number') },
  'A sample was sent: opens a sample round',
);
const sampleApproved = event('SAMPLE_APPROVED', { note }, 'The customer approved the sample: -> CONTRACT');
const sampleRejected = event(
  'SAMPLE_REJECTED',
  { feedback: text(2000, "The customer's feedback") },
  'The customer rejected the sample; the next round needs SAMPLE_SENT',
);
const contractSigned = event(
  'CONTRACT_SIGNED',
  {
    contractNo: text(64, 'Contract number'),
    totalAmount: positiveMoneySchema.describe('Contract total'),
    depositPercent: percentSchema.optional().describe("Deposit percent; default the quotation's"),
  },
  'The contract was signed: -> DEPOSIT, or -> PRODUCTION when the deposit is 0',
);
const depositReceived = event(
  'DEPOSIT_RECEIVED',
  {
    amount: positiveMoneySchema.describe("Amount received, in the contract's currency"),
    reference: text(128, 'Bank reference'),
  },
  'A deposit payment arrived; payments add up; -> PRODUCTION once the deposit is reached',
);
const productionProgress = event(
  'PRODUCTION_PROGRESS',
  { percent: z.number().min(0).max(100).describe('Percent produced'), note },
  'Production progress',
);
const inspectionRecorded = event(
  'INSPECTION_RECORDED',
  {
    result: z.enum(['PASSED', 'FAILED']).describe('QC result'),
    inspector: text(200, 'Inspector or inspection company'),
    reportRef: text(200, 'Inspection report reference').optional(),
  },
  'A QC inspection was recorded',
);
const productionCompleted = event(
  'PRODUCTION_COMPLETED',
  {},
  'Production finished (latest inspection must have PASSED): -> SHIPPING; a booking request goes to the forwarder',
);
const bookingConfirmed = event(
  'BOOKING_CONFIRMED',
  {
    forwarder: text(200, 'Forwarder that confirmed the booking'),
    vessel: text(200, 'Vessel name'),
    voyage: text(64, 'Voyage number'),
    etd: z.union([calendarDateSchema, instantSchema]).describe('Estimated time of departure'),
    containerNos: z.array(text(32, 'Container number')).max(500).optional(),
  },
  'The forwarder confirmed the booking',
);
const customsDeclared = event(
  'CUSTOMS_DECLARED',
  { declarationNo: text(64, 'Customs declaration number') },
  'Export customs declared (after booking)',
);
const billOfLadingIssued = event(
  'BILL_OF_LADING_ISSUED',
  {
    blNo: text(64, 'Bill of lading number'),
    blType: z.enum(['ORIGINAL', 'TELEX_RELEASE', 'SEA_WAYBILL']).describe('Kind of transport document'),
  },
  'B/L issued (after customs): -> BALANCE; document copies go to the customer to verify',
);
const documentsConfirmed = event(
  'DOCUMENTS_CONFIRMED',
  { note },
  'The customer found the document copies correct',
);
const balanceReceived = event(
  'BALANCE_RECEIVED',
  {
    amount: positiveMoneySchema.describe("Amount received, in the contract's currency"),
    reference: text(128, 'Bank reference'),
  },
  'A balance payment arrived; once paid in full -> DOCUMENTS and the document set is dispatched',
);
const goodsReleased = event(
  'GOODS_RELEASED',
  { note },
  'The customer picked up the goods (after document dispatch): -> COMPLETED',
);
const noteAdded = event('NOTE_ADDED', { text: text(4000, 'Note text') }, 'A note for the timeline');
const orderCancelled = event(
  'ORDER_CANCELLED',
  { reason: text(2000, 'Why the order is cancelled') },
  'Cancel the order (only before the B/L): -> CANCELLED; the account manager is told',
);
/** Extension of the contract: re-run the side effects that failed, once an operator fixed the cause. */
const retryFailedEffects = event(
  'RETRY_FAILED_EFFECTS',
  {},
  'Re-run the failed side effects (booking request, document emails, cancellation notice)',
);

export const orderEventSchema = z
  .discriminatedUnion('type', [
    quotationSent,
    quotationAccepted,
    quotationDeclined,
    sampleSent,
    sampleApproved,
    sampleRejected,
    contractSigned,
    depositReceived,
    productionProgress,
    inspectionRecorded,
    productionCompleted,
    bookingConfirmed,
    customsDeclared,
    billOfLadingIssued,
    documentsConfirmed,
    balanceReceived,
    goodsReleased,
    noteAdded,
    orderCancelled,
    retryFailedEffects,
  ])
  .describe('POST /orders/{orderId}/events body');

export type OrderEvent = z.infer<typeof orderEventSchema>;
export type OrderEventInput = z.input<typeof orderEventSchema>;
export type OrderEventType = OrderEvent['type'];
export type EventOf<T extends OrderEventType> = Extract<OrderEvent, { type: T }>;
export type QuotationLine = z.infer<typeof quotationLineSchema>;
export type PaymentTerms = z.infer<typeof paymentTermsSchema>;

/** Every client event type, in the order of the contract's event table. */
export const ORDER_EVENT_TYPES = orderEventSchema.options.map((o): OrderEventType => o.shape.type.value);
