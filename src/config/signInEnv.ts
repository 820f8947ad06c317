import { z } from 'zod';
import { ConfigError } from './errors';
import { envVariable, type EnvOf } from './variables';

/**
 * Sign-in kinds. `oidc`: any standard OpenID Connect issuer (Keycloak, Authing, Azure AD, the local
 * dev provider) by issuer URL and client id. WeCom (企业微信) and DingTalk (钉钉) speak OAuth 2.0
 * with their own endpoints and user-info calls rather than OIDC discovery and ID tokens: each would
 * be one more kind here and one more SignInProvider in src/api/signIn (see docs/decisions/0006).
 */
export const SIGN_IN_KINDS = ['oidc'] as const;

// Documented local secrets, refused in production (like the local API tokens).
const LOCAL_SESSION_SECRET = 'local-session-secret-not-a-secret-000000';
const LOCAL_CSRF_SECRET = 'local-csrf-secret-not-a-secret-000000000';

export const SIGN_IN_ENV = {
  OIDC_ISSUER_URL: envVariable(
    z.url().optional(),
    'issuer URL of the OpenID Connect provider people sign in with (its `/.well-known/openid-configuration` is read); without it the console takes API tokens only. `npm start` sets it to the local provider',
  ),
  OIDC_CLIENT_ID: envVariable(
    z.string().min(1).max(200).optional(),
    "the console's client id at the issuer (required with `OIDC_ISSUER_URL`)",
  ),
  OIDC_CLIENT_SECRET: envVariable(
    z.string().min(1).optional(),
    'client secret, for a confidential client; without it the console is a public client (PKCE only)',
  ),
  OIDC_KIND: envVariable(
    z.enum(SIGN_IN_KINDS).default('oidc'),
    'how the issuer is spoken to: `oidc` (standard OpenID Connect); the setting exists so that WeCom or DingTalk can be added',
  ),
  OIDC_AUDIENCE: envVariable(
    z.string().min(1).optional(),
    "expected `aud` of the issuer's access tokens (JWT) sent as `Authorization: Bearer`; unchecked when unset",
  ),
  SESSION_SECRET: envVariable(
    z.string().min(32).optional(),
    'key that signs the sign-in cookie (state, nonce, PKCE verifier); at least 32 characters, required in production with `OIDC_ISSUER_URL`',
    'a documented local secret outside production',
  ),
  CSRF_SECRET: envVariable(
    z.string().min(32).optional(),
    "key of the console's CSRF tokens (an HMAC of the session); at least 32 characters, required in production with `OIDC_ISSUER_URL`",
    'a documented local secret outside production',
  ),
  SESSION_TTL: envVariable(
    z.coerce
      .number()
      .int()
      .min(5)
      .max(7 * 24 * 60)
      .default(12 * 60),
    'minutes a console session lasts',
  ),
  SIGN_IN_FAILURES_PER_MINUTE: envVariable(
    z.coerce.number().int().min(1).default(10),
    'failed sign-ins per address and minute; past them the address gets 429 until the minute ends',
  ),
};

type SignInEnv = EnvOf<typeof SIGN_IN_ENV>;

export interface SignInConfig {
  /** Absent: no sign-in (API tokens only). */
  issuer?: { kind: (typeof SIGN_IN_KINDS)[number]; url: string; clientId: string; clientSecret?: string };
  audience?: string;
  sessionSecret: string;
  csrfSecret: string;
  sessionTtlMs: number;
  failuresPerMinute: number;
}

export function signInConfig(e: SignInEnv, production: boolean): SignInConfig {
  const problems: string[] = [];
  if (e.OIDC_ISSUER_URL && !e.OIDC_CLIENT_ID) problems.push('OIDC_CLIENT_ID: required with OIDC_ISSUER_URL');
  // Sessions exist only with sign-in; a deployment of service tokens alone needs no session secrets.
  if (production && e.OIDC_ISSUER_URL) {
    if (!e.SESSION_SECRET || e.SESSION_SECRET === LOCAL_SESSION_SECRET)
      problems.push('SESSION_SECRET: a secret of 32+ characters is required in production');
    if (!e.CSRF_SECRET || e.CSRF_SECRET === LOCAL_CSRF_SECRET)
      problems.push('CSRF_SECRET: a secret of 32+ characters is required in production');
  }
  if (problems.length) throw new ConfigError(`Invalid configuration:\n  ${problems.join('\n  ')}`);
  return {
    ...(e.OIDC_ISSUER_URL && e.OIDC_CLIENT_ID
      ? {
          issuer: {
            kind: e.OIDC_KIND,
            url: e.OIDC_ISSUER_URL,
            clientId: e.OIDC_CLIENT_ID,
            ...(e.OIDC_CLIENT_SECRET ? { clientSecret: e.OIDC_CLIENT_SECRET } : {}),
          },
        }
      : {}),
    ...(e.OIDC_AUDIENCE ? { audience: e.OIDC_AUDIENCE } : {}),
    sessionSecret: e.SESSION_SECRET ?? LOCAL_SESSION_SECRET,
    csrfSecret: e.CSRF_SECRET ?? LOCAL_CSRF_SECRET,
    sessionTtlMs: e.SESSION_TTL * 60_000,
    failuresPerMinute: e.SIGN_IN_FAILURES_PER_MINUTE,
  };
}
