import type { DataConverter, PayloadCodec } from '@temporalio/common';
import type { Config } from '../config/env';
import { EncryptionCodec } from './encryptionCodec';

/** The payload codec the configuration asks for; undefined when no keys are configured (codec off). */
export function payloadCodecFor(config: Pick<Config, 'payloadCodec'>): PayloadCodec | undefined {
  return config.payloadCodec ? new EncryptionCodec(config.payloadCodec) : undefined;
}

/**
 * The one data converter every client, worker and replayer of order workflows uses: payloads
 * (workflow and activity inputs, results, update and query answers, memo, summaries) are encrypted
 * once keys are configured. Search attributes never pass through a codec and stay readable.
 */
export function dataConverterFor(config: Pick<Config, 'payloadCodec'>): DataConverter {
  const codec = payloadCodecFor(config);
  return { payloadCodecs: codec ? [codec] : [] };
}
