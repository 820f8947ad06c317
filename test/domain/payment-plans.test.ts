import fc from 'fast-check';
import {
  addMoney,
  allowedEvents,
  applyEvent,
  ORDER_EVENT_TYPES,
  orderView,
  requiredRole,
  toMinor,
  type AnyEvent,
  type OrderState,
  TAKE_BACK_TYPES,
} from '../../src/domain';
import { accept, apply, clock, example, fresh, usd } from './fixtures';
import { lifeOf, PLANS, statesOf, type PlanName } from './planFixtures';
import { recordedElsewhere } from '../../src/domain/events';

const ctx = { now: '2027-01-05T00:00:00.000Z', actor: 'ops' };

function upTo(plan: PlanName, type: string, extra: AnyEvent[] = []): OrderState {
  const life = lifeOf(plan);
  const at = life.findIndex((e) => e.type === type);
  if (at < 0) throw new Error(`${type} is not in the ${plan} life`);
  return apply(fresh(), [...life.slice(0, at), ...extra]);
}

/** received + written off + outstanding = the contract total, and the schedule agrees. */
function expectMoneyConserved(state: OrderState) {
  const view = orderView(state);
  const total = state.contract?.totalAmount;
  if (!total) return;
  const received = addMoney(
    state.payments.depositReceived ?? usd('0.00'),
    state.payments.balanceReceived ?? usd('0.00'),
  );
  const sum = addMoney(
    addMoney(received, view.payments.writtenOff ?? usd('0.00')),
    view.payments.outstanding ?? usd('0.00'),
  );
  expect(sum).toEqual(total);
  const scheduled = view.payments.schedule.reduce((acc, s) => acc + toMinor(s.amount), 0n);
  expect(scheduled).toBe(toMinor(total));
  const open = view.payments.schedule.reduce((acc, s) => acc + toMinor(s.outstanding), 0n);
  expect(open).toBe(toMinor(view.payments.outstanding ?? usd('0.00')));
  for (const s of view.payments.schedule) expect(toMinor(s.outstanding)).toBeGreaterThanOrEqual(0n);
}

describe('each payment plan runs its whole life', () => {
  it.each(PLANS)('%s: every step is accepted, the order completes and money is conserved', (plan) => {
    const states = statesOf(plan);
    for (const s of states) expectMoneyConserved(s);
    const last = states[states.length - 1];
    expect(last.status).toBe('COMPLETED');
    expect(orderView(last).payments.outstanding).toEqual(usd('0.00'));
  });

  const paths: Record<PlanName, string[]> = {
    TT: ['DEPOSIT', 'PRODUCTION', 'SHIPPING', 'BALANCE', 'DOCUMENTS', 'COMPLETED'],
    TT_BEFORE_SHIPMENT: ['DEPOSIT', 'PRODUCTION', 'SHIPPING', 'DOCUMENTS', 'COMPLETED'],
    LC: ['DEPOSIT', 'PRODUCTION', 'SHIPPING', 'BALANCE', 'DOCUMENTS', 'COMPLETED'],
    DP: ['DEPOSIT', 'PRODUCTION', 'SHIPPING', 'BALANCE', 'DOCUMENTS', 'COMPLETED'],
    DA: ['DEPOSIT', 'PRODUCTION', 'SHIPPING', 'BALANCE', 'DOCUMENTS', 'COMPLETED'],
    OA: ['DEPOSIT', 'PRODUCTION', 'SHIPPING', 'DOCUMENTS', 'COMPLETED'],
  };
  it.each(PLANS)('%s: takes the stages the contract table gives', (plan) => {
    const stages = statesOf(plan).map((s) => s.stage);
    const after = stages.slice(stages.indexOf('DEPOSIT'));
    expect(after.filter((s, i) => s !== after[i - 1])).toEqual(paths[plan]);
  });
});

