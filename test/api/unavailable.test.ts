/**
 * 503s: no worker answering (WORKERS_UNAVAILABLE, then the same eventId applied once a worker is back),
 * no Temporal at all (TEMPORAL_UNAVAILABLE for writes, /health 503; reads still come from the read
 * model) and no database (DATABASE_UNAVAILABLE for reads; events still accepted and in the read
 * model once it is back), each on servers of this file's own.
 */
import { NativeConnection } from '@temporalio/worker';
import request from 'supertest';
import { startDevServer, type DevServer } from '../../src/dev/devServer';
import { makeTempDir, type PostgresServer } from '../../src/dev/postgres';
import { startReadModelDatabase } from '../../src/dev/readModelDatabase';
import { createOrderWorker } from '../../src/worker';
import { freePort } from '../../harness/smtp';
import { bearer, startStack, TOKENS, type Stack } from '../../harness/stack';
import { eventually } from '../../harness/temporal';
import { fullLife, newInquiry, uniqueOrderId } from '../../harness/orderFixtures';
import { createOrder, expectError, getOrder, orderWhen, sendEvent } from './helpers';

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
    await orderWhen(stack.app, order.orderId, (v) => v.timelineTotal === 1);
    await stack.stopWorker();

    const note = { type: 'NOTE_ADDED', text: 'while the workers were down', eventId: 'retry-me-1' };
    const started = Date.now();
    expectError(await sendEvent(stack.app, order.orderId, note), 503, 'WORKERS_UNAVAILABLE');
    expect(Date.now() - started).toBeLessThan(8_000);
    // Reads need no worker: the read model answers them.
    expect((await request(stack.app).get(`/orders/${order.orderId}`).set(bearer(TOKENS.viewer))).status).toBe(
      200,
    );
    // A new order is started but waits for a worker to take it: 503, and the same request again later
    // finds it (its id is in the answer for clients that let the API choose one).
    const waiting = await request(stack.app).post('/orders').set(bearer(TOKENS.ops)).send(newInquiry());
    expectError(waiting, 503, 'WORKERS_UNAVAILABLE');
    const waitingId = (waiting.body as { error: { details: { orderId: string } } }).error.details.orderId;
    expect(waitingId).toMatch(/^PO-/);
    const health = await request(stack.app).get('/health');
    expect(health.body).toEqual({ status: 'ok', temporal: 'ok', database: 'ok' });

    const connection = await NativeConnection.connect({ address: stack.config.temporal.address });
    const worker = await createOrderWorker(stack.config, connection, stack.readModel);
    try {
      await worker.runUntil(async () => {
        const res = await eventually(async () => {
          const r = await sendEvent(stack.app, order.orderId, note);
          return r.status === 200 ? r : undefined;
        });
        expect(res.body).toMatchObject({ orderId: order.orderId, stage: 'INQUIRY' });
        const view = await eventually(async () => {
          const v = await getOrder(stack.app, order.orderId);
          return v.timelineTotal === 2 ? v : undefined;
        });
        expect(view.timeline.filter((t) => t.eventId === 'retry-me-1')).toHaveLength(1);
        const retried = await request(stack.app)
          .post('/orders')
          .set(bearer(TOKENS.ops))
          .send({ ...newInquiry(), orderId: waitingId });
        // A retried create: the order was started by the first request.
        expect(retried.status).toBe(200);
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
    stack = await startStack({ temporalAddress: server.address, env: { API_WORKER_TIMEOUT: '3s' } });
  });
  afterAll(async () => {
    await stack?.close();
    await server?.stop();
  });

  it('answers writes with 503 TEMPORAL_UNAVAILABLE and /health 503 while Temporal is down, reads from the read model, and recovers', async () => {
    const order = await createOrder(stack.app);
    await eventually(async () =>
      (await request(stack.app).get(`/orders/${order.orderId}/timeline`).set(bearer(TOKENS.viewer)))
        .status === 200
        ? true
        : undefined,
    );
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
    // Reads need no Temporal: the read model answers them.
    for (const path of ['/orders', `/orders/${order.orderId}`, `/orders/${order.orderId}/emails`])
      expect((await request(stack.app).get(path).set(bearer(TOKENS.viewer))).status).toBe(200);
    expectError(
      await sendEvent(stack.app, order.orderId, { type: 'NOTE_ADDED', text: 'x' }),
      503,
      'TEMPORAL_UNAVAILABLE',
    );
    const health = await request(stack.app).get('/health');
    expect(health.status).toBe(503);
    expect(health.body).toMatchObject({
      temporal: 'unavailable',
      database: 'ok',
      error: { code: 'TEMPORAL_UNAVAILABLE' },
    });
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
    } finally {
      await nowhere.close();
    }
  });
});

