import { z } from 'zod';
import {
  ADDRESS_KINDS,
  creditInsuranceInputSchema,
  customerAddressSchema,
  customerBodySchema,
  customerContactSchema,
  customerIdSchema,
  defaultTermsSchema,
  newCustomerSchema,
} from '../domain/customers';
import { moneySchema } from '../domain/money';
import { rebateRateRowSchema, rebateRatesBodySchema } from '../domain/rebateTable';
import { LANGUAGES } from '../domain/schemas/common';
import { listCustomersQuerySchema } from './routes/customers';

type Json = (schema: z.core.$ZodType, description: string) => object;
type Body = (schema: z.core.$ZodType) => object;
type Parameters = (location: 'query' | 'path', schema: z.core.$ZodType) => object[];

interface Helpers {
  json: Json;
  body: Body;
  err: (description: string) => object;
  parameters: Parameters;
  security: object[];
  common: Record<401 | 429 | 503, object>;
}

const customerRecordSchema = z.object({
  id: customerIdSchema,
  company: z.string(),
  companyLocal: z.string().nullable().describe('Company name in Chinese'),
  email: z.string(),
  country: z.string(),
  language: z.enum(LANGUAGES),
  contacts: z.array(customerContactSchema),
  addresses: z.array(customerAddressSchema),
  defaultTerms: defaultTermsSchema,
  creditLimit: z.nullable(moneySchema).describe('Most the customer may owe on open OA, DA and DP orders'),
  insurance: z.nullable(creditInsuranceInputSchema),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});

const customerPageSchema = customerRecordSchema.extend({
  orders: z
    .array(
      z.object({
        orderId: z.string(),
        stage: z.string(),
        status: z.string(),
        balanceMethod: z
          .string()
          .nullable()
          .describe("The contract's balance method; null before the contract"),
        amountOutstanding: z.nullable(moneySchema),
        updatedAt: z.iso.datetime(),
      }),
    )
    .describe("The customer's orders, latest first (up to 500)"),
  outstanding: z.array(moneySchema).describe('Money still due on its open orders, per currency'),
  credit: z
    .object({
      exposure: z
        .object({ amount: z.string(), currency: z.string() })
        .describe(
          "What its open OA, DA and DP orders owe (plus contracts being signed), in the limits' currency",
        ),
      creditLimit: z.nullable(moneySchema),
      insuredLimit: z.nullable(moneySchema),
    })
    .nullable()
    .describe('Null when the customer has neither a credit limit nor insurance'),
});

const rebateRatesSchema = z.object({ rates: z.array(rebateRateRowSchema) });

/** `/customers` and `/company/rebate-rates` (Money after the ship sails). */
export function customerPaths({
  json,
  body,
  err,
  parameters,
  security,
  common,
}: Helpers): Record<string, object> {
  const customerPath = parameters('path', z.object({ customerId: customerIdSchema }));
  const exists = err(
    'CUSTOMER_EXISTS: another record has the same normalised company name or email (details.customerId names it), or the id is taken',
  );
  return {
    '/customers': {
      get: {
        summary: 'The customer records, by company name (role viewer); ?q= finds by part of a name or email',
        security,
        parameters: parameters('query', listCustomersQuerySchema),
        responses: {
          200: json(
            z.object({ customers: z.array(customerRecordSchema), nextPageToken: z.string().nullable() }),
            'A page of customers',
          ),
          400: err('VALIDATION_FAILED'),
          ...common,
        },
      },
      post: {
        summary: `Create a customer record (role ops; creditLimit and insurance: manager). Address kinds: ${ADDRESS_KINDS.join(', ')}`,
        security,
        requestBody: body(newCustomerSchema),
        responses: {
          201: json(customerRecordSchema, 'The new customer; Location: /customers/{customerId}'),
          400: err('VALIDATION_FAILED'),
          403: err('FORBIDDEN: role viewer, or ops setting creditLimit or insurance'),
          409: exists,
          413: err('PAYLOAD_TOO_LARGE'),
          415: err('UNSUPPORTED_MEDIA_TYPE'),
          ...common,
        },
      },
    },
    '/customers/{customerId}': {
      get: {
        summary:
          'A customer with its orders, the money they still owe and its credit exposure against its limits (role viewer)',
        security,
        parameters: customerPath,
        responses: {
          200: json(customerPageSchema, 'The customer'),
          404: err('CUSTOMER_NOT_FOUND'),
          ...common,
        },
      },
      put: {
        summary:
          'Replace a customer record (role ops); creditLimit and insurance left out stay as they are, and only a manager changes them',
        security,
        parameters: customerPath,
        requestBody: body(customerBodySchema),
        responses: {
          200: json(customerRecordSchema, 'The customer as stored'),
          400: err('VALIDATION_FAILED'),
          403: err('FORBIDDEN: role viewer, or ops changing creditLimit or insurance'),
          404: err('CUSTOMER_NOT_FOUND'),
          409: exists,
          413: err('PAYLOAD_TOO_LARGE'),
          415: err('UNSUPPORTED_MEDIA_TYPE'),
          ...common,
        },
      },
    },
    '/company/rebate-rates': {
      get: {
        summary:
          "The company's export VAT rebate rates by HS code (role viewer); REBATE_DOCUMENTS_RECORDED takes the rows matching the order's codes",
        security,
        responses: { 200: json(rebateRatesSchema, 'The table, by HS code'), ...common },
      },
      put: {
        summary: "Replace the company's export VAT rebate rates (role manager)",
        security,
        requestBody: body(rebateRatesBodySchema),
        responses: {
          200: json(rebateRatesSchema, 'The table as stored'),
          400: err('VALIDATION_FAILED'),
          403: err('FORBIDDEN: needs role manager'),
          413: err('PAYLOAD_TOO_LARGE: a table over the body limit'),
          415: err('UNSUPPORTED_MEDIA_TYPE'),
          ...common,
        },
      },
    },
  };
}
