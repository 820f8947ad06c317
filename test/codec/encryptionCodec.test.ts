/**
 * The payload codec on its own: round trip, tamper detection, key rotation, payloads recorded before
 * the codec was on, and the configuration that turns it on.
 */
import { defaultPayloadConverter, type Payload } from '@temporalio/common';
import { dataConverterFor } from '../../src/codec/dataConverter';
import {
  ENCRYPTED_ENCODING,
  EncryptionCodec,
  KEY_ID_METADATA,
  PayloadDecryptionError,
} from '../../src/codec/encryptionCodec';
import { ConfigError, loadConfig } from '../../src/config/env';
import { newKeyBase64 } from '../../harness/codecKeys';

const customer = { name: 'Jane Doe', email: 'jane@acme.example', address: '1 Main St, Berlin' };
const plain = (value: unknown) => defaultPayloadConverter.toPayload(value);
const text = (bytes: Uint8Array | null | undefined) => Buffer.from(bytes ?? []).toString('utf8');
const key = (id: string) => ({ id, key: Buffer.from(newKeyBase64(), 'base64') });

describe('EncryptionCodec', () => {
  const k1 = key('k1');
  const codec = new EncryptionCodec({ keys: [k1], encryptWith: 'k1' });

  it('round-trips payloads, metadata included, with nothing readable in between', async () => {
    const payloads = [plain(customer), plain('x'), plain(undefined)];
    const encoded = await codec.encode(payloads);
    for (const p of encoded) {
      expect(text(p.metadata?.encoding)).toBe(ENCRYPTED_ENCODING);
      expect(text(p.metadata?.[KEY_ID_METADATA])).toBe('k1');
      expect(Object.keys(p.metadata ?? {}).sort()).toEqual(['encoding', KEY_ID_METADATA]);
    }
    expect(text(encoded[0].data)).not.toContain('jane@acme.example');
    const decoded = await codec.decode(encoded);
    expect(decoded.map((p) => defaultPayloadConverter.fromPayload(p))).toEqual([customer, 'x', undefined]);
  });

  it('uses a fresh IV per payload: the same value never encrypts the same twice', async () => {
    const [a, b] = await codec.encode([plain(customer), plain(customer)]);
    expect(Buffer.from(a.data!).equals(Buffer.from(b.data!))).toBe(false);
  });

  it('refuses a tampered payload with a clear error', async () => {
    const [sealed] = await codec.encode([plain(customer)]);
    const flipped = Buffer.from(sealed.data!);
    flipped[20] ^= 1;
    await expect(codec.decode([{ ...sealed, data: flipped }])).rejects.toThrow(PayloadDecryptionError);
    await expect(codec.decode([{ ...sealed, data: flipped }])).rejects.toThrow(/failed authentication/);
    await expect(codec.decode([{ ...sealed, data: flipped.subarray(0, 10) }])).rejects.toThrow(/truncated/);
  });

  it('binds the key id: relabelling a payload with another configured key fails', async () => {
    const k2 = key('k2');
    const both = new EncryptionCodec({ keys: [k1, k2], encryptWith: 'k1' });
    const [sealed] = await both.encode([plain(customer)]);
    const relabelled: Payload = {
      metadata: { ...sealed.metadata, [KEY_ID_METADATA]: Buffer.from('k2') },
      data: sealed.data,
    };
    await expect(both.decode([relabelled])).rejects.toThrow(/failed authentication/);
  });

  it('decodes payloads recorded before the codec was on as they are', async () => {
    const old = plain(customer);
    expect(await codec.decode([old])).toEqual([old]);
  });

  it('rotates: old payloads still decode under the new key id, new ones use it', async () => {
    const k2 = key('k2');
    const [underK1] = await codec.encode([plain('before rotation')]);
    const rotated = new EncryptionCodec({ keys: [k1, k2], encryptWith: 'k2' });
    const [underK2] = await rotated.encode([plain('after rotation')]);
    expect(text(underK2.metadata?.[KEY_ID_METADATA])).toBe('k2');
    const decoded = await rotated.decode([underK1, underK2]);
    expect(decoded.map((p) => defaultPayloadConverter.fromPayload(p))).toEqual([
      'before rotation',
      'after rotation',
    ]);
    // A codec that has only k2 (k1 retired too early) names the missing key.
    const k2Only = new EncryptionCodec({ keys: [k2], encryptWith: 'k2' });
    await expect(k2Only.decode([underK1])).rejects.toThrow(/key id "k1", which is not configured/);
    await expect(codec.decode([underK2])).rejects.toThrow(PayloadDecryptionError);
  });
});

