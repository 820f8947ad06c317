/* eslint-disable @typescript-eslint/no-unsafe-assignment -- jest's asymmetric matchers are typed any */
import type { Express } from 'express';
import type { AddressInfo } from 'node:net';
import request from 'supertest';
import type { OrderView } from '../../src/api/orderView';
import type { NewOrder, OrderEventInput } from '../../src/domain';
import { newInquiry, uniqueOrderId } from '../../harness/orderFixtures';
import { bearer, TOKENS } from '../../harness/stack';
import { eventually } from '../../harness/temporal';

/** Every field the contract promises in an order view. */
export const CONTRACT_VIEW_FIELDS = [
  'orderId',
  'stage',
  'status',
  'customer',
  'accountManager',
  'inquiry',
  'quotation',
  'sample',
  'contract',
  'payments',
  'production',
  'shipping',
  'documents',
  'stalled',
  'stageEnteredAt',
  'stageDeadline',
  'remindersSent',
  'timeline',
  'links',
] as const;

export function expectContractView(view: OrderView): void {
  for (const field of CONTRACT_VIEW_FIELDS) expect(view).toHaveProperty([field]);
  expect(['OPEN', 'COMPLETED', 'CANCELLED']).toContain(view.status);
  expect(view.sample).toEqual(
    expect.objectContaining({ rounds: expect.any(Number), approved: expect.any(Boolean) }),
  );
  expect(Object.keys(view.payments)).toEqual(
    expect.arrayContaining(['depositRequired', 'depositReceived', 'balanceRequired', 'balanceReceived']),
  );
  expect(view.production).toEqual(
    expect.objectContaining({ percent: expect.any(Number), inspections: expect.any(Array) }),
  );
  expect(Object.keys(view.shipping)).toEqual(expect.arrayContaining(['booking', 'customs', 'billOfLading']));
  expect(Object.keys(view.documents)).toEqual(
    expect.arrayContaining(['copiesSentAt', 'dispatchedAt', 'items']),
  );
  for (const entry of view.timeline)
    expect(entry).toEqual(
      expect.objectContaining({
        eventId: expect.any(String),
        type: expect.any(String),
        at: expect.any(String),
        actor: expect.any(String),
      }),
    );
  expect(view.links.temporalUi).toBe(
    `http://localhost:8233/namespaces/default/workflows/${encodeURIComponent(`default:${view.orderId}`)}`,
  );
}

export function expectError(
  res: request.Response,
  status: number,
  code: string,
): { code: string; message: string; details?: unknown } {
  expect({ status: res.status, body: res.body as unknown }).toEqual({
    status,
    body: { error: expect.objectContaining({ code, message: expect.any(String) }) },
  });
  return (res.body as { error: { code: string; message: string; details?: unknown } }).error;
}

export async function createOrder(
  app: Express,
  overrides: Partial<NewOrder> & { orderId?: string } = {},
): Promise<OrderView> {
  const body = { orderId: uniqueOrderId('PO-API'), ...newInquiry(), ...overrides };
  const res = await request(app).post('/orders').set(bearer(TOKENS.ops)).send(body);
  expect(res.status).toBe(201);
  return res.body as OrderView;
}

export async function sendEvent(
  app: Express,
  orderId: string,
  event: OrderEventInput | Record<string, unknown>,
  token: string = TOKENS.ops,
): Promise<request.Response> {
  return request(app)
    .post(`/orders/${encodeURIComponent(orderId)}/events`)
    .set(bearer(token))
    .send(event);
}

export async function getOrder(app: Express, orderId: string): Promise<OrderView> {
  const res = await request(app)
    .get(`/orders/${encodeURIComponent(orderId)}`)
    .set(bearer(TOKENS.viewer));
  expect(res.status).toBe(200);
  return res.body as OrderView;
}

export function orderWhen(
  app: Express,
  orderId: string,
  predicate: (view: OrderView) => boolean,
  timeoutMs = 20_000,
): Promise<OrderView> {
  return eventually(
    async () => {
      const res = await request(app)
        .get(`/orders/${encodeURIComponent(orderId)}`)
        .set(bearer(TOKENS.viewer));
      // 503 is the API's documented "try again" (the database or the workers busy for a moment
      // on a loaded machine): a wait asks again, as a client would.
      if (res.status === 503) return undefined;
      expect(res.status).toBe(200);
      const view = res.body as OrderView;
      return predicate(view) ? view : undefined;
    },
    { timeoutMs },
  );
}

export interface RecordedEmail {
  purpose: string;
  to: string[];
  subject: string;
}

/**
 * The order's recorded emails once every purpose in `expected` is among them. An email is recorded
 * when its activity is done, which may be after the event that caused it was answered.
 */
export function emailsOnceSent(
  app: Express,
  orderId: string,
  expected: string[],
  timeoutMs = 20_000,
): Promise<RecordedEmail[]> {
  return eventually(
    async () => {
      const res = await request(app)
        .get(`/orders/${encodeURIComponent(orderId)}/emails`)
        .set(bearer(TOKENS.viewer));
      expect(res.status).toBe(200);
      const emails = (res.body as { emails: RecordedEmail[] }).emails;
      return expected.every((p) => emails.some((e) => e.purpose === p)) ? emails : undefined;
    },
    { timeoutMs },
  );
}

/** The app on a real port of its own (for many requests, or ones supertest's app mode cannot send). */
export async function listen(app: Express): Promise<{ base: string; close(): Promise<void> }> {
  const server = app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  return {
    base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/**
 * Sends as the contract tells a client to: again, with the same eventId, after a 429 (waiting its
 * Retry-After) or a 503 WORKERS_UNAVAILABLE (after a second), until any other answer.
 */
export async function untilFinal(
  send: () => Promise<request.Response>,
  attempts = 20,
): Promise<request.Response> {
  for (let i = 1; ; i++) {
    const res = await send();
    const retry = res.status === 429 || (res.status === 503 && errorCode(res) === 'WORKERS_UNAVAILABLE');
    if (!retry || i >= attempts) return res;
    if (res.status === 429) expect(res.headers['retry-after']).toMatch(/^\d+$/);
    const waitSeconds = res.status === 429 ? Number(res.headers['retry-after']) : 1;
    await new Promise((r) => setTimeout(r, waitSeconds * 1000));
  }
}

function errorCode(res: request.Response): unknown {
  return (res.body as { error?: { code?: unknown } } | undefined)?.error?.code;
}

/**
 * A new order walked through `events` as the console would: each sent once the order offers it,
 * each answered 200; resolves with the completed order.
 */
export async function liveThrough(app: Express, events: OrderEventInput[]): Promise<OrderView> {
  const { orderId } = await createOrder(app);
  for (const event of events) {
    await orderWhen(app, orderId, (v) => v.allowedEvents.includes(event.type), 30_000);
    const res = await sendEvent(app, orderId, event);
    const body: unknown = res.status === 200 ? null : res.body;
    expect({ event: event.type, status: res.status, body }).toEqual({
      event: event.type,
      status: 200,
      body: null,
    });
  }
  return orderWhen(app, orderId, (v) => v.status === 'COMPLETED', 30_000);
}
