/** The template's terms drive the order: the sample, the payment plan, the QC gate. */
import { allowedEvents, applyEvent, type OrderState } from '../../src/domain';
import { apply, clock, example, usd } from './fixtures';
import { freshFrom } from './templateFixtures';

const tick = clock();
const quoted = (s: OrderState) => apply(s, [example('QUOTATION_SENT')], tick);
const signed = (s: OrderState, fields: Record<string, unknown> = {}) =>
  apply(
    quoted(s),
    [example('QUOTATION_ACCEPTED', { sampleRequired: false }), example('CONTRACT_SIGNED', fields)],
    tick,
  );

describe('the sample', () => {
  it("defaults to the template's sampleRequired; the event's own field wins", () => {
    expect(apply(quoted(freshFrom()), [example('QUOTATION_ACCEPTED')], tick).stage).toBe('SAMPLE');
    expect(
      apply(quoted(freshFrom({ sampleRequired: false })), [example('QUOTATION_ACCEPTED')], tick).stage,
    ).toBe('CONTRACT');
    expect(
      apply(quoted(freshFrom()), [example('QUOTATION_ACCEPTED', { sampleRequired: false })], tick).stage,
    ).toBe('CONTRACT');
  });
});

describe('the payment plan', () => {
  it("comes from the template when the contract says nothing (not from the quotation's 30 %)", () => {
    const s = signed(freshFrom());
    expect(s.payments.plan).toEqual({
      depositPercent: 0,
      balanceMethod: 'TT',
      balanceDue: 'BEFORE_SHIPMENT',
      tenorDays: 0,
      shortPaymentTolerance: usd('50.00'),
    });
    expect(s.stage).toBe('PRODUCTION');
  });

  it("takes the contract's own fields over the template's, dropping what does not fit the new method", () => {
    const s = signed(freshFrom(), {
      depositPercent: 20,
      paymentPlan: { balanceMethod: 'OA', tenorDays: 45 },
    });
    expect(s.payments.plan).toMatchObject({
      depositPercent: 20,
      balanceMethod: 'OA',
      balanceDue: null,
      tenorDays: 45,
    });
  });

  it("keeps the template's tolerance only in its own currency", () => {
    const eur = { amount: '10000.00', currency: 'EUR' };
    const state = apply(
      freshFrom(),
      [
        example('QUOTATION_SENT', {
          lines: [{ description: 'panel', quantity: 2000, unitPrice: { amount: '5.00', currency: 'EUR' } }],
        }),
        example('QUOTATION_ACCEPTED', { sampleRequired: false }),
        example('CONTRACT_SIGNED', { totalAmount: eur }),
      ],
      tick,
    );
    expect(state.payments.plan?.shortPaymentTolerance).toEqual({ amount: '0.00', currency: 'EUR' });
  });
});

describe('the QC gate', () => {
  const inspect = (kind: string, result = 'PASSED') => example('INSPECTION_RECORDED', { kind, result });
  const progress = (percent: number) => example('PRODUCTION_PROGRESS', { percent });
  const gateOpen = (s: OrderState) => allowedEvents(s).includes('PRODUCTION_COMPLETED');

  it('needs a passed inspection of each kind the template requires', () => {
    let s = signed(freshFrom());
    s = apply(s, [inspect('PRE_PRODUCTION'), progress(80)], tick);
    expect(gateOpen(s)).toBe(false);
    s = apply(s, [inspect('DURING_PRODUCTION')], tick);
    expect(gateOpen(s)).toBe(false);
    s = apply(s, [inspect('PRE_SHIPMENT')], tick);
    expect(gateOpen(s)).toBe(true);
    // A failed re-inspection of a required kind closes the gate again.
    s = apply(s, [inspect('PRE_PRODUCTION', 'FAILED')], tick);
    expect(gateOpen(s)).toBe(false);
  });

  it('does not count a pre-shipment inspection recorded at 0 % production', () => {
    const s = apply(signed(freshFrom()), [inspect('PRE_PRODUCTION'), inspect('PRE_SHIPMENT')], tick);
    expect(s.production.inspections.at(-1)).toMatchObject({ kind: 'PRE_SHIPMENT', percentAtRecord: 0 });
    expect(gateOpen(s)).toBe(false);
    expect(applyEvent(s, example('PRODUCTION_COMPLETED'), tick())).toMatchObject({
      ok: false,
      code: 'EVENT_NOT_ALLOWED',
    });
  });

  it('records DURING_PRODUCTION by default; without required kinds the latest inspection decides (v1)', () => {
    let s = signed(freshFrom({ inspectionsRequired: [] }));
    s = apply(s, [example('INSPECTION_RECORDED', { result: 'FAILED' })], tick);
    expect(s.production.inspections.at(-1)?.kind).toBe('DURING_PRODUCTION');
    expect(gateOpen(s)).toBe(false);
    s = apply(s, [example('INSPECTION_RECORDED')], tick);
    expect(gateOpen(s)).toBe(true);
  });
});
