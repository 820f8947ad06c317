import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import type { WorkflowClientInterceptor } from '@temporalio/client';
import type { RequestHandler } from 'express';
import { withRequestId } from '../workflows/requestIdHeader';

const current = new AsyncLocalStorage<string>();

/**
 * X-Request-Id: the caller's (when it is a sane token) or a new one; echoed, used in the API's logs
 * and, for the rest of the request, handed to Temporal with every message (requestIdInterceptor).
 */
export const requestId: RequestHandler = (req, res, next) => {
  const given = req.get('x-request-id');
  const id = given && /^[A-Za-z0-9._:-]{1,128}$/.test(given) ? given : randomUUID();
  res.locals.requestId = id;
  res.set('X-Request-Id', id);
  current.run(id, next);
};

/** Puts the current request's id on the updates, signals and starts the client sends. */
export const requestIdInterceptor: WorkflowClientInterceptor = {
  startWithDetails: (input, next) =>
    next({ ...input, headers: withRequestId(input.headers, current.getStore()) }),
  startUpdate: (input, next) => next({ ...input, headers: withRequestId(input.headers, current.getStore()) }),
  startUpdateWithStart: (input, next) =>
    next({
      ...input,
      workflowStartHeaders: withRequestId(input.workflowStartHeaders, current.getStore()),
      updateHeaders: withRequestId(input.updateHeaders, current.getStore()),
    }),
  signal: (input, next) => next({ ...input, headers: withRequestId(input.headers, current.getStore()) }),
  signalWithStart: (input, next) =>
    next({ ...input, headers: withRequestId(input.headers, current.getStore()) }),
};
