import type {
  BookingRequestInput,
  CancellationNoticeInput,
  DocumentSetInput,
  StallReminderInput,
} from '../../src/activities';

export const MAIL_FROM = 'Order Desk <orders@exporter.example>';
export const EXPORTER = {
  name: 'Ningbo Bright Lighting Co., Ltd.',
  address: '88 Harbour Road, Beilun, Ningbo, China',
  email: 'sales@exporter.example',
};

export const HOSTILE = '<script>alert("x")</script> & "Co"';

export function documentSet(overrides: Partial<DocumentSetInput> = {}): DocumentSetInput {
  return {
    orderId: 'PO-2026-0001',
    sequence: 1,
    customer: { name: 'Jane Doe', company: 'Acme GmbH', email: 'jane@acme.example', country: 'DE' },
    accountManager: { name: 'Li Wei', email: 'li.wei@exporter.example' },
    invoiceNo: 'INV-2027-0042',
    contractNo: 'SC-2026-117',
    issuedAt: '2027-02-20T09:30:00.000Z',
    incoterm: 'FOB',
    namedPlace: 'Ningbo',
    paymentTerms: {
      method: 'TT',
      depositPercent: 30,
      text: '30% deposit by T/T before production; balance 70% by T/T against copies of the shipping documents',
    },
    vessel: 'MSC AURORA',
    voyage: 'FE607W',
    etd: '2027-02-25',
    blNo: 'MEDUNB123456',
    blType: 'TELEX_RELEASE',
    containerNos: ['MSCU1234565', 'MSCU7654321'],
    lines: [
      {
        description: '40W LED panel 600x600',
        quantity: 2000,
        unit: 'pcs',
        unitPrice: { amount: '6.15', currency: 'USD' },
      },
      {
        description: 'Driver spare 0.1',
        quantity: 12.5,
        unit: 'kg',
        unitPrice: { amount: '0.10', currency: 'USD' },
      },
    ],
    // 2000 x 6.15 = 12,300.00; 12.5 x 0.10 = 1.25 (exact, no float drift)
    total: { amount: '12301.25', currency: 'USD' },
    depositReceived: { amount: '3690.38', currency: 'USD' },
    balanceReceived: { amount: '0', currency: 'USD' },
    ...overrides,
  };
}

export function stallReminder(overrides: Partial<StallReminderInput> = {}): StallReminderInput {
  return {
    orderId: 'PO-2026-0001',
    sequence: 2,
    requestedAt: '2026-12-05T10:00:00.000Z',
    stage: 'DEPOSIT',
    stageEnteredAt: '2026-12-01T08:00:00.000Z',
    stageDeadline: '2026-12-04T08:00:00.000Z',
    escalated: false,
    to: ['li.wei@exporter.example'],
    cc: [],
    accountManagerName: 'Li Wei',
    customerCompany: 'Acme GmbH',
    expectedNext: ['DEPOSIT_RECEIVED', 'ORDER_CANCELLED'],
    ...overrides,
  };
}

export function bookingRequest(overrides: Partial<BookingRequestInput> = {}): BookingRequestInput {
  return {
    orderId: 'PO-2026-0001',
    sequence: 1,
    requestedAt: '2027-02-10T07:00:00.000Z',
    forwarder: { name: 'Blue Ocean Logistics', email: 'booking@forwarder.example' },
    accountManager: { name: 'Li Wei', email: 'li.wei@exporter.example' },
    customer: { company: 'Acme GmbH', country: 'DE' },
    incoterm: 'FOB',
    namedPlace: 'Ningbo',
    cargo: [{ description: '40W LED panel 600x600', quantity: 2000, unit: 'pcs' }],
    readyDate: '2027-02-18',
    contractNo: 'SC-2026-117',
    ...overrides,
  };
}

export function cancellation(overrides: Partial<CancellationNoticeInput> = {}): CancellationNoticeInput {
  return {
    orderId: 'PO-2026-0001',
    sequence: 1,
    requestedAt: '2026-12-10T12:00:00.000Z',
    accountManager: { name: 'Li Wei', email: 'li.wei@exporter.example' },
    customerCompany: 'Acme GmbH',
    stage: 'CONTRACT',
    reason: 'Customer found another supplier',
    ...overrides,
  };
}
