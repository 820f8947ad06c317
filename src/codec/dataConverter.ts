import type { DataConverter, PayloadCodec } from '@temporalio/common';
import { CompressionCodec } from './compressionCodec';
import { EncryptionCodec, type CodecKeyring } from './encryptionCodec';

/** Whether this process compresses what it sends (workers do; the API only reads compressed payloads). */
export interface CodecRole {
  compress: boolean;
}

/**
 * The payload codecs, in the order they encode: large payloads are compressed, then everything is
 * encrypted once keys are configured (PAYLOAD_CODEC_KEYS).
 */
export function payloadCodecsFor(
  config: { payloadCodec: CodecKeyring | undefined },
  role: CodecRole = { compress: true },
): PayloadCodec[] {
  const compression = new CompressionCodec(role);
  return config.payloadCodec ? [compression, new EncryptionCodec(config.payloadCodec)] : [compression];
}

/** The codecs as one (decoding in reverse order), for the codec server. */
export function payloadCodecFor(config: { payloadCodec: CodecKeyring | undefined }): PayloadCodec {
  const codecs = payloadCodecsFor(config);
  return {
    async encode(payloads) {
      for (const codec of codecs) payloads = await codec.encode(payloads);
      return payloads;
    },
    async decode(payloads) {
      for (const codec of [...codecs].reverse()) payloads = await codec.decode(payloads);
      return payloads;
    },
  };
}

/**
 * The one data converter every client, worker and replayer of order workflows uses: payloads
 * (workflow and activity inputs, results, update and query answers, memo, summaries) are compressed
 * when large, and encrypted once keys are configured. Search attributes never pass through a codec
 * and stay readable.
 */
export function dataConverterFor(
  config: { payloadCodec: CodecKeyring | undefined },
  role: CodecRole = { compress: true },
): DataConverter {
  return { payloadCodecs: payloadCodecsFor(config, role) };
}
