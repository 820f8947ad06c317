import type { Request, RequestHandler, Response } from 'express';

/** Express 5 passes async errors to the error handler; this only keeps the types tidy. */
export const route =
  (fn: (req: Request, res: Response) => Promise<void>): RequestHandler =>
  (req, res, next) => {
    fn(req, res).catch(next);
  };
