import fc from 'fast-check';
import {
  addMoney,
  applyEvent,
  fromMinor,
  orderView,
  toMinor,
  type AnyEvent,
  type OrderState,
} from '../../src/domain';
import { apply, example, fresh, usd } from './fixtures';

const ctx = { now: '2027-01-05T00:00:00.000Z', actor: 'ops' };

const signedWith = (fields: Record<string, unknown>) =>
  applyEvent(
    apply(fresh(), [example('QUOTATION_SENT'), example('QUOTATION_ACCEPTED', { sampleRequired: false })]),
    example('CONTRACT_SIGNED', fields),
    ctx,
  );

const lines = [
  { description: 'LED driver', quantity: 120000, unit: 'pcs', unitPrice: usd('0.035'), hsCode: '850440' },
  { description: '40W LED panel', quantity: 1000, unitPrice: usd('5.80'), packing: { packages: 100 } },
];

describe('contract lines', () => {
  it("default to the quotation's, with the inquiry's unit", () => {
    const d = signedWith({});
    expect(d.ok && d.state.contract?.lines).toEqual([
      { description: '40W LED panel', quantity: 2000, unit: 'pcs', unitPrice: usd('5.00') },
    ]);
  });

  it('take unit prices to 4 decimals and must add up to the total exactly', () => {
    // 120,000 x 0.035 = 4,200.00; 1,000 x 5.80 = 5,800.00.
    const d = signedWith({
      lines,
      totalAmount: usd('10000.00'),
      portOfLoading: 'Ningbo',
      marks: 'ACME\nHAMBURG',
    });
    expect(d).toMatchObject({ ok: true });
    expect(d.ok && d.state.contract).toMatchObject({
      lines,
      trade: { portOfLoading: 'Ningbo', marks: 'ACME\nHAMBURG' },
    });
    expect(signedWith({ lines, totalAmount: usd('10000.01') })).toMatchObject({
      ok: false,
      code: 'VALIDATION_FAILED',
      details: [{ path: 'totalAmount', message: 'must equal the sum of the lines (10000.00 USD)' }],
    });
    expect(
      signedWith({ lines: [{ ...lines[0], unitPrice: usd('0.00001') }], totalAmount: usd('1.00') }),
    ).toMatchObject({
      ok: false,
      details: [{ path: 'lines.0.unitPrice.amount' }],
    });
  });
});

describe('CONTRACT_AMENDED', () => {
  const deposit = () => {
    const d = signedWith({});
    if (!d.ok) throw new Error('not signed');
    return d.state;
  };

  it('recomputes the deposit while it is awaited, and keeps both versions on the timeline', () => {
    const d = applyEvent(deposit(), example('CONTRACT_AMENDED', { totalAmount: usd('11000.00') }), ctx);
    if (!d.ok) throw new Error(d.message);
    expect(d.state.payments.depositRequired).toEqual(usd('3300.00'));
    expect(d.state.payments.balanceRequired).toEqual(usd('11000.00'));
    expect(d.state.contract).toMatchObject({ totalAmount: usd('11000.00'), amendments: 1 });
    expect(d.record?.summary).toBe('Contract C-1 amended (200 more panels): 10000.00 USD → 11000.00 USD');
    expect(d.record?.payload).toMatchObject({ type: 'CONTRACT_AMENDED', totalAmount: usd('11000.00') });
    expect(d.effects.map((e) => e.type)).toEqual(['requestDeposit']);
  });

  it('moves on when a smaller contract makes the deposit paid', () => {
    const paid = apply(deposit(), [example('DEPOSIT_RECEIVED', { amount: usd('2000.00') })]);
    const d = applyEvent(paid, example('CONTRACT_AMENDED', { totalAmount: usd('5000.00') }), ctx);
    expect(d).toMatchObject({ ok: true, state: { stage: 'PRODUCTION' } });
    expect(d.ok && d.state.payments).toMatchObject({
      depositRequired: usd('2000.00'),
      balanceRequired: usd('3000.00'),
    });
  });

  it('puts the change on the balance once production started', () => {
    const producing = apply(deposit(), [example('DEPOSIT_RECEIVED')]);
    const d = applyEvent(producing, example('CONTRACT_AMENDED', { totalAmount: usd('8000.00') }), ctx);
    expect(d.ok && d.state.payments).toMatchObject({
      depositRequired: usd('3000.00'),
      balanceRequired: usd('5000.00'),
    });
  });

  it('refuses a total below what was received, lines that do not add up, and an empty change', () => {
    const producing = apply(deposit(), [example('DEPOSIT_RECEIVED')]);
    expect(
      applyEvent(producing, example('CONTRACT_AMENDED', { totalAmount: usd('2999.99') }), ctx),
    ).toMatchObject({
      ok: false,
      details: [{ path: 'totalAmount.amount', message: 'must be at least 3000.00 USD' }],
    });
    expect(
      applyEvent(producing, example('CONTRACT_AMENDED', { lines, totalAmount: usd('9000.00') }), ctx),
    ).toMatchObject({ ok: false, details: [{ path: 'totalAmount' }] });
    expect(applyEvent(producing, { type: 'CONTRACT_AMENDED', reason: 'x' }, ctx)).toMatchObject({
      ok: false,
    });
  });

  it('takes the total from the lines, and once the goods left changes only the documents’ data', () => {
    const producing = apply(deposit(), [example('DEPOSIT_RECEIVED')]);
    const d = applyEvent(producing, { type: 'CONTRACT_AMENDED', lines, reason: 'new mix' }, ctx);
    expect(d.ok && d.state.contract?.totalAmount).toEqual(usd('10000.00'));
    const shipped = apply(producing, [
      example('INSPECTION_RECORDED'),
      example('PRODUCTION_COMPLETED'),
      example('BOOKING_CONFIRMED'),
      example('CUSTOMS_DECLARED'),
      example('BILL_OF_LADING_ISSUED'),
    ]);
    const dealChanged = applyEvent(shipped, example('CONTRACT_AMENDED'), ctx);
    expect(dealChanged).toMatchObject({ ok: false, code: 'VALIDATION_FAILED' });
    const current = shipped.contract?.lines ?? [];
    const newPrice = applyEvent(
      shipped,
      {
        type: 'CONTRACT_AMENDED',
        reason: 'cheaper',
        lines: current.map((l) => ({ ...l, unitPrice: usd('1.00') })),
      },
      ctx,
    );
    expect(newPrice).toMatchObject({ ok: false, code: 'VALIDATION_FAILED' });
    const completed = applyEvent(
      shipped,
      {
        type: 'CONTRACT_AMENDED',
        reason: 'HS codes for the originals',
        lines: current.map((l) => ({ ...l, hsCode: '9405420000' })),
        marks: 'ACME\nC/NO. 1-100',
      },
      ctx,
    );
    expect(completed.ok && completed.state.contract?.lines?.map((l) => l.hsCode)).toEqual(
      current.map(() => '9405420000'),
    );
    expect(completed.ok && completed.state.contract?.totalAmount).toEqual(shipped.contract?.totalAmount);
  });
});

