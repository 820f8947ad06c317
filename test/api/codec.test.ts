/* eslint-disable @typescript-eslint/no-unsafe-assignment -- jest's asymmetric matchers are typed any */
/**
 * Payload encryption end to end, on the jest run's real dev server: the codec server's HTTP answers
 * (CORS, auth, encode/decode), and an order created through the API with the codec on whose raw
 * history (read by a client without the codec) holds no trace of the customer's email, until the
 * codec endpoint decodes it.
 */
import { Client, Connection } from '@temporalio/client';
import type { Payload } from '@temporalio/common';
import { temporal } from '@temporalio/proto';
import { Worker } from '@temporalio/worker';
import request from 'supertest';
import { createApp } from '../../src/api/app';
import { lazyTemporalClient } from '../../src/api/temporalClient';
import { dataConverterFor } from '../../src/codec/dataConverter';
import { ENCRYPTED_ENCODING, KEY_ID_METADATA } from '../../src/codec/encryptionCodec';
import { payloadToJson } from '../../src/codec/payloadJson';
import { loadConfig } from '../../src/config/env';
import { createReadModel } from '../../src/readModel';
import { ORDER_WORKFLOW_SOURCE } from '../../src/workflowBundle';
import { codecEnv } from '../../harness/codecKeys';
import { newInquiry, uniqueOrderId } from '../../harness/orderFixtures';
import { SmtpSink } from '../../harness/smtp';
import { bearer, recordingLogger, startStack, TOKENS, type Stack } from '../../harness/stack';
import { eventually } from '../../harness/temporal';
import { createOrder, expectError } from './helpers';

const UI = 'http://localhost:8233';
const b64 = (text: string) => Buffer.from(text).toString('base64');
const utf8 = (bytes: Uint8Array | null | undefined) => Buffer.from(bytes ?? []).toString('utf8');
const jsonPayload = (value: unknown) => ({
  metadata: { encoding: b64('json/plain') },
  data: b64(JSON.stringify(value)),
});
interface PayloadsBody {
  payloads: { metadata: Record<string, string>; data: string }[];
}

let smtp: SmtpSink;
let stack: Stack;

beforeAll(async () => {
  smtp = await SmtpSink.start();
  stack = await startStack({ smtpUrl: smtp.url, env: codecEnv('k1') });
});

afterAll(async () => {
  await stack?.close();
  await smtp?.stop();
});

const post = (path: string, body: unknown, token?: string) => {
  const req = request(stack.app).post(path).set('X-Namespace', 'default').set('Origin', UI);
  return (token ? req.set(bearer(token)) : req).send(body as object);
};

