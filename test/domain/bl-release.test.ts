/**
 * The B/L release steps: once we release the documents ourselves, a telex-release B/L needs the
 * forwarder's release (requested by an email, confirmed by ops) and an original B/L needs the
 * originals couriered; the banks' route and a sea waybill need neither.
 */
import { allowedEvents, applyEvent, processList, type AnyEvent, type OrderState } from '../../src/domain';
import { accept as acceptIn, apply, example, fresh, usd } from './fixtures';

const ctx = { now: '2027-01-05T00:00:00.000Z', actor: 'ops' };
const accept = (state: OrderState, event: AnyEvent) => acceptIn(state, event, ctx);
const dispatched: AnyEvent = { type: 'EFFECT_COMPLETED', effect: 'dispatchDocuments' };

/** SHIPPING, customs declared, under a plan (default TT against copies). */
function readyToShip(plan: Record<string, unknown> = {}, incoterm = 'FOB'): OrderState {
  return apply(fresh(), [
    example('QUOTATION_SENT', { incoterm }),
    example('QUOTATION_ACCEPTED', { sampleRequired: false }),
    example('CONTRACT_SIGNED', { paymentPlan: plan }),
    example('DEPOSIT_RECEIVED'),
    ...(plan.balanceMethod === 'LC' ? [example('LC_RECEIVED')] : []),
    example('INSPECTION_RECORDED'),
    example('PRODUCTION_COMPLETED'),
    example('BOOKING_CONFIRMED'),
    example('CUSTOMS_DECLARED'),
  ]);
}

const bl = (blType: string) => example('BILL_OF_LADING_ISSUED', { blType });
const step = (s: OrderState, key: string) => processList(s).find((p) => p.key === key);

describe('telex release (电放)', () => {
  it('is asked of the forwarder only once the balance is in, and the goods wait for its confirmation', () => {
    const shipped = accept(readyToShip(), bl('TELEX_RELEASE'));
    expect(shipped.state.stage).toBe('BALANCE');
    expect(shipped.effects.map((e) => e.type)).not.toContain('requestTelexRelease');
    // The step is on the list from the B/L on, for the stage where it will be done.
    expect(step(shipped.state, 'TELEX_RELEASE_CONFIRMED')).toMatchObject({
      stage: 'DOCUMENTS',
      status: 'PENDING',
    });

    const paid = accept(shipped.state, example('BALANCE_RECEIVED'));
    expect(paid.state.stage).toBe('DOCUMENTS');
    expect(paid.effects.map((e) => e.type)).toEqual([
      'acknowledgePayment',
      'stageEntered',
      'dispatchDocuments',
      'requestTelexRelease',
    ]);
    expect(paid.record?.summary).toContain('telex release requested from the forwarder');

    const requested = apply(paid.state, [
      dispatched,
      { type: 'EFFECT_COMPLETED', effect: 'requestTelexRelease' },
    ]);
    expect(requested.documents.release.telexRequestedAt).not.toBeNull();
    expect(allowedEvents(requested)).toContain('TELEX_RELEASE_CONFIRMED');
    expect(allowedEvents(requested)).not.toContain('GOODS_RELEASED');
    expect(allowedEvents(requested)).not.toContain('ORIGINALS_COURIERED');
    expect(applyEvent(requested, example('GOODS_RELEASED'), ctx)).toMatchObject({
      ok: false,
      code: 'EVENT_NOT_ALLOWED',
    });

    const confirmed = accept(requested, example('TELEX_RELEASE_CONFIRMED'));
    expect(confirmed.state.documents.release.telexConfirmedAt).toBe(ctx.now);
    expect(confirmed.record?.summary).toBe('Telex release confirmed: released at Hamburg');
    expect(step(confirmed.state, 'TELEX_RELEASE_CONFIRMED')).toMatchObject({ status: 'DONE', actor: 'ops' });
    expect(applyEvent(confirmed.state, example('TELEX_RELEASE_CONFIRMED'), ctx)).toMatchObject({ ok: false });

    const done = accept(confirmed.state, example('GOODS_RELEASED'));
    expect(done.state.status).toBe('COMPLETED');
  });

  it('goes at once when a manager approves the release before payment', () => {
    const shipped = apply(readyToShip(), [bl('TELEX_RELEASE')]);
    const approved = accept(shipped, example('RELEASE_APPROVED'));
    expect(approved.effects.map((e) => e.type)).toContain('requestTelexRelease');
  });

  it('goes at once under open account, and the order stays open until it is confirmed, paid or not', () => {
    const shipped = accept(readyToShip({ balanceMethod: 'OA', tenorDays: 30 }), bl('TELEX_RELEASE'));
    expect(shipped.state.stage).toBe('DOCUMENTS');
    expect(shipped.effects.map((e) => e.type)).toContain('requestTelexRelease');
    const paid = apply(shipped.state, [dispatched, example('PAYMENT_RECEIVED', { amount: usd('7000.00') })]);
    expect(paid.status).toBe('OPEN');
    expect(accept(paid, example('TELEX_RELEASE_CONFIRMED')).state.status).toBe('COMPLETED');
  });

  it('is not ours on the banks’ route: under an L/C the bank releases the documents', () => {
    const shipped = apply(readyToShip({ balanceMethod: 'LC' }), [bl('TELEX_RELEASE')]);
    expect(step(shipped, 'TELEX_RELEASE_CONFIRMED')).toBeUndefined();
    const honoured = accept(apply(shipped, [example('DOCUMENTS_PRESENTED')]), example('LC_HONOURED'));
    expect(honoured.effects.map((e) => e.type)).not.toContain('requestTelexRelease');
    expect(allowedEvents(honoured.state)).toContain('GOODS_RELEASED');
    expect(allowedEvents(honoured.state)).not.toContain('TELEX_RELEASE_CONFIRMED');
  });
});

