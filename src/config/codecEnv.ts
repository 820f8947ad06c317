import { z } from 'zod';
import type { CodecKeyring } from '../codec/encryptionCodec';
import { parseCodecKeys } from '../codec/keys';
import { envVariable, type EnvOf } from './variables';

const codecKeysSchema = z.string().transform((text, ctx) => {
  const keys = parseCodecKeys(text);
  if (typeof keys === 'string') {
    ctx.addIssue({ code: 'custom', message: keys });
    return z.NEVER;
  }
  return keys;
});

const originsSchema = z.string().transform((text, ctx) => {
  const origins = text
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  for (const origin of origins) {
    let exact = false;
    try {
      exact = /^https?:$/.test(new URL(origin).protocol) && new URL(origin).origin === origin;
    } catch {
      exact = false;
    }
    if (!exact) {
      ctx.addIssue({ code: 'custom', message: `"${origin}" is not an origin like https://ui.example.com` });
      return z.NEVER;
    }
  }
  if (!origins.length) ctx.addIssue({ code: 'custom', message: 'at least one origin' });
  return origins;
});

/** The payload codec's variables: every process that talks to Temporal reads them. */
export const PAYLOAD_CODEC_ENV = {
  PAYLOAD_CODEC_KEYS: envVariable(
    codecKeysSchema.optional(),
    '`id:base64key,...`: AES-256 keys (32 bytes) that encrypt Temporal payloads; every listed key decodes',
    'none: payloads in plain text (`npm start` generates a local key)',
  ),
  PAYLOAD_CODEC_KEY_ID: envVariable(
    z.string().min(1).optional(),
    'the key id new payloads are encrypted with',
    'the only key, when there is one',
  ),
};

/** The codec server's variables (the API's `/codec` routes, which the Temporal UI calls). */
export const CODEC_SERVER_ENV = {
  CODEC_CORS_ORIGINS: envVariable(
    originsSchema.optional(),
    'browser origins (the Temporal UI) allowed to call `/codec/encode` and `/codec/decode`',
    'the origin of `TEMPORAL_UI_URL`',
  ),
  // `none` lets the dev stack's UI (which cannot send a token over http) decode; refused in production.
  CODEC_AUTH: envVariable(
    z.enum(['token', 'none']).default('token'),
    '`token` (a bearer token from `API_TOKENS`) or `none` (local development only, refused in production)',
  ),
};

type PayloadCodecEnv = EnvOf<typeof PAYLOAD_CODEC_ENV>;
type CodecServerEnv = { NODE_ENV: string; TEMPORAL_UI_URL: string } & EnvOf<typeof CODEC_SERVER_ENV>;

const problem = (ctx: z.RefinementCtx, variable: string, message: string) =>
  ctx.addIssue({ code: 'custom', path: [variable], message });

/** Checks across the payload codec's variables, reported under the variable to fix. */
export function checkPayloadCodecEnv(e: PayloadCodecEnv, ctx: z.RefinementCtx): void {
  const ids = e.PAYLOAD_CODEC_KEYS?.map((k) => k.id) ?? [];
  if (e.PAYLOAD_CODEC_KEY_ID && !ids.includes(e.PAYLOAD_CODEC_KEY_ID))
    problem(ctx, 'PAYLOAD_CODEC_KEY_ID', `"${e.PAYLOAD_CODEC_KEY_ID}" is not a key id in PAYLOAD_CODEC_KEYS`);
  if (!e.PAYLOAD_CODEC_KEY_ID && ids.length > 1)
    problem(
      ctx,
      'PAYLOAD_CODEC_KEY_ID',
      'required with more than one key: the id new payloads are encrypted with',
    );
}

export function checkCodecServerEnv(e: CodecServerEnv, ctx: z.RefinementCtx): void {
  if (e.CODEC_AUTH === 'none' && e.NODE_ENV === 'production')
    problem(ctx, 'CODEC_AUTH', '"none" is for local development only');
}

/** The keyring; undefined: codec off. */
export function payloadCodec(e: PayloadCodecEnv): CodecKeyring | undefined {
  return (
    e.PAYLOAD_CODEC_KEYS && {
      keys: e.PAYLOAD_CODEC_KEYS,
      encryptWith: e.PAYLOAD_CODEC_KEY_ID ?? e.PAYLOAD_CODEC_KEYS[0].id,
    }
  );
}

/** The codec server's settings. */
export function codecServer(e: CodecServerEnv) {
  return {
    corsOrigins: e.CODEC_CORS_ORIGINS ?? [new URL(e.TEMPORAL_UI_URL).origin],
    requireToken: e.CODEC_AUTH === 'token',
  };
}
