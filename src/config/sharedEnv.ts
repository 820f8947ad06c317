import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { MAX_CHOP_BASE64 } from '../domain/companyProfile';
import { usccProblem } from '../domain/uscc';
import type { Exporter } from '../documents/input';
import { durationSchema, durationToMs } from '../domain';
import { PAYLOAD_CODEC_ENV, payloadCodec } from './codecEnv';
import { ConfigError } from './errors';
import { envVariable, type EnvOf } from './variables';

/** The database `npm start` creates on its own PostgreSQL (see src/dev/stack.ts). */
export const LOCAL_DATABASE_URL = 'postgres://postgres:postgres@localhost:5433/orderdesk';

// Documented local key for the buyers' tracking links; refused in production.
const LOCAL_TRACKING_LINK_KEY = 'local-tracking-link-key-not-a-secret-00';

/** An IANA time zone the runtime knows, e.g. Asia/Shanghai. */
const timeZoneSchema = z.string().refine(
  (zone) => {
    try {
      new Intl.DateTimeFormat('en', { timeZone: zone });
      return true;
    } catch {
      return false;
    }
  },
  { message: 'an IANA time zone such as Asia/Shanghai' },
);

const booleanText = z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1');

/** What both the worker and the API read. */
export const SHARED_ENV = {
  NODE_ENV: envVariable(
    z.enum(['development', 'production', 'test']).default('development'),
    '`production` requires strong keys and `API_TOKENS`, the account customers pay to, and turns on the production limits',
  ),
  TEMPORAL_ADDRESS: envVariable(
    z
      .string()
      .regex(/^[^\s:]+:\d{1,5}$/, 'host:port')
      .default('localhost:7233'),
    'Temporal frontend `host:port`',
  ),
  TEMPORAL_NAMESPACE: envVariable(z.string().min(1).default('default'), 'namespace'),
  TEMPORAL_TASK_QUEUE: envVariable(
    z.string().min(1).default('export-orders'),
    'task queue of the order workers',
  ),
  TEMPORAL_UI_URL: envVariable(
    z.url().default('http://localhost:8233'),
    'base URL for `links.temporalUi` and email links',
  ),
  TEMPORAL_TLS: envVariable(
    booleanText.default(false),
    '`true` for a TLS connection',
    '`false` (on with a certificate or API key)',
  ),
  TEMPORAL_TLS_CERT_PATH: envVariable(
    z.string().min(1).optional(),
    'mTLS client certificate (Temporal Cloud or own cluster)',
  ),
  TEMPORAL_TLS_KEY_PATH: envVariable(z.string().min(1).optional(), 'key of the mTLS client certificate'),
  TEMPORAL_API_KEY: envVariable(z.string().min(1).optional(), 'API key (Temporal Cloud)'),
  // The read model; the default is the database `npm start` runs (DEV_POSTGRES_PORT, default 5433).
  DATABASE_URL: envVariable(
    z
      .url({
        protocol: /^postgres(ql)?$/,
        hostname: /./,
        error: 'postgres://user:password@host:port/database',
      })
      .default(LOCAL_DATABASE_URL),
    "the read model's PostgreSQL database (`postgres://` or `postgresql://`); the default is what `npm start` runs",
  ),
  MAIL_FROM: envVariable(
    z.email().default('orders@exporter.localhost'),
    'sender of every email and the exporter address on documents; its domain names the Message-IDs',
  ),
  EXPORTER_NAME: envVariable(
    z.string().min(1).default('Example Export Co., Ltd.'),
    'the exporter printed on invoices and packing lists',
  ),
  EXPORTER_ADDRESS: envVariable(
    z.string().min(1).default('1 Harbour Road, Ningbo, China'),
    "the exporter's address on documents",
  ),
  EXPORTER_NAME_LOCAL: envVariable(
    z.string().min(1).optional(),
    "the exporter's registered name in Chinese (printed under the English name)",
  ),
  EXPORTER_TIME_ZONE: envVariable(
    timeZoneSchema.default('Asia/Shanghai'),
    'IANA time zone every document date is printed in (an ETD of 2026-03-01T18:00Z prints 2026-03-02)',
  ),
  EXPORTER_BANK_NAME: envVariable(
    z.string().min(1).optional(),
    'bank on the proforma invoice and payment requests (printed when name, account and SWIFT are set; required in production)',
  ),
  EXPORTER_BANK_ADDRESS: envVariable(z.string().min(1).optional(), "the bank's address"),
  EXPORTER_BANK_ACCOUNT: envVariable(
    z.string().min(1).optional(),
    'account number customers pay to (required in production)',
  ),
  EXPORTER_BANK_SWIFT: envVariable(
    z
      .string()
      .regex(/^[A-Z]{6}[A-Z0-9]{2}([A-Z0-9]{3})?$/, 'a SWIFT/BIC code such as BKCHCNBJ92A')
      .optional(),
    "the bank's SWIFT/BIC code (required in production)",
  ),
  EXPORTER_BANK_BENEFICIARY: envVariable(
    z.string().min(1).optional(),
    'the account holder',
    '`EXPORTER_NAME`',
  ),
  // Trade data a bank and customs accept: the default company's profile, seeded from here.
  EXPORTER_USCC: envVariable(
    z
      .string()
      .refine((code) => usccProblem(code) === null, {
        error: (issue) => `a unified social credit code: ${usccProblem(String(issue.input)) ?? ''}`,
      })
      .optional(),
    "the exporter's unified social credit code (18 characters, check character validated)",
  ),
  EXPORTER_CUSTOMS_CODE: envVariable(
    z
      .string()
      .regex(/^[0-9A-Z]{10}$/, '10 digits or capitals')
      .optional(),
    "the exporter's customs registration code (10 characters)",
  ),
  EXPORTER_CHOP_FILE: envVariable(
    z.string().min(1).optional(),
    'a PNG of the company chop, printed on originals',
  ),
  EXPORTER_PLACE_OF_ISSUE: envVariable(
    z.string().min(1).max(100).optional(),
    'where documents are issued, e.g. `NINGBO, CHINA`',
  ),
  DOCUMENT_GATE: envVariable(
    booleanText.default(false),
    'refuse originals while data they need is missing (the default company; companies created under v3 have it on)',
  ),
  // Signs the buyers' tracking links (src/tracking/token.ts): the worker issues them, the API checks them.
  TRACKING_LINK_KEY: envVariable(
    z.string().min(32, 'at least 32 characters').optional(),
    "signs the buyers' tracking links; at least 32 characters, required in production",
    'a documented local key',
  ),
  TRACKING_LINK_TTL: envVariable(z._default(durationSchema, '90d'), 'how long a tracking link stays valid'),
  // Where buyers reach the API (tracking links in customer emails).
  PUBLIC_BASE_URL: envVariable(
    z.url({ protocol: /^https?$/ }).optional(),
    "where buyers and staff reach the API: the base of the tracking links in customer emails and of the console's order links in reminders",
    '`http://localhost:<API_PORT>` (the API on this machine)',
  ),
  ...PAYLOAD_CODEC_ENV,
};

