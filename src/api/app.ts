import { MAX_CHOP_BASE64 } from '../domain/companyProfile';
import express, { type Express, type RequestHandler } from 'express';
import helmet from 'helmet';
import type { ApiConfig } from '../config/apiEnv';
import { consoleRoutes } from '../console/router';
import { accessLog } from './accessLog';
import { authenticate, callerOf, firstOf, requireCompany, requirePlatformRole } from './auth';
import { configuredTokens, storedTokens, tokenDigest } from './serviceTokens';
import { timingSafeEqual } from 'node:crypto';
import { companyRoutes } from './routes/companies';
import { issuerAccessTokens } from './signIn/accessTokens';
import { discoveredIssuer } from './signIn/issuer';
import { signInRoutes } from './signIn/routes';
import { sessionPerson } from './signIn/sessions';
import { codecRoutes } from './codecRouter';
import { docsRoutes } from './docs';
import { consoleLogger, errorHandler, notFoundHandler, type Logger } from './errors';
import { addressLimiter, failedAuthLimiter, tokenLimiter } from './limits';
import { buildOpenApiDocument } from './openapi';
import { attachmentRoutes } from './routes/attachments';
import { orderRoutes } from './routes/orders';
import { buyerRoutes, trackingLinkRoutes } from './routes/tracking';
import { createTrackingLinkStore, type TrackingLinkStore } from '../readModel/trackingLinks';
import { exporterProfiles } from '../readModel/exporterProfile';
import { templateRoutes } from './routes/templates';
import { customerRoutes } from './routes/customers';
import { rebateRateRoutes } from './routes/rebateRates';
import { reportRoutes } from './routes/reports';
import { moneyReportRoutes } from './routes/moneyReports';
import { importRoutes } from './routes/imports';
import { orderCreation } from './orderCreation';
import type { ReadModel } from '../readModel/types';
import { registerBusinessMetrics } from './businessMetrics';
import { createApiMetrics } from './metrics';
import { orderGateway } from './orderGateway';
import { requestId } from './requestContext';
import type { TemporalAccess } from './temporalClient';

export interface AppDeps {
  temporal: TemporalAccess;
  readModel: ReadModel;
  /** Revocations of buyer tracking links (PostgreSQL); one on DATABASE_URL when not given (the caller closes a given one). */
  trackingLinkStore?: TrackingLinkStore;
  config: ApiConfig;
  logger?: Logger;
  now?: () => Date;
}

/** The routes behind a token (the others are limited per address instead). */
const AUTHENTICATED_PATHS = [
  '/orders',
  '/templates',
  '/reports',
  '/me',
  '/imports',
  '/companies',
  '/company',
  '/customers',
];
/** The routes of one company's data: they need the company the request acts for. */
const COMPANY_PATHS = ['/orders', '/templates', '/reports', '/imports', '/customers'];
const isAuthenticated = (path: string) =>
  AUTHENTICATED_PATHS.some((prefix) => path === prefix || path.startsWith(`${prefix}/`));

