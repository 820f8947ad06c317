/**
 * The document gate through real HTTP, a real worker and the read model: with the gate on, the
 * event that would issue originals is 409 DOCUMENTS_INCOMPLETE naming what is missing, the document
 * list shows each document's gaps, and an order whose data is complete goes through.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import type { OrderEventInput } from '../../src/domain';
import { fullLife } from '../../harness/orderFixtures';
import { SmtpSink } from '../../harness/smtp';
import { bearer, startStack, TOKENS, type Stack } from '../../harness/stack';
import { createOrder, expectError, orderWhen, sendEvent } from './helpers';

/** A 1x1 PNG: the chop's bytes only need to be a PNG here. */
const PNG =
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==';

let smtp: SmtpSink;
let stack: Stack;

beforeAll(async () => {
  const dir = mkdtempSync(join(tmpdir(), 'chop-'));
  writeFileSync(join(dir, 'chop.png'), Buffer.from(PNG, 'base64'));
  smtp = await SmtpSink.start();
  stack = await startStack({
    smtpUrl: smtp.url,
    env: {
      DOCUMENT_GATE: 'true',
      EXPORTER_NAME_LOCAL: '宁波海天照明有限公司',
      EXPORTER_USCC: '91350100M000100Y43',
      EXPORTER_CUSTOMS_CODE: '3302960ABC',
      EXPORTER_CHOP_FILE: join(dir, 'chop.png'),
      EXPORTER_PLACE_OF_ISSUE: 'NINGBO, CHINA',
    },
  });
});

afterAll(async () => {
  await stack?.close();
  await smtp?.stop();
});

const complete: OrderEventInput = {
  ...fullLife.contract,
  lines: [
    {
      description: '40W LED panel',
      hsCode: '9405420000',
      quantity: 2000,
      unit: 'pcs',
      unitPrice: { amount: '12.50', currency: 'USD' },
      packing: { packages: 100, netWeightKg: 900, grossWeightKg: 1000, volumeCbm: 6.2 },
    },
  ],
  buyerAddress: 'Hafenstrasse 1\n20457 Hamburg',
  portOfLoading: 'Ningbo',
  portOfDischarge: 'Hamburg',
  originCountry: 'CN',
  marks: 'ACME\nHAMBURG\nC/NO. 1-100',
  packageType: 'CTNS',
  // CFR: the freight in the price, shown apart.
  freight: { amount: '1200.00', currency: 'USD' },
};

/** The export declaration as the gate wants it: an 18-digit number and the data, agreeing with the invoice. */
const declared: OrderEventInput = {
  type: 'CUSTOMS_DECLARED',
  declarationNo: '310420270000123456',
  declaredOn: '2027-01-10',
  tradeMode: 'GENERAL_TRADE',
  transportMode: 'SEA',
  lines: [
    {
      lineNo: 1,
      hsCode: '9405420000',
      declaredElements: '1|0|LED panel|40W',
      quantity: 2000,
      value: { amount: '25000.00', currency: 'USD' },
      packages: 100,
      netWeightKg: 900,
      grossWeightKg: 1000,
    },
  ],
};

/** An order walked to the balance (copies confirmed) with the given contract. */
async function awaitingBalance(contract: OrderEventInput): Promise<string> {
  const { orderId } = await createOrder(stack.app);
  const events: OrderEventInput[] = [
    fullLife.quotation,
    { type: 'QUOTATION_ACCEPTED', sampleRequired: false },
    contract,
    { type: 'DEPOSIT_RECEIVED', amount: { amount: '7500.00', currency: 'USD' }, reference: 'TT-1' },
    fullLife.inspection,
    fullLife.produced,
    fullLife.booking,
    declared,
    fullLife.billOfLading,
    fullLife.documentsOk,
  ];
  for (const event of events) {
    await orderWhen(stack.app, orderId, (v) => v.allowedEvents.includes(event.type));
    const res = await sendEvent(stack.app, orderId, event);
    expect({ type: event.type, status: res.status }).toEqual({ type: event.type, status: 200 });
  }
  return orderId;
}

