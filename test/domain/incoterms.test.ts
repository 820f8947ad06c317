import { applyEvent, type AnyEvent, type OrderState } from '../../src/domain';
import { accept as acceptIn, apply, clock, example, fresh, usd, walkTo } from './fixtures';

const ctx = { now: '2027-01-05T00:00:00.000Z', actor: 'ops' };
const accept = (state: OrderState, event: AnyEvent) => acceptIn(state, event, ctx);

/** From the quotation (under `incoterm`) to SHIPPING, with the contract fields given. */
function shippingUnder(incoterm: string, contract: Record<string, unknown> = {}, plan = {}): OrderState {
  return apply(fresh(), [
    example('QUOTATION_SENT', { incoterm }),
    example('QUOTATION_ACCEPTED', { sampleRequired: false }),
    example('CONTRACT_SIGNED', { paymentPlan: plan, ...contract }),
    example('DEPOSIT_RECEIVED'),
    example('INSPECTION_RECORDED'),
    example('PRODUCTION_COMPLETED'),
  ]);
}

describe('EXW: the buyer collects', () => {
  it('sends no booking request and refuses booking, customs and B/L', () => {
    const production = apply(walkTo('PRODUCTION', 'EXW'), [example('INSPECTION_RECORDED')]);
    const d = accept(production, example('PRODUCTION_COMPLETED'));
    expect(d.effects.map((e) => e.type)).toEqual(['stageEntered', 'sendCargoReadyNotice']);
    for (const type of ['BOOKING_CONFIRMED', 'CUSTOMS_DECLARED', 'BILL_OF_LADING_ISSUED'] as const) {
      expect(applyEvent(d.state, example(type), ctx)).toMatchObject({ ok: false, code: 'EVENT_NOT_ALLOWED' });
    }
  });

  it('takes GOODS_COLLECTED as the shipment: TT against copies sends copies and asks for the balance', () => {
    const d = accept(shippingUnder('EXW'), example('GOODS_COLLECTED', { collectedOn: '2027-01-03' }));
    expect(d.state.stage).toBe('BALANCE');
    expect(d.effects.map((e) => e.type)).toEqual(['stageEntered', 'sendDocumentCopies', 'requestBalance']);
    expect(d.state.shipping.collected).toMatchObject({
      collectedBy: 'Acme Trucking',
      collectedOn: '2027-01-03',
    });
    expect(d.state.documents.items.map((i) => i.reference)).toEqual(['CI-C-1', 'PL-C-1']);
    expect(applyEvent(d.state, example('GOODS_COLLECTED'), ctx)).toMatchObject({ ok: false });
    expect(applyEvent(d.state, example('ORDER_CANCELLED'), ctx)).toMatchObject({ ok: false });
  });

  it('counts an open-account due date from the collection date', () => {
    const shipping = shippingUnder('EXW', {}, { balanceMethod: 'OA', tenorDays: 30 });
    const d = accept(shipping, example('GOODS_COLLECTED', { collectedOn: '2027-01-03' }));
    expect(d.state.stage).toBe('DOCUMENTS');
    expect(d.state.payments.balanceDueDate).toBe('2027-02-02');
  });

  it('runs a whole TT life to COMPLETED', () => {
    const tick = clock('2027-01-01T00:00:00.000Z');
    const done = apply(
      shippingUnder('EXW'),
      [
        example('GOODS_COLLECTED'),
        example('BALANCE_RECEIVED'),
        { type: 'EFFECT_COMPLETED', effect: 'dispatchDocuments' },
        example('GOODS_RELEASED'),
      ],
      tick,
    );
    expect(done.stage).toBe('COMPLETED');
  });
});

