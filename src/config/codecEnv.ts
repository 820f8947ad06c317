import { z } from 'zod';
import type { CodecKeyring } from '../codec/encryptionCodec';
import { parseCodecKeys } from '../codec/keys';

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

/** The payload codec's and codec server's variables, spread into the environment schema. */
export const codecEnvShape = {
  PAYLOAD_CODEC_KEYS: codecKeysSchema.optional(),
  PAYLOAD_CODEC_KEY_ID: z.string().min(1).optional(),
  CODEC_CORS_ORIGINS: originsSchema.optional(),
  // `none` lets the dev stack's UI (which cannot send a token over http) decode; refused in production.
  CODEC_AUTH: z.enum(['token', 'none']).default('token'),
};

type CodecEnv = { NODE_ENV: string; TEMPORAL_UI_URL: string } & z.output<z.ZodObject<typeof codecEnvShape>>;

/** Checks across the codec variables, reported under the variable to fix. */
export function checkCodecEnv(e: CodecEnv, ctx: z.RefinementCtx): void {
  const ids = e.PAYLOAD_CODEC_KEYS?.map((k) => k.id) ?? [];
  const problem = (variable: string, message: string) =>
    ctx.addIssue({ code: 'custom', path: [variable], message });
  if (e.PAYLOAD_CODEC_KEY_ID && !ids.includes(e.PAYLOAD_CODEC_KEY_ID))
    problem('PAYLOAD_CODEC_KEY_ID', `"${e.PAYLOAD_CODEC_KEY_ID}" is not a key id in PAYLOAD_CODEC_KEYS`);
  if (!e.PAYLOAD_CODEC_KEY_ID && ids.length > 1)
    problem(
      'PAYLOAD_CODEC_KEY_ID',
      'required with more than one key: the id new payloads are encrypted with',
    );
  if (e.CODEC_AUTH === 'none' && e.NODE_ENV === 'production')
    problem('CODEC_AUTH', '"none" is for local development only');
}

/** The keyring (undefined: codec off) and the codec server's settings. */
export function codecConfig(e: CodecEnv) {
  const payloadCodec: CodecKeyring | undefined = e.PAYLOAD_CODEC_KEYS && {
    keys: e.PAYLOAD_CODEC_KEYS,
    encryptWith: e.PAYLOAD_CODEC_KEY_ID ?? e.PAYLOAD_CODEC_KEYS[0].id,
  };
  return {
    payloadCodec,
    codecServer: {
      corsOrigins: e.CODEC_CORS_ORIGINS ?? [new URL(e.TEMPORAL_UI_URL).origin],
      requireToken: e.CODEC_AUTH === 'token',
    },
  };
}
