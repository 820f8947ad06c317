import { createHmac, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';

/** What a buyer's tracking link says: which order, when it was issued and until when it opens. */
export interface TrackingClaims {
  /** The order's company (links issued before companies existed: `default`). */
  company: string;
  orderId: string;
  /** Milliseconds since the epoch; a revocation covers links issued up to its moment. */
  issuedAt: number;
  expiresAt: number;
}

const orderIdPattern = z.string().regex(/^[A-Za-z0-9._-]{3,64}$/);
const instant = z.number().int().nonnegative();
// Version 1 (before companies) names no company; version 2 names it first.
const claimsSchema = z.union([
  z.tuple([z.literal(1), orderIdPattern, instant, instant]),
  z.tuple([z.literal(2), z.string().regex(/^[a-z0-9-]{2,40}$/), orderIdPattern, instant, instant]),
]);

const tokenShape = /^[A-Za-z0-9_-]{1,200}\.[A-Za-z0-9_-]{43}$/;

function mac(payload: string, key: string): Buffer {
  return createHmac('sha256', key).update(`tracking-link.${payload}`).digest();
}

/**
 * `<payload>.<mac>`, both base64url: the payload is `[2, company, orderId, issuedAt, expiresAt]`, the MAC an
 * HMAC-SHA256 under TRACKING_LINK_KEY. Deterministic, so an email retried renders the same link.
 */
export function signTrackingToken(claims: TrackingClaims, key: string): string {
  const payload = Buffer.from(
    JSON.stringify([2, claims.company, claims.orderId, claims.issuedAt, claims.expiresAt]),
  ).toString('base64url');
  return `${payload}.${mac(payload, key).toString('base64url')}`;
}

export type TrackingTokenCheck =
  { ok: true; claims: TrackingClaims } | { ok: false; reason: 'invalid' | 'expired'; orderId?: string };

/** A token that was not made under the key is `invalid`; a genuine one past its time `expired`. */
export function verifyTrackingToken(token: string, key: string, now: Date): TrackingTokenCheck {
  if (!tokenShape.test(token)) return { ok: false, reason: 'invalid' };
  const [payload = '', signature = ''] = token.split('.');
  const given = Buffer.from(signature, 'base64url');
  const expected = mac(payload, key);
  if (given.length !== expected.length || !timingSafeEqual(given, expected))
    return { ok: false, reason: 'invalid' };
  let parsed: z.infer<typeof claimsSchema>;
  try {
    parsed = claimsSchema.parse(JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')));
  } catch {
    return { ok: false, reason: 'invalid' };
  }
  const [company, orderId, issuedAt, expiresAt]: [string, string, number, number] =
    parsed[0] === 1
      ? ['default', parsed[1], parsed[2], parsed[3]]
      : [parsed[1], parsed[2], parsed[3], parsed[4]];
  if (now.getTime() >= expiresAt) return { ok: false, reason: 'expired', orderId };
  return { ok: true, claims: { company, orderId, issuedAt, expiresAt } };
}

/** Builds the links one deployment hands out: its key, lifetime and public address. */
export function trackingLinks(config: { key: string; ttlMs: number; baseUrl: string }) {
  return {
    issue(company: string, orderId: string, issuedAt: Date): { url: string; expiresAt: string } {
      const expiresAt = issuedAt.getTime() + config.ttlMs;
      const token = signTrackingToken(
        { company, orderId, issuedAt: issuedAt.getTime(), expiresAt },
        config.key,
      );
      return { url: `${config.baseUrl}/track/${token}`, expiresAt: new Date(expiresAt).toISOString() };
    },
  };
}
