import fc from 'fast-check';
import {
  allowedEvents,
  applyEvent,
  orderView,
  type AnyEvent,
  type EventContext,
  type OrderState,
} from '../../src/domain';
import { isSettled } from '../../src/domain/archive';
import { apportion, nextRebateReminderAt, rebateDeadline } from '../../src/domain/finance/rebate';
import { toCny } from '../../src/domain/finance/rate';
import { addMoney, subtractMoney, toMinor, zero, type Money } from '../../src/domain/money';
import { apply, clock, example, fresh, usd } from './fixtures';
import { plannedInTwo, shipmentLife } from './shipmentFixtures';
import {
  CLAIMING_COMPANY,
  INSURED,
  RATES,
  cny,
  insuredOaLife,
  notApplicableLife,
  runLife,
  type Step,
} from './financeFixtures';

const last = <T>(xs: T[]): T => xs[xs.length - 1];
const finalState = (steps: Step[], company?: EventContext['company']) => last(runLife(steps, company)).state;
const upTo = (type: string) => {
  const life = insuredOaLife();
  return life.slice(
    0,
    life.findIndex((s) => s.event.type === type),
  );
};

describe('credit limits', () => {
  const atContract = () => finalState(upTo('CREDIT_APPROVED'));
  const sign = (state: OrderState, credit: EventContext['credit'], method = 'OA') =>
    applyEvent(
      state,
      example('CONTRACT_SIGNED', {
        paymentPlan: method === 'OA' ? { balanceMethod: method, tenorDays: 60 } : { balanceMethod: method },
      }),
      {
        now: '2026-11-27T00:00:00Z',
        actor: 'ops',
        company: CLAIMING_COMPANY,
        ...(credit ? { credit } : {}),
      },
    );

  it('refuses an OA contract that takes the exposure beyond the insured limit, naming it', () => {
    const d = sign(atContract(), INSURED);
    expect(d).toMatchObject({ ok: false, code: 'CREDIT_LIMIT_EXCEEDED' });
    if (!d.ok) expect(d.message).toContain('insured limit (Sinosure) of 50000.00 USD');
  });

  it('accepts it within the limits, and after a manager approved it beyond them', () => {
    expect(sign(atContract(), { ...INSURED, exposure: usd('40000.00') })).toMatchObject({ ok: true });
    const approved = apply(atContract(), [example('CREDIT_APPROVED')]);
    const d = sign(approved, INSURED);
    expect(d).toMatchObject({ ok: true });
    if (d.ok) expect(d.state.credit?.insurance?.policyNo).toBe('SCH-2026-118');
  });

  it('does not check TT or L/C: the money comes before the goods or from a bank', () => {
    expect(sign(atContract(), INSURED, 'TT')).toMatchObject({ ok: true });
    expect(sign(atContract(), INSURED, 'LC')).toMatchObject({ ok: true });
  });

  it('needs an approval when the limit is in another currency than the contract', () => {
    const d = sign(atContract(), {
      ...INSURED,
      insurance: null,
      creditLimit: { amount: '1000000.00', currency: 'EUR' },
    });
    expect(d).toMatchObject({ ok: false, code: 'CREDIT_LIMIT_EXCEEDED' });
  });

  it('takes CREDIT_APPROVED only before the contract, once', () => {
    const approved = apply(atContract(), [example('CREDIT_APPROVED')]);
    expect(allowedEvents(approved)).not.toContain('CREDIT_APPROVED');
    expect(allowedEvents(atContract())).toContain('CREDIT_APPROVED');
  });
});