describe('the codec server (POST /codec/encode, /codec/decode)', () => {
  it('answers the UI origin’s preflight without a token', async () => {
    const res = await request(stack.app)
      .options('/codec/decode')
      .set('Origin', UI)
      .set('Access-Control-Request-Method', 'POST')
      .set('Access-Control-Request-Headers', 'authorization,content-type,x-namespace');
    expect(res.status).toBe(204);
    expect(res.headers['access-control-allow-origin']).toBe(UI);
    expect(res.headers['access-control-allow-methods']).toBe('POST');
    expect(res.headers['access-control-allow-headers']).toBe('Authorization, Content-Type, X-Namespace');
    expect(res.headers.vary).toMatch(/Origin/);
  });

  it('refuses any other origin, preflight or not, with or without a token', async () => {
    const preflight = await request(stack.app)
      .options('/codec/decode')
      .set('Origin', 'https://evil.example')
      .set('Access-Control-Request-Method', 'POST');
    expectError(preflight, 403, 'FORBIDDEN');
    expect(preflight.headers['access-control-allow-origin']).toBeUndefined();
    const res = await request(stack.app)
      .post('/codec/decode')
      .set('Origin', 'https://evil.example')
      .set(bearer(TOKENS.viewer))
      .send({ payloads: [] });
    expectError(res, 403, 'FORBIDDEN');
  });

  it('needs a bearer token (401, readable by the UI through CORS)', async () => {
    const missing = await post('/codec/decode', { payloads: [] });
    expectError(missing, 401, 'UNAUTHENTICATED');
    expect(missing.headers['access-control-allow-origin']).toBe(UI);
    expectError(await post('/codec/encode', { payloads: [] }, 'not-a-known-token'), 401, 'UNAUTHENTICATED');
  });

  it('encodes for a viewer, and decodes back; plain payloads decode as they are', async () => {
    const plain = jsonPayload({ email: 'someone@customer.example' });
    const encoded = await post('/codec/encode', { payloads: [plain] }, TOKENS.viewer);
    expect(encoded.status).toBe(200);
    const [sealed] = (encoded.body as PayloadsBody).payloads;
    expect(sealed.metadata).toEqual({ encoding: b64(ENCRYPTED_ENCODING), [KEY_ID_METADATA]: b64('k1') });
    expect(Buffer.from(sealed.data, 'base64').toString('utf8')).not.toContain('someone@customer.example');
    const decoded = await post('/codec/decode', { payloads: [sealed, plain] }, TOKENS.ops);
    expect(decoded.status).toBe(200);
    expect(decoded.body).toEqual({ payloads: [plain, plain] });
    expect(stack.logger.entries).toContainEqual(
      expect.objectContaining({
        message: 'codec decode',
        fields: expect.objectContaining({ caller: 'alice', namespace: 'default', payloads: 2 }),
      }),
    );
  });

  it('answers 400 for a tampered payload, an unknown key and a body that is not Payloads', async () => {
    const [sealed] = (
      (await post('/codec/encode', { payloads: [jsonPayload('x')] }, TOKENS.viewer)).body as PayloadsBody
    ).payloads;
    const bytes = Buffer.from(sealed.data, 'base64');
    bytes[bytes.length - 1] ^= 1;
    const tampered = { ...sealed, data: bytes.toString('base64') };
    const error = expectError(
      await post('/codec/decode', { payloads: [jsonPayload('ok'), tampered] }, TOKENS.viewer),
      400,
      'VALIDATION_FAILED',
    );
    expect(error.details).toEqual([{ path: 'payloads.1', message: expect.stringMatching(/authentication/) }]);
    const unknownKey = { ...sealed, metadata: { ...sealed.metadata, [KEY_ID_METADATA]: b64('k0') } };
    const unknown = expectError(
      await post('/codec/decode', { payloads: [unknownKey] }, TOKENS.viewer),
      400,
      'VALIDATION_FAILED',
    );
    expect(JSON.stringify(unknown.details)).toMatch(/key id \\"k0\\", which is not configured/);
    for (const body of [{}, { payloads: [{ data: 'not base64!' }] }, { payloads: 'x' }])
      expectError(await post('/codec/decode', body, TOKENS.viewer), 400, 'VALIDATION_FAILED');
  });

  it('with CODEC_AUTH=none (development only) decodes without a token', async () => {
    const config = loadConfig({ ...codecEnv(), CODEC_AUTH: 'none', TEMPORAL_UI_URL: UI });
    const temporal = lazyTemporalClient(config);
    const readModel = createReadModel({ url: config.database.url, company: 'default' });
    try {
      const app = createApp({ temporal, readModel, config, logger: recordingLogger() });
      const res = await request(app)
        .post('/codec/encode')
        .set('Origin', UI)
        .send({ payloads: [jsonPayload(1)] });
      expect(res.status).toBe(200);
    } finally {
      await Promise.all([temporal.close(), readModel.close()]);
    }
  });
});

/** Every payload in a raw history, with where it sits. */
function payloadsIn(value: unknown, path = ''): { path: string; payload: Payload }[] {
  if (value instanceof Uint8Array || typeof value !== 'object' || value === null) return [];
  if (Array.isArray(value)) return value.flatMap((v, i) => payloadsIn(v, `${path}.${i}`));
  const record = value as Record<string, unknown>;
  if (record.data instanceof Uint8Array && typeof record.metadata === 'object')
    return [{ path, payload: record }];
  return Object.entries(record).flatMap(([k, v]) => payloadsIn(v, `${path}.${k}`));
}

