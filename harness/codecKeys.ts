import { randomBytes } from 'node:crypto';

/** A fresh 32-byte key as PAYLOAD_CODEC_KEYS writes it. */
export const newKeyBase64 = () => randomBytes(32).toString('base64');

/** Codec variables for a test stack: one fresh key, encrypting with it. */
export function codecEnv(id = 'test-key'): Record<string, string> {
  return { PAYLOAD_CODEC_KEYS: `${id}:${newKeyBase64()}`, PAYLOAD_CODEC_KEY_ID: id };
}

/**
 * The key the committed histories (test/histories) are recorded under, published here so the replay
 * test can decode them: test data, it protects nothing. Histories recorded before it are plain.
 */
export const HISTORY_CODEC_ENV = {
  PAYLOAD_CODEC_KEYS: 'histories:heLhoyrgPNKGUFWHzeh/nO5WoNpGyewFubmZ35AZ3eQ=',
  PAYLOAD_CODEC_KEY_ID: 'histories',
};
