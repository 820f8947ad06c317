import { z } from 'zod';
import type { ExporterProfile } from '../activities/types';
import { checkCodecEnv, codecConfig, codecEnvShape } from './codecEnv';
import {
  DEFAULT_STALL_POLICY,
  durationSchema,
  durationToMs,
  emailDomain,
  isInternalEmail,
  LANGUAGES,
  nominalLimitMs,
  OPEN_STAGES,
  PRODUCTION_MIN_DURATION,
  stageLimitSchema,
  type OrderLimits,
  type StallPolicy,
} from '../domain';
import { loadWorkingCalendar } from './workingCalendar';

/** Roles in rising order of what they may do: viewer < ops < manager. */
export const ROLES = ['viewer', 'ops', 'manager'] as const;

/** A token the API accepts; `name` is the actor recorded in the timeline. */
export interface ApiToken {
  name: string;
  role: (typeof ROLES)[number];
  token: string;
}

// Documented local tokens, refused in production so nobody ships them by accident.
const LOCAL_API_TOKENS =
  'ops:ops:local-ops-token,viewer:viewer:local-viewer-token,manager:manager:local-manager-token';
/** Production tokens are long enough not to be guessed within the failed-authentication limit. */
export const MIN_PRODUCTION_TOKEN_LENGTH = 32;

const isRole = (role: string | undefined): role is ApiToken['role'] => ROLES.some((known) => known === role);

// Documented local key for the AccountManager search attribute's keyed hash; refused in production.
const LOCAL_PSEUDONYM_KEY = 'local-pseudonym-key-not-a-secret-0000';
// Documented local key for the buyers' tracking links; refused in production.
const LOCAL_TRACKING_LINK_KEY = 'local-tracking-link-key-not-a-secret-00';

/** The database `npm start` creates on its own PostgreSQL (see src/dev/stack.ts). */
export const LOCAL_DATABASE_URL = 'postgres://postgres:postgres@localhost:5433/orderdesk';

const apiTokensSchema = z.string().transform((text, ctx): ApiToken[] => {
  const tokens: ApiToken[] = [];
  for (const entry of text
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)) {
    const [name, role, token, ...rest] = entry.split(':');
    if (!name || !isRole(role) || !token || token.length < 8 || rest.length) {
      ctx.addIssue({
        code: 'custom',
        message: `"${entry.split(':')[0]}:…" is not name:viewer|ops|manager:token (token ≥ 8 chars)`,
      });
      return z.NEVER;
    }
    tokens.push({ name, role, token });
  }
  if (!tokens.length) ctx.addIssue({ code: 'custom', message: 'at least one name:role:token entry' });
  return tokens;
});

const stageTimeLimitsSchema = z.string().transform((text, ctx) => {
  const limits: Partial<Record<string, string>> = {};
  for (const entry of text
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)) {
    const [stage, duration] = entry.split('=');
    if (
      !OPEN_STAGES.includes(stage as (typeof OPEN_STAGES)[number]) ||
      !stageLimitSchema.safeParse(duration).success
    ) {
      ctx.addIssue({
        code: 'custom',
        message: `"${entry}" is not STAGE=duration (e.g. DEPOSIT=7d, or DEPOSIT=5wd in working days)`,
      });
      return z.NEVER;
    }
    limits[stage] = duration;
  }
  return limits;
});

/** `exporter.example, sales.exporter.example`: lower-cased domains; empty allows any. */
const domainListSchema = z.string().transform((text, ctx) => {
  const domains = text
    .split(',')
    .map((s) => s.trim().toLowerCase())
    .filter(Boolean);
  const bad = domains.find((d) => !/^[a-z0-9-]+(\.[a-z0-9-]+)+$/.test(d));
  if (bad) ctx.addIssue({ code: 'custom', message: `"${bad}" is not a domain such as exporter.example` });
  return domains;
});

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