describe('the reducer table: every plan × every event', () => {
  // For each state along each life, an event is accepted exactly when allowedEvents names it
  // (field rules aside): try the example of every type and compare.
  it.each(PLANS)('%s: allowedEvents and the reducer agree on every state', (plan) => {
    for (const state of statesOf(plan)) {
      const allowed = allowedEvents(state);
      // An event recorded by its own endpoint (an attachment) is left out of allowedEvents.
      for (const type of ORDER_EVENT_TYPES.filter((t) => !recordedElsewhere(t))) {
        const d = applyEvent(state, example(type), ctx);
        // A closed order refuses an undo or a reversal as a correction (contract v3).
        const closedTakeBack =
          state.status !== 'OPEN' && (type === 'EVENT_UNDONE' || type === 'PAYMENT_REVERSED');
        const notAllowed = closedTakeBack ? 'CORRECTION_NOT_ALLOWED' : 'EVENT_NOT_ALLOWED';
        if (!allowed.includes(type)) expect(d).toMatchObject({ ok: false, code: notAllowed });
        // A take-back example names an event this order may not have: refused as a correction.
        else if (!d.ok)
          expect(d.code).toBe(
            (TAKE_BACK_TYPES as readonly string[]).includes(type)
              ? 'CORRECTION_NOT_ALLOWED'
              : 'VALIDATION_FAILED',
          );
      }
    }
  });

  it('offers the method events only to their own plan', () => {
    const offered = (plan: PlanName) => new Set(statesOf(plan).flatMap(allowedEvents));
    expect(offered('TT').has('LC_RECEIVED')).toBe(false);
    expect(offered('TT').has('SENT_FOR_COLLECTION')).toBe(false);
    expect(offered('LC').has('LC_RECEIVED')).toBe(true);
    expect(offered('LC').has('DOCUMENTS_CONFIRMED')).toBe(false);
    expect(offered('DP').has('DRAFT_ACCEPTED')).toBe(false);
    expect(offered('DA').has('DRAFT_ACCEPTED')).toBe(true);
    expect(offered('OA').has('BALANCE_RECEIVED')).toBe(true);
    expect(offered('OA').has('RELEASE_APPROVED')).toBe(false);
  });

  it('leaves approvals to a manager', () => {
    expect(requiredRole('RELEASE_APPROVED')).toBe('manager');
    expect(requiredRole('PAYMENT_WRITTEN_OFF')).toBe('manager');
    expect(requiredRole('PAYMENT_RECEIVED')).toBeUndefined();
  });
});

