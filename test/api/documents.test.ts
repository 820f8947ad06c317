/* eslint-disable @typescript-eslint/no-unsafe-assignment -- jest's asymmetric matchers are typed any */
/**
 * The document preview through real HTTP against the jest run's Temporal dev server, a real worker
 * and the real read model: the list, the PDFs (rendered from the read model's view), 404, 409, auth.
 */
import request from 'supertest';
import { fullLife } from '../../harness/orderFixtures';
import { SmtpSink, type ReceivedMail } from '../../harness/smtp';
import { bearer, startStack, TOKENS, type Stack } from '../../harness/stack';
import { pdfText } from '../activities/pdf-text';
import { createOrder, expectError, orderWhen, sendEvent } from './helpers';
import { batch, orderRecord } from '../readModel/records';

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

/** The proforma attached to a deposit request of this order, if the message is one. */
function proformaOf(mail: ReceivedMail, orderId: string): Buffer | undefined {
  if (!mail.parsed.messageId?.includes(`${orderId}.payment-request-deposit.`)) return undefined;
  return mail.parsed.attachments.find((a) => a.filename?.startsWith('Proforma-Invoice-'))?.content;
}

/** An order with a signed contract under the given Incoterm. */
async function contractedOrder(incoterm: string): Promise<string> {
  const { orderId } = await createOrder(stack.app);
  for (const event of [
    { ...fullLife.quotation, incoterm },
    { type: 'QUOTATION_ACCEPTED', sampleRequired: false },
    fullLife.contract,
  ])
    expect((await sendEvent(stack.app, orderId, event)).status).toBe(200);
  // The read model follows the workflow within moments.
  await orderWhen(stack.app, orderId, (view) => view.contract !== null);
  return orderId;
}

const get = (path: string, token: string = TOKENS.viewer) => request(stack.app).get(path).set(bearer(token));

/** supertest buffers application/pdf as a Buffer with this parser. */
const binary = (res: request.Response, done: (err: Error | null, body: Buffer) => void) => {
  const chunks: Buffer[] = [];
  res.on('data', (chunk: Buffer) => chunks.push(chunk));
  res.on('end', () => done(null, Buffer.concat(chunks)));
};

