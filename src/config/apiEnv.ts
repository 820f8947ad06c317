import { z } from 'zod';
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
import { companyIdSchema, COMPANY_ROLES, DEFAULT_COMPANY, PLATFORM_ROLES } from '../domain/company';
import { DEFAULT_ARCHIVE_AFTER } from '../domain/archive';
import { checkCodecServerEnv, checkPayloadCodecEnv, codecServer, CODEC_SERVER_ENV } from './codecEnv';
import { ConfigError } from './errors';
import { signInConfig, SIGN_IN_ENV } from './signInEnv';
import { sharedConfig, SHARED_ENV } from './sharedEnv';
import { envVariable, readEnv, shapeOf } from './variables';
import { loadWorkingCalendar } from './workingCalendar';

/** Company roles in rising order of what they may do: viewer < ops < manager < admin. */
export const ROLES = COMPANY_ROLES;
/** What an `API_TOKENS` entry may name: a company role or a platform role. */
export const TOKEN_ROLES = [...COMPANY_ROLES, ...PLATFORM_ROLES] as const;

/**
 * A token the API accepts; `name` is the actor recorded in the timeline. `company` is the one it
 * acts for (`default` when the entry names none); a `platform-admin` token has none.
 */
export interface ApiToken {
  name: string;
  role: (typeof TOKEN_ROLES)[number];
  token: string;
  company?: string;
}

// Documented local tokens, refused in production so nobody ships them by accident.
const LOCAL_API_TOKENS =
  'ops:ops:local-ops-token,viewer:viewer:local-viewer-token,manager:manager:local-manager-token,admin:admin:local-admin-token,platform:platform-admin:local-platform-token';
/** Production tokens are long enough not to be guessed within the failed-authentication limit. */
export const MIN_PRODUCTION_TOKEN_LENGTH = 32;

const isRole = (role: string | undefined): role is ApiToken['role'] =>
  TOKEN_ROLES.some((known) => known === role);

// Documented local key for the AccountManager search attribute's keyed hash; refused in production.
const LOCAL_PSEUDONYM_KEY = 'local-pseudonym-key-not-a-secret-0000';