describe('what exporters meet on the first day', () => {
  it('an L/C order waits in DEPOSIT for the credit, not for a TT that never comes', () => {
    const s = apply(fresh(), [
      example('QUOTATION_SENT'),
      example('QUOTATION_ACCEPTED', { sampleRequired: false }),
      example('CONTRACT_SIGNED', { paymentPlan: { balanceMethod: 'LC', depositPercent: 0 } }),
    ]);
    expect(s.stage).toBe('DEPOSIT');
    expect(allowedEvents(s)).toContain('LC_RECEIVED');
    expect(apply(s, [example('LC_RECEIVED', { amount: usd('10000.00') })]).stage).toBe('PRODUCTION');
  });

  it('an L/C that covers less than the balance is refused', () => {
    const s = upTo('LC', 'LC_RECEIVED');
    const d = applyEvent(s, example('LC_RECEIVED', { amount: usd('6999.99') }), ctx);
    expect(d).toMatchObject({ ok: false, code: 'VALIDATION_FAILED' });
  });

  it('bank charges within the tolerance settle the deposit; the shortfall is written off and shown', () => {
    const s = apply(fresh(), [
      example('QUOTATION_SENT'),
      example('QUOTATION_ACCEPTED', { sampleRequired: false }),
      example('CONTRACT_SIGNED', { paymentPlan: { shortPaymentTolerance: usd('50.00') } }),
      example('PAYMENT_RECEIVED', { amount: usd('2965.00') }),
    ]);
    expect(s.stage).toBe('PRODUCTION');
    const view = orderView(s);
    expect(view.payments.writtenOff).toEqual(usd('35.00'));
    expect(view.payments.schedule[0]).toMatchObject({
      part: 'DEPOSIT',
      writtenOff: usd('35.00'),
      outstanding: usd('0.00'),
    });
    expect(view.payments.outstanding).toEqual(usd('7000.00'));
    expect(s.timeline.at(-1)?.summary).toMatch(/shortfall 35.00 USD written off/);
    expectMoneyConserved(s);
  });

  it('a shortfall beyond the tolerance leaves the deposit open', () => {
    const s = apply(fresh(), [
      example('QUOTATION_SENT'),
      example('QUOTATION_ACCEPTED', { sampleRequired: false }),
      example('CONTRACT_SIGNED', { paymentPlan: { shortPaymentTolerance: usd('50.00') } }),
      example('PAYMENT_RECEIVED', { amount: usd('2900.00') }),
    ]);
    expect(s.stage).toBe('DEPOSIT');
  });

  it('a buyer paying 50 % up front: the surplus counts towards the balance', () => {
    const s = apply(upTo('TT', 'DEPOSIT_RECEIVED'), [
      example('PAYMENT_RECEIVED', { amount: usd('5000.00') }),
    ]);
    expect(s.stage).toBe('PRODUCTION');
    expect(s.payments.depositReceived).toEqual(usd('3000.00'));
    expect(s.payments.balanceReceived).toEqual(usd('2000.00'));
    expect(orderView(s).payments.outstanding).toEqual(usd('5000.00'));
    expectMoneyConserved(s);
  });

  it('more than everything owed is refused', () => {
    const d = applyEvent(
      upTo('TT', 'DEPOSIT_RECEIVED'),
      example('PAYMENT_RECEIVED', { amount: usd('10000.01') }),
      ctx,
    );
    expect(d).toMatchObject({ ok: false, code: 'VALIDATION_FAILED' });
  });

  it('balance before shipment: the B/L waits for the balance', () => {
    const s = upTo('TT_BEFORE_SHIPMENT', 'BALANCE_RECEIVED', [
      example('BOOKING_CONFIRMED'),
      example('CUSTOMS_DECLARED'),
    ]);
    expect(allowedEvents(s)).not.toContain('BILL_OF_LADING_ISSUED');
    expect(allowedEvents(s)).toContain('BALANCE_RECEIVED');
    const paid = apply(s, [example('BALANCE_RECEIVED')]);
    expect(allowedEvents(paid)).toContain('BILL_OF_LADING_ISSUED');
  });

  it('a contract in EUR on a USD quotation is a 400', () => {
    const s = apply(fresh(), [
      example('QUOTATION_SENT'),
      example('QUOTATION_ACCEPTED', { sampleRequired: false }),
    ]);
    const d = applyEvent(
      s,
      example('CONTRACT_SIGNED', { totalAmount: { amount: '10000.00', currency: 'EUR' } }),
      ctx,
    );
    expect(d).toMatchObject({ ok: false, code: 'VALIDATION_FAILED' });
    expect(!d.ok && d.details?.[0]?.path).toBe('totalAmount.currency');
  });

  it('the invoice terms never contradict the plan', () => {
    const da = upTo('DA', 'DEPOSIT_RECEIVED');
    expect(orderView(da).payments.terms).toBe(
      '30% deposit by T/T before production; balance 70% documents against acceptance (D/A), 60 days after acceptance',
    );
    expect(orderView(da).payments.terms).not.toMatch(/before release of documents/);
  });

  it('open account: documents go at once, the payment is due B/L date + tenor and chased from then', () => {
    const s = upTo('OA', 'PAYMENT_RECEIVED');
    expect(s.stage).toBe('DOCUMENTS');
    const bl = s.shipping.billOfLading;
    expect(bl).not.toBeNull();
    const view = orderView(s);
    const balance = view.payments.schedule.find((p) => p.part === 'BALANCE');
    const due = new Date(Date.parse(`${bl?.issuedOn}T00:00:00Z`) + 60 * 86_400_000)
      .toISOString()
      .slice(0, 10);
    expect(balance).toMatchObject({ dueWhen: 'AFTER_BILL_OF_LADING', dueDate: due });
    expect(s.stageDeadline).toBe(new Date(Date.parse(`${due}T00:00:00Z`) + 86_400_000).toISOString());
  });

  it('D/A: the maturity date becomes the due date; the order completes on payment', () => {
    const s = upTo('DA', 'COLLECTION_PAID');
    expect(s.stage).toBe('DOCUMENTS');
    expect(s.documents.releasedVia).toBe('BANK');
    expect(s.payments.balanceDueDate).toBe('2027-06-30');
    expect(s.stageDeadline).toBe('2027-07-01T00:00:00.000Z');
  });

  it('L/C: the reminder fires three days before the presentation deadline', () => {
    const s = upTo('LC', 'DOCUMENTS_PRESENTED');
    const bl = s.shipping.billOfLading;
    expect(s.stage).toBe('BALANCE');
    const deadline = orderView(s).payments.presentationDeadline;
    const byPeriod = new Date(Date.parse(`${bl?.issuedOn}T00:00:00Z`) + 21 * 86_400_000)
      .toISOString()
      .slice(0, 10);
    expect(deadline).toBe(byPeriod < '2027-02-28' ? byPeriod : '2027-02-28');
    const warn = new Date(Date.parse(`${deadline}T00:00:00Z`) - 3 * 86_400_000).toISOString();
    expect(s.stageDeadline && s.stageDeadline <= warn).toBe(true);
  });

  it('release approval: the documents go before payment; the order completes once paid', () => {
    const balance = upTo('TT', 'BALANCE_RECEIVED');
    expect(balance.stage).toBe('BALANCE');
    const approval = accept(balance, example('RELEASE_APPROVED'), { ...ctx, actor: 'boss' });
    const approved = approval.state;
    expect(approved.stage).toBe('DOCUMENTS');
    expect(approved.payments.releaseApproval).toMatchObject({ approvedBy: 'boss' });
    // The TT life's B/L is a telex release: approved, it is asked for at once.
    expect(approval.effects.map((e) => e.type)).toEqual(
      expect.arrayContaining(['dispatchDocuments', 'requestTelexRelease']),
    );
    expect(allowedEvents(approved)).not.toContain('GOODS_RELEASED');
    const released = apply(approved, [
      { type: 'EFFECT_COMPLETED', effect: 'dispatchDocuments' },
      example('TELEX_RELEASE_CONFIRMED'),
      example('GOODS_RELEASED'),
    ]);
    expect(released.stage).toBe('DOCUMENTS');
    const paid = apply(released, [example('BALANCE_RECEIVED')]);
    expect(paid.status).toBe('COMPLETED');
  });

  it('a sea waybill with money due needs a release approval first', () => {
    const s = upTo('TT', 'BILL_OF_LADING_ISSUED');
    const d = applyEvent(s, example('BILL_OF_LADING_ISSUED', { blType: 'SEA_WAYBILL' }), ctx);
    expect(d).toMatchObject({ ok: false, code: 'VALIDATION_FAILED' });
    const approved = apply(s, [example('RELEASE_APPROVED')]);
    expect(applyEvent(approved, example('BILL_OF_LADING_ISSUED', { blType: 'SEA_WAYBILL' }), ctx).ok).toBe(
      true,
    );
  });

  it('cancelling after a deposit says what happens to it and tells the customer', () => {
    const s = upTo('TT', 'INSPECTION_RECORDED');
    const without = applyEvent(s, example('ORDER_CANCELLED'), ctx);
    expect(without).toMatchObject({ ok: false, code: 'VALIDATION_FAILED' });
    const d = applyEvent(s, example('ORDER_CANCELLED', { depositHandling: 'CREDIT_NOTE' }), ctx);
    expect(d.ok && d.state.cancellation?.depositHandling).toBe('CREDIT_NOTE');
    expect(d.ok && d.effects.map((e) => e.type)).toEqual([
      'stageEntered',
      'notifyCancelled',
      'notifyCustomerCancelled',
    ]);
  });

  it('a manager may write off a small remainder', () => {
    const s = apply(upTo('OA', 'PAYMENT_RECEIVED'), [
      example('PAYMENT_RECEIVED', { amount: usd('6990.00') }),
      example('PAYMENT_WRITTEN_OFF', { amount: usd('10.00') }),
    ]);
    expect(s.status).toBe('COMPLETED');
    expect(orderView(s).payments.writtenOff).toEqual(usd('10.00'));
    expectMoneyConserved(s);
  });
});

