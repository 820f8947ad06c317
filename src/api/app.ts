import { randomUUID } from 'node:crypto';
import express, { type Express, type RequestHandler } from 'express';
import { rateLimit } from 'express-rate-limit';
import helmet from 'helmet';
import type { Config } from '../config/env';
import { consoleRoutes } from '../console/router';
import { authenticate, callerOf } from './auth';
import { codecRoutes } from './codecRouter';
import { docsRoutes } from './docs';
import { ApiError, consoleLogger, errorHandler, notFoundHandler, sendError, type Logger } from './errors';
import { buildOpenApiDocument } from './openapi';
import { orderRoutes } from './routes/orders';
import type { TemporalAccess } from './temporalClient';
import { temporalAnswers } from './temporalErrors';

export interface AppDeps {
  temporal: TemporalAccess;
  config: Config;
  logger?: Logger;
  now?: () => Date;
}

/** X-Request-Id: the caller's (when it is a sane token) or a new one; echoed and used in logs. */
const requestId: RequestHandler = (req, res, next) => {
  const given = req.get('x-request-id');
  const id = given && /^[A-Za-z0-9._:-]{1,128}$/.test(given) ? given : randomUUID();
  res.locals.requestId = id;
  res.set('X-Request-Id', id);
  next();
};

/** The HTTP API of the order desk; stateless, so any number of replicas may run. */
export function createApp({ temporal, config, logger = consoleLogger, now }: AppDeps): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('query parser', 'simple');
  app.use(requestId);
  app.use(helmet());

  app.get('/health', async (_req, res) => {
    let up = false;
    try {
      up = await temporalAnswers(await temporal.getClient());
    } catch {
      up = false;
    }
    if (up) {
      res.json({ status: 'ok', temporal: 'ok' });
      return;
    }
    // Both the contract's health shape and its error shape.
    res.status(503).json({
      status: 'unavailable',
      temporal: 'unavailable',
      error: { code: 'TEMPORAL_UNAVAILABLE', message: 'the Temporal service cannot be reached' },
    });
  });

  let openApi: object | undefined;
  app.get('/openapi.json', (_req, res) => {
    openApi ??= buildOpenApiDocument();
    res.json(openApi);
  });
  app.use(docsRoutes());
  // The ops console (static files; helmet's default CSP allows its own scripts and styles only).
  app.use('/console', consoleRoutes());
  app.get('/', (_req, res) => res.redirect('/console/'));
  // The Temporal UI's codec server: its own CORS, auth and body limit.
  app.use('/codec', codecRoutes({ config, logger }));

  app.use('/orders', authenticate(config.api.tokens));
  app.use(
    '/orders',
    rateLimit({
      windowMs: 60_000,
      limit: config.api.rateLimitPerMinute,
      standardHeaders: 'draft-8',
      legacyHeaders: false,
      keyGenerator: (_req, res) => callerOf(res.locals).name,
      handler: (_req, res, _next, options) => {
        res.set('Retry-After', String(Math.ceil(options.windowMs / 1000)));
        sendError(res, new ApiError(429, 'RATE_LIMITED', 'too many requests for this token; slow down'));
      },
    }),
  );
  app.use('/orders', express.json({ limit: config.api.bodyLimitBytes, strict: true }));
  app.use(orderRoutes({ temporal, config, now }));

  app.use(notFoundHandler);
  app.use(errorHandler(logger, config.api.bodyLimitBytes));
  return app;
}
