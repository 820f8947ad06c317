import { bookingRequestEmail } from '../../src/domain/effects/bookingRequest';
import { cargoReadyNoticeEmail } from '../../src/domain/effects/cargoReadyNotice';
import { EXPORTER, PLANNED_SHIPMENT, bookingRequest } from './fixtures';

const planned = PLANNED_SHIPMENT;

describe('the booking request and the cargo-ready notice', () => {
  it('give a forwarder ports, equipment, weight, volume and who pays the freight', () => {
    const email = bookingRequestEmail(bookingRequest({ ...planned, freight: 'PREPAID' }), EXPORTER);
    for (const text of ['Port of loading', 'Hamburg', '2 x 40HQ', '2,144.5 kg', '14.7 CBM', 'Prepaid'])
      expect(email.text).toContain(text);
  });

  it('leave out what the order does not have (an old recorded input)', () => {
    const email = bookingRequestEmail(bookingRequest(), EXPORTER);
    expect(email.text).not.toContain('Port of loading');
    expect(email.text).not.toContain('Freight');
  });

  it("ask the buyer's forwarder to book (F-terms), or the buyer to collect (EXW)", () => {
    const { forwarder: _forwarder, ...base } = bookingRequest({ ...planned, freight: 'COLLECT' });
    const notice = cargoReadyNoticeEmail(
      {
        ...base,
        recipient: { name: 'Kuehne+Nagel Hamburg', email: 'seafreight@kn.example' },
        recipientRole: 'BUYER_FORWARDER',
        pickup: false,
      },
      EXPORTER,
    );
    expect(notice.subject).toBe('Cargo ready: order PO-2026-0001, FOB Ningbo, from 2027-02-18');
    expect(notice.text).toContain('Dear Kuehne+Nagel Hamburg,');
    expect(notice.text).toContain('Collect');
    const pickup = cargoReadyNoticeEmail(
      {
        ...base,
        incoterm: 'EXW',
        recipient: { name: 'Jane Doe', email: 'jane@acme.example' },
        recipientRole: 'CUSTOMER',
        pickup: true,
      },
      EXPORTER,
    );
    expect(pickup.subject).toContain('Cargo ready for collection');
    expect(pickup.text).toContain('ready for collection at our premises');
  });
});