export type SharedEnv = EnvOf<typeof SHARED_ENV>;
export type SharedConfig = ReturnType<typeof sharedConfig>;

/** The API's port as the environment gives it; the worker does not check it (the API does). */
export function apiPortOf(env: NodeJS.ProcessEnv): number {
  const port = Number(env.API_PORT);
  return env.API_PORT?.trim() && Number.isInteger(port) && port >= 0 && port <= 65535 ? port : 3000;
}

/**
 * What both processes make of the shared variables; throws on what production refuses. `apiPort`
 * makes the default public URL: the API on this machine, where `npm start` runs both.
 */
export function sharedConfig(e: SharedEnv, apiPort: number) {
  const production = e.NODE_ENV === 'production';
  // Customers pay to what a payment request prints: production must name the account.
  if (production && !(e.EXPORTER_BANK_NAME && e.EXPORTER_BANK_ACCOUNT && e.EXPORTER_BANK_SWIFT))
    throw new ConfigError(
      'Invalid configuration:\n  EXPORTER_BANK_NAME, EXPORTER_BANK_ACCOUNT, EXPORTER_BANK_SWIFT: the account customers pay to is required in production',
    );
  if (production && (!e.TRACKING_LINK_KEY || e.TRACKING_LINK_KEY === LOCAL_TRACKING_LINK_KEY))
    throw new ConfigError(
      'Invalid configuration:\n  TRACKING_LINK_KEY: a secret of 32+ characters is required in production',
    );
  return {
    production,
    temporal: {
      address: e.TEMPORAL_ADDRESS,
      namespace: e.TEMPORAL_NAMESPACE,
      taskQueue: e.TEMPORAL_TASK_QUEUE,
      uiUrl: e.TEMPORAL_UI_URL.replace(/\/$/, ''),
      tls: e.TEMPORAL_TLS || Boolean(e.TEMPORAL_TLS_CERT_PATH) || Boolean(e.TEMPORAL_API_KEY),
      tlsCertPath: e.TEMPORAL_TLS_CERT_PATH,
      tlsKeyPath: e.TEMPORAL_TLS_KEY_PATH,
      apiKey: e.TEMPORAL_API_KEY,
    },
    database: { url: e.DATABASE_URL },
    exporter: exporterProfile(e),
    tracking: {
      key: e.TRACKING_LINK_KEY ?? LOCAL_TRACKING_LINK_KEY,
      ttlMs: durationToMs(e.TRACKING_LINK_TTL),
      baseUrl: (e.PUBLIC_BASE_URL ?? `http://localhost:${apiPort}`).replace(/\/+$/, ''),
    },
    payloadCodec: payloadCodec(e),
  };
}

