/** Query parameters of the money reports: GET /reports/rebates and GET /reports/profit. */
import { describe, z } from '../zod';
import { format } from './reports';

const month = (what: string) =>
  describe(
    z.optional(
      z.string().check(z.regex(/^(?:19|[2-9]\d)\d{2}-(?:0[1-9]|1[0-2])$/, 'a month as YYYY-MM, from 1900')),
    ),
    what,
  );

const period = {
  format,
  from: month('The first month counted, YYYY-MM (inclusive); all earlier months when absent'),
  to: month('The last month counted, YYYY-MM (inclusive); all later months when absent'),
};

/** `from` after `to` would silently answer nothing: refused instead. */
const inOrder = (q: { from?: string; to?: string }) => !q.from || !q.to || q.from <= q.to;

export const rebatesQuerySchema = describe(
  z
    .object({
      ...period,
      table: describe(
        z._default(z.enum(['months', 'open']), 'months'),
        'Which table ?format=csv holds: months (default) or open (the rebates not filed yet, nearest deadline first); JSON and XLSX hold both',
      ),
    })
    .check(z.refine(inOrder, { message: 'must not be after `to`', path: ['from'] })),
  'GET /reports/rebates query parameters',
);

export const profitQuerySchema = describe(
  z
    .object({
      ...period,
      table: describe(
        z._default(z.enum(['months', 'customers']), 'months'),
        'Which table ?format=csv holds: months (default) or customers; JSON and XLSX hold both',
      ),
    })
    .check(z.refine(inOrder, { message: 'must not be after `to`', path: ['from'] })),
  'GET /reports/profit query parameters',
);

export type RebatesQuery = z.infer<typeof rebatesQuerySchema>;
export type ProfitQuery = z.infer<typeof profitQuerySchema>;

export const exposureQuerySchema = describe(z.object({ format }), 'GET /reports/exposure query parameters');
