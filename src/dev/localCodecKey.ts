import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

/**
 * The payload codec's variables for the local stack: the environment's own keys when set, otherwise
 * a key generated once into `file` (kept with the dev server's db, which it encrypts) and reused on
 * every start, so orders recorded yesterday still decode.
 */
export function localCodecEnv(file: string, env: NodeJS.ProcessEnv = process.env): Record<string, string> {
  if (env.PAYLOAD_CODEC_KEYS) return {};
  if (!existsSync(file)) {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, `local-1:${randomBytes(32).toString('base64')}\n`, { mode: 0o600 });
  }
  const keys = readFileSync(file, 'utf8').trim();
  return { PAYLOAD_CODEC_KEYS: keys, PAYLOAD_CODEC_KEY_ID: keys.split(':')[0] };
}
