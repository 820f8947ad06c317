import { Router } from 'express';
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { companyIdSchema, COMPANY_ROLES } from '../../domain/company';
import { companyProfileSchema } from '../../domain/companyProfile';
import type { ReadModel } from '../../readModel/types';
import { inCompany } from '../../readModel/companyScope';
import { callerOf, requireCompany, requirePlatformRole, requireRole } from '../auth';
import { ApiError } from '../errors';
import type { ExporterProfiles } from '../../readModel/exporterProfile';
import { fromReadModel } from '../readModelErrors';
import { newCompanyTokenSecret, tokenDigest } from '../serviceTokens';
import { parseOr400 } from '../validate';
import { requireJsonBody, route } from './handlers';

export const newCompanySchema = z.strictObject({
  id: companyIdSchema,
  name: z.string().trim().min(1).max(200),
});

export const newCompanyTokenSchema = z.strictObject({
  name: z.string().regex(/^[A-Za-z0-9._-]{1,64}$/, '1-64 characters of A-Z a-z 0-9 . _ -'),
  role: z.enum(COMPANY_ROLES),
});

export const memberSubjectSchema = z
  .string()
  .min(1)
  .max(255)
  .describe("The issuer's subject (`sub`) of the person");
export const memberSchema = z.strictObject({
  name: z.string().trim().min(1).max(200),
  email: z.email().max(254).optional(),
  role: z.enum(COMPANY_ROLES),
});
export const customerManagerSchema = z.strictObject({
  name: z.string().trim().min(1).max(200),
  email: z.email().max(254),
});

export interface CompanyRoutesDeps {
  readModel: ReadModel;
  /** The profile `default` has until its admin stores one (today's EXPORTER_* configuration). */
  profiles: ExporterProfiles;
  now?: () => Date;
}

/**
 * Who the caller is (`GET /me`), the platform's companies (`/companies`), and the caller's own
 * company: its profile (`/company`) and service tokens (`/company/tokens`).
 */
