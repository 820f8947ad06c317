import type { Request, RequestHandler, Response } from 'express';
import { ApiError } from '../errors';

/** Express 5 passes async errors to the error handler; this only keeps the types tidy. */
export const route =
  (fn: (req: Request, res: Response) => Promise<void>): RequestHandler =>
  (req, res, next) => {
    fn(req, res).catch(next);
  };

export function requireJsonBody(req: Request): void {
  if (!req.is('application/json'))
    throw new ApiError(415, 'UNSUPPORTED_MEDIA_TYPE', 'send the body as Content-Type: application/json');
}
