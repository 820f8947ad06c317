/* eslint-disable @typescript-eslint/no-unsafe-assignment -- jest's asymmetric matchers are typed any */
/**
 * The HTTP contract through real HTTP (supertest) against the jest run's Temporal dev server, a real
 * order worker with real activities, and a real in-process SMTP server.
 */
import request from 'supertest';
import type { OrderView } from '../../src/api/orderView';
import { fullLife, newInquiry, uniqueOrderId } from '../../harness/orderFixtures';
import { SmtpSink } from '../../harness/smtp';
import { eventually } from '../../harness/temporal';
import { bearer, startStack, TOKENS, type Stack } from '../../harness/stack';
import { createOrder, expectContractView, expectError, getOrder, orderWhen, sendEvent } from './helpers';

let smtp: SmtpSink;
let stack: Stack;

beforeAll(async () => {
  smtp = await SmtpSink.start();
  stack = await startStack({ smtpUrl: smtp.url });
});

afterAll(async () => {
  await stack?.close();
  await smtp?.stop();
});

const usd = (amount: string) => ({ amount, currency: 'USD' });

describe('POST /orders', () => {
  it('answers 201 with the order view and Location, and the order is live in Temporal', async () => {
    const orderId = uniqueOrderId('PO-API');
    const res = await request(stack.app)
      .post('/orders')
      .set(bearer(TOKENS.ops))
      .send({ orderId, ...newInquiry() });
    expect(res.status).toBe(201);
    expect(res.headers.location).toBe(`/orders/${orderId}`);
    expect(res.headers['content-type']).toMatch(/application\/json/);
    const view = res.body as OrderView;
    expectContractView(view);
    expect(view).toMatchObject({
      orderId,
      stage: 'INQUIRY',
      status: 'OPEN',
      stalled: false,
      quotation: null,
      contract: null,
      remindersSent: 0,
      allowedEvents: expect.arrayContaining(['QUOTATION_SENT', 'NOTE_ADDED', 'ORDER_CANCELLED']),
    });
    expect(view.timeline).toEqual([expect.objectContaining({ type: 'ORDER_CREATED', actor: 'alice' })]);
    // The workflow computed the same initial state from the same input.
    expect(await getOrder(stack.app, orderId)).toEqual(view);
  });

  it('generates an order id when none is given', async () => {
    const res = await request(stack.app).post('/orders').set(bearer(TOKENS.ops)).send(newInquiry());
    expect(res.status).toBe(201);
    const view = res.body as OrderView;
    expect(view.orderId).toMatch(/^PO-\d{4}-[A-Z0-9]{8}$/);
    expect(res.headers.location).toBe(`/orders/${view.orderId}`);
  });

  it('a retried create (the same body again) answers 200 with the existing order', async () => {
    const body = { orderId: uniqueOrderId('PO-API'), ...newInquiry() };
    const first = await request(stack.app).post('/orders').set(bearer(TOKENS.ops)).send(body);
    expect(first.status).toBe(201);
    const again = await request(stack.app).post('/orders').set(bearer(TOKENS.ops)).send(body);
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ orderId: body.orderId, timelineTotal: 1 });
    expect((again.body as OrderView).timeline).toEqual((first.body as OrderView).timeline);
  });

  it('409 ORDER_EXISTS for an id already used, and the first order is untouched', async () => {
    const first = await createOrder(stack.app);
    const res = await request(stack.app)
      .post('/orders')
      .set(bearer(TOKENS.ops2))
      .send({
        ...newInquiry({ customer: { ...newInquiry().customer, company: 'Other AG' } }),
        orderId: first.orderId,
      });
    expectError(res, 409, 'ORDER_EXISTS');
    expect((await getOrder(stack.app, first.orderId)).customer.company).toBe('Acme GmbH');
  });

  it('400 VALIDATION_FAILED lists each bad field with its path', async () => {
    const res = await request(stack.app)
      .post('/orders')
      .set(bearer(TOKENS.ops))
      .send({
        orderId: 'x',
        customer: { name: '', company: 'Acme', email: 'not-an-email', country: 'Germany' },
        accountManager: { name: 'Li', email: 'li@exporter.example' },
        inquiry: { channel: 'FAX', products: [] },
      });
    const error = expectError(res, 400, 'VALIDATION_FAILED');
    const paths = (error.details as { path: string; message: string }[]).map((d) => d.path);
    expect(paths).toEqual(
      expect.arrayContaining([
        'orderId',
        'customer.name',
        'customer.email',
        'customer.country',
        'inquiry.channel',
        'inquiry.products',
      ]),
    );
    for (const d of error.details as { message: string }[]) expect(d.message).toEqual(expect.any(String));
  });
});