/** The whole history as text, every byte field read as UTF-8: what anyone with Temporal access sees. */
const readable = (history: unknown) =>
  JSON.stringify(history, (_key, value: unknown) => (value instanceof Uint8Array ? utf8(value) : value));

describe('an order recorded with the codec on', () => {
  it('keeps the customer’s email out of the raw history; the codec endpoint decodes it', async () => {
    const email = `jane.${Date.now().toString(36)}@acme.example`;
    const orderId = uniqueOrderId('PO-CODEC');
    // A 1 s inquiry limit: the stall reminder is an activity whose input names the account manager.
    await createOrder(stack.app, {
      orderId,
      ...newInquiry({ customer: { name: 'Jane Doe', company: 'Acme GmbH', email, country: 'DE' } }),
      stageTimeLimits: { INQUIRY: '1s' },
    });

    const connection = await Connection.connect({ address: stack.config.temporal.address });
    try {
      const raw = new Client({ connection, namespace: stack.config.temporal.namespace }); // no codec
      const EventType = temporal.api.enums.v1.EventType;
      const history = await eventually(async () => {
        const h = await raw.workflow.getHandle(`default:${orderId}`).fetchHistory();
        const done = h.events?.some((e) => e.eventType === EventType.EVENT_TYPE_ACTIVITY_TASK_COMPLETED);
        return done ? h : undefined;
      });

      const text = readable(history);
      expect(text).not.toContain(email);
      expect(text).not.toContain('li.wei@exporter.example');
      const all = payloadsIn(history);
      const searchAttributes = all.filter((p) => /searchAttributes/i.test(p.path));
      // Patch markers are written by the SDK's core, not through the codec: they hold patch ids only.
      // Headers skip the codec too: the request-id header holds an opaque request id only.
      const requestIds = all.filter((p) => p.path.endsWith('header.fields.orderdesk-request-id'));
      for (const { payload } of requestIds)
        expect(Buffer.from(payload.data ?? []).toString()).toMatch(/^"[A-Za-z0-9._:-]{1,128}"$/);
      const encrypted = all.filter(
        (p) => !/searchAttributes|patch-data/i.test(p.path) && !requestIds.includes(p),
      );
      expect(encrypted.length).toBeGreaterThan(3);
      for (const { path, payload } of encrypted) {
        expect({ path, encoding: utf8(payload.metadata?.encoding) }).toEqual({
          path,
          encoding: ENCRYPTED_ENCODING,
        });
        expect(utf8(payload.metadata?.[KEY_ID_METADATA])).toBe('k1');
      }
      // Search attributes are not payloads of the codec: still filterable in the UI.
      expect(searchAttributes.map((p) => utf8(p.payload.data))).toContain('"Acme GmbH"');
      const scheduled = history.events?.find(
        (e) => e.eventType === EventType.EVENT_TYPE_ACTIVITY_TASK_SCHEDULED,
      );
      expect(
        utf8(scheduled?.activityTaskScheduledEventAttributes?.input?.payloads?.[0].metadata?.encoding),
      ).toBe(ENCRYPTED_ENCODING);

      // What the Temporal UI does with the workflow input: send it to the codec endpoint.
      const input = history.events?.[0].workflowExecutionStartedEventAttributes?.input?.payloads ?? [];
      const res = await post('/codec/decode', { payloads: input.map(payloadToJson) }, TOKENS.viewer);
      expect(res.status).toBe(200);
      const decoded = (res.body as PayloadsBody).payloads.map((p) =>
        Buffer.from(p.data, 'base64').toString(),
      );
      expect(decoded.join('')).toContain(email);

      // An encrypted history replays with the codec (and only with it).
      await Worker.runReplayHistory(
        { ...ORDER_WORKFLOW_SOURCE, dataConverter: dataConverterFor(stack.config) },
        history,
        orderId,
      );
      await expect(Worker.runReplayHistory(ORDER_WORKFLOW_SOURCE, history, orderId)).rejects.toThrow();
    } finally {
      await connection.close();
    }
  });
});
