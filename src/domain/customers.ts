/**
 * Customers as records: who the company sells to, the terms it usually gives them and the credit
 * it allows them. Orders link to a record by id (POST /orders `customerId`) and keep their own copy
 * of the customer as it was when the inquiry came in.
 */
import type { CreditInsurance } from './finance/credit';
import { contentFingerprint } from './fingerprint';
import { currencySchema, positiveMoneySchema, type Money } from './money';
import {
  emailSchema,
  incotermSchema,
  languageSchema,
  line,
  paymentMethodSchema,
  text,
  type Customer,
} from './schemas/common';
import { describe, z } from './zod';

export const MAX_CUSTOMER_CONTACTS = 20;
export const MAX_CUSTOMER_ADDRESSES = 20;

export const customerIdSchema = describe(
  z.string().check(z.regex(/^[A-Za-z0-9._-]{3,64}$/, '3-64 characters of A-Z a-z 0-9 - _ .')),
  'Customer id: `C-` and random characters, or the one given at creation',
);

const countrySchema = describe(
  z.string().check(z.regex(/^[A-Z]{2}$/, 'an ISO-3166 alpha-2 country code such as DE')),
  'ISO-3166 alpha-2 country code',
);

export const customerContactSchema = describe(
  z.strictObject({
    name: line(200, 'Full name'),
    email: emailSchema,
    phone: z.optional(line(64, 'Phone number')),
    title: z.optional(line(200, 'Job title')),
  }),
  'A person at the customer',
);

export const ADDRESS_KINDS = ['BILLING', 'SHIPPING', 'NOTIFY'] as const;

export const customerAddressSchema = describe(
  z.strictObject({
    kind: describe(z.enum(ADDRESS_KINDS), 'What the address is for: billing, delivery, the notify party'),
    text: text(1000, 'The address as it goes on documents (lines separated by newlines)'),
    country: countrySchema,
  }),
  'An address of the customer',
);

export const defaultTermsSchema = describe(
  z.strictObject({
    incoterm: z.optional(incotermSchema),
    paymentMethod: z.optional(paymentMethodSchema),
    currency: z.optional(currencySchema),
    depositPercent: describe(z.optional(z.number().check(z.minimum(0), z.maximum(100))), 'Deposit in %'),
    tenorDays: describe(
      z.optional(z.int().check(z.minimum(0), z.maximum(365))),
      'Days after the B/L date the balance is due under OA, DA',
    ),
  }),
  'The terms the customer usually gets: a starting point for quotations',
);

export const creditInsuranceInputSchema = describe(
  z.strictObject({
    insurer: line(200, 'The credit insurer, e.g. Sinosure (中信保)'),
    policyNo: line(64, 'Policy number'),
    limit: positiveMoneySchema,
    declarationDays: describe(
      z.int().check(z.minimum(1), z.maximum(90)),
      'Days after the B/L date within which a shipment is declared to the insurer',
    ),
  }),
  "The customer's credit insurance: the insured buyer limit",
);

/** What a client sends to create or replace a customer (PUT replaces the whole record). */
export const customerBodySchema = describe(
  z.strictObject({
    company: line(200, 'Company name'),
    companyLocal: z.optional(line(200, 'Company name in Chinese')),
    email: emailSchema,
    country: countrySchema,
    language: describe(z.optional(languageSchema), 'Language of the letters to the customer; default en'),
    contacts: describe(
      z.optional(z.array(customerContactSchema).check(z.maxLength(MAX_CUSTOMER_CONTACTS))),
      `Up to ${MAX_CUSTOMER_CONTACTS} people`,
    ),
    addresses: describe(
      z.optional(z.array(customerAddressSchema).check(z.maxLength(MAX_CUSTOMER_ADDRESSES))),
      `Up to ${MAX_CUSTOMER_ADDRESSES} addresses`,
    ),
    defaultTerms: z.optional(defaultTermsSchema),
    creditLimit: describe(
      z.optional(z.nullable(positiveMoneySchema)),
      'Most the customer may owe on open OA, DA and DP orders; null: no limit (manager only)',
    ),
    insurance: describe(
      z.optional(z.nullable(creditInsuranceInputSchema)),
      'Credit insurance of the buyer; null: none (manager only)',
    ),
  }),
  'A customer record',
);
export type CustomerBody = z.infer<typeof customerBodySchema>;

/** POST /customers: the body, and optionally the id to keep. */
export const newCustomerSchema = describe(
  z.extend(customerBodySchema, { id: z.optional(customerIdSchema) }),
  'POST /customers body',
);

/** A stored customer: every list present, limits null when none. */
export interface CustomerRecord {
  id: string;
  company: string;
  companyLocal: string | null;
  email: string;
  country: string;
  language: z.infer<typeof languageSchema>;
  contacts: z.infer<typeof customerContactSchema>[];
  addresses: z.infer<typeof customerAddressSchema>[];
  defaultTerms: z.infer<typeof defaultTermsSchema>;
  creditLimit: Money | null;
  insurance: CreditInsurance | null;
  createdAt: string;
  updatedAt: string;
}

/**
 * The stored form of a body. A PUT replaces the record, except the credit terms: left out, they
 * stay as they are (null removes them), so that ops may edit a customer whose limits a manager set.
 */
export function customerFields(
  body: CustomerBody,
  before?: Pick<CustomerRecord, 'creditLimit' | 'insurance'>,
): Omit<CustomerRecord, 'id' | 'createdAt' | 'updatedAt'> {
  return {
    company: body.company,
    companyLocal: body.companyLocal ?? null,
    email: body.email,
    country: body.country,
    language: body.language ?? 'en',
    contacts: body.contacts ?? [],
    addresses: body.addresses ?? [],
    defaultTerms: body.defaultTerms ?? {},
    creditLimit: body.creditLimit === undefined ? (before?.creditLimit ?? null) : body.creditLimit,
    insurance: body.insurance === undefined ? (before?.insurance ?? null) : body.insurance,
  };
}

/**
 * How duplicates are found: the company name lower-cased, with punctuation, spacing and the usual
 * legal-form words dropped ("ACME GmbH." and "acme" are one customer).
 */
export function normalisedCompanyName(name: string): string {
  const words = name
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .split(' ')
    .filter((w) => w && !LEGAL_FORMS.includes(w));
  return words.join(' ') || name.trim().toLowerCase();
}

const LEGAL_FORMS: readonly string[] = [
  'gmbh',
  'ag',
  'ltd',
  'limited',
  'inc',
  'llc',
  'co',
  'corp',
  'sa',
  'sarl',
  'srl',
  'spa',
  'bv',
  'nv',
  'plc',
  'kg',
  'oy',
  'ab',
];

/** Whether a body changes the credit terms a manager owns (`before` null: a new customer). */
export function changesCredit(
  before: Pick<CustomerRecord, 'creditLimit' | 'insurance'> | null,
  body: Pick<CustomerBody, 'creditLimit' | 'insurance'>,
): boolean {
  const differs = (sent: object | null | undefined, stored: object | null | undefined) =>
    sent !== undefined && contentFingerprint({ v: sent }) !== contentFingerprint({ v: stored ?? null });
  return differs(body.creditLimit, before?.creditLimit) || differs(body.insurance, before?.insurance);
}

/** The order's own copy of the customer, from the record. */
export function orderCustomerOf(record: CustomerRecord): Customer {
  return {
    name: record.contacts[0]?.name ?? record.company,
    company: record.company,
    email: record.email,
    country: record.country,
    ...(record.language === 'en' ? {} : { language: record.language }),
  };
}