describe('an order through its whole life over HTTP', () => {
  it('walks every stage with the contract view after each event, the actor recorded, and the emails listed', async () => {
    const created = await createOrder(stack.app);
    const id = created.orderId;
    const step = async (event: Record<string, unknown>, stage: string, token: string = TOKENS.ops) => {
      const res = await sendEvent(stack.app, id, event, token);
      expect({ status: res.status, body: res.body as unknown }).toEqual({
        status: 200,
        body: expect.objectContaining({ orderId: id, stage }),
      });
      expectContractView(res.body as OrderView);
      return res.body as OrderView;
    };
    const e = fullLife;
    let view = await step(e.quotation, 'QUOTATION');
    expect(view.quotation).toMatchObject({ quotationNo: 'Q-1', incoterm: 'CFR', total: usd('25000.00') });
    await step(e.accepted, 'SAMPLE');
    await step(e.sample1, 'SAMPLE');
    view = await step(e.sampleRejected, 'SAMPLE');
    expect(view.sample).toMatchObject({ rounds: 1, approved: false });
    await step(e.sample2, 'SAMPLE', TOKENS.ops2);
    view = await step(e.sampleApproved, 'CONTRACT');
    expect(view.sample).toMatchObject({ rounds: 2, approved: true });
    view = await step(e.contract, 'DEPOSIT');
    expect(view.payments).toMatchObject({ depositRequired: usd('7500.00'), depositReceived: usd('0.00') });
    view = await step(e.deposit1, 'DEPOSIT');
    expect(view.payments.depositReceived).toEqual(usd('5000.00'));
    view = await step(e.deposit2, 'PRODUCTION');
    expect(view.payments).toMatchObject({
      depositReceived: usd('7500.00'),
      balanceRequired: usd('17500.00'),
    });
    view = await step(e.progress, 'PRODUCTION');
    expect(view.production.percent).toBe(60);
    view = await step(e.inspection, 'PRODUCTION');
    expect(view.production.inspections).toEqual([
      expect.objectContaining({ result: 'PASSED', inspector: 'SGS' }),
    ]);
    await step(e.produced, 'SHIPPING');
    view = await orderWhen(stack.app, id, (v) => v.shipping.booking.requestedAt !== null);
    view = await step(e.booking, 'SHIPPING');
    expect(view.shipping.booking.confirmed).toMatchObject({ vessel: 'MSC Aurora', voyage: 'AU123W' });
    view = await step(e.customs, 'SHIPPING');
    expect(view.shipping.customs).toMatchObject({ declarationNo: 'CD-778' });
    view = await step(e.billOfLading, 'BALANCE');
    expect(view.shipping.billOfLading).toMatchObject({ blNo: 'BL-9001', blType: 'ORIGINAL' });
    view = await orderWhen(stack.app, id, (v) => v.documents.copiesSentAt !== null);
    await step(e.documentsOk, 'BALANCE');
    view = await step(e.balance, 'DOCUMENTS');
    expect(view.payments.balanceReceived).toEqual(usd('17500.00'));
    view = await orderWhen(stack.app, id, (v) => v.documents.dispatchedAt !== null);
    expect(view.documents.items.length).toBeGreaterThan(0);
    expect(view.allowedEvents).not.toContain('GOODS_RELEASED');
    view = await step(e.originals, 'DOCUMENTS');
    expect(view.documents.release.originals).toMatchObject({ courier: 'DHL', trackingNo: 'DHL-BL-9001' });
    view = await step({ ...e.released, eventId: `release-${id}` }, 'COMPLETED');
    expect(view.status).toBe('COMPLETED');
    // A completed order's tail: notes, corrections, and money after the ship sails.
    expect(view.allowedEvents).toEqual(CLOSED_TAKES);

    // Timeline: every client event, in order, by the token's name.
    const final = await orderWhen(stack.app, id, (v) => v.status === 'COMPLETED');
    // ORDER_CREATED and the completion of eight effects: deposit and balance requests, booking, copies,
    // originals, and the acknowledgements of the three payments.
    expect(final.timelineTotal).toBe(Object.values(fullLife).length + 9);
    const timeline = await request(stack.app)
      .get(`/orders/${id}/timeline?limit=200`)
      .set(bearer(TOKENS.viewer));
    expect(timeline.status).toBe(200);
    const entries = [...(timeline.body as { entries: OrderView['timeline'] }).entries].reverse();
    expect(entries.slice(-final.timeline.length)).toEqual(
      final.timeline.map((t): unknown => expect.objectContaining({ ...t, summary: expect.any(String) })),
    );
    const clientEntries = entries.filter((t) => t.actor !== 'system' && t.type !== 'ORDER_CREATED');
    expect(clientEntries.map((t) => t.type)).toEqual(Object.values(fullLife).map((ev) => ev.type));
    expect(clientEntries.find((t) => t.type === 'SAMPLE_SENT' && t.actor === 'olga')).toBeDefined();
    expect(new Set(clientEntries.map((t) => t.actor))).toEqual(new Set(['alice', 'olga']));

    // Emails: booking request, document copies, the final document set; each also reached SMTP.
    const list = await eventually(async () => {
      const emails = await request(stack.app).get(`/orders/${id}/emails`).set(bearer(TOKENS.viewer));
      expect(emails.status).toBe(200);
      const all = (emails.body as { emails: Record<string, unknown>[] }).emails;
      return all.length === 8 ? all : undefined;
    });
    // The copies and the balance request leave together at the B/L: compare without their order.
    expect(list.map((m) => m.purpose).sort()).toEqual([
      'booking-request',
      'document-copies',
      'document-dispatch',
      'payment-acknowledgement',
      'payment-acknowledgement',
      'payment-acknowledgement',
      'payment-request',
      'payment-request',
    ]);
    for (const m of list) {
      expect(Object.keys(m).sort()).toEqual(['cc', 'messageId', 'purpose', 'sentAt', 'subject', 'to']);
      expect(m.to).toEqual(expect.any(Array));
      expect(m.cc).toEqual(expect.any(Array));
    }
    expect(list.find((m) => m.purpose === 'document-copies')?.to).toEqual(['jane@acme.example']);
    await smtp.waitFor((msgs) => list.every((m) => msgs.some((r) => r.parsed.messageId === m.messageId)));

    // A client retrying the event that closed the order (same eventId) gets its 200 again...
    const retried = await sendEvent(stack.app, id, { ...e.released, eventId: `release-${id}` });
    expect(retried.status).toBe(200);
    expect((retried.body as OrderView).timeline.filter((t) => t.type === 'GOODS_RELEASED')).toHaveLength(1);
    // ...and the completed order still takes a note (its status and stage stay), but no stage event.
    const note = await sendEvent(stack.app, id, { type: 'NOTE_ADDED', text: 'claim: 3 panels cracked' });
    expect(note.status).toBe(200);
    expect(note.body).toMatchObject({
      stage: 'COMPLETED',
      status: 'COMPLETED',
      allowedEvents: CLOSED_TAKES,
    });
    const late = await sendEvent(stack.app, id, e.progress);
    expect(expectError(late, 409, 'EVENT_NOT_ALLOWED').details).toEqual({
      stage: 'COMPLETED',
      allowedEvents: CLOSED_TAKES,
    });
  });
});

