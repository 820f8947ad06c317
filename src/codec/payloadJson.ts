import type { Payload } from '@temporalio/common';
import { z } from 'zod/mini';

// Proto3 JSON writes bytes as base64, standard or URL-safe, padding optional.
const base64 = z.string().check(z.regex(/^[A-Za-z0-9+/_-]*={0,2}$/, 'base64'));

const payloadJsonSchema = z.object({
  metadata: z.optional(z.nullable(z.record(z.string(), base64))),
  data: z.optional(z.nullable(base64)),
});

/** The codec-server protocol's body: a Payloads message as proto3 JSON. */
export const payloadsJsonSchema = z.object({
  payloads: z.array(payloadJsonSchema).check(z.maxLength(10_000)),
});

export type PayloadJson = z.output<typeof payloadJsonSchema>;

export function payloadFromJson({ metadata, data }: PayloadJson): Payload {
  return {
    metadata: Object.fromEntries(
      Object.entries(metadata ?? {}).map(([key, value]) => [key, Buffer.from(value, 'base64')]),
    ),
    data: Buffer.from(data ?? '', 'base64'),
  };
}

export function payloadToJson({ metadata, data }: Payload): {
  metadata: Record<string, string>;
  data: string;
} {
  return {
    metadata: Object.fromEntries(
      Object.entries(metadata ?? {}).map(([key, value]) => [key, Buffer.from(value).toString('base64')]),
    ),
    data: Buffer.from(data ?? []).toString('base64'),
  };
}
