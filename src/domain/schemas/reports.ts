import { describe, z } from '../zod';

export const EXPORT_FORMATS = ['json', 'csv', 'xlsx'] as const;

export const format = describe(
  z._default(z.enum(EXPORT_FORMATS), 'json'),
  'json (default), csv (RFC 4180, UTF-8 with a byte order mark) or xlsx (an Excel workbook; headers in the language of ?lang= or Accept-Language, money as numbers with the currency in its own column, times as dates in UTC)',
);

// Years 1900-9999: wide enough for any report, and every such day is one PostgreSQL takes.
const day = z.string().check(z.regex(/^(19|[2-9]\d)\d{2}-\d{2}-\d{2}$/, 'a date as YYYY-MM-DD, from 1900'));
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
