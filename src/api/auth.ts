import { createHash, timingSafeEqual } from 'node:crypto';
import type { RequestHandler } from 'express';
import { ROLES, type ApiToken } from '../config/apiEnv';
import { ApiError } from './errors';

export type Role = ApiToken['role'];

/** Who called: the token's name is the actor recorded in the timeline. */
export interface Caller {
  name: string;
  role: Role;
}

const digest = (text: string) => createHash('sha256').update(text, 'utf8').digest();

/**
 * Resolves a bearer token to its caller. Tokens are compared as SHA-256 digests (equal length) with
 * timingSafeEqual, and every configured token is compared, so timing says nothing about which matched.
 */
export function createTokenResolver(tokens: readonly ApiToken[]): (presented: string) => Caller | undefined {
  const known = tokens.map((t) => ({ name: t.name, role: t.role, hash: digest(t.token) }));
  return (presented) => {
    const hash = digest(presented);
    let found: Caller | undefined;
    for (const t of known) {
      if (timingSafeEqual(t.hash, hash) && !found) found = { name: t.name, role: t.role };
    }
    return found;
  };
}

/** Reads `Authorization: Bearer <token>`; 401 when it is missing or unknown. Sets res.locals.caller. */
export function authenticate(tokens: readonly ApiToken[]): RequestHandler {
  const resolve = createTokenResolver(tokens);
  return (req, res, next) => {
    const header = req.get('authorization') ?? '';
    const match = /^Bearer[ ]+(\S+)\s*$/i.exec(header);
    const caller = match ? resolve(match[1]) : undefined;
    if (!caller) {
      res.set('WWW-Authenticate', 'Bearer realm="export-orders"');
      next(
        new ApiError(
          401,
          'UNAUTHENTICATED',
          match ? 'unknown token' : 'missing Authorization: Bearer <token> header',
        ),
      );
      return;
    }
    res.locals.caller = caller;
    next();
  };
}

const rank = (role: Role) => ROLES.indexOf(role);

/** viewer < ops < manager: a role may do everything the roles below it may. */
export function requireRole(role: Role): RequestHandler {
  return (_req, res, next) => {
    const caller = res.locals.caller as Caller | undefined;
    if (!caller) return next(new ApiError(401, 'UNAUTHENTICATED', 'missing token'));
    const refused = roleRefusal(caller, role);
    if (refused) return next(refused);
    next();
  };
}

/** A 403 when the caller's role is below `role`, else null. */
export function roleRefusal(caller: Caller, role: Role, what?: string): ApiError | null {
  if (rank(caller.role) >= rank(role)) return null;
  const needs = what ? `${what} needs ${role}` : `needs ${role}`;
  return new ApiError(403, 'FORBIDDEN', `token "${caller.name}" has role ${caller.role}; ${needs}`);
}

export function callerOf(locals: Record<string, unknown>): Caller {
  return locals.caller as Caller;
}