describe('FX settlement', () => {
  const paid = () => finalState(upTo('FX_SETTLED'));

  it('refuses a CNY amount that is not the receipt at the rate', () => {
    const d = applyEvent(
      paid(),
      example('FX_SETTLED', {
        paymentEventId: 'PAYMENT_RECEIVED-15',
        rate: '6.9000',
        cnyAmount: cny('48000.00'),
      }),
      { now: '2027-01-10T00:00:00Z', actor: 'ops' },
    );
    expect(d).toMatchObject({ ok: false, code: 'VALIDATION_FAILED' });
    if (!d.ok) expect(d.details?.[0]?.message).toContain('is 48300.00 CNY');
  });

  it('counts settled receipts as revenue with their gain or loss against the contract rate', () => {
    const view = orderView(finalState(upTo('COST_RECORDED')));
    // 3,000 at 7.10 and 7,000 at 6.90 against 7.00: +300 and -700.
    expect(view.cny?.revenue).toEqual(cny('69600.00'));
    expect(view.cny?.fxGainLoss).toEqual(cny('-400.00'));
    expect(view.cny?.unsettled).toEqual([]);
  });

  it('takes the revenue back with a reversed payment', () => {
    const state = finalState(upTo('PAYMENT_RECEIVED'));
    expect(orderView(state).cny?.revenue).toEqual(cny('21300.00'));
    const d = applyEvent(
      state,
      { type: 'PAYMENT_REVERSED', paymentEventId: 'DEPOSIT_RECEIVED-6', reason: 'bounced' },
      { now: '2027-01-10T00:00:00Z', actor: 'boss', role: 'manager' },
    );
    if (!d.ok) throw new Error(d.message);
    expect(orderView(d.state).cny?.revenue).toEqual(cny('0.00'));
  });
});

describe('the export VAT rebate', () => {
  it('opens at the first export of a company that claims it, with the deadline of 30 April next year', () => {
    const shipped = finalState(upTo('SHIPMENT_DECLARED_TO_INSURER'));
    expect(shipped.rebate).toMatchObject({
      status: 'PENDING',
      exportDate: '2026-12-20',
      deadline: '2027-04-30',
    });
    // The end of that day in the exporter's zone (China Standard Time).
    expect(shipped.rebate?.deadlineAt).toBe('2027-04-30T15:59:59.999Z');
    expect(
      finalState(upTo('SHIPMENT_DECLARED_TO_INSURER'), { documentGate: false, hasChop: false }).rebate,
    ).toBeUndefined();
  });

  it('dates the deadline by the export date across the year end', () => {
    expect(rebateDeadline('2026-12-31')).toBe('2027-04-30');
    expect(rebateDeadline('2027-01-01')).toBe('2028-04-30');
  });

  it("takes the export date from an EXW collection in the exporter's zone", () => {
    // 2026-12-31 17:00 UTC is already 1 January in Shanghai.
    const tick = clock('2026-12-31T10:00:00.000Z');
    let state = apply(
      fresh(),
      [
        example('QUOTATION_SENT', { incoterm: 'EXW' }),
        example('QUOTATION_ACCEPTED', { sampleRequired: false }),
        example('CONTRACT_SIGNED'),
        example('DEPOSIT_RECEIVED'),
        example('INSPECTION_RECORDED'),
        example('PRODUCTION_COMPLETED'),
      ],
      tick,
    );
    const d = applyEvent(state, example('GOODS_COLLECTED'), {
      now: '2026-12-31T17:00:00.000Z',
      actor: 'ops',
      company: CLAIMING_COMPANY,
    });
    if (!d.ok) throw new Error(d.message);
    state = d.state;
    expect(state.shipping.collected?.collectedOn).toBe('2027-01-01');
    expect(state.rebate).toMatchObject({ exportDate: '2027-01-01', deadline: '2028-04-30' });
  });

  it('reminds 60, 30 and 7 days before the deadline at 09:00 in the zone, until filed', () => {
    const shipped = finalState(upTo('SHIPMENT_DECLARED_TO_INSURER'));
    expect(nextRebateReminderAt(shipped)).toBe('2027-03-01T01:00:00.000Z');
    const third = { ...shipped, rebate: { ...shipped.rebate!, remindersSent: 2 } };
    expect(nextRebateReminderAt(third)).toBe('2027-04-23T01:00:00.000Z');
    expect(nextRebateReminderAt({ ...shipped, rebate: { ...shipped.rebate!, remindersSent: 3 } })).toBeNull();
    expect(nextRebateReminderAt(finalState(upTo('REBATE_RECEIVED')))).toBeNull();
  });

  it("works out a trading company's rebate from the VAT invoices at the line's rate, at most their VAT", () => {
    const view = orderView(finalState(upTo('REBATE_FILED')));
    expect(view.rebate?.lines).toEqual([{ lineNo: 1, hsCode: '8539520000', rate: '0.13' }]);
    expect(view.rebate?.expected).toEqual(cny('6500.00'));
    expect(view.rebate?.rate).toBe('0.1300');
    expect(view.rebate?.formula).toContain('50000.00 CNY × 13%');
    const capped = applyEvent(
      finalState(upTo('REBATE_DOCUMENTS_RECORDED')),
      example('REBATE_DOCUMENTS_RECORDED', {
        vatInvoices: [{ number: 'A', amount: cny('50000.00'), taxAmount: cny('3000.00') }],
      }),
      { now: '2027-02-01T00:00:00Z', actor: 'ops', rebate: RATES },
    );
    if (!capped.ok) throw new Error(capped.message);
    expect(orderView(capped.state).rebate?.expected).toEqual(cny('3000.00'));
  });

  it("works out a manufacturer's rebate from the FOB value in CNY", () => {
    const d = applyEvent(
      finalState(upTo('REBATE_DOCUMENTS_RECORDED')),
      example('REBATE_DOCUMENTS_RECORDED', { vatInvoices: [] }),
      { now: '2027-02-01T00:00:00Z', actor: 'ops', rebate: { ...RATES, method: 'MANUFACTURER' } },
    );
    if (!d.ok) throw new Error(d.message);
    // FOB 10,000.00 USD at the contract's 7.0000 = 70,000.00 CNY, at 13 %.
    expect(orderView(d.state).rebate).toMatchObject({ expected: cny('9100.00'), method: 'MANUFACTURER' });
  });

  it('keeps the closed order on the desk until the rebate is received or not applicable', () => {
    const life = runLife(insuredOaLife());
    const received = last(life).state;
    expect(received.status).toBe('COMPLETED');
    expect(isSettled(received)).toBe(true);
    const filed = life[life.length - 2]?.state;
    expect(filed.status).toBe('COMPLETED');
    expect(isSettled(filed)).toBe(false);
    const closed = finalState(notApplicableLife());
    expect(closed.rebate?.status).toBe('NOT_APPLICABLE');
  });

  it('keeps an unsettled receipt in foreign currency open on the desk too', () => {
    const life = runLife(insuredOaLife());
    const beforeSettled = life.find((_, i) => insuredOaLife()[i + 1]?.event.type === 'FX_SETTLED')?.state;
    expect(beforeSettled && orderView(beforeSettled).cny?.unsettled).toEqual([usd('7000.00')]);
  });
});