describe("F-terms: the buyer's forwarder books", () => {
  it('sends a cargo-ready notice instead of our booking request, then ships as before', () => {
    const production = apply(fresh(), [
      example('QUOTATION_SENT', { incoterm: 'FOB' }),
      example('QUOTATION_ACCEPTED', { sampleRequired: false }),
      example('CONTRACT_SIGNED', { buyerForwarder: { name: 'K+N Hamburg', email: 'ops@kn.example' } }),
      example('DEPOSIT_RECEIVED'),
      example('INSPECTION_RECORDED'),
    ]);
    const d = accept(production, example('PRODUCTION_COMPLETED'));
    expect(d.effects.map((e) => e.type)).toEqual(['stageEntered', 'sendCargoReadyNotice']);
    expect(d.record?.summary).toContain("cargo-ready notice to the buyer's forwarder");
    expect(d.state.contract?.trade?.buyerForwarder).toEqual({ name: 'K+N Hamburg', email: 'ops@kn.example' });
    const shipped = apply(d.state, [
      example('BOOKING_CONFIRMED'),
      example('CUSTOMS_DECLARED'),
      example('BILL_OF_LADING_ISSUED'),
    ]);
    expect(shipped.stage).toBe('BALANCE');
    expect(applyEvent(d.state, example('INSURANCE_ARRANGED'), ctx)).toMatchObject({ ok: false });
    expect(applyEvent(d.state, example('GOODS_COLLECTED'), ctx)).toMatchObject({ ok: false });
  });

  it('names the customer when no forwarder was nominated', () => {
    const d = accept(
      apply(walkTo('PRODUCTION', 'FCA'), [example('INSPECTION_RECORDED')]),
      example('PRODUCTION_COMPLETED'),
    );
    expect(d.record?.summary).toContain('cargo-ready notice to the customer');
  });
});

describe('CIF/CIP: we insure before the B/L', () => {
  const declared = (incoterm = 'CIF') =>
    apply(shippingUnder(incoterm), [example('BOOKING_CONFIRMED'), example('CUSTOMS_DECLARED')]);

  it('books (C-terms) and refuses the B/L until the insurance is in place', () => {
    const production = apply(walkTo('PRODUCTION', 'CIF'), [example('INSPECTION_RECORDED')]);
    expect(accept(production, example('PRODUCTION_COMPLETED')).effects.map((e) => e.type)).toEqual([
      'stageEntered',
      'requestBooking',
    ]);
    expect(applyEvent(declared(), example('BILL_OF_LADING_ISSUED'), ctx)).toMatchObject({
      ok: false,
      code: 'EVENT_NOT_ALLOWED',
    });
    const insured = accept(declared(), example('INSURANCE_ARRANGED'));
    expect(insured.state.shipping.insurance).toMatchObject({ policyNo: 'PICC-1', cover: 'ICC_A' });
    expect(accept(insured.state, example('BILL_OF_LADING_ISSUED')).state.stage).toBe('BALANCE');
  });

  it('insures at least 110 % of the contract value, exactly to the cent', () => {
    // 110 % of 10,000.00 is 11,000.00: a cent less is refused.
    expect(
      applyEvent(declared(), example('INSURANCE_ARRANGED', { insuredAmount: usd('10999.99') }), ctx),
    ).toMatchObject({
      ok: false,
      code: 'VALIDATION_FAILED',
      details: [{ path: 'insuredAmount.amount', message: 'must be at least 11000.00 USD' }],
    });
    const eur = { amount: '12000.00', currency: 'EUR' };
    expect(applyEvent(declared(), example('INSURANCE_ARRANGED', { insuredAmount: eur }), ctx)).toMatchObject({
      ok: false,
      details: [{ path: 'insuredAmount.currency' }],
    });
  });

  it('needs ICC (A) under CIP; CIF takes ICC (C)', () => {
    expect(applyEvent(declared('CIP'), example('INSURANCE_ARRANGED', { cover: 'ICC_C' }), ctx)).toMatchObject(
      {
        ok: false,
        details: [{ path: 'cover' }],
      },
    );
    expect(
      accept(declared('CIF'), example('INSURANCE_ARRANGED', { cover: 'ICC_C' })).state.shipping.insurance
        ?.cover,
    ).toBe('ICC_C');
  });

  it('drops a policy an amendment left under 110 %', () => {
    const insured = apply(declared(), [example('INSURANCE_ARRANGED')]);
    const d = accept(insured, example('CONTRACT_AMENDED', { totalAmount: usd('12000.00') }));
    expect(d.state.shipping.insurance).toBeNull();
    expect(d.record?.summary).toContain('arrange it again');
  });
});