describe('money is never created or lost', () => {
  const cents = fc.integer({ min: 1, max: 1_200_000 }).map((c) => usd((c / 100).toFixed(2)));
  const payment = fc.oneof(
    cents.map((amount): AnyEvent => ({ type: 'PAYMENT_RECEIVED', amount, reference: 'p' })),
    fc.tuple(cents, fc.integer({ min: 0, max: 5000 })).map(([amount, charges]): AnyEvent => ({
      type: 'PAYMENT_RECEIVED',
      amount,
      reference: 'p',
      bankCharges: usd((charges / 100).toFixed(2)),
    })),
    cents.map((amount): AnyEvent => ({ type: 'DEPOSIT_RECEIVED', amount, reference: 'd' })),
    cents.map((amount): AnyEvent => ({ type: 'BALANCE_RECEIVED', amount, reference: 'b' })),
    cents.map((amount): AnyEvent => ({ type: 'PAYMENT_WRITTEN_OFF', amount, reason: 'w' })),
  );

  it('received + written off + outstanding = total, whatever payments arrive', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...PLANS),
        fc.integer({ min: 0, max: 10_000 }),
        fc.array(payment, { maxLength: 12 }),
        (plan, tolerance, payments) => {
          let state = upTo(plan, 'DEPOSIT_RECEIVED');
          state = {
            ...state,
            payments: {
              ...state.payments,
              plan: state.payments.plan && {
                ...state.payments.plan,
                shortPaymentTolerance: usd((tolerance / 100).toFixed(2)),
              },
            },
          };
          const tick = clock('2027-01-01T00:00:00.000Z');
          for (const e of payments) {
            const d = applyEvent(state, e, tick());
            if (d.ok) state = d.state;
            expectMoneyConserved(state);
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
