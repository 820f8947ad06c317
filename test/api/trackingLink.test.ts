/**
 * The buyer's tracking link over HTTP, against the real stack: a live link shows the order and its
 * documents and confirms the copies; a tampered, expired or revoked one shows nothing; too many
 * requests are refused.
 */
import request from 'supertest';
import { fullLife, newInquiry } from '../../harness/orderFixtures';
import { SmtpSink } from '../../harness/smtp';
import { bearer, startStack, TOKENS, type Stack } from '../../harness/stack';
import { eventually } from '../../harness/temporal';
import { signTrackingToken } from '../../src/tracking/token';
import { createOrder, orderWhen, sendEvent } from './helpers';

let smtp: SmtpSink;
let stack: Stack;
let orderId: string;

beforeAll(async () => {
  smtp = await SmtpSink.start();
  stack = await startStack({ smtpUrl: smtp.url, env: { TRACKING_RATE_LIMIT_PER_MINUTE: '40' } });
  const base = newInquiry();
  const order = await createOrder(stack.app, { customer: { ...base.customer, language: 'zh-CN' } });
  orderId = order.orderId;
  const { documentsOk: _ok, balance: _b, originals: _o, released: _r, ...untilCopies } = fullLife;
  for (const event of Object.values(untilCopies)) await sendEvent(stack.app, orderId, event);
  await eventually(async () => {
    const docs = await stack.readModel.documents(orderId);
    return docs.some((d) => d.status === 'COPY_SENT') ? docs : undefined;
  });
}, 120_000);

afterAll(async () => {
  await stack?.close();
  await smtp?.stop();
});

const issue = async (): Promise<string> => {
  const res = await request(stack.app).post(`/orders/${orderId}/tracking-link`).set(bearer(TOKENS.ops));
  expect(res.status).toBe(201);
  return new URL((res.body as { url: string }).url).pathname;
};

test('the document copies email carries a tracking link; the letter and the page are in the buyer language', async () => {
  // The buyer reads Chinese: the covering letter is in Chinese too.
  const mail = smtp.messages.find((m) => m.parsed.subject?.startsWith('单据核对'));
  expect(mail?.parsed.text).toContain('在此查看订单进度、下载单据并确认副本');
  const link = /http:\/\/localhost:3000(\/track\/[A-Za-z0-9._-]+)/.exec(mail?.parsed.text ?? '');
  expect(link).not.toBeNull();
  const page = await request(stack.app).get(link![1]);
  expect(page.status).toBe(200);
  expect(page.text).toContain('<html lang="zh-CN">');
  expect(page.text).toContain('订舱/报关/提单');
  expect(page.text).toContain('商业发票');
  expect(page.text).not.toContain('Li Wei'); // no names of the desk
  expect(page.headers['cache-control']).toBe('no-store');
});

test('a document the buyer has is downloadable as PDF; the confirm button records DOCUMENTS_CONFIRMED as the customer', async () => {
  const path = await issue();
  const pdf = await request(stack.app).get(`${path}/documents/commercial-invoice.pdf`).buffer(true);
  expect(pdf.status).toBe(200);
  expect(pdf.headers['content-type']).toBe('application/pdf');
  expect((pdf.body as Buffer).subarray(0, 5).toString()).toBe('%PDF-');
  expect((await request(stack.app).get(`${path}/documents/bill.pdf`)).status).toBe(404);

  const confirm = await request(stack.app).post(`${path}/confirm`);
  expect(confirm.status).toBe(303);
  const view = await orderWhen(stack.app, orderId, (v) => v.documents.confirmedAt !== null);
  expect(view.timeline.find((e) => e.type === 'DOCUMENTS_CONFIRMED')?.actor).toBe('customer');
});

test('a tampered link is 404, an expired one 410, both without order data', async () => {
  const path = await issue();
  const tampered = path.slice(0, -2) + (path.endsWith('AA') ? 'BB' : 'AA');
  const bad = await request(stack.app).get(tampered);
  expect(bad.status).toBe(404);
  expect(bad.text).not.toContain(orderId);
  const expired = signTrackingToken(
    { company: 'default', orderId, issuedAt: 1, expiresAt: Date.now() - 1000 },
    stack.config.tracking.key,
  );
  const gone = await request(stack.app).get(`/track/${expired}`);
  expect(gone.status).toBe(410);
  expect(gone.text).not.toContain(orderId);
  expect((await request(stack.app).get('/track/x'.repeat(200))).status).toBe(404);
});

test('ops revoke the links issued so far; a fresh link works; viewers may not revoke', async () => {
  const old = await issue();
  expect(
    (await request(stack.app).post(`/orders/${orderId}/tracking-link/revoke`).set(bearer(TOKENS.viewer)))
      .status,
  ).toBe(403);
  const revoked = await request(stack.app)
    .post(`/orders/${orderId}/tracking-link/revoke`)
    .set(bearer(TOKENS.ops));
  expect(revoked.status).toBe(200);
  expect((await request(stack.app).get(old)).status).toBe(410);
  await new Promise((r) => setTimeout(r, 5));
  expect((await request(stack.app).get(await issue())).status).toBe(200);
});

test('too many requests for tracking pages are refused with 429', async () => {
  const path = await issue();
  const statuses: number[] = [];
  for (let i = 0; i < 45; i++) statuses.push((await request(stack.app).get(path)).status);
  expect(statuses).toContain(429);
});