describe('profit', () => {
  it('is settled revenue + rebate − costs, to the fen', () => {
    const view = orderView(finalState(insuredOaLife()));
    // 69,600.00 + 6,500.00 − (50,000.00 + 300 × 7.05 = 2,115.00)
    expect(view.cny).toMatchObject({
      costs: cny('52115.00'),
      rebate: cny('6500.00'),
      rebateBasis: 'RECEIVED',
    });
    expect(view.profit).toEqual(cny('23985.00'));
  });

  it('refuses a cost in foreign currency without its rate', () => {
    const d = applyEvent(
      finalState(insuredOaLife()),
      example('COST_RECORDED', { kind: 'BANK', amount: usd('25.00') }),
      { now: '2027-03-01T00:00:00Z', actor: 'ops' },
    );
    expect(d).toMatchObject({ ok: false, code: 'VALIDATION_FAILED' });
  });
});

describe('money properties under random lives', () => {
  const receiptArb = fc.record({
    cents: fc.integer({ min: 1, max: 300_000 }),
    rate: fc
      .integer({ min: 60_000, max: 80_000 })
      .map((r) => `${Math.floor(r / 10_000)}.${String(r % 10_000).padStart(4, '0')}`),
    settleNow: fc.boolean(),
    settleLater: fc.boolean(),
  });
  const costArb = fc.record({ cents: fc.integer({ min: 1, max: 5_000_000 }), foreign: fc.boolean() });

  it('revenue is the sum of settled receipts; profit = revenue + rebate − costs', () => {
    fc.assert(
      fc.property(
        fc.array(receiptArb, { maxLength: 8 }),
        fc.array(costArb, { maxLength: 6 }),
        (receipts, costs) => {
          const life = insuredOaLife();
          let state = finalState(
            life.slice(
              0,
              life.findIndex((s) => s.event.type === 'PAYMENT_RECEIVED'),
            ),
          );
          const tick = clock('2027-01-01T00:00:00.000Z');
          let expectedRevenue = cny('21300.00');
          let expectedCosts = zero('CNY');
          const step = (event: AnyEvent) => {
            const d = applyEvent(state, event, { ...tick(), company: CLAIMING_COMPANY });
            if (d.ok) state = d.state;
            return d;
          };
          for (const [i, r] of receipts.entries()) {
            const amount = fromCents(r.cents, 'USD');
            const settlement = { rate: r.rate, cnyAmount: toCny(amount, r.rate), settledOn: '2027-01-05' };
            const d = step(
              example('PAYMENT_RECEIVED', {
                amount,
                reference: `R-${i}`,
                ...(r.settleNow ? { settlement } : {}),
              }),
            );
            if (!d.ok) continue; // paid in full already
            if (r.settleNow) expectedRevenue = addMoney(expectedRevenue, settlement.cnyAmount);
            else if (r.settleLater && d.record) {
              step(example('FX_SETTLED', { paymentEventId: d.record.eventId, ...settlement }));
              expectedRevenue = addMoney(expectedRevenue, settlement.cnyAmount);
            }
          }
          for (const c of costs) {
            const amount = fromCents(c.cents, c.foreign ? 'USD' : 'CNY');
            const d = step(
              example('COST_RECORDED', { kind: 'OTHER', amount, ...(c.foreign ? { rate: '7.1234' } : {}) }),
            );
            if (d.ok) expectedCosts = addMoney(expectedCosts, c.foreign ? toCny(amount, '7.1234') : amount);
          }
          const view = orderView(state);
          expect(view.cny?.revenue).toEqual(expectedRevenue);
          expect(view.cny?.costs).toEqual(expectedCosts);
          const rebate = view.cny?.rebate ?? zero('CNY');
          expect(view.profit).toEqual(subtractMoney(addMoney(expectedRevenue, rebate), expectedCosts));
        },
      ),
      { numRuns: 150 },
    );
  });

  it('apportions an amount over weights exactly, to the fen', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 10_000_000 }),
        fc.array(fc.bigInt({ min: 0n, max: 1_000_000n }), { minLength: 1, maxLength: 10 }),
        (cents, weights) => {
          const parts = apportion(fromCents(cents, 'CNY'), weights);
          const sum = parts.reduce((a, b) => a + toMinor(b), 0n);
          expect(sum).toBe(weights.some((w) => w > 0n) ? BigInt(cents) : 0n);
        },
      ),
    );
  });
});

