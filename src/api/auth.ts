import { z } from '../domain/zod';
import type { RequestHandler } from 'express';
import { companyIdSchema, COMPANY_ROLES, type CompanyRole, type PlatformRole } from '../domain/company';
import { inCompany } from '../readModel/companyScope';
import { ApiError } from './errors';

/** A company role: viewer < ops < manager < admin. */
export type Role = CompanyRole;
/** What someone is in a company: a company role, or the platform's customer manager assigned to it. */
export type MemberRole = CompanyRole | 'customer-manager';

export interface Membership {
  id: string;
  role: MemberRole;
}

/** Who a credential (a token, a session) stands for, before a company is chosen. */
export interface Person {
  /** The timeline's `actorId`: `token:<name>`, `token:<id>` or `user:<issuer subject>`. */
  id: string;
  /** The timeline's `actor`: a display name or the token's name. */
  name: string;
  email?: string;
  platformRole?: PlatformRole;
  companies: Membership[];
}

/** The caller of one request: the person and the company the request acts for (null: none). */
export interface Caller extends Person {
  company: string | null;
  role: MemberRole | null;
}

/** Resolves a bearer token (a service token or an issuer's access token) to a person. */
export type CredentialResolver = (presented: string) => Promise<Person | undefined>;

/** Tries each resolver in turn; the first that knows the token wins. */
export const firstOf =
  (...resolvers: CredentialResolver[]): CredentialResolver =>
  async (presented) => {
    for (const resolve of resolvers) {
      const person = await resolve(presented);
      if (person) return person;
    }
    return undefined;
  };

/**
 * Which company a request acts for: `X-Company` when the credential holds it; without the header,
 * the credential's only company. A refusal is kept for the routes that need a company (`/me` and
 * `/companies` do not): a company the credential does not hold is 404, several without a header 400.
 */
export function chooseCompany(
  person: Person,
  header: string | undefined,
): { company: string; role: MemberRole } | { company: null; refusal?: ApiError } {
  if (header !== undefined && header !== '') {
    const held = z.safeParse(companyIdSchema, header).success
      ? person.companies.find((c) => c.id === header)
      : undefined;
    if (held) return { company: held.id, role: held.role };
    return {
      company: null,
      refusal: new ApiError(404, 'COMPANY_NOT_FOUND', `no company "${header}" for this credential`),
    };
  }
  const only = person.companies.length === 1 ? person.companies[0] : undefined;
  if (only) return { company: only.id, role: only.role };
  if (person.companies.length > 1)
    return {
      company: null,
      refusal: new ApiError(
        400,
        'COMPANY_REQUIRED',
        `this credential holds ${person.companies.length} companies: name one in the X-Company header`,
        { companies: person.companies.map((c) => c.id) },
      ),
    };
  return {
    company: null,
    refusal: new ApiError(403, 'FORBIDDEN', `"${person.name}" works in no company; it reads no orders`),
  };
}

const bearerOf = (header: string) => /^Bearer[ ]+(\S+)\s*$/i.exec(header)?.[1];

/**
 * Reads `Authorization: Bearer <token>`; 401 when it is missing or unknown. Sets res.locals.caller
 * and runs the rest of the request in the chosen company's scope (the read model's and Temporal's).
 * `sessionPerson` (the console's cookie session) is asked when there is no bearer token.
 */
export function authenticate(
  resolve: CredentialResolver,
  sessionPerson?: (req: Parameters<RequestHandler>[0]) => Promise<Person | undefined>,
): RequestHandler {
  return async (req, res, next) => {
    const token = bearerOf(req.get('authorization') ?? '');
    const person = token ? await resolve(token) : await sessionPerson?.(req);
    if (!person) {
      res.set('WWW-Authenticate', 'Bearer realm="export-orders"');
      throw new ApiError(
        401,
        'UNAUTHENTICATED',
        token || req.get('authorization')
          ? 'unknown or expired token'
          : 'missing Authorization: Bearer <token> header',
      );
    }
    const choice = chooseCompany(person, req.get('x-company'));
    const caller: Caller = {
      ...person,
      company: choice.company,
      role: 'role' in choice ? choice.role : null,
    };
    res.locals.caller = caller;
    if ('refusal' in choice) res.locals.companyRefusal = choice.refusal;
    if (caller.company === null) return next();
    inCompany(caller.company, () => next());
  };
}

/** For the routes of one company's data: the refusal chooseCompany kept, if any. */
export const requireCompany: RequestHandler = (_req, res, next) => {
  const refusal = res.locals.companyRefusal as ApiError | undefined;
  if (refusal) return next(refusal);
  next();
};

// A customer manager reads what a viewer reads (and writes notes and guidance where a route says so).
const rank = (role: MemberRole) => (role === 'customer-manager' ? 0 : COMPANY_ROLES.indexOf(role));

/** viewer < ops < manager < admin: a role may do everything the roles below it may. */
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
  const refusal = caller.company === null ? undefined : null;
  if (refusal === undefined)
    return new ApiError(403, 'FORBIDDEN', `"${caller.name}" acts for no company here`);
  if (caller.role !== null && caller.role !== 'customer-manager' && rank(caller.role) >= rank(role))
    return null;
  const needs = what ? `${what} needs ${role}` : `needs ${role}`;
  return new ApiError(403, 'FORBIDDEN', `"${caller.name}" has role ${caller.role ?? 'none'}; ${needs}`);
}

/** Only the platform's people: `platform-admin`, or also customer managers where `alsoCustomerManager`. */
export function requirePlatformRole(alsoCustomerManager = false): RequestHandler {
  return (_req, res, next) => {
    const caller = res.locals.caller as Caller;
    const ok =
      caller.platformRole === 'platform-admin' ||
      (alsoCustomerManager && caller.platformRole === 'customer-manager');
    if (ok) return next();
    next(new ApiError(403, 'FORBIDDEN', `"${caller.name}" has no platform role for this`));
  };
}

export function callerOf(locals: Record<string, unknown>): Caller {
  return locals.caller as Caller;
}

/** The role an event is recorded with (the domain's rules that depend on it): a company role only. */
export function actorRoleOf(caller: Caller): Role | undefined {
  return caller.role === null || caller.role === 'customer-manager' ? undefined : caller.role;
}
