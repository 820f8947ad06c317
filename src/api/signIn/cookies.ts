import { createHmac, timingSafeEqual } from 'node:crypto';
import type { Request, Response } from 'express';

export const SESSION_COOKIE = 'od_session';
export const SIGN_IN_COOKIE = 'od_signin';

/** One cookie of the request (names are ours, so no escaping games). */
export function cookieOf(req: Request, name: string): string | undefined {
  for (const part of (req.get('cookie') ?? '').split(';')) {
    const [key, ...value] = part.trim().split('=');
    if (key === name) return decodeURIComponent(value.join('='));
  }
  return undefined;
}

/** HttpOnly, SameSite=Lax, for the whole site; Secure when the public address is https. */
export function setCookie(
  res: Response,
  name: string,
  value: string,
  maxAgeMs: number,
  secure: boolean,
): void {
  res.cookie(name, value, { httpOnly: true, sameSite: 'lax', secure, path: '/', maxAge: maxAgeMs });
}

export function clearCookie(res: Response, name: string, secure: boolean): void {
  res.clearCookie(name, { httpOnly: true, sameSite: 'lax', secure, path: '/' });
}

const mac = (key: string, purpose: string, text: string) =>
  createHmac('sha256', key).update(`${purpose}.${text}`).digest('base64url');

/** `<payload>.<mac>`: a value only this deployment could have made (its SESSION_SECRET). */
export function sealed(key: string, purpose: string, value: object): string {
  const payload = Buffer.from(JSON.stringify(value)).toString('base64url');
  return `${payload}.${mac(key, purpose, payload)}`;
}

export function unsealed(key: string, purpose: string, text: string | undefined): unknown {
  const [payload, given] = (text ?? '').split('.');
  if (!payload || !given) return undefined;
  const expected = Buffer.from(mac(key, purpose, payload));
  const actual = Buffer.from(given);
  if (actual.length !== expected.length || !timingSafeEqual(actual, expected)) return undefined;
  try {
    return JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as unknown;
  } catch {
    return undefined;
  }
}

/** The CSRF token of a session: an HMAC of its secret id under CSRF_SECRET (nothing to store). */
export const csrfTokenOf = (csrfSecret: string, sessionId: string): string =>
  mac(csrfSecret, 'csrf', sessionId);

export function sameToken(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}
