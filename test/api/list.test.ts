/* eslint-disable @typescript-eslint/no-unsafe-assignment -- jest's asymmetric matchers are typed any */
/**
 * GET /orders and the timeline from the read model (written a moment after each event, so polled),
 * and a stall reminder that fires after a per-order INQUIRY limit of a few seconds, through a real
 * worker and SMTP server.
 */
import request from 'supertest';
import type { OrderSummary } from '../../src/api/orderView';
import { fullLife, newInquiry } from '../../harness/orderFixtures';
import { SmtpSink } from '../../harness/smtp';
import { bearer, startStack, TOKENS, type Stack } from '../../harness/stack';
import { eventually } from '../../harness/temporal';
import { createOrder, expectError, orderWhen, sendEvent } from './helpers';

let smtp: SmtpSink;
let stack: Stack;
const run = `${Date.now().toString(36)}-${process.pid}`;
const company = `O'Brien & Söhne GmbH ${run}`;
const manager = `li.wei.${run}@exporter.example`;
const otherManager = `ana.${run}@exporter.example`;

beforeAll(async () => {
  smtp = await SmtpSink.start();
  stack = await startStack({ smtpUrl: smtp.url });
});

afterAll(async () => {
  await stack?.close();
  await smtp?.stop();
});

interface Page {
  orders: OrderSummary[];
  nextPageToken: string | null;
}

async function list(query: Record<string, string | number | boolean>): Promise<Page> {
  const res = await request(stack.app).get('/orders').query(query).set(bearer(TOKENS.viewer));
  expect(res.status).toBe(200);
  return res.body as Page;
}

/** Polls until the filter returns exactly `expected` ids (visibility lags a little behind). */
function listed(query: Record<string, string | number | boolean>, expected: string[]): Promise<Page> {
  return eventually(async () => {
    const page = await list({ pageSize: 200, ...query });
    const ids = page.orders.map((o) => o.orderId).sort();
    return JSON.stringify(ids) === JSON.stringify([...expected].sort()) ? page : undefined;
  });
}

