import { applyEvent, orderView, type OrderState } from '../../src/domain';
import { apply, clock, example, fresh, usd } from './fixtures';
import { lifeInTwo, plannedInTwo, PLANS, SHARES, shipmentLife } from './shipmentFixtures';

const ctx = { now: '2027-01-05T00:00:00Z', actor: 'ops' };
const shipment = (s: OrderState, id: string) => s.shipments?.list.find((x) => x.shipmentId === id);

describe('one life per payment method in two shipments', () => {
  it.each(PLANS)(
    '%s: each shipment runs its course; the order leaves SHIPPING with the last B/L and completes',
    (plan) => {
      const tick = clock();
      let state = apply(fresh(), plannedInTwo(plan), tick);
      expect(state.stage).toBe('SHIPPING');
      state = apply(state, shipmentLife(plan, 'S1'), tick);
      // S1 is done while S2 has not sailed: the order is still shipping.
      expect(state.stage).toBe('SHIPPING');
      expect(shipment(state, 'S1')).toMatchObject({ stage: 'COMPLETED', amount: usd(SHARES.S1.balance) });
      state = apply(state, shipmentLife(plan, 'S2'), tick);
      expect(state).toMatchObject({ stage: 'COMPLETED', status: 'COMPLETED' });
      expect(state.payments.balanceReceived).toEqual(usd('7000.00'));
      expect(shipment(state, 'S2')).toMatchObject({ stage: 'COMPLETED', received: usd(SHARES.S2.balance) });
    },
  );

  it('the view lists the shipments and the schedule has an entry per shipment', () => {
    const state = apply(fresh(), lifeInTwo('OA').slice(0, -3));
    const view = orderView(state);
    expect(view.shipments.map((s) => s.shipmentId)).toEqual(['S1', 'S2']);
    expect(view.shipments[0].billOfLading).toMatchObject({ blNo: 'BL-S1' });
    const balances = view.payments.schedule.filter((e) => e.part === 'BALANCE');
    expect(balances.map((e) => [e.shipmentId, e.amount.amount, e.dueDate !== null])).toEqual([
      ['S1', '4200.00', true],
      ['S2', '2800.00', true],
    ]);
  });
});