describe('the document gate over HTTP', () => {
  it('refuses the payment that would release incomplete originals, and lists the gaps', async () => {
    const orderId = await awaitingBalance(fullLife.contract);
    const refused = expectError(
      await sendEvent(stack.app, orderId, fullLife.balance),
      409,
      'DOCUMENTS_INCOMPLETE',
    );
    const missing = (refused.details as { missing: unknown[] }).missing;
    expect(missing).toEqual(
      expect.arrayContaining([
        { document: 'commercial-invoice', field: 'contract.buyerAddress' },
        { document: 'commercial-invoice', field: 'lines[0].hsCode' },
        { document: 'packing-list', field: 'lines[0].grossWeightKg' },
      ]),
    );
    expect(missing).not.toContainEqual(expect.objectContaining({ field: 'company.uscc' }));

    const list = await request(stack.app).get(`/orders/${orderId}/documents`).set(bearer(TOKENS.viewer));
    const invoice = (list.body as { documents: { kind: string; missing: unknown[] }[] }).documents.find(
      (d) => d.kind === 'commercial-invoice',
    );
    expect(invoice?.missing).toContainEqual({ document: 'commercial-invoice', field: 'lines[0].hsCode' });
    // Nothing was recorded: the balance is still owed.
    const view = await orderWhen(stack.app, orderId, () => true);
    expect(view.stage).toBe('BALANCE');

    // After shipment the deal is fixed, and the documents' data can still be completed.
    const {
      type: _signed,
      contractNo: _no,
      totalAmount: _total,
      ...tradeData
    } = complete as Record<string, unknown>;
    const dealChanged = await sendEvent(stack.app, orderId, {
      type: 'CONTRACT_AMENDED',
      reason: 'more pieces',
      totalAmount: { amount: '30000.00', currency: 'USD' },
    });
    expectError(dealChanged, 400, 'VALIDATION_FAILED');
    const completed = await sendEvent(stack.app, orderId, {
      ...tradeData,
      type: 'CONTRACT_AMENDED',
      reason: 'HS codes, packing and addresses for the originals',
    });
    expect(completed.status).toBe(200);
    await orderWhen(stack.app, orderId, (v) => v.timelineTotal > view.timelineTotal);
    const paid = await sendEvent(stack.app, orderId, fullLife.balance);
    expect(paid.status).toBe(200);
  });

  it('lets a complete order release its originals', async () => {
    const orderId = await awaitingBalance(complete);
    const list = await request(stack.app).get(`/orders/${orderId}/documents`).set(bearer(TOKENS.viewer));
    const docs = (list.body as { documents: { kind: string; missing: unknown[] }[] }).documents;
    expect(docs.find((d) => d.kind === 'commercial-invoice')?.missing).toEqual([]);
    expect(docs.find((d) => d.kind === 'packing-list')?.missing).toEqual([]);
    const paid = await sendEvent(stack.app, orderId, fullLife.balance);
    expect(paid.status).toBe(200);
  });

  it('needs the 18-digit declaration and its data while the gate is on', async () => {
    const { orderId } = await createOrder(stack.app);
    const events: OrderEventInput[] = [
      fullLife.quotation,
      { type: 'QUOTATION_ACCEPTED', sampleRequired: false },
      fullLife.contract,
      { type: 'DEPOSIT_RECEIVED', amount: { amount: '7500.00', currency: 'USD' }, reference: 'TT-1' },
      fullLife.inspection,
      fullLife.produced,
      fullLife.booking,
    ];
    for (const event of events) {
      await orderWhen(stack.app, orderId, (v) => v.allowedEvents.includes(event.type));
      expect((await sendEvent(stack.app, orderId, event)).status).toBe(200);
    }
    const refused = expectError(
      await sendEvent(stack.app, orderId, fullLife.customs),
      400,
      'VALIDATION_FAILED',
    );
    expect((refused.details as { path: string }[]).map((d) => d.path)).toEqual([
      'declarationNo',
      'declaredOn',
      'tradeMode',
      'transportMode',
      'lines',
    ]);
  });
});
