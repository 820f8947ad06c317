/** The workflow's pure mappings for the shipping-terms effects: what the forwarder and documents get. */
import { bookingRequestInput } from '../../src/domain/effects/bookingRequest';
import { cargoReadyNoticeInput } from '../../src/domain/effects/cargoReadyNotice';
import { documentSetInput } from '../../src/domain/effects/documentSet';
import { apply, example, fresh, usd } from '../domain/fixtures';

const ours = { name: 'Default Forwarder', email: 'bookings@forwarder.example' };
const now = '2027-01-05T00:00:00.000Z';

const lines = [
  {
    description: '40W LED panel',
    hsCode: '94054200',
    quantity: 2000,
    unit: 'pcs',
    unitPrice: usd('4.90'),
    packing: { packages: 200, grossWeightKg: 2100.1, volumeCbm: 14.5 },
  },
  {
    description: 'clip',
    quantity: 16000,
    unit: 'pcs',
    unitPrice: usd('0.0125'),
    packing: { packages: 4, grossWeightKg: 44.2, volumeCbm: 0.2 },
  },
];

function shipped(incoterm: string, contract: Record<string, unknown> = {}) {
  return apply(fresh(), [
    example('QUOTATION_SENT', { incoterm }),
    example('QUOTATION_ACCEPTED', { sampleRequired: false }),
    example('CONTRACT_SIGNED', { lines, portOfLoading: 'Ningbo', portOfDischarge: 'Hamburg', ...contract }),
    example('DEPOSIT_RECEIVED'),
    example('INSPECTION_RECORDED'),
    example('PRODUCTION_COMPLETED'),
  ]);
}

describe('shipping effect inputs', () => {
  it('the booking request (CIF) carries ports, equipment, summed packing and freight prepaid', () => {
    const input = bookingRequestInput(shipped('CIF', { containers: { type: '40HQ', count: 1 } }), ours, now);
    expect(input).toMatchObject({
      forwarder: ours,
      portOfLoading: 'Ningbo',
      portOfDischarge: 'Hamburg',
      containers: { type: '40HQ', count: 1 },
      packages: 204,
      grossWeightKg: 2144.3,
      volumeCbm: 14.7,
      freight: 'PREPAID',
      cargo: [
        { description: '40W LED panel', quantity: 2000, unit: 'pcs' },
        { description: 'clip', quantity: 16000, unit: 'pcs' },
      ],
    });
  });

  it("the cargo-ready notice (FOB) goes to the buyer's forwarder, freight collect", () => {
    const forwarder = { name: 'K+N', email: 'ops@kn.example' };
    const input = cargoReadyNoticeInput(shipped('FOB', { buyerForwarder: forwarder }), now);
    expect(input).toMatchObject({
      recipient: forwarder,
      recipientRole: 'BUYER_FORWARDER',
      pickup: false,
      freight: 'COLLECT',
    });
    expect(input).not.toHaveProperty('forwarder');
    expect(cargoReadyNoticeInput(shipped('EXW'), now)).toMatchObject({
      recipient: { email: 'jane@acme.example' },
      recipientRole: 'CUSTOMER',
      pickup: true,
    });
  });

  it('the documents read the contract lines, ports, HS codes and the insurance', () => {
    const state = apply(shipped('CIF'), [
      example('BOOKING_CONFIRMED'),
      example('CUSTOMS_DECLARED'),
      example('INSURANCE_ARRANGED'),
      example('BILL_OF_LADING_ISSUED'),
    ]);
    const { order } = documentSetInput(state, now);
    expect(order.trade).toMatchObject({
      portOfLoading: 'Ningbo',
      portOfDischarge: 'Hamburg',
      contractLines: [
        { description: '40W LED panel', hsCode: '94054200', unit: 'pcs', unitPrice: usd('4.90') },
        { description: 'clip', hsCode: null, unitPrice: usd('0.0125') },
      ],
      packing: [{ packages: 200, netWeightKg: null }, { packages: 4 }],
      insurance: { policyNo: 'PICC-1', cover: 'ICC_A', insuredAmount: usd('11000.00') },
    });
  });

  it('an EXW order has documents once collected', () => {
    const state = apply(shipped('EXW'), [example('GOODS_COLLECTED')]);
    expect(documentSetInput(state, now).order.trade?.contractLines).toHaveLength(2);
  });
});
