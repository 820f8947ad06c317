import type { DataConverter, PayloadCodec } from '@temporalio/common';
import { EncryptionCodec, type CodecKeyring } from './encryptionCodec';

/** The payload codec the configuration asks for; undefined when no keys are configured (codec off). */
export function payloadCodecFor(config: {
  payloadCodec: CodecKeyring | undefined;
}): PayloadCodec | undefined {
  return config.payloadCodec ? new EncryptionCodec(config.payloadCodec) : undefined;
}

/**
 * The one data converter every client, worker and replayer of order workflows uses: payloads
 * (workflow and activity inputs, results, update and query answers, memo, summaries) are encrypted
 * once keys are configured. Search attributes never pass through a codec and stay readable.
 */
export function dataConverterFor(config: { payloadCodec: CodecKeyring | undefined }): DataConverter {
  const codec = payloadCodecFor(config);
  return { payloadCodecs: codec ? [codec] : [] };
}
