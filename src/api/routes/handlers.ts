import type { Request, RequestHandler, Response } from 'express';
import { inCompany } from '../../readModel/companyScope';
import type { Caller } from '../auth';
import { ApiError } from '../errors';

/**
 * Express 5 passes async errors to the error handler. The handler runs in the caller's company
 * scope again: a body parser's callbacks (multer's) may not carry it over.
 */
export const route =
  (fn: (req: Request, res: Response) => Promise<void>): RequestHandler =>
  (req, res, next) => {
    const company = (res.locals.caller as Caller | undefined)?.company;
    (company ? inCompany(company, () => fn(req, res)) : fn(req, res)).catch(next);
  };

export function requireJsonBody(req: Request): void {
  if (!req.is('application/json'))
    throw new ApiError(415, 'UNSUPPORTED_MEDIA_TYPE', 'send the body as Content-Type: application/json');
}