const envSchema = z
  .object({
    NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
    TEMPORAL_ADDRESS: z
      .string()
      .regex(/^[^\s:]+:\d{1,5}$/, 'host:port')
      .default('localhost:7233'),
    TEMPORAL_NAMESPACE: z.string().min(1).default('default'),
    TEMPORAL_TASK_QUEUE: z.string().min(1).default('export-orders'),
    TEMPORAL_UI_URL: z.url().default('http://localhost:8233'),
    TEMPORAL_TLS: booleanText.default(false),
    TEMPORAL_TLS_CERT_PATH: z.string().min(1).optional(),
    TEMPORAL_TLS_KEY_PATH: z.string().min(1).optional(),
    TEMPORAL_API_KEY: z.string().min(1).optional(),
    API_PORT: z.coerce.number().int().min(0).max(65535).default(3000),
    API_TOKENS: apiTokensSchema.optional(),
    API_BODY_LIMIT_KB: z.coerce.number().int().min(1).max(10_240).default(100),
    API_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).default(600),
    API_AUTH_FAILURES_PER_MINUTE: z.coerce.number().int().min(1).default(20),
    API_ADDRESS_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).default(300),
    API_TRUST_PROXY: z.coerce.number().int().min(0).max(10).default(0),
    API_WORKER_TIMEOUT: z._default(durationSchema, '10s'),
    // Each cached order costs the worker ~0.3 MB (see README, "Worker memory"): bounded, not heap-derived.
    WORKER_MAX_CACHED_WORKFLOWS: z.coerce.number().int().min(1).max(100_000).default(100),
    // How long the server holds an order's next task for the worker that has it cached. After that
    // worker died, its orders wait this long before another worker replays them (the SDK's 10s).
    WORKER_STICKY_TIMEOUT: z._default(durationSchema, '3s'),
    // The worker's Prometheus endpoint (the SDK's own exporter): off unless a port is given.
    WORKER_METRICS_PORT: z.coerce.number().int().min(1).max(65535).optional(),
    // Loopback by default; 0.0.0.0 where Prometheus scrapes from elsewhere (a container).
    WORKER_METRICS_HOST: z.union([z.ipv4(), z.literal('localhost')]).default('127.0.0.1'),
    LOG_LEVEL: z.enum(['TRACE', 'DEBUG', 'INFO', 'WARN', 'ERROR']).optional(),
    SMTP_URL: z
      .string()
      .regex(/^smtps?:\/\/\S+$/, 'smtp://[user:pass@]host:port or smtps://...')
      .default('smtp://localhost:1025'),
    MAIL_FROM: z.email().default('orders@exporter.localhost'),
    // The read model; the default is the database `npm start` runs (DEV_POSTGRES_PORT, default 5433).
    DATABASE_URL: z
      .url({
        protocol: /^postgres(ql)?$/,
        hostname: /./,
        error: 'postgres://user:password@host:port/database',
      })
      .default(LOCAL_DATABASE_URL),
    EXPORTER_NAME: z.string().min(1).default('Example Export Co., Ltd.'),
    EXPORTER_ADDRESS: z.string().min(1).default('1 Harbour Road, Ningbo, China'),
    EXPORTER_NAME_LOCAL: z.string().min(1).optional(),
    EXPORTER_TIME_ZONE: timeZoneSchema.default('Asia/Shanghai'),
    EXPORTER_BANK_NAME: z.string().min(1).optional(),
    EXPORTER_BANK_ADDRESS: z.string().min(1).optional(),
    EXPORTER_BANK_ACCOUNT: z.string().min(1).optional(),
    EXPORTER_BANK_SWIFT: z
      .string()
      .regex(/^[A-Z]{6}[A-Z0-9]{2}([A-Z0-9]{3})?$/, 'a SWIFT/BIC code such as BKCHCNBJ92A')
      .optional(),
    EXPORTER_BANK_BENEFICIARY: z.string().min(1).optional(),
    DEFAULT_FORWARDER_NAME: z.string().min(1).default('Default Forwarder'),
    DEFAULT_FORWARDER_EMAIL: z.email().default('bookings@forwarder.localhost'),
    DEFAULT_FORWARDER_LANGUAGE: z.enum(LANGUAGES).default('en'),
    STAGE_TIME_LIMITS: z._default(stageTimeLimitsSchema, {}),
    // Working days ("3wd") count on this calendar (JSON, see config/calendars/README.md).
    WORKING_CALENDAR_FILE: z.string().min(1).optional(),
    REMINDER_REPEAT_EVERY: z._default(durationSchema, DEFAULT_STALL_POLICY.repeatEvery),
    REMINDER_ESCALATE_AFTER: z.coerce
      .number()
      .int()
      .min(1)
      .max(100)
      .default(DEFAULT_STALL_POLICY.escalateAfter),
    REMINDER_ESCALATE_TO: z.email().optional(),
    REMINDER_MAX_PER_STAGE: z.coerce
      .number()
      .int()
      .min(1)
      .max(1000)
      .default(DEFAULT_STALL_POLICY.maxRemindersPerStage ?? 10),
    INTERNAL_EMAIL_DOMAINS: domainListSchema.optional(),
    // Keys the hash that stands for the account manager in the AccountManager search attribute.
    PSEUDONYM_KEY: z.string().min(32, 'at least 32 characters').optional(),
    // Signs the buyers' tracking links (src/tracking/token.ts).
    TRACKING_LINK_KEY: z.string().min(32, 'at least 32 characters').optional(),
    TRACKING_LINK_TTL: z._default(durationSchema, '90d'),
    TRACKING_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).default(30),
    // Where buyers reach the API (tracking links in customer emails).
    PUBLIC_BASE_URL: z.url({ protocol: /^https?$/ }).default('http://localhost:3000'),
    // JSON file of chat robot routes (WeCom, DingTalk, Slack); read by the worker (src/config/chatWebhooks.ts).
    CHAT_WEBHOOKS_FILE: z.string().min(1).optional(),
    ...codecEnvShape,
  })
  .superRefine(checkCodecEnv);

