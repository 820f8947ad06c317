import { Router, type Request } from 'express';
import type { ApiConfig } from '../../config/apiEnv';
import { templateLimitViolations } from '../../domain';
import {
  guidanceBodySchema,
  templateBodySchema,
  templateNameSchema,
  templateVersionQuerySchema,
} from '../../domain/schemas/template';
import type { ReadModel } from '../../readModel/types';
import { callerOf, requireRole, roleRefusal } from '../auth';
import { ApiError } from '../errors';
import { fromReadModel } from '../readModelErrors';
import { parseOr400 } from '../validate';
import { requireJsonBody, route } from './handlers';

export interface TemplateRoutesDeps {
  readModel: ReadModel;
  config: ApiConfig;
  now?: () => Date;
}

export const templateNotFound = (name: string, version?: number) =>
  new ApiError(
    404,
    'TEMPLATE_NOT_FOUND',
    version === undefined ? `no template named ${name}` : `template ${name} has no version ${version}`,
  );

/** A name that cannot be a template's names none (404), as an impossible order id does. */
function nameParam(req: Request): string {
  const parsed = templateNameSchema.safeParse(req.params.name);
  if (!parsed.success) throw templateNotFound(String(req.params.name));
  return parsed.data;
}

/** A template cannot be stored under such a name: the client's mistake (400), naming the rule. */
function newNameParam(req: Request): string {
  const parsed = templateNameSchema.safeParse(req.params.name);
  if (!parsed.success)
    throw new ApiError(400, 'VALIDATION_FAILED', 'the template name is not a slug', [
      { path: 'name', message: parsed.error.issues[0]?.message ?? 'invalid name' },
    ]);
  return parsed.data;
}

/**
 * Process templates: read by every role, written by managers. Each PUT stores a new version; an
 * order keeps the version it started with.
 */
export function templateRoutes({ readModel, config, now = () => new Date() }: TemplateRoutesDeps): Router {
  const router = Router();

  router.get(
    '/templates',
    route(async (_req, res) => {
      res.json({ templates: await fromReadModel(() => readModel.listTemplates()) });
    }),
  );

  router.get(
    '/templates/:name',
    route(async (req, res) => {
      const name = nameParam(req);
      const { version } = parseOr400(templateVersionQuerySchema, req.query, 'query');
      const found = await fromReadModel(() => readModel.getTemplate(name, version));
      if (!found) throw templateNotFound(name, version);
      res.json(found);
    }),
  );

  router.put(
    '/templates/:name',
    requireRole('manager'),
    route(async (req, res) => {
      const name = newNameParam(req);
      requireJsonBody(req);
      const body = parseOr400(templateBodySchema, req.body, 'body');
      const beyond = templateLimitViolations(body, config.orderLimits);
      if (beyond.length)
        throw new ApiError(
          400,
          'VALIDATION_FAILED',
          "the template is outside this deployment's limits",
          beyond,
        );
      const stored = await fromReadModel(() =>
        readModel.putTemplate(name, body, callerOf(res.locals).name, now()),
      );
      res
        .status(stored.version === 1 ? 201 : 200)
        .location(`/templates/${name}?version=${stored.version}`)
        .json(stored);
    }),
  );

  // The key points of each step are the platform's customer manager's to write too (they explain
  // them to the company); the rest of the template stays the company's managers'.
  router.put(
    '/templates/:name/guidance',
    route(async (req, res) => {
      const caller = callerOf(res.locals);
      if (caller.role !== 'customer-manager') {
        const refused = roleRefusal(caller, 'manager', 'writing guidance');
        if (refused) throw refused;
      }
      const name = nameParam(req);
      requireJsonBody(req);
      const { guidance } = parseOr400(guidanceBodySchema, req.body, 'body');
      const current = await fromReadModel(() => readModel.getTemplate(name));
      if (!current) throw templateNotFound(name);
      const stored = await fromReadModel(() =>
        readModel.putTemplate(name, { ...current.body, guidance }, caller.name, now()),
      );
      res.location(`/templates/${name}?version=${stored.version}`).json(stored);
    }),
  );

  return router;
}