describe('GET /orders/{id}/documents and /documents/{kind}.pdf', () => {
  it('lists nothing and refuses a preview (409) before the quotation; a proforma once quoted', async () => {
    const { orderId } = await createOrder(stack.app);
    const empty = await get(`/orders/${orderId}/documents`);
    expect(empty.status).toBe(200);
    expect(empty.body).toEqual({ documents: [] });
    const refused = expectError(
      await get(`/orders/${orderId}/documents/proforma-invoice.pdf`),
      409,
      'DOCUMENT_NOT_AVAILABLE',
    );
    expect(refused.details).toEqual({
      kind: 'proforma-invoice',
      missing: ['the order has no quotation yet'],
    });

    expect((await sendEvent(stack.app, orderId, fullLife.quotation)).status).toBe(200);
    await orderWhen(stack.app, orderId, (view) => view.quotation !== null);
    const quoted = await get(`/orders/${orderId}/documents`);
    expect(quoted.body).toEqual({
      documents: [
        {
          kind: 'proforma-invoice',
          number: 'PI-Q-1',
          status: 'DRAFT',
          createdAt: null,
          revision: 0,
          // What its original would lack: the default company has no chop, the order no buyer address.
          missing: [
            { document: 'proforma-invoice', field: 'company.chopPng' },
            { document: 'proforma-invoice', field: 'contract.buyerAddress' },
          ],
        },
      ],
    });
    expectError(
      await get(`/orders/${orderId}/documents/commercial-invoice.pdf`),
      409,
      'DOCUMENT_NOT_AVAILABLE',
    );
  });

  it('renders each available kind as a PDF for a viewer, from the read model view', async () => {
    const orderId = await contractedOrder('FOB');
    const list = await get(`/orders/${orderId}/documents`);
    expect(list.status).toBe(200);
    expect((list.body as { documents: unknown[] }).documents).toEqual([
      {
        kind: 'commercial-invoice',
        number: 'CI-C-1',
        status: 'DRAFT',
        createdAt: null,
        revision: 0,
        missing: expect.any(Array),
      },
      {
        kind: 'packing-list',
        number: 'PL-C-1',
        status: 'DRAFT',
        createdAt: null,
        revision: 0,
        missing: expect.any(Array),
      },
      {
        kind: 'proforma-invoice',
        number: 'PI-C-1',
        status: 'DRAFT',
        createdAt: null,
        revision: 0,
        missing: expect.any(Array),
      },
      {
        kind: 'certificate-of-origin',
        number: 'CO-C-1',
        status: 'DRAFT',
        createdAt: null,
        revision: 0,
        missing: expect.any(Array),
      },
    ]);
    const [invoice] = (list.body as { documents: { missing: unknown[] }[] }).documents;
    expect(invoice.missing).toContainEqual({ document: 'commercial-invoice', field: 'company.uscc' });
    const res = await get(`/orders/${orderId}/documents/commercial-invoice.pdf`).buffer(true).parse(binary);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-disposition']).toBe('inline; filename="CI-C-1.pdf"');
    const body = res.body as Buffer;
    expect(body.subarray(0, 5).toString()).toBe('%PDF-');
    const text = (await pdfText(body)).text.replace(/\s+/g, ' ');
    for (const s of [
      'COMMERCIAL INVOICE',
      'COPY - FOR VERIFICATION ONLY',
      'No.: CI-C-1',
      '2,000 pcs 12.50 25,000.00',
      'Port of loading: —',
    ])
      expect(text).toContain(s);
    // The same view renders the same bytes.
    const again = await get(`/orders/${orderId}/documents/commercial-invoice.pdf`).buffer(true).parse(binary);
    expect((again.body as Buffer).equals(body)).toBe(true);
  });

  it('409 for an insurance declaration on a FOB order; 200 on a CIF one', async () => {
    const fob = await contractedOrder('FOB');
    const refused = expectError(
      await get(`/orders/${fob}/documents/insurance-declaration.pdf`),
      409,
      'DOCUMENT_NOT_AVAILABLE',
    );
    expect(refused.details).toEqual({
      kind: 'insurance-declaration',
      missing: ['the seller insures only under CIF or CIP, not FOB'],
    });
    const cif = await contractedOrder('CIF');
    const res = await get(`/orders/${cif}/documents/insurance-declaration.pdf`).buffer(true).parse(binary);
    expect(res.status).toBe(200);
    const text = (await pdfText(res.body as Buffer)).text.replace(/\s+/g, ' ');
    expect(text).toContain('Minimum insured amount (110 % of invoice value): USD 27,500.00');
  });

  it('lists every issued revision with its status; the preview renders the current one', async () => {
    const { orderId } = await createOrder(stack.app);
    const { documentsOk: _ok, balance: _b, originals: _o, released: _r, ...untilCopies } = fullLife;
    for (const event of Object.values(untilCopies))
      expect((await sendEvent(stack.app, orderId, event)).status).toBe(200);
    await orderWhen(stack.app, orderId, (view) => view.documents.copiesSentAt !== null, 60_000);
    const stored = await stack.readModel.getOrder(orderId);
    if (!stored) throw new Error('the order is not in the read model');
    // A correction of the B/L number, as the workflow would project it (the domain's part lands apart).
    const view = stored.view as { documents: Record<string, unknown>; shipping: Record<string, unknown> };
    const revised = {
      ...view,
      shipping: {
        ...view.shipping,
        billOfLading: { ...(view.shipping.billOfLading as object), blNo: 'BL-9002' },
      },
      documents: {
        ...view.documents,
        revision: 1,
        revisions: [
          {
            revision: 1,
            at: '2027-01-20T01:00:00.000Z',
            by: 'manager',
            reason: 'typo in the B/L number',
            eventId: 'fix-bl',
            changes: [{ field: 'blNo', from: 'BL-9001', to: 'BL-9002' }],
          },
        ],
        items: [
          { kind: 'COMMERCIAL_INVOICE', reference: 'CI-C-1-R1' },
          { kind: 'PACKING_LIST', reference: 'PL-C-1-R1' },
          { kind: 'BILL_OF_LADING', reference: 'BL-9002' },
        ],
      },
    };
    const at = '2027-01-20T01:00:00.000Z';
    await stack.readModel.project(
      batch(orderRecord({ orderId, seq: stored.seq + 1, view: revised }), {
        documents: [
          { kind: 'COMMERCIAL_INVOICE', number: 'CI-C-1', status: 'SUPERSEDED', createdAt: at, revision: 0 },
          { kind: 'PACKING_LIST', number: 'PL-C-1', status: 'SUPERSEDED', createdAt: at, revision: 0 },
          {
            kind: 'COMMERCIAL_INVOICE',
            number: 'CI-C-1-R1',
            status: 'COPY_SENT',
            createdAt: at,
            revision: 1,
          },
          { kind: 'PACKING_LIST', number: 'PL-C-1-R1', status: 'COPY_SENT', createdAt: at, revision: 1 },
        ],
      }),
    );

    const list = await get(`/orders/${orderId}/documents`);
    expect(list.status).toBe(200);
    const documents = (
      list.body as { documents: { kind: string; number: string; status: string; revision: number }[] }
    ).documents;
    expect(
      documents.map(({ kind, number, status, revision }) => ({ kind, number, status, revision })),
    ).toEqual([
      { kind: 'commercial-invoice', number: 'CI-C-1', status: 'SUPERSEDED', revision: 0 },
      { kind: 'packing-list', number: 'PL-C-1', status: 'SUPERSEDED', revision: 0 },
      { kind: 'commercial-invoice', number: 'CI-C-1-R1', status: 'COPY_SENT', revision: 1 },
      { kind: 'packing-list', number: 'PL-C-1-R1', status: 'COPY_SENT', revision: 1 },
      { kind: 'proforma-invoice', number: 'PI-C-1', status: 'DRAFT', revision: 0 },
      { kind: 'certificate-of-origin', number: 'CO-C-1-R1', status: 'DRAFT', revision: 1 },
    ]);

    const res = await get(`/orders/${orderId}/documents/commercial-invoice.pdf`).buffer(true).parse(binary);
    expect(res.headers['content-disposition']).toBe('inline; filename="CI-C-1-R1.pdf"');
    const text = (await pdfText(res.body as Buffer)).text.replace(/\s+/g, ' ');
    for (const s of ['REVISED (R1)', 'No.: CI-C-1-R1', 'Revision: R1, replaces CI-C-1', 'BL-9002'])
      expect(text).toContain(s);
  });

  it('a proforma once sent is kept as issued: its preview is the emailed original, not today’s data', async () => {
    const orderId = await contractedOrder('FOB');
    // The deposit request carries the proforma the customer pays against.
    const received = await smtp.waitFor((all) => all.some((m) => proformaOf(m, orderId)), 20_000);
    const sent = received.map((m) => proformaOf(m, orderId)).find((pdf) => pdf !== undefined) as Buffer;
    // Paid; in production the contract changes (no new request goes out): today's data would print
    // the new address.
    for (const deposit of [fullLife.deposit1, fullLife.deposit2])
      expect((await sendEvent(stack.app, orderId, deposit)).status).toBe(200);
    const amended = await sendEvent(stack.app, orderId, {
      type: 'CONTRACT_AMENDED',
      reason: 'buyer moved',
      buyerAddress: 'Neue Strasse 9, 28195 Bremen',
    });
    expect(amended.status).toBe(200);
    await orderWhen(stack.app, orderId, (view) => view.contract?.trade?.buyerAddress !== undefined);
    const res = await get(`/orders/${orderId}/documents/proforma-invoice.pdf`).buffer(true).parse(binary);
    expect(res.status).toBe(200);
    expect(res.headers['content-disposition']).toBe('inline; filename="PI-C-1.pdf"');
    expect(Buffer.compare(res.body as Buffer, sent)).toBe(0);
    expect((await pdfText(res.body as Buffer)).text).not.toContain('Neue Strasse');
    // Another company's same order id has no proforma of this one's.
    expectError(
      await get(`/orders/${orderId}/documents/proforma-invoice.pdf`, TOKENS.acmeViewer),
      404,
      'ORDER_NOT_FOUND',
    );
  });

  it('404 for an unknown kind or order, 401 without a token', async () => {
    const orderId = await contractedOrder('FOB');
    const unknown = expectError(
      await get(`/orders/${orderId}/documents/bill-of-lading.pdf`),
      404,
      'NOT_FOUND',
    );
    expect(unknown.details).toEqual({ kinds: expect.arrayContaining(['commercial-invoice']) });
    expectError(await get(`/orders/${orderId}/documents/commercial-invoice`), 404, 'NOT_FOUND');
    expectError(await get(`/orders/PO-NOPE-404/documents/commercial-invoice.pdf`), 404, 'ORDER_NOT_FOUND');
    expectError(await get(`/orders/PO-NOPE-404/documents`), 404, 'ORDER_NOT_FOUND');
    expectError(await request(stack.app).get(`/orders/${orderId}/documents`), 401, 'UNAUTHENTICATED');
    expectError(
      await request(stack.app)
        .get(`/orders/${orderId}/documents/packing-list.pdf`)
        .set(bearer('wrong-token-123')),
      401,
      'UNAUTHENTICATED',
    );
  });
});