const apiTokensSchema = z.string().transform((text, ctx): ApiToken[] => {
  const tokens: ApiToken[] = [];
  for (const entry of text
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)) {
    const [name, role, token, company, ...rest] = entry.split(':');
    const companyOk =
      role === 'platform-admin'
        ? company === undefined
        : company === undefined || z.safeParse(companyIdSchema, company).success;
    if (!name || !isRole(role) || !token || token.length < 8 || rest.length || !companyOk) {
      ctx.addIssue({
        code: 'custom',
        message: `"${entry.split(':')[0]}:…" is not name:role:token[:company] (role ${TOKEN_ROLES.join('|')}; token ≥ 8 chars; company ^[a-z0-9-]{2,40}$, none for platform-admin)`,
      });
      return z.NEVER;
    }
    tokens.push(
      role === 'platform-admin'
        ? { name, role, token }
        : { name, role, token, company: company ?? DEFAULT_COMPANY },
    );
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

const defaultStageLimits = Object.entries(DEFAULT_STALL_POLICY.stageTimeLimits)
  .map(([stage, limit]) => `${stage}=${limit}`)
  .join(',');

/**
 * What only the API reads: its own limits, and the defaults it fixes in each order when it starts
 * (reminders, working calendar, default forwarder, internal domains).
 */
export const API_ENV = {
  API_PORT: envVariable(z.coerce.number().int().min(0).max(65535).default(3000), 'port of the HTTP API'),
  API_TOKENS: envVariable(
    apiTokensSchema.optional(),
    "`name:role:token[:company],...`, role `viewer`, `ops`, `manager` or `admin` (viewer < ops < manager < admin), or the platform's `customer-manager` or `platform-admin` (no company); the name is the timeline's actor; without a company the token acts for `default`, and a company named here is created at start. In production required, each token at least 32 characters, the documented local tokens refused",
    `documented local tokens outside production: ${LOCAL_API_TOKENS.split(',')
      .map((token) => `\`${token}\``)
      .join(', ')}`,
  ),
  API_BODY_LIMIT_KB: envVariable(
    z.coerce.number().int().min(1).max(10_240).default(100),
    'request body limit (413 above)',
  ),
  API_ATTACHMENT_LIMIT_MB: envVariable(
    z.coerce.number().int().min(1).max(100).default(20),
    'largest attachment in MB (413 above)',
  ),
  API_RATE_LIMIT_PER_MINUTE: envVariable(
    z.coerce.number().int().min(1).default(600),
    'requests per token and minute (429 above)',
  ),
  API_AUTH_FAILURES_PER_MINUTE: envVariable(
    z.coerce.number().int().min(1).default(20),
    'failed authentications (401) per address and minute; past them every request from the address is answered 429 until the minute ends',
  ),
  API_ADDRESS_RATE_LIMIT_PER_MINUTE: envVariable(
    z.coerce.number().int().min(1).default(300),
    'requests per address and minute to the routes without a token (`/health`, `/openapi.json`, `/docs`, the console)',
  ),
  API_TRUST_PROXY: envVariable(
    z.coerce.number().int().min(0).max(10).default(0),
    "number of proxies in front of the API whose `X-Forwarded-For` is trusted for the client address (per-address limits); 0 uses the connection's address",
  ),
  API_WORKER_TIMEOUT: envVariable(
    z._default(durationSchema, '10s'),
    'how long a request waits for a worker before 503',
  ),
  ...SIGN_IN_ENV,
  METRICS_TOKEN: envVariable(
    z.string().min(16).optional(),
    "bearer token of the platform's Prometheus scraper for `GET /metrics` (a `platform-admin` token works too); at least 16 characters",
  ),
  TRACKING_RATE_LIMIT_PER_MINUTE: envVariable(
    z.coerce.number().int().min(1).default(30),
    'tracking-page requests per address and minute (429 above)',
  ),
  // Keys the hash that stands for the account manager in the AccountManager search attribute.
  PSEUDONYM_KEY: envVariable(
    z.string().min(32, 'at least 32 characters').optional(),
    'key of the HMAC that stands for the account manager in the `AccountManager` search attribute; at least 32 characters, required in production',
    'a documented local key',
  ),
  DEFAULT_FORWARDER_NAME: envVariable(
    z.string().min(1).default('Default Forwarder'),
    'receives booking requests when an order names no forwarder',
  ),
  DEFAULT_FORWARDER_EMAIL: envVariable(
    z.email().default('bookings@forwarder.localhost'),
    "the default forwarder's address",
  ),
  DEFAULT_FORWARDER_LANGUAGE: envVariable(
    z.enum(LANGUAGES).default('en'),
    "language of the letters to the default forwarder (booking request, telex-release request): `en` or `zh-CN`; an order's `forwarder.language` and a contract's `buyerForwarder.language` set their own",
  ),
  STAGE_TIME_LIMITS: envVariable(
    z._default(stageTimeLimitsSchema, {}),
    'stall limits, e.g. `INQUIRY=24h,DEPOSIT=7d` (`5wd`: working days); fixed in each order at its start',
    `\`${defaultStageLimits}\``,
  ),
  // Working days ("3wd") count on this calendar (JSON, see config/calendars/README.md).
  WORKING_CALENDAR_FILE: envVariable(
    z.string().min(1).optional(),
    'the working calendar (JSON: time zone, weekend, holidays, make-up working days) that working-day limits such as `3wd` count on; see config/calendars/README.md. Keep it up to date every year',
    'Monday to Friday in Asia/Shanghai, no holidays',
  ),
  REMINDER_REPEAT_EVERY: envVariable(
    z._default(durationSchema, DEFAULT_STALL_POLICY.repeatEvery),
    'interval between reminders while stalled',
  ),
  REMINDER_ESCALATE_AFTER: envVariable(
    z.coerce.number().int().min(1).max(100).default(DEFAULT_STALL_POLICY.escalateAfter),
    'reminders in a stage before the escalation address is copied',
  ),
  REMINDER_ESCALATE_TO: envVariable(z.email().optional(), 'escalation address'),
  REMINDER_MAX_PER_STAGE: envVariable(
    z.coerce
      .number()
      .int()
      .min(1)
      .max(1000)
      .default(DEFAULT_STALL_POLICY.maxRemindersPerStage ?? 10),
    'reminders in one stage after which the order stops chasing (it stays stalled); fixed in each order at its start',
  ),
  ORDER_ARCHIVE_AFTER: envVariable(
    z._default(durationSchema, DEFAULT_ARCHIVE_AFTER),
    'quiet period after which a closed order, once settled, is archived: it takes no more events, reads keep working; every event restarts it; fixed in each order at its start',
  ),
  INTERNAL_EMAIL_DOMAINS: envVariable(
    domainListSchema.optional(),
    'comma-separated domains the account manager and escalation addresses must be at; empty allows any',
    'empty (any); in production the domain of `MAIL_FROM`',
  ),
  ...CODEC_SERVER_ENV,
};