export function companyRoutes({ readModel, profiles, now = () => new Date() }: CompanyRoutesDeps): Router {
  const router = Router();

  router.get(
    '/me',
    route(async (_req, res) => {
      const caller = callerOf(res.locals);
      const ids = caller.companies.map((c) => c.id);
      const names = new Map((await fromReadModel(() => readModel.companies(ids))).map((c) => [c.id, c.name]));
      res.json({
        id: caller.id,
        name: caller.name,
        ...(caller.email ? { email: caller.email } : {}),
        ...(caller.platformRole ? { platformRole: caller.platformRole } : {}),
        companies: caller.companies.map((c) => ({ id: c.id, name: names.get(c.id) ?? c.id, role: c.role })),
        // v1 and v2 clients: the role in the company this request acts for.
        company: caller.company,
        role: caller.role,
      });
    }),
  );

  router.get(
    '/companies',
    requirePlatformRole(true),
    route(async (_req, res) => {
      const caller = callerOf(res.locals);
      const all = caller.platformRole === 'platform-admin';
      const ids = all ? undefined : caller.companies.map((c) => c.id);
      const companies = await fromReadModel(() => readModel.companies(ids));
      res.json({ companies });
    }),
  );

  router.post(
    '/companies',
    requirePlatformRole(),
    route(async (req, res) => {
      requireJsonBody(req);
      const body = parseOr400(newCompanySchema, req.body, 'body');
      const created = await fromReadModel(() => readModel.createCompany(body.id, body.name));
      if (!created) throw new ApiError(409, 'COMPANY_EXISTS', `a company "${body.id}" exists already`);
      const [company] = await fromReadModel(() => readModel.companies([body.id]));
      res.status(201).location(`/companies/${body.id}`).json(company);
    }),
  );

  router.get(
    '/company',
    requireCompany,
    requireRole('admin'),
    route(async (_req, res) => {
      const caller = callerOf(res.locals);
      const profile = await fromReadModel(() => profiles.current());
      const [company] = await fromReadModel(() => readModel.companies([String(caller.company)]));
      res.json({ id: caller.company, name: company?.name ?? caller.company, profile });
    }),
  );

  router.put(
    '/company',
    requireCompany,
    requireRole('admin'),
    route(async (req, res) => {
      requireJsonBody(req);
      const body = parseOr400(z.strictObject({ profile: companyProfileSchema }), req.body, 'body');
      const caller = callerOf(res.locals);
      await fromReadModel(() => readModel.putProfile(body.profile, caller.id, now()));
      profiles.forget(String(caller.company));
      res.json({ id: caller.company, profile: body.profile });
    }),
  );

  router.get(
    '/company/tokens',
    requireCompany,
    requireRole('admin'),
    route(async (_req, res) => {
      res.json({ tokens: await fromReadModel(() => readModel.tokens()) });
    }),
  );

  router.post(
    '/company/tokens',
    requireCompany,
    requireRole('admin'),
    route(async (req, res) => {
      requireJsonBody(req);
      const body = parseOr400(newCompanyTokenSchema, req.body, 'body');
      const secret = newCompanyTokenSecret();
      const record = await fromReadModel(() =>
        readModel.createToken(
          {
            id: randomUUID(),
            name: body.name,
            role: body.role,
            hash: tokenDigest(secret),
            createdBy: callerOf(res.locals).id,
          },
          now(),
        ),
      );
      // The secret is shown this once; only its SHA-256 is kept.
      res
        .status(201)
        .location(`/company/tokens/${record.id}`)
        .json({ ...record, token: secret });
    }),
  );

  router.delete(
    '/company/tokens/:tokenId',
    requireCompany,
    requireRole('admin'),
    route(async (req, res) => {
      const revoked = await fromReadModel(() => readModel.revokeToken(String(req.params.tokenId), now()));
      if (!revoked) throw new ApiError(404, 'NOT_FOUND', `no live token ${String(req.params.tokenId)}`);
      res.status(204).end();
    }),
  );

  router.get(
    '/company/members',
    requireCompany,
    requireRole('admin'),
    route(async (_req, res) => {
      res.json({ members: await fromReadModel(() => readModel.members()) });
    }),
  );

  /** The company's admin adds a person (by the issuer's subject) or changes their role. */
  router.put(
    '/company/members/:subject',
    requireCompany,
    requireRole('admin'),
    route(async (req, res) => {
      requireJsonBody(req);
      const subject = parseOr400(z.object({ subject: memberSubjectSchema }), req.params, 'body').subject;
      const body = parseOr400(memberSchema, req.body, 'body');
      const member = { subject, name: body.name, email: body.email ?? null, role: body.role };
      await fromReadModel(() => readModel.putMember(member));
      res.json(member);
    }),
  );

  /** A platform admin assigns one of the platform's customer managers to a company. */
  router.put(
    '/companies/:companyId/customer-managers/:subject',
    requirePlatformRole(),
    route(async (req, res) => {
      requireJsonBody(req);
      const { companyId, subject } = parseOr400(
        z.object({ companyId: companyIdSchema, subject: memberSubjectSchema }),
        req.params,
        'body',
      );
      const body = parseOr400(customerManagerSchema, req.body, 'body');
      const [company] = await fromReadModel(() => readModel.companies([companyId]));
      if (!company) throw new ApiError(404, 'COMPANY_NOT_FOUND', `no company "${companyId}"`);
      const person = { subject, name: body.name, email: body.email };
      await fromReadModel(() => readModel.putPlatformPerson({ ...person, role: 'customer-manager' }));
      await fromReadModel(() =>
        inCompany(companyId, () => readModel.putMember({ ...person, role: 'customer-manager' })),
      );
      res.json({ company: companyId, ...person, role: 'customer-manager' });
    }),
  );

  return router;
}
