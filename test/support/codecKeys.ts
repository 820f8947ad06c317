import { randomBytes } from 'node:crypto';

/** A fresh 32-byte key as PAYLOAD_CODEC_KEYS writes it. */
export const newKeyBase64 = () => randomBytes(32).toString('base64');

/** Codec variables for a test stack: one fresh key, encrypting with it. */
export function codecEnv(id = 'test-key'): Record<string, string> {
  return { PAYLOAD_CODEC_KEYS: `${id}:${newKeyBase64()}`, PAYLOAD_CODEC_KEY_ID: id };
}