/** What a completed order paid in USD takes: notes, corrections, the settlement of its receipts, costs. */
const CLOSED_TAKES = ['NOTE_ADDED', 'EVENT_CORRECTED', 'FX_SETTLED', 'COST_RECORDED'];

describe('POST /orders/{id}/events errors and idempotency', () => {
  let order: OrderView;
  beforeAll(async () => {
    order = await createOrder(stack.app);
  });

  it('409 EVENT_NOT_ALLOWED with stage and allowedEvents when the event does not fit the stage', async () => {
    const res = await sendEvent(stack.app, order.orderId, fullLife.contract);
    const error = expectError(res, 409, 'EVENT_NOT_ALLOWED');
    expect(error.details).toEqual({
      stage: 'INQUIRY',
      allowedEvents: expect.arrayContaining(['QUOTATION_SENT', 'NOTE_ADDED', 'ORDER_CANCELLED']),
    });
    expect((error.details as { allowedEvents: string[] }).allowedEvents).not.toContain('CONTRACT_SIGNED');
  });

  it('400 VALIDATION_FAILED for a bad body, with field details, and nothing recorded', async () => {
    const before = await getOrder(stack.app, order.orderId);
    for (const body of [
      { type: 'NO_SUCH_EVENT' },
      { type: 'QUOTATION_SENT', quotationNo: 'Q', incoterm: 'XYZ' },
      {
        ...fullLife.quotation,
        lines: [{ description: 'x', quantity: 1, unitPrice: { amount: '1.234', currency: 'USD' } }],
      },
      {
        ...fullLife.quotation,
        lines: [{ description: 'x', quantity: 1, unitPrice: { amount: 12.5, currency: 'USD' } }],
      },
      {
        ...fullLife.quotation,
        lines: [{ description: 'x', quantity: 1, unitPrice: { amount: '1.00', currency: 'usd' } }],
      },
    ]) {
      const res = await sendEvent(stack.app, order.orderId, body);
      const error = expectError(res, 400, 'VALIDATION_FAILED');
      expect(error.details).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ path: expect.any(String), message: expect.any(String) }),
        ]),
      );
    }
    const threeDecimals = await sendEvent(stack.app, order.orderId, {
      ...(fullLife.quotation as Record<string, unknown>),
      lines: [{ description: 'x', quantity: 1, unitPrice: { amount: '1.234', currency: 'USD' } }],
    });
    expect((threeDecimals.body as { error: { details: { path: string }[] } }).error.details).toEqual([
      expect.objectContaining({ path: 'lines.0.unitPrice.amount' }),
    ]);
    expect((await getOrder(stack.app, order.orderId)).timeline).toEqual(before.timeline);
  });

  it('400 for a payment in the wrong currency or beyond what is due (the reducer decides)', async () => {
    const o = await createOrder(stack.app);
    for (const ev of [
      fullLife.quotation,
      { type: 'QUOTATION_ACCEPTED', sampleRequired: false },
      fullLife.contract,
    ])
      expect((await sendEvent(stack.app, o.orderId, ev)).status).toBe(200);
    const wrongCurrency = await sendEvent(stack.app, o.orderId, {
      type: 'DEPOSIT_RECEIVED',
      amount: { amount: '100.00', currency: 'EUR' },
      reference: 'TT-X',
    });
    const e1 = expectError(wrongCurrency, 400, 'VALIDATION_FAILED');
    expect(e1.details).toEqual(
      expect.arrayContaining([expect.objectContaining({ path: expect.stringContaining('amount') })]),
    );
    const overpaid = await sendEvent(stack.app, o.orderId, {
      type: 'DEPOSIT_RECEIVED',
      amount: usd('7500.01'),
      reference: 'TT-X',
    });
    expectError(overpaid, 400, 'VALIDATION_FAILED');
    const negative = await sendEvent(stack.app, o.orderId, {
      type: 'DEPOSIT_RECEIVED',
      amount: usd('-1.00'),
      reference: 'TT-X',
    });
    expectError(negative, 400, 'VALIDATION_FAILED');
    // The read model follows the contract a moment after its answer.
    const view = await orderWhen(stack.app, o.orderId, (v) => v.stage === 'DEPOSIT');
    expect(view.payments.depositReceived).toEqual(usd('0.00'));
  });

  it('the same eventId twice is applied once and both answer 200', async () => {
    const o = await createOrder(stack.app);
    const event = { type: 'NOTE_ADDED', text: 'called the customer', eventId: 'call-2026-11-26' };
    const first = await sendEvent(stack.app, o.orderId, event);
    const second = await sendEvent(stack.app, o.orderId, event);
    expect(first.status).toBe(200);
    expect(second.status).toBe(200);
    expect(second.body).toEqual(first.body);
    // The read model follows the answer within moments.
    const view = await orderWhen(stack.app, o.orderId, (v) => v.timelineTotal === 2);
    expect(view.timeline.filter((t) => t.eventId === 'call-2026-11-26')).toHaveLength(1);
  });

  it('404 ORDER_NOT_FOUND for an unknown order on every order endpoint', async () => {
    const missing = uniqueOrderId('PO-MISSING');
    expectError(
      await request(stack.app).get(`/orders/${missing}`).set(bearer(TOKENS.viewer)),
      404,
      'ORDER_NOT_FOUND',
    );
    expectError(
      await request(stack.app).get(`/orders/${missing}/emails`).set(bearer(TOKENS.viewer)),
      404,
      'ORDER_NOT_FOUND',
    );
    expectError(
      await sendEvent(stack.app, missing, { type: 'NOTE_ADDED', text: 'x' }),
      404,
      'ORDER_NOT_FOUND',
    );
    expectError(
      await request(stack.app).get('/orders/bad%20id!').set(bearer(TOKENS.viewer)),
      404,
      'ORDER_NOT_FOUND',
    );
  });
});

