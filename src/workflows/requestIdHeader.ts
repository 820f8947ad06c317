import { defaultPayloadConverter, type Headers } from '@temporalio/common';

/**
 * The Temporal header that carries the HTTP request id (X-Request-Id) from the API to the order
 * workflow and on to the activities it starts, so one grep follows an event through every log.
 * Headers pass the payload codec by, so the id is plain JSON whether payloads are encrypted or not.
 */
export const REQUEST_ID_HEADER = 'orderdesk-request-id';

export function withRequestId(headers: Headers, requestId: string | undefined): Headers {
  if (requestId === undefined) return headers;
  return { ...headers, [REQUEST_ID_HEADER]: defaultPayloadConverter.toPayload(requestId) };
}

export function requestIdOf(headers: Headers): string | undefined {
  const payload = headers[REQUEST_ID_HEADER];
  if (!payload) return undefined;
  try {
    const id: unknown = defaultPayloadConverter.fromPayload(payload);
    return typeof id === 'string' ? id : undefined;
  } catch {
    return undefined;
  }
}
