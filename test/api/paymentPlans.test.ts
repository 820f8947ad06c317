/**
 * Each payment plan through its whole life over HTTP: a real API, worker, PostgreSQL and SMTP
 * server. Every event waits until the order offers it (the console's buttons do the same), the
 * order completes with nothing outstanding, and the emails each plan needs went out.
 */
import type { OrderView } from '../../src/domain';
import { PAYMENT_PLANS, planLife, type PaymentPlanName } from '../../harness/orderFixtures';
import { SmtpSink } from '../../harness/smtp';
import { startStack, TOKENS, type Stack } from '../../harness/stack';
import { createOrder, emailsOnceSent, expectError, liveThrough, orderWhen, sendEvent } from './helpers';

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

/** The emails (by purpose) each plan must have sent by the end of its life. */
const EMAILS: Record<PaymentPlanName, string[]> = {
  TT: [
    'payment-request',
    'payment-acknowledgement',
    'booking-request',
    'document-copies',
    'document-dispatch',
  ],
  TT_BEFORE_SHIPMENT: ['payment-request', 'payment-acknowledgement', 'booking-request', 'document-dispatch'],
  LC: ['payment-request', 'payment-acknowledgement', 'booking-request', 'presentation-checklist'],
  DP: ['payment-request', 'payment-acknowledgement', 'booking-request', 'collection-instructions'],
  DA: ['payment-request', 'payment-acknowledgement', 'booking-request', 'collection-instructions'],
  OA: ['booking-request', 'document-dispatch', 'payment-request', 'payment-acknowledgement'],
};

const live = (plan: PaymentPlanName): Promise<OrderView> => liveThrough(stack.app, planLife(plan));

describe.each(PAYMENT_PLANS)('the %s plan over HTTP', (plan) => {
  it('runs its whole life, leaves nothing outstanding and sends the emails the plan needs', async () => {
    const view = await live(plan);
    expect(view.payments.outstanding).toEqual({ amount: '0.00', currency: 'USD' });
    expect(view.payments.schedule.every((s) => s.outstanding.amount === '0.00')).toBe(true);
    const emails = await emailsOnceSent(stack.app, view.orderId, EMAILS[plan]);
    if (plan !== 'TT') expect(emails.map((e) => e.purpose)).not.toContain('document-copies');
  }, 120_000);
});

describe('payment plan rules over HTTP', () => {
  it('refuses a contract in another currency than the quotation with a 400 naming the field', async () => {
    const { orderId } = await createOrder(stack.app);
    const [quotation, accepted] = planLife('TT');
    await sendEvent(stack.app, orderId, quotation);
    await sendEvent(stack.app, orderId, accepted);
    const res = await sendEvent(stack.app, orderId, {
      type: 'CONTRACT_SIGNED',
      contractNo: 'C-EUR',
      totalAmount: { amount: '23000.00', currency: 'EUR' },
    });
    expectError(res, 400, 'VALIDATION_FAILED');
    expect(JSON.stringify(res.body)).toContain('totalAmount.currency');
  });

  it('leaves approvals and write-offs to a manager (403 for ops, 200 for the manager)', async () => {
    const { orderId } = await createOrder(stack.app);
    const life = planLife('TT');
    for (const event of life.slice(0, 4)) await sendEvent(stack.app, orderId, event);
    const writeOff = {
      type: 'PAYMENT_WRITTEN_OFF',
      amount: { amount: '5.00', currency: 'USD' },
      reason: 'rounding',
    };
    expectError(await sendEvent(stack.app, orderId, writeOff), 403, 'FORBIDDEN');
    const ok = await sendEvent(stack.app, orderId, writeOff, TOKENS.manager);
    expect(ok.status).toBe(200);
    expect((ok.body as OrderView).payments.writtenOff).toEqual({ amount: '5.00', currency: 'USD' });
    const timeline = await orderWhen(stack.app, orderId, (v) =>
      v.timeline.some((t) => t.type === 'PAYMENT_WRITTEN_OFF'),
    );
    // An email effect may complete after it: find the write-off, not the last line.
    const writtenOff = timeline.timeline.find((t) => t.type === 'PAYMENT_WRITTEN_OFF');
    expect(writtenOff).toMatchObject({ actor: 'max' });
  });
});
