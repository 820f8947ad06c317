import { describe, z } from '../zod';

export const INCOTERMS = [
  'EXW',
  'FCA',
  'FAS',
  'FOB',
  'CFR',
  'CIF',
  'CPT',
  'CIP',
  'DAP',
  'DPU',
  'DDP',
] as const;
export const PAYMENT_METHODS = ['TT', 'LC', 'DP', 'DA', 'OA'] as const;
export const INQUIRY_CHANNELS = [
  'B2B_PLATFORM',
  'EXHIBITION',
  'EMAIL',
  'WEBSITE',
  'REFERRAL',
  'OTHER',
] as const;

export const incotermSchema = describe(z.enum(INCOTERMS), 'Incoterms 2020 rule');
export const paymentMethodSchema = describe(
  z.enum(PAYMENT_METHODS),
  'TT telegraphic transfer, LC letter of credit, DP/DA documents against payment/acceptance, OA open account',
);

// Control characters (other than line breaks and tabs) are never meaningful in order data, and a NUL
// cannot even be stored in a Temporal search attribute or matched by a visibility query.
const isControlCharacter = (code: number) =>
  (code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0d) || code === 0x7f;
const hasControlCharacters = (value: string) =>
  Array.from(value).some((char) => isControlCharacter(char.charCodeAt(0)));

export const text = (max: number, description: string) =>
  describe(
    z.string().check(
      z.trim(),
      z.minLength(1),
      z.maxLength(max),
      z.refine((value) => !hasControlCharacters(value), 'must not contain control characters'),
    ),
    description,
  );

export const emailSchema = describe(z.email().check(z.maxLength(254)), 'Email address');

/** ISO-8601 instant; an offset other than Z is accepted and normalised to UTC by the domain. */
export const instantSchema = describe(z.iso.datetime({ offset: true }), 'ISO-8601 date-time, UTC');
export const calendarDateSchema = describe(z.iso.date(), 'ISO-8601 calendar date (YYYY-MM-DD)');

/** Percent with at most two decimals, so deposit math can run in integer basis points. */
export const percentSchema = describe(
  z.number().check(
    z.minimum(0),
    z.maximum(100),
    z.refine((p) => Math.abs(p * 100 - Math.round(p * 100)) < 1e-9, 'at most 2 decimal places'),
  ),
  'Percentage 0-100, at most 2 decimals',
);

export const customerSchema = describe(
  z.object({
    name: text(200, 'Contact person'),
    company: text(200, 'Company name'),
    email: emailSchema,
    country: describe(
      z.string().check(z.regex(/^[A-Z]{2}$/, 'an ISO-3166 alpha-2 country code such as DE')),
      'ISO-3166 alpha-2 country code',
    ),
  }),
  'The buying customer',
);

export const contactSchema = describe(
  z.object({ name: text(200, 'Full name'), email: emailSchema }),
  'A person with an email address',
);

export const productLineSchema = describe(
  z.object({
    sku: z.optional(text(64, 'Product code')),
    description: text(500, 'What the customer asks for'),
    quantity: describe(z.number().check(z.positive()), 'Requested quantity, positive'),
    unit: z.optional(text(32, 'Unit of measure, e.g. pcs')),
  }),
  'One requested product',
);

export type Customer = z.infer<typeof customerSchema>;
export type Contact = z.infer<typeof contactSchema>;
export type ProductLine = z.infer<typeof productLineSchema>;
export type Incoterm = z.infer<typeof incotermSchema>;
export type PaymentMethod = z.infer<typeof paymentMethodSchema>;
