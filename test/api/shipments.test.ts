/**
 * Shipments in parts over HTTP on the real stack (API, worker, PostgreSQL, SMTP): an FOB order paid
 * by TT shipped in two parts, and a CIF order under an L/C drawn once per shipment. Each shipment's
 * event names its shipment; the order leaves SHIPPING with the last B/L and completes when both
 * shipments are released and paid.
 */
import request from 'supertest';
import type { OrderView } from '../../src/domain';
import { shippingTermsLife } from '../../harness/orderFixtures';
import { SmtpSink } from '../../harness/smtp';
import { bearer, startStack, TOKENS, type Stack } from '../../harness/stack';
import { eventually } from '../../harness/temporal';
import { createOrder, emailsOnceSent, expectError, orderWhen, sendEvent } from './helpers';

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

/**
 * The trade contract (2,000 panels at 12.50 and 16,000 clips at 0.0125; balance 17,640.00) in two:
 * S1 carries 15,100.00 of its value (balance share 10,570.00), S2 10,100.00 (7,070.00).
 */
const PLAN = [
  {
    type: 'SHIPMENT_PLANNED',
    shipmentId: 'S1',
    lines: [
      { lineNo: 1, quantity: 1200 },
      { lineNo: 2, quantity: 8000 },
    ],
    etd: '2027-01-15',
  },
  {
    type: 'SHIPMENT_PLANNED',
    shipmentId: 'S2',
    lines: [
      { lineNo: 1, quantity: 800 },
      { lineNo: 2, quantity: 8000 },
    ],
    etd: '2027-02-10',
  },
];
const SHARE = { S1: '10570.00', S2: '7070.00' } as const;
type Id = keyof typeof SHARE;

/**
 * Sends `event` once the order takes it: a 409 while an effect it waits for (the documents sent,
 * the telex release requested) is still under way is sent again; any other refusal fails.
 */
async function accepted(orderId: string, event: Record<string, unknown>): Promise<OrderView> {
  let last: unknown = null;
  try {
    return await eventually(
      async () => {
        const res = await sendEvent(stack.app, orderId, event);
        if (res.status === 200) return res.body as OrderView;
        last = res.body;
        expect(res.status).toBe(409);
        return undefined;
      },
      { timeoutMs: 30_000 },
    );
  } catch (e) {
    throw new Error(`${String(event.type)} refused: ${JSON.stringify(last)} (${String(e)})`);
  }
}

async function walk(orderId: string, events: Record<string, unknown>[]): Promise<void> {
  for (const event of events) await accepted(orderId, event);
}

const shipped = (id: Id) => [
  {
    type: 'BOOKING_CONFIRMED',
    shipmentId: id,
    forwarder: 'Blue Ocean Logistics',
    vessel: id === 'S1' ? 'MSC Aurora' : 'MSC Bella',
    voyage: `AU-${id}`,
    etd: id === 'S1' ? '2027-01-15' : '2027-02-10',
    containerNos: [id === 'S1' ? 'MSCU1234567' : 'MSCU7654321'],
  },
  { type: 'CUSTOMS_DECLARED', shipmentId: id, declarationNo: `CD-${id}` },
];
const bl = (id: Id, blType: 'ORIGINAL' | 'TELEX_RELEASE') => ({
  type: 'BILL_OF_LADING_ISSUED',
  shipmentId: id,
  blNo: `BL-${id}`,
  blType,
});

const shipment = (view: OrderView, id: Id) => view.shipments.find((s) => s.shipmentId === id);

