import type { Payload, PayloadCodec } from '@temporalio/common';
import { temporal } from '@temporalio/proto';
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

/** Metadata of an encrypted payload; everything else (the original metadata too) is inside the ciphertext. */
export const ENCRYPTED_ENCODING = 'binary/encrypted';
export const KEY_ID_METADATA = 'encryption-key-id';

const IV_BYTES = 12;
const TAG_BYTES = 16;
const KEY_BYTES = 32;
const ProtoPayload = temporal.api.common.v1.Payload;

/** An AES-256 key and the id payloads name it by. */
export interface CodecKey {
  id: string;
  key: Buffer;
}

export interface CodecKeyring {
  keys: readonly CodecKey[];
  /** The id of the key new payloads are encrypted with. */
  encryptWith: string;
}

/** A payload this codec cannot decode: unknown key id, tampered or truncated ciphertext. */
export class PayloadDecryptionError extends Error {
  override name = 'PayloadDecryptionError';
}

const utf8 = (text: string) => new TextEncoder().encode(text);
const text = (bytes: Uint8Array | null | undefined) =>
  bytes ? Buffer.from(bytes).toString('utf8') : undefined;

/** Whether a payload is this codec's ciphertext (anything else is passed through). */
export const isEncrypted = (payload: Payload) => text(payload.metadata?.encoding) === ENCRYPTED_ENCODING;

/**
 * AES-256-GCM over each whole payload (its metadata and data, serialized as the Payload proto), with a
 * random 12-byte IV per payload and the key id as additional authenticated data. Any configured key
 * decodes, so a rotated-out key keeps old histories readable; payloads without the encrypted encoding
 * (recorded before the codec was on) pass through as they are.
 */
export class EncryptionCodec implements PayloadCodec {
  private readonly keys: ReadonlyMap<string, Buffer>;
  private readonly current: CodecKey;

  constructor({ keys, encryptWith }: CodecKeyring) {
    for (const k of keys)
      if (k.key.length !== KEY_BYTES) throw new Error(`key "${k.id}" is not ${KEY_BYTES} bytes`);
    this.keys = new Map(keys.map((k) => [k.id, k.key]));
    const current = this.keys.get(encryptWith);
    if (!current) throw new Error(`no key with id "${encryptWith}"`);
    this.current = { id: encryptWith, key: current };
  }

  // A throw inside the executor becomes the rejection callers await.
  encode(payloads: Payload[]): Promise<Payload[]> {
    return new Promise((resolve) => resolve(payloads.map((payload) => this.encrypt(payload))));
  }

  decode(payloads: Payload[]): Promise<Payload[]> {
    return new Promise((resolve) => resolve(payloads.map((payload) => this.decrypt(payload))));
  }

  private encrypt(payload: Payload): Payload {
    const { id, key } = this.current;
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', key, iv, { authTagLength: TAG_BYTES });
    cipher.setAAD(utf8(id));
    const plain = ProtoPayload.encode(payload).finish();
    const sealed = Buffer.concat([iv, cipher.update(plain), cipher.final(), cipher.getAuthTag()]);
    return {
      metadata: { encoding: utf8(ENCRYPTED_ENCODING), [KEY_ID_METADATA]: utf8(id) },
      data: sealed,
    };
  }

  private decrypt(payload: Payload): Payload {
    if (!isEncrypted(payload)) return payload;
    const id = text(payload.metadata?.[KEY_ID_METADATA]);
    if (!id) throw new PayloadDecryptionError(`an encrypted payload without "${KEY_ID_METADATA}" metadata`);
    const key = this.keys.get(id);
    if (!key)
      throw new PayloadDecryptionError(
        `an encrypted payload under key id "${id}", which is not configured (PAYLOAD_CODEC_KEYS)`,
      );
    const sealed = Buffer.from(payload.data ?? []);
    if (sealed.length < IV_BYTES + TAG_BYTES)
      throw new PayloadDecryptionError(`an encrypted payload under key "${id}" is truncated`);
    const decipher = createDecipheriv('aes-256-gcm', key, sealed.subarray(0, IV_BYTES), {
      authTagLength: TAG_BYTES,
    });
    decipher.setAAD(utf8(id));
    decipher.setAuthTag(sealed.subarray(sealed.length - TAG_BYTES));
    let plain: Buffer;
    try {
      plain = Buffer.concat([
        decipher.update(sealed.subarray(IV_BYTES, sealed.length - TAG_BYTES)),
        decipher.final(),
      ]);
    } catch {
      throw new PayloadDecryptionError(
        `an encrypted payload under key "${id}" failed authentication (tampered, or a different key with that id)`,
      );
    }
    return ProtoPayload.decode(plain);
  }
}