function fromCents(cents: number, currency: string): Money {
  return { amount: `${Math.floor(cents / 100)}.${String(cents % 100).padStart(2, '0')}`, currency };
}

describe('money after the ship sails, in two shipments', () => {
  it('settles each shipment’s L/C money into CNY, opens the rebate at the first B/L and dates it by the earliest', () => {
    const settle = (cnyAmount: string) => ({
      settlement: { rate: '7.0000', cnyAmount: cny(cnyAmount), settledOn: '2027-02-01' },
    });
    const steps: Step[] = [
      ...plannedInTwo('LC').map((event) =>
        event.type === 'DEPOSIT_RECEIVED' ? { event: { ...event, ...settle('21000.00') } } : { event },
      ),
      ...shipmentLife('LC', 'S2').map((event) =>
        event.type === 'BILL_OF_LADING_ISSUED' ? { event: { ...event, issuedOn: '2027-01-03' } } : { event },
      ),
      ...shipmentLife('LC', 'S1').map((event) =>
        event.type === 'BILL_OF_LADING_ISSUED'
          ? { event: { ...event, issuedOn: '2026-12-28' } }
          : event.type === 'LC_HONOURED'
            ? { event: { ...event, ...settle('29400.00') } }
            : { event },
      ),
    ];
    const state = finalState(steps);
    const view = orderView(state);
    // The deposit and S1's share settled; S2's 2,800.00 USD not yet.
    expect(view.cny?.revenue).toEqual(cny('50400.00'));
    expect(view.cny?.unsettled).toEqual([usd('2800.00')]);
    // S2 left first in the list but S1's B/L is earlier: the deadline follows the earliest export.
    expect(view.rebate).toMatchObject({ exportDate: '2026-12-28', deadline: '2027-04-30' });
  });
});