describe('auth, limits and the open endpoints', () => {
  it('401 UNAUTHENTICATED without a token or with an unknown one', async () => {
    expectError(await request(stack.app).get('/orders'), 401, 'UNAUTHENTICATED');
    expectError(
      await request(stack.app).get('/orders').set(bearer('nope-nope-nope')),
      401,
      'UNAUTHENTICATED',
    );
    expectError(
      await request(stack.app).get('/orders').set('Authorization', TOKENS.ops),
      401,
      'UNAUTHENTICATED',
    );
    expectError(await request(stack.app).post('/orders').send(newInquiry()), 401, 'UNAUTHENTICATED');
  });

  it('403 FORBIDDEN when a viewer writes; a viewer may read', async () => {
    const o = await createOrder(stack.app);
    expectError(
      await request(stack.app).post('/orders').set(bearer(TOKENS.viewer)).send(newInquiry()),
      403,
      'FORBIDDEN',
    );
    expectError(
      await sendEvent(stack.app, o.orderId, { type: 'NOTE_ADDED', text: 'x' }, TOKENS.viewer),
      403,
      'FORBIDDEN',
    );
    expect((await request(stack.app).get(`/orders/${o.orderId}`).set(bearer(TOKENS.viewer))).status).toBe(
      200,
    );
  });

  it('404 NOT_FOUND for an unknown route', async () => {
    expectError(await request(stack.app).get('/nope'), 404, 'NOT_FOUND');
    expectError(await request(stack.app).get('/orders/x/y/z').set(bearer(TOKENS.viewer)), 404, 'NOT_FOUND');
    expectError(await request(stack.app).delete('/orders').set(bearer(TOKENS.ops)), 404, 'NOT_FOUND');
  });

  it('413 PAYLOAD_TOO_LARGE over the body limit; malformed JSON and wrong content type are 4xx with the error shape', async () => {
    const huge = { ...newInquiry(), inquiry: { ...newInquiry().inquiry, notes: 'x'.repeat(200 * 1024) } };
    expectError(
      await request(stack.app).post('/orders').set(bearer(TOKENS.ops)).send(huge),
      413,
      'PAYLOAD_TOO_LARGE',
    );
    expectError(
      await request(stack.app)
        .post('/orders')
        .set(bearer(TOKENS.ops))
        .set('Content-Type', 'application/json')
        .send('{"a":'),
      400,
      'VALIDATION_FAILED',
    );
    expectError(
      await request(stack.app)
        .post('/orders')
        .set(bearer(TOKENS.ops))
        .set('Content-Type', 'text/plain')
        .send('hello'),
      415,
      'UNSUPPORTED_MEDIA_TYPE',
    );
  });

  it('429 RATE_LIMITED per token', async () => {
    const limited = await startStack({ worker: false, env: { API_RATE_LIMIT_PER_MINUTE: '3' } });
    try {
      for (let i = 0; i < 3; i++)
        expect(
          (await request(limited.app).get('/orders/PO-none').set(bearer(TOKENS.viewer))).status,
        ).not.toBe(429);
      expectError(
        await request(limited.app).get('/orders/PO-none').set(bearer(TOKENS.viewer)),
        429,
        'RATE_LIMITED',
      );
      // Another token has its own budget.
      expect((await request(limited.app).get('/orders/PO-none').set(bearer(TOKENS.ops))).status).not.toBe(
        429,
      );
    } finally {
      await limited.close();
    }
  });

  it('GET /health, /openapi.json and /docs need no token; responses carry X-Request-Id and security headers', async () => {
    const health = await request(stack.app).get('/health');
    expect(health.status).toBe(200);
    expect(health.body).toEqual({ status: 'ok', temporal: 'ok', database: 'ok' });
    expect(health.headers['x-request-id']).toEqual(expect.any(String));
    expect(health.headers['x-content-type-options']).toBe('nosniff');
    const echoed = await request(stack.app).get('/health').set('X-Request-Id', 'abc-123');
    expect(echoed.headers['x-request-id']).toBe('abc-123');

    const doc = await request(stack.app).get('/openapi.json');
    expect(doc.status).toBe(200);
    const openapi = doc.body as {
      openapi: string;
      paths: Record<string, Record<string, unknown>>;
      components: { securitySchemes: object };
    };
    expect(openapi.openapi).toMatch(/^3\./);
    expect(Object.keys(openapi.paths).sort()).toEqual(
      [
        '/health',
        '/openapi.json',
        '/orders',
        '/orders/{orderId}',
        '/orders/{orderId}/documents',
        '/orders/{orderId}/documents/{kind}.pdf',
        '/orders/{orderId}/emails',
        '/orders/{orderId}/events',
        '/orders/{orderId}/lc-check',
        '/orders/{orderId}/timeline',
        '/templates',
        '/templates/{name}',
        '/templates/{name}/guidance',
        '/me',
        '/reports/receivables',
        '/reports/stalled',
        '/reports/stage-times',
        '/reports/rebates',
        '/reports/profit',
        '/reports/exposure',
        '/metrics',
        '/orders/{orderId}/tracking-link',
        '/orders/{orderId}/tracking-link/revoke',
        '/track/{token}',
        '/track/{token}/documents/{file}',
        '/track/{token}/confirm',
        '/track/{token}/attachments/{attachmentId}',
        '/orders/{orderId}/attachments',
        '/orders/{orderId}/attachments/{attachmentId}',
        '/imports/orders',
        '/imports/orders/template.xlsx',
        '/companies',
        '/company',
        '/company/tokens',
        '/company/tokens/{tokenId}',
        '/company/members',
        '/company/members/{subject}',
        '/companies/{companyId}/customer-managers/{subject}',
        '/auth/sign-in',
        '/auth/callback',
        '/auth/session',
        '/auth/sign-out',
        '/customers',
        '/customers/{customerId}',
        '/company/rebate-rates',
      ].sort(),
    );
    expect(Object.keys(openapi.paths['/orders'])).toEqual(expect.arrayContaining(['get', 'post']));
    expect(openapi.components.securitySchemes).toHaveProperty('bearerAuth');

    const docs = await request(stack.app).get('/docs');
    expect(docs.status).toBe(200);
    expect(docs.text).toContain('/openapi.json');
    expect(docs.text).not.toMatch(/https?:\/\/(?!localhost)/);
    expect((await request(stack.app).get('/docs/app.js')).status).toBe(200);
  });

  it('logged no unhandled error (no 500) in this file', () => {
    expect(stack.logger.entries.filter((e) => e.level === 'error')).toEqual([]);
  });
});