describe('503 DATABASE_UNAVAILABLE', () => {
  let postgres: PostgresServer;
  let stack: Stack;
  beforeAll(async () => {
    const database = await startReadModelDatabase({ dataDir: makeTempDir('orderdesk-db-down-') });
    postgres = database.server;
    stack = await startStack({ env: { DATABASE_URL: database.url } });
  });
  afterAll(async () => {
    await stack?.close();
    await postgres?.stop();
  });

  it('accepts events while the database is down, answers reads 503, and the read model catches up once it is back', async () => {
    const order = await createOrder(stack.app);
    await postgres.kill();

    // The event is taken (Temporal has it) and answered with the order after it.
    const accepted = await sendEvent(stack.app, order.orderId, {
      type: 'NOTE_ADDED',
      text: 'written while the database was down',
      eventId: 'db-down-1',
    });
    expect(accepted.status).toBe(200);
    expect((accepted.body as { timelineTotal: number }).timelineTotal).toBe(2);
    for (const path of ['/orders', `/orders/${order.orderId}`, `/orders/${order.orderId}/timeline`])
      expectError(await request(stack.app).get(path).set(bearer(TOKENS.viewer)), 503, 'DATABASE_UNAVAILABLE');
    const health = await request(stack.app).get('/health');
    expect(health.status).toBe(503);
    expect(health.body).toMatchObject({
      temporal: 'ok',
      database: 'unavailable',
      error: { code: 'DATABASE_UNAVAILABLE' },
    });

    await postgres.restart();
    const view = await eventually(
      async () => {
        const res = await request(stack.app).get(`/orders/${order.orderId}`).set(bearer(TOKENS.viewer));
        return res.status === 200 && (res.body as { timelineTotal: number }).timelineTotal === 2
          ? (res.body as { timeline: { eventId: string }[] })
          : undefined;
      },
      { timeoutMs: 60_000 },
    );
    expect(view.timeline.map((t) => t.eventId)).toContain('db-down-1');
    expect(stack.logger.entries.filter((e) => e.level === 'error')).toEqual([]);
  });

  it('takes an order with the customer typed in unlinked, and refuses what needs the customer record', async () => {
    const customer = await request(stack.app)
      .post('/customers')
      .set(bearer(TOKENS.manager))
      .send({
        company: 'Credit Buyer GmbH',
        email: 'credit@buyer.example',
        country: 'DE',
        creditLimit: { amount: '1000.00', currency: 'USD' },
      });
    expect(customer.status).toBe(201);
    const { customer: _typed, ...inquiry } = newInquiry();
    const customerId = (customer.body as { id: string }).id;
    const linked = await request(stack.app)
      .post('/orders')
      .set(bearer(TOKENS.ops))
      .send({ ...inquiry, customerId });
    expect(linked.status).toBe(201);
    const { orderId } = linked.body as { orderId: string };
    for (const event of [
      { ...fullLife.quotation, paymentTerms: { method: 'OA', depositPercent: 0 } },
      { type: 'QUOTATION_ACCEPTED', sampleRequired: false },
    ])
      expect((await sendEvent(stack.app, orderId, event)).status).toBe(200);
    await postgres.kill();
    try {
      const unlinked = await request(stack.app).post('/orders').set(bearer(TOKENS.ops)).send(newInquiry());
      expect(unlinked.status).toBe(201);
      expect(unlinked.body).not.toHaveProperty('customerId');
      expectError(
        await request(stack.app)
          .post('/orders')
          .set(bearer(TOKENS.ops))
          .send({ ...inquiry, customerId }),
        503,
        'DATABASE_UNAVAILABLE',
      );
      // Its credit cannot be checked: nothing is recorded.
      const contract = {
        ...fullLife.contract,
        paymentPlan: { depositPercent: 0, tenorDays: 30 },
      };
      expectError(await sendEvent(stack.app, orderId, contract), 503, 'DATABASE_UNAVAILABLE');
    } finally {
      await postgres.restart();
    }
    // Once the read model caught up with the acceptance, the order still waits for its contract.
    const after = await eventually(
      async () => {
        const res = await request(stack.app).get(`/orders/${orderId}`).set(bearer(TOKENS.viewer));
        const body = res.body as { stage: string; customerId: string; timelineTotal: number };
        return res.status === 200 && body.timelineTotal >= 3 ? body : undefined;
      },
      { timeoutMs: 60_000 },
    );
    expect(after).toMatchObject({ stage: 'CONTRACT', customerId, timelineTotal: 3 });
  }, 120_000);
});
