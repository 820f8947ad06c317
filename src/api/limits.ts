import type { Request, RequestHandler, Response } from 'express';
import { ipKeyGenerator, rateLimit, type AugmentedRequest } from 'express-rate-limit';
import { ApiError, sendError, type ErrorCode } from './errors';

const WINDOW_MS = 60_000;

/** The caller's address (the proxy's client address when API_TRUST_PROXY says so); IPv6 by /56. */
const addressOf = (req: Request) => ipKeyGenerator(req.ip ?? req.socket.remoteAddress ?? 'unknown');

function tooMany(res: Response, resetAt: number, code: ErrorCode, message: string): void {
  res.set('Retry-After', String(Math.max(1, Math.ceil((resetAt - Date.now()) / 1000))));
  sendError(res, new ApiError(429, code, message));
}

function limiter(
  perMinute: number,
  key: (req: Request, res: Response) => string,
  code: ErrorCode,
  message: string,
) {
  return rateLimit({
    windowMs: WINDOW_MS,
    limit: perMinute,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    keyGenerator: key,
    handler: (req, res) =>
      tooMany(
        res,
        (req as AugmentedRequest).rateLimit.resetTime?.getTime() ?? Date.now() + WINDOW_MS,
        code,
        message,
      ),
  });
}

/** Requests per address and minute on the routes that need no token (/health, /openapi.json, /docs, ...). */
export const addressLimiter = (perMinute: number): RequestHandler =>
  limiter(perMinute, addressOf, 'TOO_MANY_REQUESTS', 'too many requests from this address; slow down');

/** Requests per token and minute, after authentication. */
export const tokenLimiter = (perMinute: number, tokenName: (res: Response) => string): RequestHandler =>
  limiter(
    perMinute,
    (_req, res) => tokenName(res),
    'RATE_LIMITED',
    'too many requests for this token; slow down',
  );

/**
 * Ahead of authentication: an address whose requests were answered 401 more than `perMinute` times
 * in the current minute gets 429 for everything until the minute is over, so tokens cannot be
 * guessed. Only failures count; requests in flight do not, so busy honest clients are never refused.
 */
export function failedAuthLimiter(perMinute: number): RequestHandler {
  const failures = new Map<string, { count: number; resetAt: number }>();
  const sweep = setInterval(() => {
    const now = Date.now();
    for (const [key, window] of failures) if (window.resetAt <= now) failures.delete(key);
  }, WINDOW_MS);
  sweep.unref();

  return (req, res, next) => {
    const key = addressOf(req);
    const window = failures.get(key);
    if (window && window.resetAt > Date.now() && window.count >= perMinute) {
      tooMany(
        res,
        window.resetAt,
        'TOO_MANY_REQUESTS',
        'too many failed authentications from this address; wait',
      );
      return;
    }
    res.on('finish', () => {
      if (res.statusCode !== 401) return;
      const now = Date.now();
      const current = failures.get(key);
      if (current && current.resetAt > now) current.count++;
      else failures.set(key, { count: 1, resetAt: now + WINDOW_MS });
    });
    next();
  };
}
