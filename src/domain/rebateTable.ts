/** The company's export VAT rebate table (GET/PUT /company/rebate-rates): rates by HS code. */
import { rebateRateSchema } from './finance/rebate';
import { line } from './schemas/common';
import { describe, z } from './zod';

export const MAX_REBATE_RATES = 2000;

export const rebateRateRowSchema = describe(
  z.strictObject({
    hsCode: describe(
      z.string().check(z.regex(/^\d{4,10}$/, '4 to 10 digits')),
      'An HS code, or its leading digits: the row applies to every code that starts with it (the longest wins)',
    ),
    rate: rebateRateSchema,
    description: z.optional(line(200, 'What the code covers')),
  }),
  'One rate of the table',
);

export const rebateRatesBodySchema = describe(
  z
    .strictObject({
      rates: describe(
        z.array(rebateRateRowSchema).check(z.maxLength(MAX_REBATE_RATES)),
        `Up to ${MAX_REBATE_RATES} rows; a PUT replaces the whole table`,
      ),
    })
    .check(
      z.superRefine(({ rates }, ctx) => {
        const seen = new Set<string>();
        rates.forEach((row, i) => {
          if (seen.has(row.hsCode))
            ctx.addIssue({
              code: 'custom',
              path: ['rates', i, 'hsCode'],
              message: `${row.hsCode} is in the table twice`,
              input: row.hsCode,
            });
          seen.add(row.hsCode);
        });
      }),
    ),
  'The company export VAT rebate rates by HS code',
);
export type RebateRatesBody = z.infer<typeof rebateRatesBodySchema>;
