import { PAYMENT_METHODS, PAYMENT_METHODS_DESCRIPTION } from '../payment-methods';
import { describe, z } from '../zod';

export { PAYMENT_METHODS };

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
export const INQUIRY_CHANNELS = [
  'B2B_PLATFORM',
  'EXHIBITION',
  'EMAIL',
  'WEBSITE',
  'REFERRAL',
  'OTHER',
] as const;

export const incotermSchema = describe(z.enum(INCOTERMS), 'Incoterms 2020 rule');
export const paymentMethodSchema = describe(z.enum(PAYMENT_METHODS), PAYMENT_METHODS_DESCRIPTION);

/**
 * What no text field may hold: order data ends up in emails, PDFs, search attributes and JSON that
 * strict parsers read. C0 controls (tab and line breaks aside) and DEL; a NUL cannot even be stored
 * in a search attribute. C1 controls (U+0080-U+009F). Bidi overrides and isolates (U+202A-U+202E,
 * U+2066-U+2069), which make a text read differently from what it holds. Lone UTF-16 surrogates,
 * which are not Unicode at all and make the JSON we send invalid.
 */
const isControlCharacter = (code: number) =>
  (code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0d) || (code >= 0x7f && code <= 0x9f);
const isBidiControl = (code: number) =>
  (code >= 0x202a && code <= 0x202e) || (code >= 0x2066 && code <= 0x2069);
const isLineBreak = (code: number) => code === 0x0a || code === 0x0d || code === 0x2028 || code === 0x2029;
const isHighSurrogate = (code: number) => code >= 0xd800 && code <= 0xdbff;
const isLowSurrogate = (code: number) => code >= 0xdc00 && code <= 0xdfff;

function hasLoneSurrogate(value: string): boolean {
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i);
    if (isHighSurrogate(code) && isLowSurrogate(value.charCodeAt(i + 1))) i++;
    else if (isHighSurrogate(code) || isLowSurrogate(code)) return true;
  }
  return false;
}

const hasCode = (value: string, test: (code: number) => boolean) => {
  for (let i = 0; i < value.length; i++) if (test(value.charCodeAt(i))) return true;
  return false;
};

const refuse = (found: (value: string) => boolean, message: string) =>
  z.refine<string>((value) => !found(value), message);

/** The character checks of every text field; a one-line field also refuses line breaks. */
export function textChecks(kind: 'one line' | 'multi-line') {
  const checks = [
    refuse(hasLoneSurrogate, 'must be valid Unicode (it holds a lone UTF-16 surrogate)'),
    refuse((v) => hasCode(v, isControlCharacter), 'must not contain control characters'),
    refuse((v) => hasCode(v, isBidiControl), 'must not contain bidirectional override or isolate characters'),
  ];
  if (kind === 'one line')
    checks.push(refuse((v) => hasCode(v, isLineBreak), 'must be one line (no line breaks)'));
  return checks;
}

/**
 * What trimming and the character checks accept together, as one pattern for the OpenAPI document:
 * whitespace (what String.prototype.trim removes) around at least one other character, and none of
 * the refused characters inside. (A lone surrogate cannot be sent as UTF-8, so the pattern leaves it.)
 */
const TRIMMED = String.raw`\u0009-\u000d\u0020\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff`;
const REFUSED = {
  'multi-line': String.raw`\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069`,
  'one line': String.raw`\u0000-\u0008\u000a-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069`,
} as const;
export const textPattern = (kind: 'one line' | 'multi-line') =>
  `^[${TRIMMED}]*[^${REFUSED[kind]}${TRIMMED}][^${REFUSED[kind]}]*[${TRIMMED}]*$`;
/** The same for text that is not trimmed: only the character checks. */
export const untrimmedTextPattern = (kind: 'one line' | 'multi-line') => `^[^${REFUSED[kind]}]*$`;

const textField = (kind: 'one line' | 'multi-line', max: number, description: string) =>
  z
    .string()
    // The length before trimming is the one the document's maxLength states.
    .check(z.maxLength(max), z.trim(), z.minLength(1), ...textChecks(kind))
    .register(z.globalRegistry, { description, pattern: textPattern(kind) });

/** A one-line field: names, companies, places, numbers and references. At most max characters, 1 once trimmed. */
export const line = (max: number, description: string) => textField('one line', max, description);

/** Free text that may span lines: notes, reasons, feedback. At most max characters, 1 once trimmed. */
export const text = (max: number, description: string) => textField('multi-line', max, description);

/** The optional free-text note several events carry. */
export const optionalNote = z.optional(text(2000, 'Free-text note'));

export const emailSchema = describe(z.email().check(z.maxLength(254)), 'Email address');

