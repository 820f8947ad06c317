import { defaultPayloadConverter, type Payload } from '@temporalio/common';
import { COMPRESSED_ENCODING, CompressionCodec, isCompressed } from '../../src/codec/compressionCodec';
import { payloadCodecFor } from '../../src/codec/dataConverter';
import { createOrder, DEFAULT_STALL_POLICY, resolveStallPolicy } from '../../src/domain';
import { newInquiry } from '../../harness/orderFixtures';

const codec = new CompressionCodec();
const order = { ...newInquiry(), orderId: 'PO-ZIP-1' };
const state = createOrder(order, resolveStallPolicy(DEFAULT_STALL_POLICY, order, undefined), {
  now: '2026-12-07T00:00:00.000Z',
  actor: 'test',
  actorId: 'token:test',
});
const toPayload = (value: unknown): Payload => defaultPayloadConverter.toPayload(value);

describe('the compression codec', () => {
  it("compresses an order's state to a fraction, and gives back the same payload", async () => {
    const plain = toPayload({ ...state, notes: 'x'.repeat(2000) });
    const [packed] = await codec.encode([plain]);
    expect(isCompressed(packed)).toBe(true);
    expect(Buffer.from(packed.metadata?.encoding ?? []).toString()).toBe(COMPRESSED_ENCODING);
    expect(packed.data?.length).toBeLessThan((plain.data?.length ?? 0) / 2);
    const [back] = await codec.decode([packed]);
    expect(defaultPayloadConverter.fromPayload(back)).toEqual(defaultPayloadConverter.fromPayload(plain));
  });

  it('leaves small payloads, and payloads recorded before it, as they are', async () => {
    const small = toPayload({ seq: 2, eventId: 'e-1' });
    expect(await codec.encode([small])).toEqual([small]);
    const earlier = toPayload(state);
    expect(await codec.decode([earlier])).toEqual([earlier]);
  });

  it("as the API's, reads compressed payloads and sends none (workers upgraded after it can read what it sends)", async () => {
    const api = new CompressionCodec({ compress: false });
    const plain = toPayload({ text: 'z'.repeat(5000) });
    expect(await api.encode([plain])).toEqual([plain]);
    const [packed] = await codec.encode([plain]);
    const [back] = await api.decode([packed]);
    expect(defaultPayloadConverter.fromPayload(back)).toEqual({ text: 'z'.repeat(5000) });
  });

  it('refuses a corrupt payload instead of answering garbage', async () => {
    const [packed] = await codec.encode([toPayload({ text: 'y'.repeat(5000) })]);
    const corrupt = { ...packed, data: packed.data?.subarray(0, 10) };
    await expect(codec.decode([corrupt])).rejects.toThrow('cannot be inflated');
  });

  it('runs before encryption, and the codec server undoes both in reverse', async () => {
    const keys = { keys: [{ id: 'k', key: Buffer.alloc(32, 3) }], encryptWith: 'k' };
    const server = payloadCodecFor({ payloadCodec: keys });
    const plain = toPayload(state);
    const [sealed] = await server.encode([plain]);
    expect(Buffer.from(sealed.metadata?.encoding ?? []).toString()).toBe('binary/encrypted');
    const [back] = await server.decode([sealed]);
    expect(defaultPayloadConverter.fromPayload(back)).toEqual(state);
  });
});
