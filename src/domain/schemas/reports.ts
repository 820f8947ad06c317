import { describe, z } from '../zod';

export const EXPORT_FORMATS = ['json', 'csv', 'xlsx'] as const;

export const format = describe(
  z._default(z.enum(EXPORT_FORMATS), 'json'),
  'json (default), csv (RFC 4180, UTF-8 with a byte order mark) or xlsx (an Excel workbook; headers in the language of ?lang= or Accept-Language, money as numbers with the currency in its own column, times as dates in UTC)',
);

// Years 1900-9999: wide enough for any report, and every such day is one PostgreSQL takes. The
// pattern names only days that exist (29 February in leap years), so the API's document says so too.
const YEAR = '(?:19|[2-9]\\d)\\d{2}';
const LEAP_YEAR = '(?:(?:19|[2-9]\\d)(?:0[48]|[2468][048]|[13579][26])|(?:[2468][048]|[3579][26])00)';
const MONTH_DAY =
  '(?:(?:0[13578]|1[02])-(?:0[1-9]|[12]\\d|3[01])|(?:0[469]|11)-(?:0[1-9]|[12]\\d|30)|02-(?:0[1-9]|1\\d|2[0-8]))';
const day = z
  .string()
  .check(
    z.regex(new RegExp(`^(?:${YEAR}-${MONTH_DAY}|${LEAP_YEAR}-02-29)$`), 'a date as YYYY-MM-DD, from 1900'),
  );
const validDay = z.string().check(
  z.refine((s: string) => {
    const d = new Date(`${s}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(s);
  }, 'not a calendar date'),
);

export const receivablesQuerySchema = describe(
  z.object({
    format,
    asOf: describe(
      z.optional(z.pipe(day, validDay)),
      'The day the ages are counted at (UTC), YYYY-MM-DD; today when absent',
    ),
  }),
  'GET /reports/receivables query parameters',
);

export const reportQuerySchema = describe(
  z.object({ format }),
  'GET /reports/stalled and /reports/stage-times query parameters',
);

export type ReceivablesQuery = z.infer<typeof receivablesQuerySchema>;
