import type { Request, RequestHandler, Response } from 'express';
import { collectDefaultMetrics, Counter, Histogram, Registry } from 'prom-client';
import type { ErrorCode } from './errors';

/** The route label: express's pattern (`/orders/:orderId/events`), never the URL with its order id. */
export function routeOf(req: Request): string {
  const route: unknown = req.route;
  if (route && typeof route === 'object' && 'path' in route && typeof route.path === 'string')
    return `${req.baseUrl}${route.path}`;
  // Static files and routers without a route object (console, docs, codec): their mount point.
  const mount = /^\/(console|docs|codec)(\/|$|\?)/.exec(req.originalUrl)?.[1];
  return mount ? `/${mount}/*` : 'unmatched';
}

const EVENTS_ROUTE = '/orders/:orderId/events';
const DEPENDENCY_OF: Partial<Record<ErrorCode, 'temporal' | 'database'>> = {
  TEMPORAL_UNAVAILABLE: 'temporal',
  WORKERS_UNAVAILABLE: 'temporal',
  DATABASE_UNAVAILABLE: 'database',
};

/** What a route tells the metrics about its request, in `res.locals`. */
export interface MetricLocals {
  /** The type of a parsed event (POST /orders/{id}/events); unset when the body was not one. */
  eventType?: string;
  /** The contract's error code the request was answered with (set by sendError). */
  errorCode?: ErrorCode;
}

export interface ApiMetrics {
  registry: Registry;
  /** Counts and times every request once its answer is sent. */
  observe: RequestHandler;
}

/**
 * The API's Prometheus metrics, on a registry of its own per app. Every label comes from a closed
 * set (route patterns, status codes, event types the schema knows, error codes): no personal data,
 * no order ids.
 */
export function createApiMetrics(): ApiMetrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'orderdesk_api_' });
  const labelNames = ['method', 'route', 'status'] as const;
  const requests = new Counter({
    name: 'orderdesk_http_requests_total',
    help: 'HTTP requests answered, by route pattern and status',
    labelNames,
    registers: [registry],
  });
  const latency = new Histogram({
    name: 'orderdesk_http_request_duration_seconds',
    help: 'Time to answer an HTTP request, by route pattern and status',
    labelNames,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });
  const accepted = new Counter({
    name: 'orderdesk_events_accepted_total',
    help: 'Order events the workflow took, by event type',
    labelNames: ['type'] as const,
    registers: [registry],
  });
  const refused = new Counter({
    name: 'orderdesk_events_refused_total',
    help: 'Order events refused, by event type (INVALID when the body was no event) and error code',
    labelNames: ['type', 'code'] as const,
    registers: [registry],
  });
  const dependencyErrors = new Counter({
    name: 'orderdesk_dependency_errors_total',
    help: 'Requests answered 503 because Temporal (or its workers) or the database could not be reached',
    labelNames: ['dependency', 'code'] as const,
    registers: [registry],
  });

  function record(req: Request, res: Response, seconds: number): void {
    const locals = res.locals as MetricLocals;
    const labels = { method: req.method, route: routeOf(req), status: String(res.statusCode) };
    requests.inc(labels);
    latency.observe(labels, seconds);
    const dependency = locals.errorCode && DEPENDENCY_OF[locals.errorCode];
    if (dependency && locals.errorCode) dependencyErrors.inc({ dependency, code: locals.errorCode });
    if (req.method !== 'POST' || labels.route !== EVENTS_ROUTE) return;
    const type = locals.eventType ?? 'INVALID';
    if (res.statusCode < 400) accepted.inc({ type });
    else refused.inc({ type, code: locals.errorCode ?? String(res.statusCode) });
  }

  return {
    registry,
    observe(req, res, next) {
      const started = process.hrtime.bigint();
      res.once('finish', () => record(req, res, Number(process.hrtime.bigint() - started) / 1e9));
      next();
    },
  };
}
