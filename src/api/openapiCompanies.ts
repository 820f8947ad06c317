import { z } from 'zod';
import { companyIdSchema, COMPANY_ROLES, PLATFORM_ROLES } from '../domain/company';
import { companyProfileSchema } from '../domain/companyProfile';
import {
  customerManagerSchema,
  memberSchema,
  newCompanySchema,
  newCompanyTokenSchema,
} from './routes/companies';

type Json = (schema: z.core.$ZodType, description: string) => object;
type Body = (schema: z.core.$ZodType) => object;

interface Helpers {
  json: Json;
  body: Body;
  err: (description: string) => object;
  security: object[];
  common: Record<401 | 429 | 503, object>;
}

const memberRole = z.enum([...COMPANY_ROLES, 'customer-manager']);
const companySchema = z.object({ id: companyIdSchema, name: z.string(), createdAt: z.iso.datetime() });
const tokenSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  role: z.enum(COMPANY_ROLES),
  createdAt: z.iso.datetime(),
  createdBy: z.string().describe("The creator's actorId"),
  revokedAt: z.iso.datetime().nullable(),
});
const meSchema = z.object({
  id: z
    .string()
    .describe('The actorId the timeline records: `token:<name>`, `token:<id>` or `user:<subject>`'),
  name: z.string().describe('The actor the timeline records'),
  email: z.string().optional(),
  platformRole: z.enum(PLATFORM_ROLES).optional(),
  companies: z.array(z.object({ id: companyIdSchema, name: z.string(), role: memberRole })),
  company: z.nullable(z.string()).describe('The company this request acts for (X-Company, or the only one)'),
  role: memberRole.nullable().describe('The role there (v1 and v2 clients read this)'),
});

