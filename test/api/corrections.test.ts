/**
 * Corrections over HTTP with a real worker, PostgreSQL and SMTP server (contract v3, "Corrections"):
 * a B/L number corrected after the copies went out, a reversed deposit, an undone sample approval.
 */
import request from 'supertest';
import type { OrderView } from '../../src/api/orderView';
import type { OrderEventInput } from '../../src/domain';
import { fullLife } from '../../harness/orderFixtures';
import { SmtpSink } from '../../harness/smtp';
import { bearer, startStack, TOKENS, type Stack } from '../../harness/stack';
import { createOrder, expectError, orderWhen, sendEvent } from './helpers';

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

const get = (path: string) => request(stack.app).get(path).set(bearer(TOKENS.viewer));

/** Sends each event once the order offers it; every one must be taken. */
async function walk(orderId: string, events: OrderEventInput[]): Promise<OrderView> {
  let view: OrderView | undefined;
  for (const event of events) {
    await orderWhen(stack.app, orderId, (v) => v.allowedEvents.includes(event.type), 30_000);
    const res = await sendEvent(stack.app, orderId, event);
    expect({
      type: event.type,
      status: res.status,
      body: res.status === 200 ? null : (res.body as unknown),
    }).toEqual({
      type: event.type,
      status: 200,
      body: null,
    });
    view = res.body as OrderView;
  }
  if (!view) throw new Error('no events');
  return view;
}

const eventIdOf = (view: OrderView, type: string) => {
  const entry = view.corrections.correctable.find((e) => e.type === type);
  if (!entry) throw new Error(`no correctable ${type} in ${JSON.stringify(view.corrections)}`);
  return entry.eventId;
};

describe('corrections over HTTP', () => {
  it('a B/L number corrected after the copies went out: revised copies are sent, the list shows both revisions', async () => {
    const { orderId } = await createOrder(stack.app);
    const f = fullLife;
    const shipped = await walk(orderId, [
      f.quotation,
      { ...f.accepted, sampleRequired: false },
      f.contract,
      f.deposit1,
      f.deposit2,
      f.inspection,
      f.produced,
      f.booking,
      f.customs,
      f.billOfLading,
    ]);
    await orderWhen(stack.app, orderId, (v) => v.documents.copiesSentAt !== null, 30_000);
    const blId = eventIdOf(shipped, 'BILL_OF_LADING_ISSUED');
    const correction = {
      type: 'EVENT_CORRECTED',
      correctsEventId: blId,
      changes: { blNo: 'BL-9002' },
      reason: 'the carrier typed the B/L number wrong',
    };
    // The customer has seen the number: ops may not correct it.
    expectError(await sendEvent(stack.app, orderId, correction), 403, 'FORBIDDEN');
    const res = await sendEvent(stack.app, orderId, correction, TOKENS.manager);
    expect(res.status).toBe(200);
    const view = res.body as OrderView;
    expect(view.shipping.billOfLading?.blNo).toBe('BL-9002');
    expect(view.documents.revision).toBe(1);

    // The customer gets the revised copies, saying what changed.
    const mails = await smtp.waitFor(
      (ms) => ms.some((m) => m.parsed.subject?.startsWith('Revised') && m.parsed.subject.includes(orderId)),
      30_000,
    );
    const revised = mails.find(
      (m) => m.parsed.subject?.startsWith('Revised') && m.parsed.subject.includes(orderId),
    );
    expect(revised?.parsed.text).toContain('BL-9002');
    expect(revised?.parsed.attachments.map((a) => a.filename)).toEqual(
      expect.arrayContaining([expect.stringContaining('CI-C-1-R1')]),
    );

    // Both revisions are listed; the original entry is marked, the correction is on the timeline.
    const list = await get(`/orders/${orderId}/documents`);
    expect(list.body).toMatchObject({
      documents: expect.arrayContaining([
        expect.objectContaining({ kind: 'commercial-invoice', number: 'CI-C-1', status: 'SUPERSEDED' }),
        expect.objectContaining({ kind: 'commercial-invoice', number: 'CI-C-1-R1', revision: 1 }),
      ]) as unknown,
    });
    const timeline = await get(`/orders/${orderId}/timeline?limit=100`);
    const entries = (timeline.body as { entries: { eventId: string; type: string; correctedBy?: string }[] })
      .entries;
    const corrected = entries.find((e) => e.type === 'EVENT_CORRECTED');
    expect(entries.find((e) => e.eventId === blId)?.correctedBy).toBe(corrected?.eventId);
  }, 180_000);

  it('a reversed deposit is owed again, with a warning, and the stage does not move', async () => {
    const { orderId } = await createOrder(stack.app);
    const f = fullLife;
    const paid = await walk(orderId, [
      f.quotation,
      { ...f.accepted, sampleRequired: false },
      f.contract,
      f.deposit1,
      f.deposit2,
    ]);
    expect(paid.stage).toBe('PRODUCTION');
    const [first] = paid.corrections.reversiblePayments;
    const reversal = { type: 'PAYMENT_REVERSED', paymentEventId: first.eventId, reason: 'booked twice' };
    expectError(await sendEvent(stack.app, orderId, reversal), 403, 'FORBIDDEN');
    const res = await sendEvent(stack.app, orderId, reversal, TOKENS.manager);
    expect(res.status).toBe(200);
    const view = res.body as OrderView;
    expect(view.stage).toBe('PRODUCTION');
    expect(view.amountOutstanding).toEqual({ amount: '22500.00', currency: 'USD' });
    expect(view.payments.schedule.find((s) => s.part === 'DEPOSIT')?.outstanding).toEqual({
      amount: '5000.00',
      currency: 'USD',
    });
    expect(view.warnings).toEqual([expect.objectContaining({ code: 'PAYMENT_REVERSED' })]);
    // Not twice; and the read model shows the same.
    expectError(await sendEvent(stack.app, orderId, reversal, TOKENS.manager), 409, 'CORRECTION_NOT_ALLOWED');
    await orderWhen(
      stack.app,
      orderId,
      (v) => v.warnings.length === 1 && v.amountOutstanding?.amount === '22500.00',
    );
  }, 120_000);

  it('undoes a sample approval: the order is back in SAMPLE, waiting for the verdict', async () => {
    const { orderId } = await createOrder(stack.app);
    const f = fullLife;
    const approved = await walk(orderId, [f.quotation, f.accepted, f.sample1, f.sampleApproved]);
    expect(approved.stage).toBe('CONTRACT');
    const undoable = approved.corrections.undoable;
    expect(undoable).toMatchObject({ type: 'SAMPLE_APPROVED' });
    const undo = {
      type: 'EVENT_UNDONE',
      undoesEventId: undoable?.eventId,
      reason: 'clicked approve instead of reject',
    };
    expectError(await sendEvent(stack.app, orderId, undo), 403, 'FORBIDDEN');
    const res = await sendEvent(stack.app, orderId, undo, TOKENS.manager);
    expect(res.status).toBe(200);
    const view = res.body as OrderView;
    expect(view.stage).toBe('SAMPLE');
    expect(view.allowedEvents).toEqual(expect.arrayContaining(['SAMPLE_APPROVED', 'SAMPLE_REJECTED']));
    const rejected = await sendEvent(stack.app, orderId, f.sampleRejected);
    expect(rejected.status).toBe(200);
    // Twice is refused with why.
    const again = expectError(
      await sendEvent(stack.app, orderId, undo, TOKENS.manager),
      409,
      'CORRECTION_NOT_ALLOWED',
    );
    expect(again.message).toMatch(/undone|taken back|latest stage move/);
  }, 120_000);
});
