/**
 * A CIF order paid by L/C and an FOB order paid by T/T, each through its whole life over HTTP (real
 * API, worker, PostgreSQL and SMTP server), and their documents built from the contract's lines.
 */
import request from 'supertest';
import type { OrderView } from '../../src/domain';
import { fullLife, newInquiry, shippingTermsLife } from '../../harness/orderFixtures';
import { SmtpSink } from '../../harness/smtp';
import { bearer, startStack, TOKENS, type Stack } from '../../harness/stack';
import { pdfText } from '../activities/pdf-text';
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

const get = (path: string) => request(stack.app).get(path).set(bearer(TOKENS.viewer));

const binary = (res: request.Response, done: (err: Error | null, body: Buffer) => void) => {
  const chunks: Buffer[] = [];
  res.on('data', (chunk: Buffer) => chunks.push(chunk));
  res.on('end', () => done(null, Buffer.concat(chunks)));
};

async function preview(orderId: string, kind: string): Promise<string> {
  const res = await get(`/orders/${orderId}/documents/${kind}.pdf`).buffer(true).parse(binary);
  expect(res.status).toBe(200);
  return (await pdfText(res.body as Buffer)).text;
}

const live = (kind: 'CIF_LC' | 'FOB_TT'): Promise<OrderView> =>
  liveThrough(stack.app, shippingTermsLife(kind));

describe('shipping terms over HTTP', () => {
  it('runs a CIF L/C order: we book, insure at 110 %, and the documents print the contract', async () => {
    const view = await live('CIF_LC');
    expect(view.payments.outstanding).toEqual({ amount: '0.00', currency: 'USD' });
    expect(view.shipping.insurance).toMatchObject({ policyNo: 'PICC-2027-15', cover: 'ICC_A' });
    const emails = await emailsOnceSent(stack.app, view.orderId, [
      'payment-request',
      'booking-request',
      'presentation-checklist',
    ]);
    // The banks hand the documents over: no telex release or originals of ours.
    expect(emails.map((e) => e.purpose)).not.toContain('cargo-ready-notice');
    expect(emails.map((e) => e.purpose)).not.toContain('telex-release-request');
    expect(view.processList.map((s) => s.key)).not.toContain('TELEX_RELEASE_CONFIRMED');
    const list = await get(`/orders/${view.orderId}/documents`);
    expect(list.body).toMatchObject({
      documents: expect.arrayContaining([
        expect.objectContaining({ kind: 'commercial-invoice', number: 'CI-SC-2027-15' }),
        expect.objectContaining({ kind: 'insurance-declaration', number: 'INS-SC-2027-15' }),
      ]) as unknown,
    });
    const invoice = await preview(view.orderId, 'commercial-invoice');
    for (const text of ['Hamburg', '94054200', 'LED driver clip', '0.0125', '25,200.00', 'LC-2027-15'])
      expect(invoice).toContain(text);
    const packing = await preview(view.orderId, 'packing-list');
    for (const text of ['C/NO. 1-204', '204', '2,144']) expect(packing).toContain(text);
    expect(await preview(view.orderId, 'insurance-declaration')).toContain('PICC-2027-15');
  }, 120_000);

  it("runs an FOB T/T order: the cargo-ready notice goes to the buyer's forwarder, not our booking", async () => {
    const view = await live('FOB_TT');
    expect(view.payments.outstanding).toEqual({ amount: '0.00', currency: 'USD' });
    const emails = await emailsOnceSent(stack.app, view.orderId, [
      'cargo-ready-notice',
      'telex-release-request',
    ]);
    expect(emails.map((e) => e.purpose)).not.toContain('booking-request');
    expect(emails.find((e) => e.purpose === 'cargo-ready-notice')?.to).toEqual(['seafreight@kn.example']);
    // Paid in full: the buyer's forwarder, which issued the B/L, is asked for the telex release.
    expect(emails.find((e) => e.purpose === 'telex-release-request')?.to).toEqual(['seafreight@kn.example']);
    // The buyer's forwarder's Ningbo office reads Chinese: both letters are in it.
    expect(emails.find((e) => e.purpose === 'cargo-ready-notice')?.subject).toMatch(/^货好通知：订单 /);
    expect(emails.find((e) => e.purpose === 'telex-release-request')?.subject).toMatch(/^电放申请：提单 /);
    const released = await orderWhen(
      stack.app,
      view.orderId,
      (v) => v.documents.release.telexRequestedAt !== null,
    );
    expect(released.documents.release.telexConfirmedAt).not.toBeNull();
    expect(view.processList.find((s) => s.key === 'TELEX_RELEASE_CONFIRMED')?.status).toBe('DONE');
  }, 120_000);

  it("takes a forwarder's language with the order and refuses one the desk does not write (400)", async () => {
    const post = (language: string) =>
      request(stack.app)
        .post('/orders')
        .set(bearer(TOKENS.ops))
        .send({
          ...newInquiry(),
          forwarder: { name: '宁波远洋货代', email: 'booking@forwarder.example', language },
        });
    const refused = await post('fr');
    expect(JSON.stringify(expectError(refused, 400, 'VALIDATION_FAILED'))).toContain('forwarder.language');
    const taken = await post('zh-CN');
    expect(taken.status).toBe(201);
    expect((taken.body as OrderView).forwarder).toEqual({
      name: '宁波远洋货代',
      email: 'booking@forwarder.example',
      language: 'zh-CN',
    });
  });

  it('refuses booking under EXW (409) and a contract whose lines miss its total (400)', async () => {
    const { orderId } = await createOrder(stack.app);
    const [quotation, accepted, contract] = shippingTermsLife('FOB_TT') as Record<string, unknown>[];
    await sendEvent(stack.app, orderId, { ...quotation, incoterm: 'EXW' });
    await sendEvent(stack.app, orderId, accepted);
    const wrong = await sendEvent(stack.app, orderId, {
      ...contract,
      totalAmount: { amount: '25000.00', currency: 'USD' },
    });
    expect(JSON.stringify(expectError(wrong, 400, 'VALIDATION_FAILED'))).toContain('totalAmount');
    expect((await sendEvent(stack.app, orderId, contract)).status).toBe(200);
    expectError(await sendEvent(stack.app, orderId, fullLife.booking), 409, 'EVENT_NOT_ALLOWED');
  }, 60_000);
});
