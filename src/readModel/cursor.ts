import { z } from 'zod';
import { InvalidCursorError } from './errors';

/** Opaque page tokens: base64url JSON, checked against a schema when they come back. */
export function encodeCursor(value: unknown): string {
  return Buffer.from(JSON.stringify(value), 'utf8').toString('base64url');
}

export function decodeCursor<T>(token: string, schema: z.ZodType<T>): T {
  let json: unknown;
  try {
    if (!/^[A-Za-z0-9_-]+$/.test(token)) throw new Error('not base64url');
    json = JSON.parse(Buffer.from(token, 'base64url').toString('utf8'));
  } catch {
    throw new InvalidCursorError('the page token is not one this API issued');
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) throw new InvalidCursorError('the page token is not one this API issued');
  return parsed.data;
}
