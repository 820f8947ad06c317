/**
 * A company's exporter profile: what its documents and letters print about the seller, and what a
 * bank and customs read there (legal names, unified social credit code, customs code, the chop on
 * originals). One schema for the API (`GET/PUT /company`), the store (per company in PostgreSQL) and
 * the config seed of the `default` company (EXPORTER_*).
 */
import { line, text } from './schemas/common';
import { usccProblem } from './uscc';
import { REBATE_METHODS } from './state/finance';
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

const bankAccountSchema = z.strictObject({
  beneficiary: line(200, 'The account holder, as the bank has it'),
  bankName: line(200, "The bank's name"),
  bankAddress: z.optional(text(500, "The bank's address")),
  accountNo: line(64, 'The account number customers pay to'),
  swift: describe(
    z.string().check(z.regex(/^[A-Z0-9]{8}([A-Z0-9]{3})?$/, 'a SWIFT/BIC code of 8 or 11 characters')),
    "The bank's SWIFT/BIC code",
  ),
});

export const companyProfileFields = {
  name: line(200, 'Legal name in English, as on the business licence translation'),
  localName: z.optional(line(200, 'Legal name in Chinese (中文名称), e.g. 宁波海天照明有限公司')),
  address: text(1000, 'Registered address, as documents print it'),
  email: z.optional(describe(z.email().check(z.maxLength(254)), 'Where customers write to')),
  bank: z.optional(bankAccountSchema),
  timeZone: line(64, 'IANA zone every date is printed in, e.g. Asia/Shanghai'),
  placeOfIssue: z.optional(line(100, 'Where documents are issued, e.g. NINGBO, CHINA')),
  uscc: z.optional(usccSchema),
  customsCode: z.optional(customsCodeSchema),
  chopPng: z.optional(chopSchema),
  rebateMethod: z.optional(
    describe(
      z.enum(REBATE_METHODS),
      'How the company claims the export VAT rebate: TRADING (外贸企业, by VAT invoices) or MANUFACTURER (生产企业, exempt-credit-refund); absent: it claims none',
    ),
  ),
  documentGate: z.optional(
    describe(
      z.boolean(),
      'Originals are refused while data they need is missing (on for every company created under v3; off for `default` until set)',
    ),
  ),
};

export const companyProfileSchema = describe(
  z.strictObject(companyProfileFields),
  "The exporter's profile on documents and letters",
);
export type CompanyProfile = z.infer<typeof companyProfileSchema>;
