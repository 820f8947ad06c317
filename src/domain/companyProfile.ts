/**
 * The exporter's profile as documents print it: one schema for the API, the store and the config
 * seed of the default company. What a bank and customs read: legal names in Chinese and English,
 * the unified social credit code, the customs registration code, and the chop on originals.
 */
import { line, text } from './schemas/common';
import { usccProblem } from './uscc';
import { describe, z } from './zod';

/** A PNG's first bytes, base64-encoded (`\x89PNG\r\n\x1a\n`). */
const PNG_BASE64_SIGNATURE = 'iVBORw0KGgo';
/** A chop scanned at 300 dpi fits well below this. */
export const MAX_CHOP_BASE64 = 400_000;

export const usccSchema = describe(
  z.string().check(
    z.refine((code) => usccProblem(code) === null, {
      error: (issue) => `not a unified social credit code: ${usccProblem(String(issue.input)) ?? ''}`,
    }),
  ),
  'Unified social credit code (统一社会信用代码), 18 characters with its check character (GB 32100-2015)',
);

export const customsCodeSchema = describe(
  z.string().check(z.regex(/^[0-9A-Z]{10}$/, '10 digits or capitals')),
  'Customs registration code (海关编码), 10 characters',
);

export const chopSchema = describe(
  z.string().check(
    z.maxLength(MAX_CHOP_BASE64),
    z.regex(/^[A-Za-z0-9+/]+={0,2}$/, 'base64'),
    z.refine((s) => s.startsWith(PNG_BASE64_SIGNATURE), 'must be a PNG image'),
  ),
  'The company chop (公章) as a base64 PNG, printed on originals',
);

/** The trade-data fields of the profile; the companies part adds its own beside them. */
export const companyProfileFields = {
  nameEn: line(200, 'Legal name in English, as on the business licence translation'),
  nameZh: z.optional(line(200, 'Legal name in Chinese (中文名称)')),
  address: text(500, 'Registered address, as documents print it'),
  placeOfIssue: z.optional(line(100, 'Where documents are issued, e.g. NINGBO, CHINA')),
  uscc: z.optional(usccSchema),
  customsCode: z.optional(customsCodeSchema),
  chopPng: z.optional(chopSchema),
  documentGate: describe(
    z.boolean(),
    'Originals are refused while data they need is missing (on for every company created under v3)',
  ),
};

export const companyProfileSchema = describe(
  z.strictObject(companyProfileFields),
  "The exporter's profile on documents",
);
export type CompanyProfile = z.infer<typeof companyProfileSchema>;
