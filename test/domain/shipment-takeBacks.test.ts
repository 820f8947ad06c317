/**
 * Shipments in parts, what acts on one shipment after the fact: a correction of its event, the
 * reversal of its payment, the retry of its failed effect, and the letter of a shipment planned
 * while the order ships.
 */
import { applyEvent, applyFact, type OrderState } from '../../src/domain';
import { accept, apply, clock, example, fresh, usd } from './fixtures';
import { plannedInTwo, SHARES, shipmentLife } from './shipmentFixtures';

const shipment = (s: OrderState, id: string) => s.shipments?.list.find((x) => x.shipmentId === id);
const eventIdOf = (s: OrderState, type: string) =>
  [...s.timeline].reverse().find((t) => t.type === type)?.eventId ?? '';

describe('what acts on one shipment after the fact', () => {
  it('a correction of a shipment’s booking edits that shipment’s booking, not the order’s', () => {
    const tick = clock();
    let s = apply(fresh(), plannedInTwo('TT'), tick);
    s = apply(s, shipmentLife('TT', 'S1').slice(0, 1), tick);
    s = apply(s, [example('BOOKING_CONFIRMED', { shipmentId: 'S2', vessel: 'MSC BELLA' })], tick);
    const booked = eventIdOf(s, 'BOOKING_CONFIRMED');
    s = apply(s, shipmentLife('TT', 'S1').slice(1, 3), tick);
    const corrected = accept(
      s,
      {
        type: 'EVENT_CORRECTED',
        correctsEventId: booked,
        changes: { vessel: 'MSC CLARA' },
        reason: 'rolled',
      },
      { ...tick(), role: 'manager' },
    ).state;
    expect(shipment(corrected, 'S2')?.shipping.booking.confirmed?.vessel).toBe('MSC CLARA');
    expect(shipment(corrected, 'S1')?.shipping.booking.confirmed?.vessel).toBe('EVER GIVEN');
  });

  it('PAYMENT_REVERSED takes the money back from the shipment it was counted for', () => {
    const tick = clock();
    let s = apply(fresh(), plannedInTwo('OA'), tick);
    s = apply(s, shipmentLife('OA', 'S1').slice(0, 3), tick);
    s = apply(s, shipmentLife('OA', 'S2').slice(0, 3), tick);
    s = apply(s, [example('PAYMENT_RECEIVED', { shipmentId: 'S2', amount: usd(SHARES.S2.balance) })], tick);
    expect(shipment(s, 'S2')?.received).toEqual(usd(SHARES.S2.balance));
    const paid = eventIdOf(s, 'PAYMENT_RECEIVED');
    const reversed = accept(
      s,
      { type: 'PAYMENT_REVERSED', paymentEventId: paid, reason: 'bounced' },
      { ...tick(), role: 'manager' },
    ).state;
    expect(shipment(reversed, 'S2')?.received).toEqual(usd('0.00'));
    expect(shipment(reversed, 'S1')?.received ?? usd('0.00')).toEqual(usd('0.00'));
    expect(reversed.payments.balanceReceived ?? usd('0.00')).toEqual(usd('0.00'));
  });

  it('RETRY_FAILED_EFFECTS runs a shipment’s failed effect again for that shipment', () => {
    const tick = clock();
    let s = apply(fresh(), plannedInTwo('TT'), tick);
    const failed = applyFact(
      s,
      { type: 'EFFECT_FAILED', effect: 'requestBooking', error: 'SMTP down', shipmentId: 'S2' },
      { ...tick(), actor: 'system' },
    );
    if (!failed.ok) throw new Error(failed.message);
    s = failed.state;
    const retried = accept(s, example('RETRY_FAILED_EFFECTS'), tick());
    expect(retried.effects).toEqual([{ type: 'requestBooking', shipmentId: 'S2' }]);
  });

  it('each planned shipment gets its own shipping letter, one planned while shipping too', () => {
    const tick = clock();
    const planned = plannedInTwo('TT');
    const before = apply(fresh(), planned.slice(0, -1), tick);
    const produced = accept(before, planned[planned.length - 1], tick());
    // FOB: the buyer's forwarder books, so each shipment's letter is its cargo-ready notice.
    expect(produced.effects.filter((e) => e.type === 'sendCargoReadyNotice')).toEqual([
      { type: 'sendCargoReadyNotice', shipmentId: 'S1' },
      { type: 'sendCargoReadyNotice', shipmentId: 'S2' },
    ]);
    // Two planned for 1,800 of 2,000: the third, planned while shipping, is asked for on its own.
    const s = apply(
      fresh(),
      planned.map((e) =>
        e.type === 'SHIPMENT_PLANNED' && 'shipmentId' in e && e.shipmentId === 'S2'
          ? { ...e, lines: [{ lineNo: 1, quantity: 600 }] }
          : e,
      ),
      tick,
    );
    const third = applyEvent(
      s,
      example('SHIPMENT_PLANNED', { shipmentId: 'S3', lines: [{ lineNo: 1, quantity: 200 }] }),
      tick(),
    );
    expect(third).toMatchObject({ ok: true, effects: [{ type: 'sendCargoReadyNotice', shipmentId: 'S3' }] });
  });
});
