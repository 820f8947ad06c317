import { applyEvent, type OrderState } from '../../src/domain';
import { paymentAcknowledgementInput } from '../../src/domain/effects/paymentAcknowledgement';
import { apply, example, usd, walkTo } from './fixtures';

const ctx = { now: '2027-01-01T00:00:00Z', actor: 'ops' };
const deposit = (amount: string, currency = 'USD') =>
  example('DEPOSIT_RECEIVED', { amount: { amount, currency }, reference: `TT-${amount}` });
const balance = (amount: string, currency = 'USD') =>
  example('BALANCE_RECEIVED', { amount: { amount, currency }, reference: `TT-${amount}` });

function signed(fields: Record<string, unknown>): OrderState {
  return apply(walkTo('CONTRACT'), [example('CONTRACT_SIGNED', fields)]);
}

describe('deposit and balance', () => {
  it('takes the deposit percent from the quotation unless the contract sets one', () => {
    expect(signed({}).payments.depositRequired).toEqual(usd('3000.00'));
    expect(signed({ depositPercent: 33 }).payments.depositRequired).toEqual(usd('3300.00'));
    expect(signed({ totalAmount: usd('100.01'), depositPercent: 33 }).payments).toMatchObject({
      depositRequired: usd('33.00'),
      depositReceived: usd('0.00'),
      balanceRequired: usd('100.01'),
      balanceReceived: usd('0.00'),
    });
  });

  it('adds up a three-part deposit and moves to PRODUCTION only when it is reached', () => {
    let state = signed({ totalAmount: usd('1000.00'), depositPercent: 33.33 }); // 333.30
    expect(state.stage).toBe('DEPOSIT');
    state = apply(state, [deposit('100.00'), deposit('200.00')]);
    expect(state.stage).toBe('DEPOSIT');
    expect(state.payments.depositReceived).toEqual(usd('300.00'));
    expect(state.payments.balanceRequired).toEqual(usd('700.00'));
    const last = applyEvent(state, deposit('33.30'), ctx);
    expect(last.ok && last.state.stage).toBe('PRODUCTION');
    expect(last.ok && last.effects).toEqual([
      { type: 'acknowledgePayment' },
      { type: 'stageEntered', stage: 'PRODUCTION', at: '2027-01-01T00:00:00.000Z' },
    ]);
    expect(last.ok && last.state.payments).toMatchObject({
      depositReceived: usd('333.30'),
      balanceRequired: usd('666.70'),
    });
    expect(last.ok && last.state.payments.receipts.map((r) => r.amount.amount)).toEqual([
      '100.00',
      '200.00',
      '33.30',
    ]);
  });

  it.each([
    ['currency mismatch', deposit('100.00', 'EUR'), 'amount.currency', /contract's currency USD/],
    ['overpayment', deposit('3000.01'), 'amount.amount', /still due \(3000.00 USD\)/],
    ['zero amount', deposit('0.00'), 'amount.amount', /greater than zero/],
    ['negative amount', deposit('-5.00'), 'amount.amount', /greater than zero/],
  ])('rejects a deposit with %s as VALIDATION_FAILED', (_name, event, path, message) => {
    const state = walkTo('DEPOSIT');
    const decision = applyEvent(state, event, ctx);
    expect(decision).toMatchObject({ ok: false, code: 'VALIDATION_FAILED', stage: 'DEPOSIT' });
    expect(!decision.ok && decision.details).toEqual([
      { path, message: expect.stringMatching(message) as string },
    ]);
  });

  it('rejects a last deposit that overshoots the remainder by one cent', () => {
    const state = apply(walkTo('DEPOSIT'), [deposit('2999.99')]);
    const decision = applyEvent(state, deposit('0.02'), ctx);
    expect(decision).toMatchObject({ ok: false, code: 'VALIDATION_FAILED' });
  });

  it('goes straight to PRODUCTION when no deposit is due', () => {
    expect(signed({ depositPercent: 0 }).stage).toBe('PRODUCTION');
    expect(signed({ totalAmount: usd('0.01'), depositPercent: 30 }).stage).toBe('PRODUCTION');
  });

  it('rejects a zero contract total', () => {
    const decision = applyEvent(
      walkTo('CONTRACT'),
      example('CONTRACT_SIGNED', { totalAmount: usd('0.00') }),
      ctx,
    );
    expect(decision).toMatchObject({ ok: false, code: 'VALIDATION_FAILED' });
  });

  it('adds up the balance, rejects overpayment and dispatches documents once paid', () => {
    let state = walkTo('BALANCE');
    expect(state.payments.balanceRequired).toEqual(usd('7000.00'));
    expect(applyEvent(state, balance('7000.01'), ctx)).toMatchObject({
      ok: false,
      code: 'VALIDATION_FAILED',
    });
    expect(applyEvent(state, balance('10.00', 'EUR'), ctx)).toMatchObject({
      ok: false,
      code: 'VALIDATION_FAILED',
    });
    state = apply(state, [balance('1000.00'), balance('5000.00')]);
    expect(state.stage).toBe('BALANCE');
    const last = applyEvent(state, balance('1000.00'), ctx);
    expect(last.ok && last.state.stage).toBe('DOCUMENTS');
    expect(last.ok && last.effects.map((e) => e.type)).toEqual([
      'acknowledgePayment',
      'stageEntered',
      'dispatchDocuments',
    ]);
    expect(last.ok && last.state.payments.balanceReceived).toEqual(usd('7000.00'));
  });

  it('skips BALANCE for a fully prepaid order', () => {
    const prepaid = apply(walkTo('CONTRACT'), [
      example('CONTRACT_SIGNED', { depositPercent: 100 }),
      deposit('10000.00'),
      example('INSPECTION_RECORDED'),
      example('PRODUCTION_COMPLETED'),
      example('BOOKING_CONFIRMED'),
      example('CUSTOMS_DECLARED'),
    ]);
    expect(prepaid.payments.balanceRequired).toEqual(usd('0.00'));
    const decision = applyEvent(prepaid, example('BILL_OF_LADING_ISSUED'), ctx);
    expect(decision.ok && decision.state.stage).toBe('DOCUMENTS');
    // Paid in full before the B/L: no copies to verify, the originals go at once.
    expect(decision.ok && decision.effects.map((e) => e.type)).toEqual(['stageEntered', 'dispatchDocuments']);
  });
});

describe('payment acknowledgement', () => {
  const now = '2027-01-02T00:00:00.000Z';

  it('is emitted for each deposit payment, each acknowledging that payment with its own sequence', () => {
    const first = applyEvent(signed({ totalAmount: usd('1000.00') }), deposit('100.00'), ctx); // 300.00 due
    expect(first.ok && first.effects).toEqual([{ type: 'acknowledgePayment' }]);
    if (!first.ok) throw new Error('refused');
    const one = paymentAcknowledgementInput(first.state, now);
    expect(one).toMatchObject({
      part: 'DEPOSIT',
      received: usd('100.00'),
      reference: 'TT-100.00',
      valueDate: null,
      outstanding: usd('200.00'),
      contractNo: first.state.contract?.contractNo,
      requestedAt: now,
    });
    const second = applyEvent(first.state, deposit('200.00'), ctx);
    if (!second.ok) throw new Error('refused');
    expect(second.effects.map((e) => e.type)).toEqual(['acknowledgePayment', 'stageEntered']);
    const two = paymentAcknowledgementInput(second.state, now);
    expect(two).toMatchObject({ part: 'DEPOSIT', received: usd('200.00'), outstanding: usd('0.00') });
    expect(two.sequence).toBeGreaterThan(one.sequence);
    // The same state gives the same input: a retried activity sends the same email.
    expect(paymentAcknowledgementInput(second.state, now)).toEqual(two);
  });

  it('acknowledges a balance payment and a payment with a value date', () => {
    const state = walkTo('BALANCE');
    const paid = apply(state, [
      example('PAYMENT_RECEIVED', {
        amount: usd('1000.00'),
        reference: 'SWIFT-123',
        valueDate: '2027-01-01',
      }),
    ]);
    expect(paymentAcknowledgementInput(paid, now)).toMatchObject({
      part: 'BALANCE',
      received: usd('1000.00'),
      reference: 'SWIFT-123',
      valueDate: '2027-01-01',
      outstanding: usd('6000.00'),
    });
  });
});
