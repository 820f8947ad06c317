/**
 * The order's process list, the manager's sample waiver, an expired quotation, and hold and resume
 * over HTTP: a real API, worker, PostgreSQL and SMTP server.
 */
import type { OrderView } from '../../src/domain';
import { fullLife } from '../../harness/orderFixtures';
import { SmtpSink } from '../../harness/smtp';
import { startStack, TOKENS, type Stack } from '../../harness/stack';
import { createOrder, expectError, getOrder, sendEvent } from './helpers';

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

const statuses = (v: OrderView) => Object.fromEntries(v.processList.map((p) => [p.key, p.status]));

it('shows the process list in the view, following the order', async () => {
  const { orderId } = await createOrder(stack.app);
  const created = await getOrder(stack.app, orderId);
  expect(created.processList[0]).toMatchObject({
    key: 'QUOTATION_SENT',
    stage: 'INQUIRY',
    status: 'PENDING',
  });
  const res = await sendEvent(stack.app, orderId, fullLife.quotation);
  expect(res.status).toBe(200);
  const quoted = res.body as OrderView;
  expect(quoted.processList[0]).toMatchObject({ status: 'DONE', actor: expect.any(String) as string });
  expect(statuses(quoted)).toMatchObject({ QUOTATION_ACCEPTED: 'PENDING', CONTRACT_SIGNED: 'PENDING' });
});

it('leaves the sample waiver to a manager (403 for ops, 200 for the manager) and moves to CONTRACT', async () => {
  const { orderId } = await createOrder(stack.app);
  for (const e of [fullLife.quotation, fullLife.accepted, fullLife.sample1]) {
    expect((await sendEvent(stack.app, orderId, e)).status).toBe(200);
  }
  const waiver = { type: 'SAMPLE_WAIVED', reason: 'same panel as the last order' };
  expectError(await sendEvent(stack.app, orderId, waiver), 403, 'FORBIDDEN');
  const ok = await sendEvent(stack.app, orderId, waiver, TOKENS.manager);
  expect(ok.status).toBe(200);
  expect(ok.body).toMatchObject({ stage: 'CONTRACT', sample: { required: false, waiver: { by: 'max' } } });
});

it('refuses to accept a quotation past its validUntil with a 400 naming validUntil', async () => {
  const { orderId } = await createOrder(stack.app);
  await sendEvent(stack.app, orderId, { ...fullLife.quotation, validUntil: '2020-01-31' });
  const res = await sendEvent(stack.app, orderId, fullLife.accepted);
  expectError(res, 400, 'VALIDATION_FAILED');
  expect(JSON.stringify(res.body)).toContain('validUntil');
});

it('puts an order on hold and resumes it', async () => {
  const { orderId } = await createOrder(stack.app);
  const held = await sendEvent(stack.app, orderId, { type: 'ORDER_ON_HOLD', reason: 'Spring Festival' });
  expect(held.status).toBe(200);
  expect(held.body).toMatchObject({ hold: { reason: 'Spring Festival' } });
  expect((held.body as OrderView).allowedEvents).toContain('ORDER_RESUMED');
  expectError(
    await sendEvent(stack.app, orderId, { type: 'ORDER_ON_HOLD', reason: 'again' }),
    409,
    'EVENT_NOT_ALLOWED',
  );
  const resumed = await sendEvent(stack.app, orderId, { type: 'ORDER_RESUMED' });
  expect(resumed.status).toBe(200);
  const view = resumed.body as OrderView;
  expect(view.hold).toBeNull();
  expect(Date.parse(view.stageDeadline ?? '')).toBeGreaterThanOrEqual(
    Date.parse((held.body as OrderView).stageDeadline ?? ''),
  );
});