/** The HTTP API of the order desk; stateless, so any number of replicas may run. */
export function createApp({
  temporal,
  readModel,
  trackingLinkStore,
  config,
  logger = consoleLogger,
  now,
}: AppDeps): Express {
  // People sign in at the configured issuer; its access tokens are credentials too.
  const issuer = config.signIn.issuer ? discoveredIssuer(config.signIn.issuer) : undefined;
  const credentials = firstOf(
    configuredTokens(config.api.tokens),
    storedTokens(readModel),
    ...(issuer ? [issuerAccessTokens(issuer, readModel, config.signIn.audience)] : []),
  );
  const session = sessionPerson(readModel, config.signIn, now);
  ensureTokenCompanies(readModel, config, logger);
  const app = express();
  const gateway = orderGateway(temporal, config);
  const metrics = createApiMetrics();
  registerBusinessMetrics(metrics.registry, readModel, now);
  app.disable('x-powered-by');
  app.set('query parser', 'simple');
  // Hops of trusted proxies in front of the API: req.ip is then the client's, for the per-address limits.
  app.set('trust proxy', config.api.trustProxyHops);
  app.use(requestId);
  app.use(metrics.observe);
  app.use(accessLog(logger));
  // The console previews documents as blob: PDFs in a frame; everything else keeps helmet's defaults.
  app.use(helmet({ contentSecurityPolicy: { directives: { frameSrc: ["'self'", 'blob:'] } } }));
  // Every route without a token (health, docs, console, unknown paths) is limited per address.
  const openLimit = addressLimiter(config.api.addressRateLimitPerMinute);
  app.use((req, res, next) => (isAuthenticated(req.path) ? next() : openLimit(req, res, next)));
  const store = trackingLinkStore ?? createTrackingLinkStore({ url: config.database.url });
  const profiles = exporterProfiles(readModel, config.exporter);
  const tracking = { gateway, readModel, store, config, profiles, now };
  // The buyer's tracking page: its signed link is its key, so it comes before token authentication.
  app.use(buyerRoutes(tracking));

  app.get('/health', async (_req, res) => {
    const [temporalUp, databaseUp] = await Promise.all([
      gateway.temporalAnswers(),
      readModel.ping().then(
        () => true,
        () => false,
      ),
    ]);
    const parts = {
      temporal: temporalUp ? 'ok' : 'unavailable',
      database: databaseUp ? 'ok' : 'unavailable',
    } as const;
    if (temporalUp && databaseUp) {
      res.json({ status: 'ok', ...parts });
      return;
    }
    // Both the contract's health shape and its error shape.
    res.status(503).json({
      status: 'unavailable',
      ...parts,
      error: temporalUp
        ? { code: 'DATABASE_UNAVAILABLE', message: 'the order database cannot be reached' }
        : { code: 'TEMPORAL_UNAVAILABLE', message: 'the Temporal service cannot be reached' },
    });
  });

  let openApi: object | undefined;
  app.get('/openapi.json', (_req, res) => {
    openApi ??= buildOpenApiDocument();
    res.json(openApi);
  });
  app.use(docsRoutes());
  app.use(signInRoutes({ signIn: config.signIn, issuer, readModel, baseUrl: config.tracking.baseUrl, now }));
  // The ops console (static files; helmet's default CSP allows its own scripts and styles only).
  app.use('/console', consoleRoutes());
  app.get('/', (_req, res) => res.redirect('/console/'));
  // The Temporal UI's codec server: its own CORS, auth and body limit.
  app.use('/codec', codecRoutes({ config, logger }));

  // Prometheus: any API token (viewer is enough); labels and figures carry no personal data.
  const sendMetrics: RequestHandler = async (_req, res) => {
    res.type(metrics.registry.contentType).send(await metrics.registry.metrics());
  };
  app.get(
    '/metrics',
    failedAuthLimiter(config.api.authFailuresPerMinute),
    metricsScraper(config.api.metricsToken, sendMetrics),
    authenticate(credentials),
    requirePlatformRole(),
    sendMetrics,
  );

  app.use(AUTHENTICATED_PATHS, failedAuthLimiter(config.api.authFailuresPerMinute));
  app.use(AUTHENTICATED_PATHS, authenticate(credentials, session));
  app.use(COMPANY_PATHS, requireCompany);
  app.use(
    AUTHENTICATED_PATHS,
    tokenLimiter(config.api.rateLimitPerMinute, (res) => callerOf(res.locals).id),
  );
  // The company profile carries its chop (a base64 PNG), so it may be that much larger.
  app.use('/company', express.json({ limit: config.api.bodyLimitBytes + MAX_CHOP_BASE64, strict: true }));
  app.use(
    ['/orders', '/templates', '/companies', '/customers'],
    express.json({ limit: config.api.bodyLimitBytes, strict: true }),
  );
  // Who the caller is (the console shows only what the role may do), companies, the company's own settings.
  app.use(companyRoutes({ readModel, profiles, now }));
  app.use(orderRoutes({ gateway, readModel, config, profiles, now }));
  app.use(attachmentRoutes({ gateway, readModel, config, now }));
  app.use(trackingLinkRoutes(tracking));
  app.use(templateRoutes({ readModel, config, now }));
  app.use(customerRoutes({ readModel, now }));
  app.use(rebateRateRoutes({ readModel }));
  app.use(reportRoutes({ readModel, now }));
  app.use(moneyReportRoutes({ readModel }));
  app.use(importRoutes({ createOrder: orderCreation({ gateway, readModel, config, now }) }));

  app.use(notFoundHandler);
  app.use(errorHandler(logger, config.api.bodyLimitBytes));
  return app;
}

/**
 * A company named in API_TOKENS is created if it is not there (named by its id until a platform
 * admin renames it). The database may still be starting: tried again until it answers.
 */
function ensureTokenCompanies(readModel: ReadModel, config: ApiConfig, logger: Logger): void {
  const ids = [...new Set(config.api.tokens.flatMap((t) => (t.company ? [t.company] : [])))];
  const attempt = (): void => {
    readModel.ensureCompanies(ids.map((id) => ({ id, name: id }))).catch((err: unknown) => {
      logger.warn('companies of API_TOKENS not created yet; trying again', { cause: String(err) });
      setTimeout(attempt, 5_000).unref();
    });
  };
  attempt();
}

/** `METRICS_TOKEN` (the scraper's) answers at once; any other credential goes on to authentication. */
function metricsScraper(token: string | undefined, send: RequestHandler): RequestHandler {
  const expected = token === undefined ? undefined : tokenDigest(token);
  return (req, res, next) => {
    const presented = /^Bearer[ ]+(\S+)\s*$/i.exec(req.get('authorization') ?? '')?.[1];
    if (expected && presented && timingSafeEqual(expected, tokenDigest(presented)))
      return send(req, res, next);
    next();
  };
}
