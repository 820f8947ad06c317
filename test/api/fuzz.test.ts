/**
 * Generated requests (fast-check): malformed bodies, odd paths and query strings against every
 * endpoint answer 4xx (never 5xx) in the contract's error shape, and the targeted order is unchanged.
 */
import fc from 'fast-check';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import request from 'supertest';
import type { OrderView } from '../../src/api/orderView';
import { fullLife } from '../../harness/orderFixtures';
import { bearer, startStack, TOKENS, type Stack } from '../../harness/stack';
import { orderWhen, createOrder, getOrder, sendEvent } from './helpers';
import { expect4xx, invalidEventBodies, invalidNewOrderBodies, weirdValues } from './requestArbitraries';

let stack: Stack;
let server: Server;
let base: string;
let target: OrderView;

beforeAll(async () => {
  stack = await startStack();
  server = stack.app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  target = await createOrder(stack.app);
  const quoted = await sendEvent(stack.app, target.orderId, fullLife.quotation);
  expect(quoted.status).toBe(200);
  target = quoted.body as OrderView;
  // The read model has caught up with the answer before the fuzzing starts.
  await orderWhen(stack.app, target.orderId, (v) => v.timelineTotal === target.timelineTotal);
});

afterAll(async () => {
  await new Promise((resolve) => server?.close(resolve));
  await stack?.close();
});

const sendJson = (req: request.Test, body: unknown) =>
  req.set('Content-Type', 'application/json').send(JSON.stringify(body) ?? 'null');

describe('fuzz: only 4xx for malformed requests, and no change to the order', () => {
  it('POST /orders/{id}/events with malformed bodies', async () => {
    await fc.assert(
      fc.asyncProperty(invalidEventBodies, async (body) => {
        const res = await sendJson(
          request(base).post(`/orders/${target.orderId}/events`).set(bearer(TOKENS.ops)),
          body,
        );
        await expect4xx(res, `event ${JSON.stringify(body)?.slice(0, 200)}`);
      }),
      { numRuns: 1000 },
    );
  });

  it('POST /orders/{id}/events with well-formed events that do not fit the stage', async () => {
    const notAllowed = Object.values(fullLife).filter((e) => !target.allowedEvents.includes(e.type));
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...notAllowed),
        fc.option(fc.string({ minLength: 1, maxLength: 128 })),
        async (event, eventId) => {
          const res = await sendEvent(
            stack.app,
            target.orderId,
            eventId === null ? event : { ...event, eventId },
          );
          await expect4xx(res, `event ${event.type}`);
        },
      ),
      { numRuns: 100 },
    );
  });

  it('POST /orders with malformed bodies and odd content types', async () => {
    await fc.assert(
      fc.asyncProperty(invalidNewOrderBodies, async (body) => {
        const res = await sendJson(request(base).post('/orders').set(bearer(TOKENS.ops)), body);
        await expect4xx(res, `new order ${JSON.stringify(body)?.slice(0, 200)}`);
      }),
      { numRuns: 800 },
    );
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(
          'text/plain',
          'application/x-www-form-urlencoded',
          'application/json; charset=latin1',
          'application/xml',
          'multipart/form-data; boundary=x',
        ),
        fc.string(),
        async (type, text) => {
          const res = await request(base)
            .post('/orders')
            .set(bearer(TOKENS.ops))
            .set('Content-Type', type)
            .send(text);
          await expect4xx(res, `content type ${type}`);
        },
      ),
      { numRuns: 100 },
    );
  });

  it('odd paths and methods on every route', async () => {
    const segment = fc.oneof(
      weirdValues.map((v) => encodeURIComponent(v)),
      fc.constantFrom(
        '%',
        '%ZZ',
        '%00',
        '..',
        '.',
        ';',
        '*',
        '%2F',
        '%E0%A4%A',
        'events',
        'emails',
        target.orderId,
      ),
    );
    const path = fc
      .tuple(
        fc.constantFrom('', '/orders', `/orders/${target.orderId}`, '/health', '/docs'),
        fc.array(segment, { minLength: 1, maxLength: 3 }),
      )
      .map(([prefix, parts]) => `${prefix}/${parts.join('/')}`);
    await fc.assert(
      fc.asyncProperty(
        path,
        fc.constantFrom('get', 'post', 'put', 'patch', 'delete'),
        fc.constantFrom(TOKENS.ops, TOKENS.viewer, 'wrong-token-xyz'),
        async (p, method, token) => {
          const res = await sendJson(request(base)[method](p).set(bearer(token)), { type: 'NOTE_ADDED' });
          if (res.status >= 500)
            throw new Error(`${method} ${p} answered ${res.status}: ${res.text.slice(0, 300)}`);
          if (method !== 'get' || res.status >= 400) await expect4xx(res, `${method} ${p}`);
        },
      ),
      { numRuns: 600 },
    );
  });

  it('GET /orders with odd query strings', async () => {
    const key = fc.oneof(
      fc.constantFrom('stage', 'stalled', 'customer', 'accountManager', 'pageSize', 'nextPageToken'),
      fc.string(),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(key, weirdValues), { maxLength: 4 }), async (pairs) => {
        const query = pairs.map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`).join('&');
        const res = await request(base).get(`/orders?${query}`).set(bearer(TOKENS.viewer));
        if (res.status >= 500)
          throw new Error(`GET /orders?${query} answered ${res.status}: ${res.text.slice(0, 300)}`);
        if (res.status !== 200) await expect4xx(res, `GET /orders?${query}`);
      }),
      { numRuns: 400 },
    );
  });

  it('left the targeted order exactly as it was, and logged no 500', async () => {
    expect(await getOrder(stack.app, target.orderId)).toEqual(target);
    expect(stack.logger.entries.filter((e) => e.level === 'error')).toEqual([]);
  });
});