/** `/me`, `/companies`, `/company` (profile and service tokens) and the console's sign-in routes. */
export function companyPaths({ json, body, err, security, common }: Helpers): Record<string, object> {
  const adminOnly = {
    403: err('FORBIDDEN: needs role admin'),
    400: err('VALIDATION_FAILED or COMPANY_REQUIRED'),
  };
  // The sign-in routes take no credential (the browser's cookies at most).
  const noAuth = {};
  return {
    '/me': {
      get: {
        summary: 'Who the caller is: the actor the timeline records, their companies and roles',
        security,
        responses: { 200: json(meSchema, 'The caller'), 401: common[401], 429: common[429] },
      },
    },
    '/companies': {
      get: {
        summary: 'The companies: all (platform-admin), or those assigned to a customer-manager',
        security,
        responses: {
          200: json(z.object({ companies: z.array(companySchema) }), 'The companies'),
          403: err('FORBIDDEN: no platform role'),
          ...common,
        },
      },
      post: {
        summary: 'Create a company (platform-admin)',
        security,
        requestBody: body(newCompanySchema),
        responses: {
          201: json(companySchema, 'The new company; Location: /companies/{id}'),
          400: err('VALIDATION_FAILED'),
          403: err('FORBIDDEN: not a platform-admin'),
          409: err('COMPANY_EXISTS'),
          ...common,
        },
      },
    },
    '/company': {
      get: {
        summary:
          "The caller's company and its exporter profile (admin); `default` shows the configured profile until one is stored",
        security,
        responses: {
          200: json(
            z.object({ id: companyIdSchema, name: z.string(), profile: companyProfileSchema }),
            'The company',
          ),
          ...adminOnly,
          ...common,
        },
      },
      put: {
        summary: "Store the company's exporter profile (admin)",
        security,
        requestBody: body(z.strictObject({ profile: companyProfileSchema })),
        responses: {
          200: json(z.object({ id: companyIdSchema, profile: companyProfileSchema }), 'Stored'),
          413: err('PAYLOAD_TOO_LARGE: over the profile limit (a chop of the largest size fits)'),
          ...adminOnly,
          ...common,
        },
      },
    },
    '/company/tokens': {
      get: {
        summary: "The company's service tokens (admin); never their secrets",
        security,
        responses: {
          200: json(z.object({ tokens: z.array(tokenSchema) }), 'The tokens'),
          ...adminOnly,
          ...common,
        },
      },
      post: {
        summary:
          'Create a service token of the company (admin): its secret is in this answer only (only a hash is kept)',
        security,
        requestBody: body(newCompanyTokenSchema),
        responses: {
          201: json(
            z.object({
              ...tokenSchema.shape,
              token: z.string().describe('The secret: `Authorization: Bearer <it>`'),
            }),
            'The token, with its secret shown once',
          ),
          ...adminOnly,
          ...common,
        },
      },
    },
    '/company/tokens/{tokenId}': {
      delete: {
        summary: 'Revoke a service token of the company (admin); it is refused (401) from now on',
        security,
        parameters: [
          { name: 'tokenId', in: 'path', required: true, schema: { type: 'string', format: 'uuid' } },
        ],
        responses: {
          204: { description: 'Revoked' },
          404: err('NOT_FOUND: no live token with this id'),
          ...adminOnly,
          ...common,
        },
      },
    },
    '/company/members': {
      get: {
        summary: "The company's people (admin): by the issuer's subject, with their roles here",
        security,
        responses: {
          200: json(
            z.object({
              members: z.array(
                z.object({
                  subject: z.string(),
                  name: z.string(),
                  email: z.string().nullable(),
                  role: memberRole,
                }),
              ),
            }),
            'The members',
          ),
          ...adminOnly,
          ...common,
        },
      },
    },
    '/company/members/{subject}': {
      put: {
        summary: "Add a person to the company by the issuer's subject, or change their role (admin)",
        security,
        parameters: [
          {
            name: 'subject',
            in: 'path',
            required: true,
            schema: { type: 'string', minLength: 1, maxLength: 255 },
          },
        ],
        requestBody: body(memberSchema),
        responses: {
          200: json(
            z.object({
              subject: z.string(),
              name: z.string(),
              email: z.string().nullable(),
              role: memberRole,
            }),
            'The member',
          ),
          ...adminOnly,
          ...common,
        },
      },
    },
    '/companies/{companyId}/customer-managers/{subject}': {
      put: {
        summary: "Assign one of the platform's customer managers to a company (platform-admin)",
        security,
        parameters: [
          {
            name: 'companyId',
            in: 'path',
            required: true,
            schema: { type: 'string', pattern: '^[a-z0-9-]{2,40}$' },
          },
          {
            name: 'subject',
            in: 'path',
            required: true,
            schema: { type: 'string', minLength: 1, maxLength: 255 },
          },
        ],
        requestBody: body(customerManagerSchema),
        responses: {
          200: json(
            z.object({
              company: companyIdSchema,
              subject: z.string(),
              name: z.string(),
              email: z.string(),
              role: z.literal('customer-manager'),
            }),
            'Assigned',
          ),
          400: err('VALIDATION_FAILED'),
          403: err('FORBIDDEN: not a platform-admin'),
          404: err('COMPANY_NOT_FOUND'),
          ...common,
        },
      },
    },
    '/auth/sign-in': {
      get: {
        summary: "Start the console's sign-in at the identity provider (authorization code with PKCE)",
        ...noAuth,
        parameters: [
          {
            name: 'returnTo',
            in: 'query',
            required: false,
            schema: { type: 'string', description: 'A path of this site to return to' },
          },
        ],
        responses: {
          302: { description: "To the provider's sign-in page" },
          404: err('NOT_FOUND: no provider configured (OIDC_ISSUER_URL)'),
          503: err('ISSUER_UNAVAILABLE'),
        },
      },
    },
    '/auth/callback': {
      get: {
        summary:
          'Where the provider sends the browser back; starts the session (HttpOnly, SameSite=Lax cookie)',
        ...noAuth,
        responses: {
          302: { description: 'Signed in: back to where the sign-in started' },
          401: err('UNAUTHENTICATED: the sign-in was refused, expired or could not be checked'),
          404: err('NOT_FOUND: no provider configured (OIDC_ISSUER_URL)'),
          429: err('TOO_MANY_REQUESTS: too many failed sign-ins from this address'),
          503: err('ISSUER_UNAVAILABLE or DATABASE_UNAVAILABLE'),
        },
      },
    },
    '/auth/session': {
      get: {
        summary:
          "The browser's session: whether signed in, and the CSRF token its writes send as X-CSRF-Token",
        ...noAuth,
        responses: {
          200: json(
            z.object({
              signedIn: z.boolean(),
              signInUrl: z.string().nullable(),
              csrfToken: z.string().optional(),
              expiresAt: z.iso.datetime().optional(),
              person: z.unknown().optional(),
            }),
            'The session',
          ),
        },
      },
    },
    '/auth/sign-out': {
      post: {
        summary:
          "End the browser's session on the server (needs X-CSRF-Token); answers the provider's sign-out URL if it has one",
        ...noAuth,
        responses: {
          200: json(
            z.object({ signedOut: z.literal(true), endSessionUrl: z.string().nullable() }),
            'Signed out',
          ),
          403: err('CSRF_FAILED'),
        },
      },
    },
  };
}
