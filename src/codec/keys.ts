import type { CodecKey } from './encryptionCodec';

const KEY_ID = /^[A-Za-z0-9._-]{1,64}$/;
const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

/**
 * Parses `id:base64key,...` (PAYLOAD_CODEC_KEYS): unique ids, standard base64 of exactly 32 bytes.
 * Returns the problem as text rather than throwing, so the config can name the variable.
 */
export function parseCodecKeys(text: string): CodecKey[] | string {
  const keys: CodecKey[] = [];
  for (const entry of text
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)) {
    const colon = entry.indexOf(':');
    const id = colon < 0 ? entry : entry.slice(0, colon);
    const encoded = colon < 0 ? '' : entry.slice(colon + 1);
    // Never echo the key material itself.
    if (!KEY_ID.test(id)) return `"${id.slice(0, 64)}" is not a key id (letters, digits, . _ -)`;
    if (keys.some((k) => k.id === id)) return `key id "${id}" appears twice`;
    const key = BASE64.test(encoded) ? Buffer.from(encoded, 'base64') : undefined;
    if (key?.length !== 32) return `key "${id}" is not id:<base64 of 32 bytes> (openssl rand -base64 32)`;
    keys.push({ id, key });
  }
  if (!keys.length) return 'at least one id:base64key entry';
  return keys;
}