describe('allocation rules', () => {
  const planned = () => apply(fresh(), plannedInTwo('TT').slice(0, 4));

  it('never more than the contract quantity per line (400)', () => {
    const s = apply(planned(), [
      example('SHIPMENT_PLANNED', { shipmentId: 'A', lines: [{ lineNo: 1, quantity: 1500 }] }),
    ]);
    const d = applyEvent(
      s,
      example('SHIPMENT_PLANNED', { shipmentId: 'B', lines: [{ lineNo: 1, quantity: 501 }] }),
      ctx,
    );
    expect(d).toMatchObject({
      ok: false,
      code: 'VALIDATION_FAILED',
      details: [{ path: 'lines.0.quantity' }],
    });
    const line2 = applyEvent(
      s,
      example('SHIPMENT_PLANNED', { shipmentId: 'B', lines: [{ lineNo: 2, quantity: 1 }] }),
      ctx,
    );
    expect(line2).toMatchObject({ ok: false, code: 'VALIDATION_FAILED' });
  });

  it('a second shipment under NOT_ALLOWED is 409', () => {
    const s = apply(fresh(), [
      example('QUOTATION_SENT'),
      example('QUOTATION_ACCEPTED', { sampleRequired: false }),
      example('CONTRACT_SIGNED', { partialShipments: 'NOT_ALLOWED' }),
      example('DEPOSIT_RECEIVED'),
      example('SHIPMENT_PLANNED', { shipmentId: 'S1', lines: [{ lineNo: 1, quantity: 2000 }] }),
    ]);
    const d = applyEvent(
      s,
      example('SHIPMENT_PLANNED', { shipmentId: 'S2', lines: [{ lineNo: 1, quantity: 1 }] }),
      ctx,
    );
    expect(d).toMatchObject({ ok: false, code: 'EVENT_NOT_ALLOWED' });
  });

  it('with two shipments a shipment event names its shipment; an unknown one is 400', () => {
    const s = apply(fresh(), plannedInTwo('TT'));
    expect(applyEvent(s, example('BOOKING_CONFIRMED'), ctx)).toMatchObject({
      ok: false,
      code: 'VALIDATION_FAILED',
      details: [{ path: 'shipmentId' }],
    });
    expect(applyEvent(s, example('BOOKING_CONFIRMED', { shipmentId: 'S9' }), ctx)).toMatchObject({
      ok: false,
      code: 'VALIDATION_FAILED',
    });
  });

  it('an order that ships as one takes S1 or no shipmentId, and no other', () => {
    const s = apply(
      fresh(),
      plannedInTwo('TT')
        .slice(0, 4)
        .concat([example('INSPECTION_RECORDED'), example('PRODUCTION_COMPLETED')]),
    );
    expect(applyEvent(s, example('BOOKING_CONFIRMED', { shipmentId: 'S1' }), ctx)).toMatchObject({
      ok: true,
    });
    expect(applyEvent(s, example('BOOKING_CONFIRMED', { shipmentId: 'S2' }), ctx)).toMatchObject({
      ok: false,
      code: 'VALIDATION_FAILED',
    });
    expect(s.shipments).toBeUndefined();
  });

  it('a short shipment closed by a manager: the order moves on and owes only what shipped', () => {
    const tick = clock();
    let s = apply(fresh(), plannedInTwo('OA'), tick);
    s = apply(s, shipmentLife('OA', 'S1').slice(0, 3), tick);
    expect(s.stage).toBe('SHIPPING');
    const byOps = applyEvent(s, example('SHIPMENTS_CLOSED'), { ...ctx, role: 'ops' });
    // The role is the API's to enforce; the domain records who closed it.
    expect(byOps.ok).toBe(true);
    s = apply(s, [example('SHIPMENTS_CLOSED')], tick);
    expect(s.shipments?.list.map((x) => x.shipmentId)).toEqual(['S1']);
    expect(s.contract?.totalAmount).toEqual(usd('7200.00'));
    expect(s.shipments?.closed?.notShipped).toEqual(usd('2800.00'));
    expect(s.stage).not.toBe('SHIPPING');
  });

  it('the implicit S1 becomes a planned shipment once another is planned after its booking', () => {
    const tick = clock();
    let s = apply(
      fresh(),
      plannedInTwo('TT')
        .slice(0, 4)
        .concat([
          example('INSPECTION_RECORDED'),
          example('PRODUCTION_COMPLETED'),
          example('BOOKING_CONFIRMED'),
        ]),
      tick,
    );
    s = apply(
      s,
      [example('SHIPMENT_PLANNED', { shipmentId: 'S2', lines: [{ lineNo: 1, quantity: 500 }] })],
      tick,
    );
    expect(
      s.shipments?.list.map((x) => [
        x.shipmentId,
        x.lines[0].quantity,
        x.shipping.booking.confirmed !== null,
      ]),
    ).toEqual([
      ['S1', 1500, true],
      ['S2', 500, false],
    ]);
  });

  it('a correction of an allocation stays within the contract', () => {
    const tick = clock();
    const s = apply(fresh(), plannedInTwo('TT').slice(0, 5), tick);
    const plannedId = s.timeline[s.timeline.length - 1].eventId;
    const manager = { ...tick(), role: 'manager' as const };
    const correct = (quantity: number) =>
      applyEvent(
        s,
        {
          type: 'EVENT_CORRECTED',
          correctsEventId: plannedId,
          changes: { lines: [{ lineNo: 1, quantity }] },
          reason: 'r',
        },
        manager,
      );
    const ok = correct(2000);
    expect(ok.ok).toBe(true);
    if (ok.ok) expect(shipment(ok.state, 'S1')?.lines).toEqual([{ lineNo: 1, quantity: 2000 }]);
    const s2 = apply(
      s,
      [example('SHIPMENT_PLANNED', { shipmentId: 'S2', lines: [{ lineNo: 1, quantity: 800 }] })],
      tick,
    );
    const over = applyEvent(
      s2,
      {
        type: 'EVENT_CORRECTED',
        correctsEventId: plannedId,
        changes: { lines: [{ lineNo: 1, quantity: 1300 }] },
        reason: 'r',
      },
      manager,
    );
    expect(over).toMatchObject({ ok: false, code: 'CORRECTION_NOT_ALLOWED' });
  });
});
