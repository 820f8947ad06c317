import type { RequestHandler } from 'express';
import type { Logger } from './errors';
import { routeOf } from './metrics';

/**
 * One line per answered request with its request id. The route pattern stands for the URL: a query
 * (`q=` searches customer names) or a path may carry personal data, a pattern never does.
 */
export function accessLog(logger: Logger): RequestHandler {
  return (req, res, next) => {
    const started = Date.now();
    res.once('finish', () =>
      logger.info('request', {
        requestId: res.locals.requestId as string,
        method: req.method,
        route: routeOf(req),
        status: res.statusCode,
        code: (res.locals as { errorCode?: string }).errorCode,
        eventType: (res.locals as { eventType?: string }).eventType,
        durationMs: Date.now() - started,
      }),
    );
    next();
  };
}
