/**
 * 503s: no worker answering (WORKERS_UNAVAILABLE, then the same eventId applied once a worker is back)
 * and no Temporal at all (TEMPORAL_UNAVAILABLE, /health 503), on a dev server of this file's own.
 */
import { NativeConnection } from '@temporalio/worker';
import request from 'supertest';
import { startDevServer, type DevServer } from '../../src/dev/devServer';
import { createOrderWorker } from '../../src/worker';
import { freePort } from '../support/smtp';
import { bearer, startStack, TOKENS, type Stack } from '../support/stack';
import { eventually } from '../support/temporal';
import { newInquiry, uniqueOrderId } from '../support/orderFixtures';
import { createOrder, expectError, getOrder, sendEvent } from './helpers';

describe('503 WORKERS_UNAVAILABLE', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack({ env: { API_WORKER_TIMEOUT: '2s' } });
  });
  afterAll(async () => {
    await stack?.close();
  });

  it('answers 503 while no worker runs, and the retried eventId is applied once when one is back', async () => {
    const order = await createOrder(stack.app);
    await stack.stopWorker();

    const note = { type: 'NOTE_ADDED', text: 'while the workers were down', eventId: 'retry-me-1' };
    const started = Date.now();
    expectError(await sendEvent(stack.app, order.orderId, note), 503, 'WORKERS_UNAVAILABLE');
    expect(Date.now() - started).toBeLessThan(8_000);
    expectError(
      await request(stack.app).get(`/orders/${order.orderId}`).set(bearer(TOKENS.viewer)),
      503,
      'WORKERS_UNAVAILABLE',
    );
    // Starting an order needs no worker.
    expect((await request(stack.app).post('/orders').set(bearer(TOKENS.ops)).send(newInquiry())).status).toBe(
      201,
    );
    const health = await request(stack.app).get('/health');
    expect(health.body).toEqual({ status: 'ok', temporal: 'ok' });

    const connection = await NativeConnection.connect({ address: stack.config.temporal.address });
    const worker = await createOrderWorker(stack.config, connection);
    try {
      await worker.runUntil(async () => {
        const res = await eventually(async () => {
          const r = await sendEvent(stack.app, order.orderId, note);
          return r.status === 200 ? r : undefined;
        });
        expect(res.body).toMatchObject({ orderId: order.orderId, stage: 'INQUIRY' });
        const view = await getOrder(stack.app, order.orderId);
        expect(view.timeline.filter((t) => t.eventId === 'retry-me-1')).toHaveLength(1);
      });
    } finally {
      await connection.close();
    }
  });
});

describe('503 TEMPORAL_UNAVAILABLE', () => {
  let server: DevServer;
  let stack: Stack;
  beforeAll(async () => {
    server = await startDevServer();
    stack = await startStack({
      temporalAddress: server.address,
      worker: false,
      env: { API_WORKER_TIMEOUT: '3s' },
    });
  });
  afterAll(async () => {
    await stack?.close();
    await server?.stop();
  });

  it('answers 503 TEMPORAL_UNAVAILABLE on every endpoint and /health 503 while Temporal is down, and recovers', async () => {
    const order = await createOrder(stack.app);
    expect((await request(stack.app).get('/health')).status).toBe(200);
    await server.stop();

    const started = Date.now();
    const orderId = uniqueOrderId('PO-DOWN');
    expectError(
      await request(stack.app)
        .post('/orders')
        .set(bearer(TOKENS.ops))
        .send({ ...newInquiry(), orderId }),
      503,
      'TEMPORAL_UNAVAILABLE',
    );
    expectError(
      await request(stack.app).get('/orders').set(bearer(TOKENS.viewer)),
      503,
      'TEMPORAL_UNAVAILABLE',
    );
    expectError(
      await request(stack.app).get(`/orders/${order.orderId}`).set(bearer(TOKENS.viewer)),
      503,
      'TEMPORAL_UNAVAILABLE',
    );
    expectError(
      await request(stack.app).get(`/orders/${order.orderId}/emails`).set(bearer(TOKENS.viewer)),
      503,
      'TEMPORAL_UNAVAILABLE',
    );
    expectError(
      await sendEvent(stack.app, order.orderId, { type: 'NOTE_ADDED', text: 'x' }),
      503,
      'TEMPORAL_UNAVAILABLE',
    );
    const health = await request(stack.app).get('/health');
    expect(health.status).toBe(503);
    expect(health.body).toMatchObject({ temporal: 'unavailable', error: { code: 'TEMPORAL_UNAVAILABLE' } });
    expect(Date.now() - started).toBeLessThan(30_000);

    // In memory: the restarted server is empty, but the API reconnects by itself.
    await server.restart();
    await eventually(
      async () => ((await request(stack.app).get('/health')).status === 200 ? true : undefined),
      {
        timeoutMs: 30_000,
      },
    );
    expect(stack.logger.entries.filter((e) => e.level === 'error')).toEqual([]);
  });

  it('starts without Temporal and answers 503 until it can connect', async () => {
    const nowhere = await startStack({ temporalAddress: `127.0.0.1:${await freePort()}`, worker: false });
    try {
      const health = await request(nowhere.app).get('/health');
      expect(health.status).toBe(503);
      expectError(
        await request(nowhere.app).post('/orders').set(bearer(TOKENS.ops)).send(newInquiry()),
        503,
        'TEMPORAL_UNAVAILABLE',
      );
      expectError(
        await request(nowhere.app).get('/orders').set(bearer(TOKENS.viewer)),
        503,
        'TEMPORAL_UNAVAILABLE',
      );
    } finally {
      await nowhere.close();
    }
  });
});