describe('payload codec configuration', () => {
  const k1 = newKeyBase64();
  const k2 = newKeyBase64();

  it('is off without keys: only compression in the data converter', () => {
    const config = loadConfig({});
    expect(config.payloadCodec).toBeUndefined();
    expect(dataConverterFor(config).payloadCodecs?.map((c) => c.constructor.name)).toEqual([
      'CompressionCodec',
    ]);
    expect(config.codecServer).toEqual({ corsOrigins: ['http://localhost:8233'], requireToken: true });
  });

  it('encrypts with the one key, or the named one', () => {
    expect(loadConfig({ PAYLOAD_CODEC_KEYS: `a:${k1}` }).payloadCodec?.encryptWith).toBe('a');
    const config = loadConfig({ PAYLOAD_CODEC_KEYS: `a:${k1}, b:${k2}`, PAYLOAD_CODEC_KEY_ID: 'b' });
    expect(config.payloadCodec?.keys.map((k) => k.id)).toEqual(['a', 'b']);
    expect(config.payloadCodec?.encryptWith).toBe('b');
    // Compressed first: encryption leaves nothing to compress.
    expect(dataConverterFor(config).payloadCodecs?.map((c) => c.constructor.name)).toEqual([
      'CompressionCodec',
      'EncryptionCodec',
    ]);
  });

  it.each([
    [{ PAYLOAD_CODEC_KEYS: 'a:c2hvcnQ=' }, 'PAYLOAD_CODEC_KEYS'],
    [{ PAYLOAD_CODEC_KEYS: `a:${k1.slice(0, -2)}` }, 'PAYLOAD_CODEC_KEYS'],
    [{ PAYLOAD_CODEC_KEYS: k1 }, 'PAYLOAD_CODEC_KEYS'],
    [{ PAYLOAD_CODEC_KEYS: `a:${k1},a:${k2}` }, 'PAYLOAD_CODEC_KEYS'],
    [{ PAYLOAD_CODEC_KEYS: `a b:${k1}` }, 'PAYLOAD_CODEC_KEYS'],
    [{ PAYLOAD_CODEC_KEYS: `a:${k1}`, PAYLOAD_CODEC_KEY_ID: 'b' }, 'PAYLOAD_CODEC_KEY_ID'],
    [{ PAYLOAD_CODEC_KEYS: `a:${k1},b:${k2}` }, 'PAYLOAD_CODEC_KEY_ID'],
    [{ PAYLOAD_CODEC_KEY_ID: 'a' }, 'PAYLOAD_CODEC_KEY_ID'],
    [{ CODEC_CORS_ORIGINS: 'http://ui.example/path' }, 'CODEC_CORS_ORIGINS'],
    [{ CODEC_CORS_ORIGINS: '*' }, 'CODEC_CORS_ORIGINS'],
    [{ NODE_ENV: 'production', API_TOKENS: 'o:ops:a-long-enough-token', CODEC_AUTH: 'none' }, 'CODEC_AUTH'],
  ])('refuses %j naming %s', (env, variable) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(new RegExp(`${variable}:`));
  });

  it('never echoes key material in its message', () => {
    const secret = k1.slice(0, 20);
    expect(() => loadConfig({ PAYLOAD_CODEC_KEYS: `a:${secret}` })).toThrow(/key "a" is not/);
    try {
      loadConfig({ PAYLOAD_CODEC_KEYS: `a:${secret}` });
    } catch (err) {
      expect(String(err)).not.toContain(secret);
    }
  });

  it('takes the CORS origins from the variable, or the Temporal UI URL', () => {
    expect(
      loadConfig({ TEMPORAL_UI_URL: 'https://temporal.example.com/ui/' }).codecServer.corsOrigins,
    ).toEqual(['https://temporal.example.com']);
    expect(
      loadConfig({ CODEC_CORS_ORIGINS: 'https://a.example, http://localhost:8080' }).codecServer.corsOrigins,
    ).toEqual(['https://a.example', 'http://localhost:8080']);
  });
});