describe('shipments in parts over HTTP', () => {
  it('an FOB TT order shipped in two parts: each share paid against its copies, each telex released', async () => {
    const { orderId } = await createOrder(stack.app);
    const [quotation, acceptedQuote, contract, deposit] = shippingTermsLife('FOB_TT');
    await walk(orderId, [quotation, acceptedQuote, contract, deposit, ...PLAN]);
    await walk(orderId, [
      { type: 'INSPECTION_RECORDED', result: 'PASSED', inspector: 'SGS' },
      { type: 'PRODUCTION_COMPLETED' },
    ]);
    // Two shipments: a shipment's event must say which.
    const unnamed = await sendEvent(stack.app, orderId, { ...shipped('S1')[0], shipmentId: undefined });
    expect(unnamed.status).toBe(400);
    expect(JSON.stringify(unnamed.body)).toContain('shipmentId');

    const life = (id: Id) => [
      ...shipped(id),
      bl(id, 'TELEX_RELEASE'),
      { type: 'BALANCE_RECEIVED', shipmentId: id, amount: usd(SHARE[id]), reference: `TT-${id}` },
      { type: 'TELEX_RELEASE_CONFIRMED', shipmentId: id, note: `released ${id}` },
      { type: 'GOODS_RELEASED', shipmentId: id },
    ];
    await walk(orderId, life('S1'));
    const half = await orderWhen(stack.app, orderId, (v) => shipment(v, 'S1')?.stage === 'COMPLETED');
    expect(half.stage).toBe('SHIPPING');
    expect(shipment(half, 'S1')).toMatchObject({ amount: usd(SHARE.S1), billOfLading: { blNo: 'BL-S1' } });
    expect(shipment(half, 'S2')?.billOfLading).toBeNull();

    await walk(orderId, life('S2'));
    const done = await orderWhen(stack.app, orderId, (v) => v.status === 'COMPLETED', 30_000);
    expect(done.payments.outstanding).toEqual(usd('0.00'));
    expect(done.payments.balanceReceived).toEqual(usd('17640.00'));
    expect(done.shipments.map((s) => [s.shipmentId, s.amount, s.outstanding, s.billOfLading?.blNo])).toEqual([
      ['S1', usd(SHARE.S1), usd('0.00'), 'BL-S1'],
      ['S2', usd(SHARE.S2), usd('0.00'), 'BL-S2'],
    ]);
    const balances = done.payments.schedule.filter((e) => e.part === 'BALANCE');
    expect(balances.map((e) => [e.shipmentId, e.amount.amount])).toEqual([
      ['S1', SHARE.S1],
      ['S2', SHARE.S2],
    ]);
    // Each shipment's letters went out for it, saying which (the buyer's forwarder reads Chinese).
    const emails = await eventually(
      async () => {
        const sent = await emailsOnceSent(stack.app, orderId, [
          'cargo-ready-notice',
          'telex-release-request',
        ]);
        const count = (purpose: string) => sent.filter((e) => e.purpose === purpose).length;
        return count('cargo-ready-notice') === 2 && count('telex-release-request') === 2 ? sent : undefined;
      },
      { timeoutMs: 20_000 },
    );
    const subjects = (purpose: string) =>
      emails.filter((e) => e.purpose === purpose).map((e) => e.subject.match(/第 \d 批（共 2 批）/)?.[0]);
    expect(subjects('cargo-ready-notice').sort()).toEqual(['第 1 批（共 2 批）', '第 2 批（共 2 批）']);
    expect(subjects('telex-release-request').sort()).toEqual(['第 1 批（共 2 批）', '第 2 批（共 2 批）']);
  }, 180_000);

  it('a CIF L/C order drawn twice: one presentation per shipment, the credit drawn down', async () => {
    const { orderId } = await createOrder(stack.app);
    const [quotation, acceptedQuote, contract, deposit, lc] = shippingTermsLife('CIF_LC');
    await walk(orderId, [quotation, acceptedQuote, contract, deposit, lc, ...PLAN]);
    // Planned beyond the contract: 400 naming the quantity.
    const over = await sendEvent(stack.app, orderId, {
      type: 'SHIPMENT_PLANNED',
      shipmentId: 'S3',
      lines: [{ lineNo: 1, quantity: 1 }],
    });
    expect(JSON.stringify(expectError(over, 400, 'VALIDATION_FAILED'))).toContain('lines.0.quantity');
    await walk(orderId, [
      { type: 'INSPECTION_RECORDED', result: 'PASSED', inspector: 'SGS' },
      { type: 'PRODUCTION_COMPLETED' },
    ]);
    const life = (id: Id) => [
      ...shipped(id),
      {
        type: 'INSURANCE_ARRANGED',
        shipmentId: id,
        policyNo: `PICC-${id}`,
        insurer: 'PICC Property and Casualty, Ningbo',
        cover: 'ICC_A',
        insuredAmount: usd(id === 'S1' ? '16610.00' : '11110.00'),
      },
      bl(id, 'ORIGINAL'),
      { type: 'DOCUMENTS_PRESENTED', shipmentId: id, bank: 'Bank of China Ningbo', reference: `PRES-${id}` },
      { type: 'LC_HONOURED', shipmentId: id, amount: usd(SHARE[id]), reference: `LC-PAY-${id}` },
      { type: 'GOODS_RELEASED', shipmentId: id },
    ];
    await walk(orderId, life('S1'));
    const half = await orderWhen(stack.app, orderId, (v) => shipment(v, 'S1')?.stage === 'COMPLETED');
    expect(half.payments.lcDrawn).toEqual({ drawn: usd(SHARE.S1), available: usd(SHARE.S2) });
    expect(shipment(half, 'S1')?.presentation).toMatchObject({ presentingBank: 'Bank of China Ningbo' });
    // S2 not presented yet (no presentation, or a blank one).
    expect(shipment(half, 'S2')?.presentation?.presentedAt ?? null).toBeNull();
    expect(shipment(half, 'S2')?.presentation?.honouredAt ?? null).toBeNull();

    // lc-check: each shipment's presentation on its own; S2 has no B/L yet.
    type Checked = { discrepancies: { rule: string; shipmentId?: string }[] };
    const check = (query: string) =>
      request(stack.app).get(`/orders/${orderId}/lc-check${query}`).set(bearer(TOKENS.viewer));
    const s2 = await check('?shipmentId=S2');
    expect(s2.status).toBe(200);
    const s2Rules = (s2.body as Checked).discrepancies;
    expect(s2Rules).toContainEqual(expect.objectContaining({ rule: 'UCP600-20', shipmentId: 'S2' }));
    const whole = (await check('')).body as Checked;
    expect(whole.discrepancies).toEqual(expect.arrayContaining(s2Rules));
    expect(whole.discrepancies.every((d) => d.shipmentId === 'S1' || d.shipmentId === 'S2')).toBe(true);
    expectError(await check('?shipmentId=S9'), 404, 'NOT_FOUND');
    expectError(await check('?shipmentId=not%20an%20id'), 400, 'VALIDATION_FAILED');

    await walk(orderId, life('S2'));
    const done = await orderWhen(stack.app, orderId, (v) => v.status === 'COMPLETED', 30_000);
    expect(done.payments.outstanding).toEqual(usd('0.00'));
    expect(done.payments.lcDrawn).toEqual({ drawn: usd('17640.00'), available: usd('0.00') });
    expect(
      done.shipments.map((s) => [s.shipmentId, s.insurance?.policyNo, s.presentation?.honouredAt !== null]),
    ).toEqual([
      ['S1', 'PICC-S1', true],
      ['S2', 'PICC-S2', true],
    ]);
  }, 180_000);
});
