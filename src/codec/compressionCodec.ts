import type { Payload, PayloadCodec } from '@temporalio/common';
import { temporal } from '@temporalio/proto';
import { deflateRawSync, inflateRawSync } from 'node:zlib';

/** Metadata of a compressed payload; the original metadata is inside, with its data. */
export const COMPRESSED_ENCODING = 'binary/zlib';

/**
 * Payloads from this size on are compressed: an order's state and view (the read model's write, an
 * email's input, a query's answer) are JSON of 5-30 kB that deflate to a fifth, while a small one
 * would gain nothing worth the work.
 */
const MIN_BYTES = 1024;
const ProtoPayload = temporal.api.common.v1.Payload;
const utf8 = (text: string) => new TextEncoder().encode(text);

/** Whether a payload is this codec's (anything else is passed through on decode). */
export const isCompressed = (payload: Payload) =>
  Buffer.from(payload.metadata?.encoding ?? []).toString('utf8') === COMPRESSED_ENCODING;

/** A payload this codec cannot inflate (truncated or not ours). */
export class PayloadDecompressionError extends Error {
  override name = 'PayloadDecompressionError';
}

/**
 * Deflates each large payload (its metadata and data, as the Payload proto), so history stays small:
 * it runs before encryption, which leaves nothing to compress. Payloads recorded before it, and
 * small ones, pass through as they are. `compress: false` only inflates: the API's, so that an API
 * upgraded before the workers never sends them what they cannot read (docs/operations.md).
 */
export class CompressionCodec implements PayloadCodec {
  constructor(private readonly options: { compress: boolean } = { compress: true }) {}

  // A throw inside the executor becomes the rejection callers await.
  encode(payloads: Payload[]): Promise<Payload[]> {
    return new Promise((resolve) => resolve(this.options.compress ? payloads.map(compress) : payloads));
  }

  decode(payloads: Payload[]): Promise<Payload[]> {
    return new Promise((resolve) => resolve(payloads.map(decompress)));
  }
}

function compress(payload: Payload): Payload {
  if ((payload.data?.length ?? 0) < MIN_BYTES) return payload;
  const packed = deflateRawSync(ProtoPayload.encode(payload).finish());
  if (packed.length >= (payload.data?.length ?? 0)) return payload;
  return { metadata: { encoding: utf8(COMPRESSED_ENCODING) }, data: packed };
}

function decompress(payload: Payload): Payload {
  if (!isCompressed(payload)) return payload;
  let plain: Buffer;
  try {
    plain = inflateRawSync(payload.data ?? new Uint8Array());
  } catch {
    throw new PayloadDecompressionError('a compressed payload cannot be inflated (truncated or corrupt)');
  }
  return ProtoPayload.decode(plain);
}
