/** OpenAPI answers of the money reports (GET /reports/rebates, /reports/profit and /reports/exposure). */
import { z } from 'zod';
import { exposureQuerySchema, profitQuerySchema, rebatesQuerySchema } from '../domain/schemas/moneyReports';
import { moneySchema as money } from '../domain/money';
import { OPEN_REBATES_LISTED } from '../readModel/moneyReports';

type Report = (summary: string, query: z.core.$ZodType, answer: z.core.$ZodType) => object;

const cny = z
  .object({
    amount: z.string().describe('A decimal with 2 places, e.g. "1234.50"'),
    currency: z.literal('CNY'),
  })
  .describe('In CNY');
const month = z.string().describe('YYYY-MM');
const period = {
  from: month.nullable().describe('The first month counted (null: from the first)'),
  to: month.nullable().describe('The last month counted (null: to the last)'),
};

const rebateFigures = z.object({
  count: z.number().int(),
  withoutExpected: z
    .number()
    .int()
    .describe('Of count, the rebates whose expected amount is not known yet (a rate or invoice missing)'),
  expected: cny.describe('Sum of the expected rebates (those known)'),
  received: cny.describe('Sum of the rebates received (zero outside RECEIVED)'),
});
const buckets = {
  PENDING: rebateFigures.describe('Not filed yet (PENDING or DOCUMENTS_RECORDED), by the month of export'),
  FILED: rebateFigures.describe('Filed and not received yet, by the month of filing'),
  RECEIVED: rebateFigures.describe("Received, by the month received (in the exporter's zone)"),
};

export const rebatesReportSchema = z.object({
  ...period,
  months: z
    .array(z.object({ month, ...buckets }))
    .describe(
      'Each rebate counted once, in its current state, in the month of that state’s date; NOT_APPLICABLE left out; months without any left out; oldest first',
    ),
  totals: z.object(buckets).describe('The same over all the months asked for'),
  open: z
    .array(
      z.object({
        orderId: z.string(),
        customer: z.string().describe('Customer company'),
        status: z.enum(['PENDING', 'DOCUMENTS_RECORDED']),
        exportDate: z.iso.date(),
        deadline: z.iso.date().describe('30 April of the year after the export'),
        deadlineAt: z.iso.datetime().describe("The deadline's end in the exporter's zone"),
        expected: cny.nullable().describe('null while a rate or a VAT invoice is missing'),
      }),
    )
    .describe(
      `The rebates not filed yet, whatever the months asked for: nearest deadline first, at most ${OPEN_REBATES_LISTED}`,
    ),
  openCount: z.number().int().describe('How many rebates are not filed yet'),
});

const profitFigures = {
  orders: z.number().int(),
  unsettledOrders: z
    .number()
    .int()
    .describe('Of orders, those with receipts in foreign currency not settled yet: their revenue is partial'),
  revenue: cny.describe('Settled receipts (and receipts in CNY)'),
  rebate: cny.describe('Rebates received, else expected'),
  costs: cny,
  profit: cny.describe('revenue + rebate − costs, summed to the fen'),
};

export const profitReportSchema = z.object({
  ...period,
  months: z
    .array(z.object({ month, ...profitFigures }))
    .describe(
      "Orders with a contract, in the month they closed (completed or cancelled), or of their contract while open, in the exporter's zone; oldest first",
    ),
  customers: z
    .array(
      z.object({
        customerId: z.string().nullable().describe('The customer record, when the orders name one'),
        customer: z.string().describe('Customer company (as its latest order names it)'),
        ...profitFigures,
      }),
    )
    .describe('The same orders per customer, highest profit first'),
  totals: z.object(profitFigures),
});

const limitKind = z.enum(['CREDIT', 'INSURED']);

export const exposureReportSchema = z.object({
  customers: z
    .array(
      z.object({
        customerId: z.string(),
        customer: z.string().describe('Customer company (the record)'),
        currency: z
          .string()
          .nullable()
          .describe(
            "The limits' currency (the credit limit's, else the insured limit's), else the exposure's",
          ),
        exposure: z
          .array(money)
          .describe(
            'Per currency (by code): the outstanding money of the open OA/DA/DP orders, plus the live credit holds of contracts being signed: the figure of the customer page and of the credit check',
          ),
        orders: z
          .number()
          .int()
          .describe('The open credit orders (and held contracts) the exposure is made of'),
        creditLimit: z.nullable(money),
        insurance: z
          .object({ insurer: z.string(), limit: money })
          .nullable()
          .describe('The insured buyer limit'),
        tightestLimit: limitKind
          .nullable()
          .describe(
            "The limit used the most, each against the exposure in the limit's own currency; null: no limit",
          ),
        headroom: z
          .nullable(money)
          .describe('That limit less the exposure in its currency; negative beyond it'),
        utilisation: z
          .string()
          .nullable()
          .describe(
            'The exposure as a percent of that limit, a decimal string with two places, e.g. "83.33"',
          ),
        beyondLimit: z.boolean().describe('The exposure is above one of the limits'),
      }),
    )
    .describe(
      'Every customer with a credit limit, an insured limit or any exposure: highest utilisation first, customers without a limit last, then by name',
    ),
  totals: z.object({
    exposure: z.array(money).describe('All customers, per currency (never converted)'),
    orders: z.number().int(),
    beyondLimit: z.number().int().describe('How many customers are beyond a limit'),
  }),
});

export function moneyReportPaths(report: Report): Record<string, object> {
  return {
    '/reports/rebates': report(
      'Export VAT rebates pending, filed and received by month, in CNY, and the rebates still to file by deadline',
      rebatesQuerySchema,
      rebatesReportSchema,
    ),
    '/reports/profit': report(
      'Profit in CNY (settled revenue + rebate − costs) by month and by customer',
      profitQuerySchema,
      profitReportSchema,
    ),
    '/reports/exposure': report(
      "Each customer's credit exposure (open OA/DA/DP money and live credit holds) per currency against its credit and insured limits, the most used first",
      exposureQuerySchema,
      exposureReportSchema,
    ),
  };
}