export const apiEnvSchema = z
  .object({ ...shapeOf(SHARED_ENV), ...shapeOf(API_ENV) })
  .superRefine((e, ctx) => {
    checkPayloadCodecEnv(e, ctx);
    checkCodecServerEnv(e, ctx);
  });

export type ApiConfig = ReturnType<typeof loadApiConfig>;

/**
 * Reads and validates the API's variables once (the worker's are not its business). A bad value
 * throws an error that names the variable, which the entry point prints before exiting.
 */
export function loadApiConfig(env: NodeJS.ProcessEnv = process.env) {
  const e = readEnv(apiEnvSchema, env);
  const production = e.NODE_ENV === 'production';
  if (production) checkProductionTokens(e.API_TOKENS);
  const shared = sharedConfig(e, e.API_PORT);
  if (production && (!e.PSEUDONYM_KEY || e.PSEUDONYM_KEY === LOCAL_PSEUDONYM_KEY))
    throw new ConfigError(
      'Invalid configuration:\n  PSEUDONYM_KEY: a secret of 32+ characters is required in production',
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
    ...shared,
    api: {
      port: e.API_PORT,
      tokens: e.API_TOKENS ?? apiTokensSchema.parse(LOCAL_API_TOKENS),
      bodyLimitBytes: e.API_BODY_LIMIT_KB * 1024,
      attachmentLimitBytes: e.API_ATTACHMENT_LIMIT_MB * 1024 * 1024,
      rateLimitPerMinute: e.API_RATE_LIMIT_PER_MINUTE,
      authFailuresPerMinute: e.API_AUTH_FAILURES_PER_MINUTE,
      addressRateLimitPerMinute: e.API_ADDRESS_RATE_LIMIT_PER_MINUTE,
      trustProxyHops: e.API_TRUST_PROXY,
      workerTimeout: e.API_WORKER_TIMEOUT,
      metricsToken: e.METRICS_TOKEN,
    },
    tracking: { ...shared.tracking, rateLimitPerMinute: e.TRACKING_RATE_LIMIT_PER_MINUTE },
    signIn: signInConfig(e, production),
    defaultForwarder: {
      name: e.DEFAULT_FORWARDER_NAME,
      email: e.DEFAULT_FORWARDER_EMAIL,
      language: e.DEFAULT_FORWARDER_LANGUAGE,
    },
    stallPolicy,
    archiveAfter: e.ORDER_ARCHIVE_AFTER,
    workingCalendar,
    orderLimits,
    pseudonymKey: e.PSEUDONYM_KEY ?? LOCAL_PSEUDONYM_KEY,
    codecServer: codecServer(e),
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
