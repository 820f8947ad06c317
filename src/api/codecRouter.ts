/**
 * The codec server for the Temporal UI (and `temporal --codec-endpoint`): the standard protocol's
 * `POST /codec/encode` and `POST /codec/decode` over `{ payloads: [{ metadata, data }] }` in proto3
 * JSON, with the same keys as the worker and API. Browsers reach it from the configured UI origins
 * only (CORS); a preflight needs no token, the request itself a bearer token of any role.
 */
import type { Payload } from '@temporalio/common';
import express, { Router, type ErrorRequestHandler, type RequestHandler } from 'express';
import { payloadCodecFor } from '../codec/dataConverter';
import { PayloadDecompressionError } from '../codec/compressionCodec';
import { isEncrypted, PayloadDecryptionError } from '../codec/encryptionCodec';
import { payloadFromJson, payloadsJsonSchema, payloadToJson } from '../codec/payloadJson';
import type { ApiConfig } from '../config/apiEnv';
import { authenticate, callerOf } from './auth';
import { configuredTokens } from './serviceTokens';
import { ApiError, type Logger } from './errors';
import { parseOr400 } from './validate';

// The UI sends one request per payload set; a single payload may be up to Temporal's 2 MB blob limit.
const BODY_LIMIT_BYTES = 4 * 1024 * 1024;

/** Answers allowed origins (preflights at once, without a token) and refuses every other origin. */
function corsFor(origins: readonly string[]): RequestHandler {
  const allowed = new Set(origins);
  return (req, res, next) => {
    res.vary('Origin');
    const origin = req.get('origin');
    if (origin === undefined) return next(); // not a browser: CLI, curl
    if (!allowed.has(origin))
      return next(new ApiError(403, 'FORBIDDEN', `origin ${origin} may not use the codec server`));
    res.set({
      'Access-Control-Allow-Origin': origin,
      // helmet's same-origin default would hide the answer from the UI's page.
      'Cross-Origin-Resource-Policy': 'cross-origin',
    });
    if (req.method !== 'OPTIONS') return next();
    res.set({
      'Access-Control-Allow-Methods': 'POST',
      'Access-Control-Allow-Headers': 'Authorization, Content-Type, X-Namespace',
      'Access-Control-Max-Age': '600',
    });
    res.status(204).end();
  };
}

/** body-parser's 413 names this router's limit, not the order routes'. */
const tooLarge: ErrorRequestHandler = (err: unknown, _req, _res, next) => {
  const type = (err as { type?: unknown } | null)?.type;
  next(
    type === 'entity.too.large'
      ? new ApiError(413, 'PAYLOAD_TOO_LARGE', `the body is over the limit of ${BODY_LIMIT_BYTES} bytes`)
      : err,
  );
};

export function codecRoutes({ config, logger }: { config: ApiConfig; logger: Logger }): Router {
  const codec = payloadCodecFor(config);
  const router = Router();
  router.use(corsFor(config.codecServer.corsOrigins));
  if (config.codecServer.requireToken) router.use(authenticate(configuredTokens(config.api.tokens)));
  router.use(express.json({ limit: BODY_LIMIT_BYTES, strict: true }), tooLarge);

  const decodeOne = async (payload: Payload, index: number): Promise<Payload> => {
    try {
      const [decoded] = await codec.decode([payload]);
      if (isEncrypted(decoded))
        throw new PayloadDecryptionError('the payload codec is off (no PAYLOAD_CODEC_KEYS)');
      return decoded;
    } catch (err) {
      if (!(err instanceof PayloadDecryptionError || err instanceof PayloadDecompressionError)) throw err;
      throw new ApiError(400, 'VALIDATION_FAILED', `payload ${index} cannot be decoded`, [
        { path: `payloads.${index}`, message: err.message },
      ]);
    }
  };

  router.post('/decode', async (req, res) => {
    const { payloads } = parseOr400(payloadsJsonSchema, req.body, 'body');
    const decoded = await Promise.all(payloads.map((p, i) => decodeOne(payloadFromJson(p), i)));
    // Who read personal data, from where: an audit line per request, never the data itself.
    logger.info('codec decode', {
      requestId: res.locals.requestId as string,
      caller: config.codecServer.requireToken ? callerOf(res.locals).name : 'anonymous (CODEC_AUTH=none)',
      namespace: req.get('x-namespace'),
      payloads: payloads.length,
    });
    res.json({ payloads: decoded.map(payloadToJson) });
  });

  router.post('/encode', async (req, res) => {
    const { payloads } = parseOr400(payloadsJsonSchema, req.body, 'body');
    const plain = payloads.map(payloadFromJson);
    res.json({ payloads: (await codec.encode(plain)).map(payloadToJson) });
  });

  return router;
}
