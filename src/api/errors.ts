import type { ErrorRequestHandler, RequestHandler, Response } from 'express';

/** Every error code the contract names, plus the API's own generic ones. */
export const ERROR_CODES = [
  'VALIDATION_FAILED',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'ORDER_NOT_FOUND',
  'TEMPLATE_NOT_FOUND',
  'ORDER_EXISTS',
  'EVENT_NOT_ALLOWED',
  'CORRECTION_NOT_ALLOWED',
  'ORDER_ARCHIVED',
  'EVENT_ID_REUSED',
  'ORDER_LIMIT_REACHED',
  'PAYLOAD_TOO_LARGE',
  'UNSUPPORTED_MEDIA_TYPE',
  'RATE_LIMITED',
  'TOO_MANY_REQUESTS',
  'TEMPORAL_UNAVAILABLE',
  'WORKERS_UNAVAILABLE',
  'DATABASE_UNAVAILABLE',
  'INVALID_CURSOR',
  'DOCUMENT_NOT_AVAILABLE',
  'DOCUMENTS_INCOMPLETE',
  'INTERNAL',
  // Companies and people
  'COMPANY_REQUIRED',
  'COMPANY_NOT_FOUND',
  'COMPANY_EXISTS',
  'CSRF_FAILED',
  'ISSUER_UNAVAILABLE',
  // Money after the ship sails
  'CREDIT_LIMIT_EXCEEDED',
  'CUSTOMER_NOT_FOUND',
  'CUSTOMER_EXISTS',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

/** An error the API answers with as it is: `{ error: { code, message, details? } }`. */
export class ApiError extends Error {
  override name = 'ApiError';
  /** Sent as Retry-After (429, 503): when trying again may succeed. */
  readonly retryAfterSeconds?: number;
  constructor(
    readonly status: number,
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
    options?: { cause?: unknown; retryAfterSeconds?: number },
  ) {
    super(message, options);
    this.retryAfterSeconds = options?.retryAfterSeconds;
  }
}

export function sendError(res: Response, error: ApiError): void {
  const body: { code: ErrorCode; message: string; details?: unknown } = {
    code: error.code,
    message: error.message,
  };
  if (error.details !== undefined) body.details = error.details;
  if (error.retryAfterSeconds !== undefined) res.set('Retry-After', String(error.retryAfterSeconds));
  // For the request metrics (src/api/metrics.ts).
  res.locals.errorCode = error.code;
  res.status(error.status).json({ error: body });
}

export interface Logger {
  error(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  info(message: string, fields?: Record<string, unknown>): void;
}

// The line as it is: console's formatting would only copy it (one access-log line per request).
const line = (stream: NodeJS.WriteStream, entry: Record<string, unknown>) =>
  void stream.write(`${JSON.stringify(entry)}\n`);

/** One JSON line per entry on stderr/stdout: easy to grep, easy to ship. */
export const consoleLogger: Logger = {
  error: (message, fields) => line(process.stderr, { level: 'error', message, ...fields }),
  warn: (message, fields) => line(process.stderr, { level: 'warn', message, ...fields }),
  info: (message, fields) => line(process.stdout, { level: 'info', message, ...fields }),
};

export const notFoundHandler: RequestHandler = (req, _res, next) => {
  next(new ApiError(404, 'NOT_FOUND', `no route for ${req.method} ${req.path}`));
};

interface HttpishError {
  type?: string;
  status?: number;
  statusCode?: number;
}

/** Errors raised by express and body-parser itself (bad JSON, too large, undecodable URL, ...). */
function frameworkError(err: unknown, limit: number): ApiError | undefined {
  if (!err || typeof err !== 'object') return undefined;
  const { type } = err as HttpishError;
  const status = (err as HttpishError).status ?? (err as HttpishError).statusCode;
  if (type === 'entity.too.large' || status === 413) {
    // body-parser says which limit it applied (the company profile's is larger, for its chop).
    const applied = (err as { limit?: unknown }).limit;
    const bytes = typeof applied === 'number' ? applied : limit;
    return new ApiError(413, 'PAYLOAD_TOO_LARGE', `the body is over the limit of ${bytes} bytes`);
  }
  if (type === 'entity.parse.failed')
    return new ApiError(400, 'VALIDATION_FAILED', 'the body is not valid JSON', [
      { path: '', message: 'malformed JSON' },
    ]);
  if (status === 415 || type === 'charset.unsupported' || type === 'encoding.unsupported')
    return new ApiError(415, 'UNSUPPORTED_MEDIA_TYPE', 'send the body as UTF-8 application/json');
  if (typeof status === 'number' && status >= 400 && status < 500)
    return new ApiError(400, 'VALIDATION_FAILED', 'the request could not be read', [
      { path: '', message: err instanceof Error ? err.message : String(type ?? status) },
    ]);
  return undefined;
}

/** Last middleware: known errors as they are, body-parser errors mapped, anything else a logged 500. */
export function errorHandler(logger: Logger, bodyLimitBytes: number): ErrorRequestHandler {
  return (err: unknown, req, res, next) => {
    if (res.headersSent) {
      next(err);
      return;
    }
    const known = err instanceof ApiError ? err : frameworkError(err, bodyLimitBytes);
    if (known) {
      if (known.status >= 500)
        logger.warn('request failed', {
          requestId: res.locals.requestId as string,
          code: known.code,
          cause: describeCause(known.cause),
        });
      sendError(res, known);
      return;
    }
    const requestId = res.locals.requestId as string;
    logger.error('unhandled error (a bug)', {
      requestId,
      method: req.method,
      path: req.path,
      cause: describeCause(err),
    });
    sendError(res, new ApiError(500, 'INTERNAL', `internal error; request id ${requestId}`));
  };
}

export function describeCause(err: unknown): string | undefined {
  if (err === undefined) return undefined;
  if (err instanceof Error) return err.stack ?? `${err.name}: ${err.message}`;
  try {
    return JSON.stringify(err);
  } catch {
    return typeof err;
  }
}