/** received + written off + outstanding = the total, and the schedule's amounts sum to it. */
function expectAgreement(state: OrderState) {
  const view = orderView(state);
  const total = state.contract?.totalAmount;
  if (!total) throw new Error('no contract');
  const p = state.payments;
  const received = addMoney(p.depositReceived ?? usd('0.00'), p.balanceReceived ?? usd('0.00'));
  const sum = addMoney(
    addMoney(received, view.payments.writtenOff ?? usd('0.00')),
    view.payments.outstanding ?? usd('0.00'),
  );
  expect(sum).toEqual(total);
  expect(view.payments.schedule.reduce((acc, s) => acc + toMinor(s.amount), 0n)).toBe(toMinor(total));
  expect(view.payments.schedule.reduce((acc, s) => acc + toMinor(s.outstanding), 0n)).toBe(
    toMinor(view.payments.outstanding ?? usd('0.00')),
  );
  for (const s of view.payments.schedule) expect(toMinor(s.outstanding)).toBeGreaterThanOrEqual(0n);
}

describe('amendment arithmetic (property)', () => {
  const cents = (max: number) => fc.integer({ min: 1, max }).map((n) => fromMinor(BigInt(n), 'USD'));
  const step = fc.oneof(
    fc.record({ kind: fc.constant('pay' as const), amount: cents(600_000) }),
    fc.record({
      kind: fc.constant('amend' as const),
      amount: cents(3_000_000),
      depositPercent: fc.option(fc.integer({ min: 0, max: 100 }), { nil: undefined }),
    }),
    fc.record({ kind: fc.constant('writeOff' as const), amount: cents(5_000) }),
  );

  it('keeps totals, deposit and balance in agreement through payments and change orders', () => {
    fc.assert(
      fc.property(fc.array(step, { maxLength: 12 }), (steps) => {
        let state = apply(fresh(), [
          example('QUOTATION_SENT'),
          example('QUOTATION_ACCEPTED', { sampleRequired: false }),
          example('CONTRACT_SIGNED'),
        ]);
        for (const s of steps) {
          const event: AnyEvent =
            s.kind === 'pay'
              ? example('PAYMENT_RECEIVED', { amount: s.amount })
              : s.kind === 'writeOff'
                ? example('PAYMENT_WRITTEN_OFF', { amount: s.amount })
                : example('CONTRACT_AMENDED', {
                    totalAmount: s.amount,
                    ...(s.depositPercent === undefined
                      ? {}
                      : { paymentPlan: { depositPercent: s.depositPercent } }),
                  });
          const d = applyEvent(state, event, { now: '2027-01-05T00:00:00.000Z', actor: 'manager' });
          // Refused steps (more than is due, a total below what came in) leave the order as it was.
          if (d.ok) state = d.state;
          expectAgreement(state);
        }
      }),
      { numRuns: 300 },
    );
  });
});
