/** The quotation sent to the customer, and the sample rounds that may follow it. */
import { moneySchema, nonNegativeMoneySchema } from '../money';
import { incotermSchema, line, paymentMethodSchema, percentSchema, quantity } from '../schemas/common';
import { describe, describeCopy, z } from '../zod';
import { instant, nullableInstant } from './common';

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

export type QuotationLine = z.infer<typeof quotationLineSchema>;
export type PaymentTerms = z.infer<typeof paymentTermsSchema>;

export const quotationSchema = z.object({
  quotationNo: z.string(),
  incoterm: incotermSchema,
  namedPlace: z.string(),
  lines: z.array(quotationLineSchema),
  paymentTerms: paymentTermsSchema,
  validUntil: z.string(),
  leadTimeDays: z.number(),
  total: moneySchema,
  sentAt: instant,
  revisions: describe(z.number(), 'Quotations sent in all; 1 = no revision yet'),
});
export type Quotation = z.output<typeof quotationSchema>;

export const SAMPLE_OUTCOMES = ['PENDING', 'APPROVED', 'REJECTED'] as const;
export type SampleOutcome = (typeof SAMPLE_OUTCOMES)[number];

export const sampleRoundSchema = z.object({
  round: z.number(),
  courier: z.string(),
  trackingNo: z.string(),
  sentAt: instant,
  outcome: z.enum(SAMPLE_OUTCOMES),
  decidedAt: nullableInstant,
  feedback: z.nullable(z.string()),
});
export type SampleRound = z.output<typeof sampleRoundSchema>;

export const sampleSchema = z.object({
  required: describe(z.nullable(z.boolean()), 'null until the quotation is accepted; false = waived'),
  rounds: z.number(),
  approved: z.boolean(),
  history: describe(z.array(sampleRoundSchema), 'The latest sample rounds'),
  waiver: describe(
    z.optional(z.object({ reason: z.string(), by: z.string(), at: instant })),
    'A manager waived the required sample',
  ),
});
export type SampleState = z.output<typeof sampleSchema>;