describe('original B/Ls', () => {
  it('are couriered to the buyer before the goods can be picked up', () => {
    const paid = apply(readyToShip(), [bl('ORIGINAL'), example('BALANCE_RECEIVED'), dispatched]);
    expect(allowedEvents(paid)).toContain('ORIGINALS_COURIERED');
    expect(allowedEvents(paid)).not.toContain('GOODS_RELEASED');
    expect(step(paid, 'ORIGINALS_COURIERED')).toMatchObject({ status: 'PENDING' });
    const sent = accept(paid, example('ORIGINALS_COURIERED'));
    expect(sent.state.documents.release.originals).toEqual({
      courier: 'DHL',
      trackingNo: '1234567890',
      sentAt: ctx.now,
    });
    expect(sent.record?.summary).toBe('Original B/Ls couriered by DHL (1234567890)');
    expect(accept(sent.state, example('GOODS_RELEASED')).state.status).toBe('COMPLETED');
  });

  it('refuse an empty courier or tracking number', () => {
    const paid = apply(readyToShip(), [bl('ORIGINAL'), example('BALANCE_RECEIVED')]);
    expect(applyEvent(paid, example('ORIGINALS_COURIERED', { trackingNo: '' }), ctx)).toMatchObject({
      ok: false,
      code: 'VALIDATION_FAILED',
    });
  });
});

describe('a sea waybill', () => {
  it('needs no release step: the consignee takes the goods once the documents went', () => {
    const paid = apply(readyToShip(), [example('PAYMENT_RECEIVED', { amount: usd('7000.00') })]);
    const shipped = accept(paid, bl('SEA_WAYBILL'));
    expect(shipped.effects.map((e) => e.type)).not.toContain('requestTelexRelease');
    const sent = apply(shipped.state, [dispatched]);
    expect(allowedEvents(sent)).toEqual(expect.arrayContaining(['GOODS_RELEASED']));
    expect(allowedEvents(sent)).not.toContain('ORIGINALS_COURIERED');
    expect(allowedEvents(sent)).not.toContain('TELEX_RELEASE_CONFIRMED');
  });
});