export type Config = ReturnType<typeof loadConfig>;

/**
 * Reads and validates the environment once. A bad value throws an error that names the variable,
 * which the entry points print before exiting.
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env) {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  const production = e.NODE_ENV === 'production';
  if (production) checkProductionTokens(e.API_TOKENS);
  // Customers pay to what a payment request prints: production must name the account.
  if (production && !(e.EXPORTER_BANK_NAME && e.EXPORTER_BANK_ACCOUNT && e.EXPORTER_BANK_SWIFT))
    throw new ConfigError(
      'Invalid configuration:\n  EXPORTER_BANK_NAME, EXPORTER_BANK_ACCOUNT, EXPORTER_BANK_SWIFT: the account customers pay to is required in production',
    );
  if (production && (!e.PSEUDONYM_KEY || e.PSEUDONYM_KEY === LOCAL_PSEUDONYM_KEY))
    throw new ConfigError(
      'Invalid configuration:\n  PSEUDONYM_KEY: a secret of 32+ characters is required in production',
    );
  if (production && (!e.TRACKING_LINK_KEY || e.TRACKING_LINK_KEY === LOCAL_TRACKING_LINK_KEY))
    throw new ConfigError(
      'Invalid configuration:\n  TRACKING_LINK_KEY: a secret of 32+ characters is required in production',
    );
  const stallPolicy: StallPolicy = {
    stageTimeLimits: { ...DEFAULT_STALL_POLICY.stageTimeLimits, ...e.STAGE_TIME_LIMITS },
    repeatEvery: e.REMINDER_REPEAT_EVERY,
    escalateAfter: e.REMINDER_ESCALATE_AFTER,
    escalateTo: e.REMINDER_ESCALATE_TO ?? null,
    maxRemindersPerStage: e.REMINDER_MAX_PER_STAGE,
  };
  const orderLimits: OrderLimits = {
    minDuration: production ? PRODUCTION_MIN_DURATION : null,
    // Production keeps internal emails at the sender's own domain unless told otherwise.
    internalEmailDomains: e.INTERNAL_EMAIL_DOMAINS ?? (production ? [emailDomain(e.MAIL_FROM)] : []),
  };
  checkStallDefaults(stallPolicy, orderLimits);
  let workingCalendar;
  try {
    workingCalendar = loadWorkingCalendar(e.WORKING_CALENDAR_FILE);
  } catch (err) {
    throw new ConfigError(`Invalid configuration:\n  ${(err as Error).message}`);
  }
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
    api: {
      port: e.API_PORT,
      tokens: e.API_TOKENS ?? apiTokensSchema.parse(LOCAL_API_TOKENS),
      bodyLimitBytes: e.API_BODY_LIMIT_KB * 1024,
      rateLimitPerMinute: e.API_RATE_LIMIT_PER_MINUTE,
      authFailuresPerMinute: e.API_AUTH_FAILURES_PER_MINUTE,
      addressRateLimitPerMinute: e.API_ADDRESS_RATE_LIMIT_PER_MINUTE,
      trustProxyHops: e.API_TRUST_PROXY,
      workerTimeout: e.API_WORKER_TIMEOUT,
    },
    worker: {
      maxCachedWorkflows: e.WORKER_MAX_CACHED_WORKFLOWS,
      stickyQueueTimeoutMs: durationToMs(e.WORKER_STICKY_TIMEOUT),
      metricsAddress: e.WORKER_METRICS_PORT ? `${e.WORKER_METRICS_HOST}:${e.WORKER_METRICS_PORT}` : null,
    },
    logLevel: e.LOG_LEVEL ?? (production ? 'INFO' : 'WARN'),
    mail: { smtpUrl: e.SMTP_URL, from: e.MAIL_FROM },
    database: { url: e.DATABASE_URL },
    exporter: exporterProfile(e),
    defaultForwarder: {
      name: e.DEFAULT_FORWARDER_NAME,
      email: e.DEFAULT_FORWARDER_EMAIL,
      language: e.DEFAULT_FORWARDER_LANGUAGE,
    },
    stallPolicy,
    workingCalendar,
    orderLimits,
    pseudonymKey: e.PSEUDONYM_KEY ?? LOCAL_PSEUDONYM_KEY,
    chatWebhooksFile: e.CHAT_WEBHOOKS_FILE,
    tracking: {
      key: e.TRACKING_LINK_KEY ?? LOCAL_TRACKING_LINK_KEY,
      ttlMs: durationToMs(e.TRACKING_LINK_TTL),
      baseUrl: e.PUBLIC_BASE_URL.replace(/\/+$/, ''),
      rateLimitPerMinute: e.TRACKING_RATE_LIMIT_PER_MINUTE,
    },
    ...codecConfig(e),
  };
}

/** The seller on documents; bank details only when name, account and SWIFT are all given. */
function exporterProfile(e: z.output<typeof envSchema>): ExporterProfile {
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
  };
}