describe('GET /orders', () => {
  it('filters by stage, stalled, customer and account manager, and pages with nextPageToken', async () => {
    const base = newInquiry();
    const customer = { ...base.customer, company };
    const a = await createOrder(stack.app, { customer, accountManager: { name: 'Li Wei', email: manager } });
    const b = await createOrder(stack.app, { customer, accountManager: { name: 'Li Wei', email: manager } });
    const c = await createOrder(stack.app, {
      customer,
      accountManager: { name: 'Ana', email: otherManager },
    });
    expect((await sendEvent(stack.app, b.orderId, fullLife.quotation)).status).toBe(200);
    // The read model follows the answer within moments.
    await orderWhen(stack.app, b.orderId, (v) => v.stage === 'QUOTATION');

    const all = await listed({ customer: company }, [a.orderId, b.orderId, c.orderId]);
    const summaryOfB = all.orders.find((o) => o.orderId === b.orderId);
    expect(summaryOfB).toEqual({
      orderId: b.orderId,
      stage: 'QUOTATION',
      customer: { name: 'Jane Doe', company },
      accountManager: { name: 'Li Wei', email: manager },
      stalled: false,
      status: 'OPEN',
      updatedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      stageDeadline: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      amountOutstanding: null,
      nextDueAt: null,
      links: {
        temporalUi: expect.stringContaining(`/workflows/${encodeURIComponent(`default:${b.orderId}`)}`),
      },
    });
    expect(all.nextPageToken).toBeNull();

    await listed({ customer: company, stage: 'QUOTATION' }, [b.orderId]);
    await listed({ customer: company, stage: 'INQUIRY' }, [a.orderId, c.orderId]);
    await listed({ customer: company, accountManager: manager }, [a.orderId, b.orderId]);
    await listed({ customer: company, accountManager: otherManager.toUpperCase() }, [c.orderId]);
    await listed({ customer: company, stalled: false }, [a.orderId, b.orderId, c.orderId]);
    await listed({ customer: company, stalled: true }, []);
    await listed({ customer: `${company} and more` }, []);

    // Pages of 2: every order once, then no token.
    const first = await list({ customer: company, pageSize: 2 });
    expect(first.orders).toHaveLength(2);
    expect(first.nextPageToken).toEqual(expect.stringMatching(/^[A-Za-z0-9_-]+$/));
    const second = await list({ customer: company, pageSize: 2, nextPageToken: first.nextPageToken! });
    const ids = [...first.orders, ...second.orders].map((o) => o.orderId).sort();
    expect(ids).toEqual([a.orderId, b.orderId, c.orderId].sort());
    if (second.nextPageToken)
      expect(
        (await list({ customer: company, pageSize: 2, nextPageToken: second.nextPageToken })).orders,
      ).toEqual([]);
  });

  it('searches with q, filters on money outstanding, sorts, and lists an order once whatever its runs', async () => {
    const tag = `Q${run}`.toUpperCase();
    const customer = { ...newInquiry().customer, company: `Searchable ${tag} Ltd` };
    const quiet = await createOrder(stack.app, { customer });
    const owing = await createOrder(stack.app, { customer });
    for (const event of [
      fullLife.quotation,
      { ...fullLife.accepted, sampleRequired: false },
      { ...fullLife.contract, contractNo: `C-${tag}` },
    ])
      expect((await sendEvent(stack.app, owing.orderId, event)).status).toBe(200);

    // q: part of the company (any case), the order id, or the contract number.
    await listed({ q: tag.toLowerCase() }, [quiet.orderId, owing.orderId]);
    await listed({ q: quiet.orderId.slice(-6) }, [quiet.orderId]);
    await listed({ q: `C-${tag}` }, [owing.orderId]);
    const page = await listed({ q: tag, outstanding: true }, [owing.orderId]);
    expect(page.orders[0].amountOutstanding).toEqual({ amount: '25000.00', currency: 'USD' });
    await listed({ q: tag, outstanding: false }, [quiet.orderId]);
    await listed({ q: tag, overdue: true }, []);
    const newestFirst = await list({ q: tag });
    expect(newestFirst.orders.map((o) => o.orderId)).toEqual([owing.orderId, quiet.orderId]);
    const oldestFirst = await list({ q: tag, sort: 'updatedAt' });
    expect(oldestFirst.orders.map((o) => o.orderId)).toEqual([quiet.orderId, owing.orderId]);

    // The timeline pages newest first; the view keeps the latest entries and the total.
    // The contract's deposit request is an effect: its completion is the fifth entry.
    const view = await orderWhen(stack.app, owing.orderId, (v) => v.timelineTotal === 5);
    const one = await request(stack.app)
      .get(`/orders/${owing.orderId}/timeline`)
      .query({ limit: 3 })
      .set(bearer(TOKENS.viewer));
    expect(one.status).toBe(200);
    const firstPage = one.body as { entries: { seq: number; type: string }[]; nextCursor: string };
    expect(firstPage.entries.map((e) => e.seq)).toEqual([5, 4, 3]);
    expect(firstPage.entries.map((e) => e.type)).toEqual([
      'EFFECT_COMPLETED',
      'CONTRACT_SIGNED',
      'QUOTATION_ACCEPTED',
    ]);
    const two = await request(stack.app)
      .get(`/orders/${owing.orderId}/timeline`)
      .query({ limit: 3, cursor: firstPage.nextCursor })
      .set(bearer(TOKENS.viewer));
    expect(two.body).toEqual({
      entries: [
        expect.objectContaining({ seq: 2, type: 'QUOTATION_SENT' }),
        expect.objectContaining({ seq: 1, type: 'ORDER_CREATED' }),
      ],
      nextCursor: null,
    });
    expect(view.timeline.map((t) => t.type)).toEqual([
      'ORDER_CREATED',
      'QUOTATION_SENT',
      'QUOTATION_ACCEPTED',
      'CONTRACT_SIGNED',
      'EFFECT_COMPLETED',
    ]);
    expectError(
      await request(stack.app)
        .get(`/orders/${owing.orderId}/timeline`)
        .query({ cursor: 'not-a-cursor' })
        .set(bearer(TOKENS.viewer)),
      400,
      'VALIDATION_FAILED',
    );
    expectError(
      await request(stack.app).get('/orders/PO-NO-SUCH-ORDER/timeline').set(bearer(TOKENS.viewer)),
      404,
      'ORDER_NOT_FOUND',
    );
  });

  it('400 VALIDATION_FAILED for a bad query', async () => {
    for (const query of [
      { stage: 'NOWHERE' },
      { stalled: 'yes' },
      { pageSize: 0 },
      { pageSize: 201 },
      { accountManager: 'not-an-email' },
      { nextPageToken: '***' },
      { nextPageToken: 'AAAA' },
      { sort: 'random' },
      { outstanding: 'maybe' },
    ]) {
      const res = await request(stack.app).get('/orders').query(query).set(bearer(TOKENS.viewer));
      const error = expectError(res, 400, 'VALIDATION_FAILED');
      expect(error.details).toEqual([expect.objectContaining({ path: Object.keys(query)[0] })]);
    }
  });
});

describe('stall reminders over HTTP', () => {
  it('fires after a per-order INQUIRY limit of 3s: stalled view, the email in /emails and at SMTP, and stalled=true in the list', async () => {
    const stalledCompany = `Stalling AG ${run}`;
    const order = await createOrder(stack.app, {
      customer: { ...newInquiry().customer, company: stalledCompany },
      stageTimeLimits: { INQUIRY: '3s' },
    });
    expect(order.stageDeadline).toBe(new Date(Date.parse(order.stageEnteredAt) + 3_000).toISOString());
    expect(order.stalled).toBe(false);

    const view = await orderWhen(stack.app, order.orderId, (v) => v.stalled && v.remindersSent >= 1, 30_000);
    expect(view.stage).toBe('INQUIRY');

    const res = await request(stack.app).get(`/orders/${order.orderId}/emails`).set(bearer(TOKENS.viewer));
    expect(res.status).toBe(200);
    const reminders = (
      res.body as { emails: { purpose: string; to: string[]; messageId: string }[] }
    ).emails.filter((m) => m.purpose === 'stall-reminder');
    expect(reminders.length).toBeGreaterThanOrEqual(1);
    expect(reminders[0].to).toEqual(['li.wei@exporter.example']);
    await smtp.waitFor((msgs) => msgs.some((m) => m.parsed.messageId === reminders[0].messageId));

    const page = await listed({ customer: stalledCompany, stalled: true }, [order.orderId]);
    expect(page.orders[0]).toMatchObject({ stalled: true, stage: 'INQUIRY' });

    // A stage change stops the reminders and clears stalled.
    const moved = await sendEvent(stack.app, order.orderId, fullLife.quotation);
    expect(moved.body).toMatchObject({ stage: 'QUOTATION', stalled: false });
    await listed({ customer: stalledCompany, stalled: false }, [order.orderId]);
  });

  it('logged no unhandled error (no 500) in this file', () => {
    expect(stack.logger.entries.filter((e) => e.level === 'error')).toEqual([]);
  });
});
