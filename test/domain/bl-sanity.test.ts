import { decideCommand } from '../../src/domain/decide-command';
import { apply, example, fresh, T0, walkTo } from './fixtures';
import { lifeOf } from './planFixtures';

const ctx = (now = T0) => ({ now, actor: 'ops', eventId: 'e-1' });

describe('B/L sanity', () => {
  it('refuses an ETD decades away, takes one within a year', () => {
    const shipping = walkTo('SHIPPING');
    const far = decideCommand(shipping, example('BOOKING_CONFIRMED', { etd: '2099-02-15' }), ctx());
    expect(!far.ok && far.details).toEqual([
      { path: 'etd', message: 'must not be later than 2027-11-27 (a year ahead)' },
    ]);
    expect(decideCommand(shipping, example('BOOKING_CONFIRMED', { etd: '2027-11-27' }), ctx()).ok).toBe(true);
  });

  it('warns of a B/L dated before the booking was confirmed', () => {
    const declared = apply(walkTo('SHIPPING'), [example('BOOKING_CONFIRMED'), example('CUSTOMS_DECLARED')]);
    const booked = declared.shipping.booking.confirmed?.confirmedAt.slice(0, 10) ?? '';
    const early = decideCommand(
      declared,
      example('BILL_OF_LADING_ISSUED', { issuedOn: '2026-01-01' }),
      ctx(),
    );
    expect(early.ok && early.state.warnings).toEqual([
      expect.objectContaining({
        code: 'BL_BEFORE_BOOKING',
        message: expect.stringContaining(booked) as string,
      }),
    ]);
    const onTime = decideCommand(declared, example('BILL_OF_LADING_ISSUED', { issuedOn: booked }), ctx());
    expect(onTime.ok && (onTime.state.warnings ?? [])).toEqual([]);
  });

  it("warns of a B/L dated after the L/C's latest shipment date", () => {
    const life = lifeOf('LC');
    // The L/C life up to its B/L (the credit's latest shipment date is 2027-01-31).
    const declared = apply(
      fresh(),
      life.slice(
        0,
        life.findIndex((e) => e.type === 'BILL_OF_LADING_ISSUED'),
      ),
    );
    const late = decideCommand(declared, example('BILL_OF_LADING_ISSUED', { issuedOn: '2027-02-01' }), ctx());
    expect(late.ok && late.state.warnings?.map((w) => w.code)).toEqual(['BL_AFTER_LATEST_SHIPMENT']);
    const inTime = decideCommand(
      declared,
      example('BILL_OF_LADING_ISSUED', { issuedOn: '2027-01-31' }),
      ctx(),
    );
    expect(inTime.ok && (inTime.state.warnings ?? []).map((w) => w.code)).toEqual([]);
  });
});