/** ISO-8601 instant; an offset other than Z is accepted and normalised to UTC by the domain. */
// RFC 3339 (OpenAPI's date-time) has seconds; zod alone would also take "T08:00Z".
export const instantSchema = describe(
  z.iso
    .datetime({ offset: true })
    .check(z.regex(/T\d{2}:\d{2}:\d{2}/, 'with seconds, e.g. 2026-12-07T08:00:00Z')),
  'ISO-8601 date-time, UTC',
);
export const calendarDateSchema = describe(z.iso.date(), 'ISO-8601 calendar date (YYYY-MM-DD)');

/** Percent with at most two decimals, so deposit math can run in integer basis points. */
export const percentSchema = z
  .number()
  .check(
    z.minimum(0),
    z.maximum(100),
    // As written, like multipleOf (see hasAtMost3Decimals); beyond 1e-6 String(p) is exponential.
    z.refine((p) => /^\d+(\.\d{1,2})?$/.test(String(p)), 'at most 2 decimal places'),
  )
  .register(z.globalRegistry, { description: 'Percentage 0-100, at most 2 decimals', multipleOf: 0.01 });

/** Largest quantity of one line; quantities carry at most 3 decimals (the money math counts in thousandths). */
export const MAX_QUANTITY = 1_000_000_000;

// String(n) of a number from 1e-6 to 1e21 is plain decimal notation; smaller ones (1e-7) have more
// than 3 decimals anyway. This is how JSON Schema validators read `multipleOf: 0.001` too: the number
// as written (its shortest decimal spelling) is a multiple, not its binary approximation.
const hasAtMost3Decimals = (n: number) => /^\d+(\.\d{1,3})?$/.test(String(n));

export const quantity = (description: string) =>
  z
    .number()
    .check(
      z.positive(),
      z.maximum(MAX_QUANTITY, 'at most 1,000,000,000'),
      // Only said of a quantity in range, whose other faults are reported already.
      z.refine((n) => n <= 0 || n > MAX_QUANTITY || hasAtMost3Decimals(n), 'at most 3 decimal places'),
    )
    .register(z.globalRegistry, {
      description: `${description}: positive, at most 1,000,000,000, at most 3 decimals`,
      multipleOf: 0.001,
    });

/** Languages the order desk writes in: emails, chat notices and the buyer's tracking page. */
export const LANGUAGES = ['en', 'zh-CN'] as const;
export const languageSchema = describe(
  z.enum(LANGUAGES),
  'Language of what the person receives: en or zh-CN',
);

export const customerSchema = describe(
  z.strictObject({
    name: line(200, 'Contact person'),
    company: line(200, 'Company name'),
    email: emailSchema,
    country: describe(
      z.string().check(z.regex(/^[A-Z]{2}$/, 'an ISO-3166 alpha-2 country code such as DE')),
      'ISO-3166 alpha-2 country code',
    ),
    language: describe(
      z.optional(languageSchema),
      "Language of the buyer's tracking page and of the letters to the customer; default en",
    ),
  }),
  'The buying customer',
);

export const contactSchema = describe(
  z.strictObject({ name: line(200, 'Full name'), email: emailSchema }),
  'A person with an email address',
);

export const productLineSchema = describe(
  z.strictObject({
    sku: z.optional(line(64, 'Product code')),
    description: line(500, 'What the customer asks for'),
    quantity: quantity('Requested quantity'),
    unit: z.optional(line(32, 'Unit of measure, e.g. pcs')),
  }),
  'One requested product',
);

/** A freight forwarder: a contact who reads our letters (booking, cargo-ready, telex release) in a language. */
export const forwarderSchema = describe(
  z.strictObject({
    ...contactSchema.shape,
    language: describe(
      z.optional(languageSchema),
      'Language of our letters to the forwarder (booking request, cargo-ready notice, telex-release request); default en',
    ),
  }),
  'A freight forwarder with an email address',
);

/** The account manager: a contact who also reads internal emails and chat notices in a language. */
export const accountManagerSchema = describe(
  z.strictObject({
    ...contactSchema.shape,
    language: describe(z.optional(languageSchema), 'Language of reminders and notices; default en'),
  }),
  'Account manager who owns the order and receives reminders',
);

export type Language = (typeof LANGUAGES)[number];
export type AccountManager = z.infer<typeof accountManagerSchema>;
export type Customer = z.infer<typeof customerSchema>;
export type Contact = z.infer<typeof contactSchema>;
export type Forwarder = z.infer<typeof forwarderSchema>;
export type ProductLine = z.infer<typeof productLineSchema>;
export type Incoterm = z.infer<typeof incotermSchema>;
export type PaymentMethod = z.infer<typeof paymentMethodSchema>;

/** A template's name: a lower-case slug, also used in URLs and the read model's template column. */
export const templateNameSchema = describe(
  z
    .string()
    .check(
      z.regex(
        /^[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?$/,
        '1-64 characters of a-z 0-9 and -, starting and ending with a letter or digit',
      ),
    ),
  'Process template name (a slug such as "new-buyer-risky-market")',
);