/** The seller on documents; bank details only when name, account and SWIFT are all given. */
function exporterProfile(e: SharedEnv): Exporter {
  const bank =
    e.EXPORTER_BANK_NAME && e.EXPORTER_BANK_ACCOUNT && e.EXPORTER_BANK_SWIFT
      ? {
          beneficiary: e.EXPORTER_BANK_BENEFICIARY ?? e.EXPORTER_NAME,
          bankName: e.EXPORTER_BANK_NAME,
          ...(e.EXPORTER_BANK_ADDRESS ? { bankAddress: e.EXPORTER_BANK_ADDRESS } : {}),
          accountNo: e.EXPORTER_BANK_ACCOUNT,
          swift: e.EXPORTER_BANK_SWIFT,
        }
      : undefined;
  return {
    name: e.EXPORTER_NAME,
    ...(e.EXPORTER_NAME_LOCAL ? { localName: e.EXPORTER_NAME_LOCAL } : {}),
    address: e.EXPORTER_ADDRESS,
    email: e.MAIL_FROM,
    ...(bank ? { bank } : {}),
    timeZone: e.EXPORTER_TIME_ZONE,
    ...(e.EXPORTER_USCC ? { uscc: e.EXPORTER_USCC } : {}),
    ...(e.EXPORTER_CUSTOMS_CODE ? { customsCode: e.EXPORTER_CUSTOMS_CODE } : {}),
    ...(e.EXPORTER_CHOP_FILE ? { chopPng: chopPng(e.EXPORTER_CHOP_FILE) } : {}),
    ...(e.EXPORTER_PLACE_OF_ISSUE ? { placeOfIssue: e.EXPORTER_PLACE_OF_ISSUE } : {}),
    documentGate: e.DOCUMENT_GATE,
  };
}

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** The chop file as base64, checked to be a PNG of a size documents can carry. */
function chopPng(path: string): string {
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (err) {
    throw new ConfigError(
      `Invalid configuration:\n  EXPORTER_CHOP_FILE: cannot read ${path} (${err instanceof Error ? err.message : String(err)})`,
    );
  }
  const base64 = bytes.toString('base64');
  if (!bytes.subarray(0, 8).equals(PNG_SIGNATURE) || base64.length > MAX_CHOP_BASE64)
    throw new ConfigError(
      `Invalid configuration:\n  EXPORTER_CHOP_FILE: ${path} must be a PNG of at most ${(MAX_CHOP_BASE64 * 3) / 4 / 1000} kB`,
    );
  return base64;
}
