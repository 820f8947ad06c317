import { describe, describeCopy, z } from '../zod';
import { MAX_MONEY_MINOR, lineTotalMinor, nonNegativeMoneySchema, positiveMoneySchema } from '../money';
import {
  calendarDateSchema,
  incotermSchema,
  instantSchema,
  line,
  paymentMethodSchema,
  percentSchema,
  quantity,
  text,
  textChecks,
} from './common';

const eventIdSchema = describe(
  z.string().check(z.minLength(1), z.maxLength(128), ...textChecks('one line')),
  'Optional client idempotency key: the same eventId is applied once',
);

/** Builds one event variant; every client event may carry an idempotency key. */
function event<T extends string, S extends z.core.$ZodShape>(type: T, shape: S, description: string) {
  return describe(
    z.strictObject({ type: z.literal(type), eventId: z.optional(eventIdSchema), ...shape }),
    description,
  );
}

const note = z.optional(text(2000, 'Free-text note'));

export const quotationLineSchema = describe(
  z.strictObject({
    description: line(500, 'What is quoted'),
    quantity: quantity('Quoted quantity'),
    unitPrice: describeCopy(nonNegativeMoneySchema, 'Price per unit'),
  }),
  'One quotation line',
);

export const paymentTermsSchema = describe(
  z.strictObject({
    method: paymentMethodSchema,
    depositPercent: describe(
      z._default(percentSchema, 30),
      'Deposit due before production, percent of the total',
    ),
  }),
  'Payment terms',
);

/** The quotation total (quantity x unit price, summed) stays within what money may hold. */
function totalWithinBounds(lines: readonly QuotationLine[]): boolean {
  let total = 0n;
  for (const l of lines) {
    // Fields already refused are reported; a line that cannot be priced says nothing of the total.
    if (!quotationLineSchema.safeParse(l).success) return true;
    total += lineTotalMinor(l.unitPrice, l.quantity);
  }
  return total <= MAX_MONEY_MINOR;
}

const quotationSent = event(
  'QUOTATION_SENT',
  {
    quotationNo: line(64, 'Quotation number'),
    incoterm: incotermSchema,
    namedPlace: line(200, 'Named place of the Incoterm, e.g. "Shanghai"'),
    lines: z.array(quotationLineSchema).check(
      z.minLength(1),
      z.maxLength(200),
      z.refine((lines) => lines.every((l) => l.unitPrice.currency === lines[0].unitPrice.currency), {
        message: 'all lines must use the same currency',
      }),
      z.refine(totalWithinBounds, { message: 'the quotation total must be at most 1,000,000,000,000.00' }),
    ),
    paymentTerms: paymentTermsSchema,
    validUntil: describeCopy(calendarDateSchema, 'Last day the quotation is valid'),
    leadTimeDays: describe(z.int().check(z.minimum(0), z.maximum(3650)), 'Production lead time in days'),
  },
  'A quotation (or a revision) was sent: INQUIRY -> QUOTATION',
);

const quotationAccepted = event(
  'QUOTATION_ACCEPTED',
  { sampleRequired: describe(z._default(z.boolean(), true), 'false waives the sample stage') },
  'The customer accepted the quotation: -> SAMPLE, or -> CONTRACT without a sample',
);
const quotationDeclined = event(
  'QUOTATION_DECLINED',
  { reason: text(2000, 'Why the customer declined') },
  'The customer declined the quotation: -> CANCELLED',
);
const sampleSent = event(
  'SAMPLE_SENT',
  { courier: line(100, 'Courier'), trackingNo: line(100, 'Tracking number') },
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
    contractNo: line(64, 'Contract number'),
    totalAmount: describeCopy(positiveMoneySchema, 'Contract total'),
    depositPercent: describe(z.optional(percentSchema), "Deposit percent; default the quotation's"),
  },
  'The contract was signed: -> DEPOSIT, or -> PRODUCTION when the deposit is 0',
);
const depositReceived = event(
  'DEPOSIT_RECEIVED',
  {
    amount: describeCopy(positiveMoneySchema, "Amount received, in the contract's currency"),
    reference: line(128, 'Bank reference'),
  },
  'A deposit payment arrived; payments add up; -> PRODUCTION once the deposit is reached',
);
const productionProgress = event(
  'PRODUCTION_PROGRESS',
  { percent: describe(z.number().check(z.minimum(0), z.maximum(100)), 'Percent produced'), note },
  'Production progress',
);
const inspectionRecorded = event(
  'INSPECTION_RECORDED',
  {
    result: describe(z.enum(['PASSED', 'FAILED']), 'QC result'),
    inspector: line(200, 'Inspector or inspection company'),
    reportRef: z.optional(line(200, 'Inspection report reference')),
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
    forwarder: line(200, 'Forwarder that confirmed the booking'),
    vessel: line(200, 'Vessel name'),
    voyage: line(64, 'Voyage number'),
    etd: describe(z.union([calendarDateSchema, instantSchema]), 'Estimated time of departure'),
    containerNos: z.optional(z.array(line(32, 'Container number')).check(z.maxLength(500))),
  },
  'The forwarder confirmed the booking',
);
const customsDeclared = event(
  'CUSTOMS_DECLARED',
  { declarationNo: line(64, 'Customs declaration number') },
  'Export customs declared (after booking)',
);
const billOfLadingIssued = event(
  'BILL_OF_LADING_ISSUED',
  {
    blNo: line(64, 'Bill of lading number'),
    blType: describe(z.enum(['ORIGINAL', 'TELEX_RELEASE', 'SEA_WAYBILL']), 'Kind of transport document'),
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
    amount: describeCopy(positiveMoneySchema, "Amount received, in the contract's currency"),
    reference: line(128, 'Bank reference'),
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

export const orderEventSchema = describe(
  z.discriminatedUnion('type', [
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
  ]),
  'POST /orders/{orderId}/events body',
);

export type OrderEvent = z.infer<typeof orderEventSchema>;
export type OrderEventInput = z.input<typeof orderEventSchema>;
export type OrderEventType = OrderEvent['type'];
export type EventOf<T extends OrderEventType> = Extract<OrderEvent, { type: T }>;
export type QuotationLine = z.infer<typeof quotationLineSchema>;
export type PaymentTerms = z.infer<typeof paymentTermsSchema>;

/** Every client event type, in the order of the contract's event table. */
export const ORDER_EVENT_TYPES = orderEventSchema.def.options.map(
  (o): OrderEventType => o.shape.type.def.values[0],
);