/** The configured defaults meet the limits every order must meet. */
function checkStallDefaults(policy: StallPolicy, limits: OrderLimits): void {
  const problems: string[] = [];
  const min = limits.minDuration;
  if (min !== null) {
    const short = Object.entries(policy.stageTimeLimits).filter(
      ([, d]) => nominalLimitMs(d) < durationToMs(min),
    );
    if (short.length)
      problems.push(
        `STAGE_TIME_LIMITS: ${short.map(([stage]) => stage).join(', ')} under ${min} in production`,
      );
    if (durationToMs(policy.repeatEvery) < durationToMs(min))
      problems.push(`REMINDER_REPEAT_EVERY: under ${min} in production`);
  }
  if (policy.escalateTo !== null && !isInternalEmail(policy.escalateTo, limits.internalEmailDomains))
    problems.push(
      `REMINDER_ESCALATE_TO: not in INTERNAL_EMAIL_DOMAINS (${limits.internalEmailDomains.join(', ')})`,
    );
  if (problems.length) throw new ConfigError(`Invalid configuration:\n  ${problems.join('\n  ')}`);
}

/** Production refuses the documented local tokens and short ones (the names of offenders, never tokens). */
function checkProductionTokens(tokens: ApiToken[] | undefined): void {
  const refuse = (reason: string) => {
    throw new ConfigError(`Invalid configuration:\n  API_TOKENS: ${reason}`);
  };
  if (!tokens) return refuse('required in production (name:role:token,...)');
  const local = new Set(apiTokensSchema.parse(LOCAL_API_TOKENS).map((t) => t.token));
  const documented = tokens.filter((t) => local.has(t.token));
  if (documented.length)
    refuse(`${names(documented)} use the documented local token; set a secret one in production`);
  const short = tokens.filter((t) => t.token.length < MIN_PRODUCTION_TOKEN_LENGTH);
  if (short.length)
    refuse(`${names(short)}: tokens need at least ${MIN_PRODUCTION_TOKEN_LENGTH} characters in production`);
}

const names = (tokens: ApiToken[]) => tokens.map((t) => `"${t.name}"`).join(', ');

export class ConfigError extends Error {
  override name = 'ConfigError';
}
