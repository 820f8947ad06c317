import type {
  BookingRequestInput,
  CancellationNoticeInput,
  CollectionInstructionsInput,
  DocumentOrder,
  DocumentSetInput,
  ExporterProfile,
  MessageKey,
  StallReminderInput,
  TelexReleaseRequestInput,
} from '../../src/activities';

export const MAIL_FROM = 'Order Desk <orders@exporter.example>';
export const EXPORTER: ExporterProfile = {
  name: 'Ningbo Bright Lighting Co., Ltd.',
  address: '88 Harbour Road, Beilun, Ningbo, China',
  email: 'sales@exporter.example',
  timeZone: 'Asia/Shanghai',
};

/** The exporter's account, as the proforma invoice and the payment request print it. */
export const BANK: NonNullable<ExporterProfile['bank']> = {
  beneficiary: 'Ningbo Bright Lighting Co., Ltd.',
  bankName: 'Bank of China, Ningbo Branch',
  accountNo: '3582 1234 5678',
  swift: 'BKCHCNBJ92A',
};

export const HOSTILE = '<script>alert("x")</script> & "Co"';

const usd = (amount: string) => ({ amount, currency: 'USD' });

/** An order at its B/L, as the view (and the workflow's state) has it. */
export function documentOrder(overrides: Partial<DocumentOrder> = {}): DocumentOrder {
  return {
    orderId: 'PO-2026-0001',
    customer: { name: 'Jane Doe', company: 'Acme GmbH', email: 'jane@acme.example', country: 'DE' },
    accountManager: { name: 'Li Wei', email: 'li.wei@exporter.example' },
    inquiry: {
      channel: 'EMAIL',
      receivedAt: '2026-11-26T08:00:00.000Z',
      products: [
        { description: '40W LED panel 600x600', quantity: 2000, unit: 'pcs' },
        { description: 'Driver spare 0.1', quantity: 12.5, unit: 'kg' },
      ],
    },
    quotation: {
      quotationNo: 'Q-2026-88',
      incoterm: 'FOB',
      namedPlace: 'Ningbo',
      lines: [
        { description: '40W LED panel 600x600', quantity: 2000, unitPrice: usd('6.15') },
        { description: 'Driver spare 0.1', quantity: 12.5, unitPrice: usd('0.10') },
      ],
      paymentTerms: { method: 'TT', depositPercent: 30 },
      validUntil: '2099-12-31',
      leadTimeDays: 35,
      // 2000 x 6.15 = 12,300.00; 12.5 x 0.10 = 1.25 (exact, no float drift)
      total: usd('12301.25'),
      sentAt: '2026-11-28T03:00:00.000Z',
      revisions: 1,
    },
    contract: {
      contractNo: 'SC-2026-117',
      totalAmount: usd('12301.25'),
      depositPercent: 30,
      signedAt: '2026-12-01T02:00:00.000Z',
    },
    payments: {
      plan: {
        depositPercent: 30,
        balanceMethod: 'TT',
        balanceDue: 'AGAINST_DOCUMENT_COPIES',
        tenorDays: 0,
        shortPaymentTolerance: usd('0.00'),
      },
      depositReceived: usd('3690.38'),
      balanceReceived: null,
    },
    shipping: {
      booking: {
        requestedAt: '2027-02-10T07:00:00.000Z',
        confirmed: {
          forwarder: 'Blue Ocean Logistics',
          vessel: 'MSC AURORA',
          voyage: 'FE607W',
          etd: '2027-02-25',
          containerNos: ['MSCU1234565', 'MSCU7654321'],
          confirmedAt: '2027-02-12T07:00:00.000Z',
        },
      },
      customs: { declarationNo: 'CD-778', declaredAt: '2027-02-18T07:00:00.000Z' },
      billOfLading: {
        blNo: 'MEDUNB123456',
        blType: 'TELEX_RELEASE',
        issuedAt: '2027-02-20T09:30:00.000Z',
        issuedOn: '2027-02-20',
      },
    },
    ...overrides,
  };
}

/** A CIF order with every piece of trade data, a Chinese exporter name and a Russian buyer. */
export function fullOrder(overrides: Partial<DocumentOrder> = {}): DocumentOrder {
  const base = documentOrder();
  return documentOrder({
    customer: {
      name: 'Ирина Петрова',
      company: 'ООО «Светлый Дом»',
      email: 'irina@svetdom.example',
      country: 'RU',
    },
    quotation: { ...base.quotation!, incoterm: 'CIF', namedPlace: 'St. Petersburg' },
    contract: { ...base.contract!, totalAmount: usd('4212.30') },
    trade: {
      contractLines: [
        {
          description: 'LED chip 2835 warm white',
          hsCode: '8541.41',
          quantity: 120000,
          unit: 'pcs',
          unitPrice: usd('0.035'),
        },
        {
          description: 'Aluminium profile 1 m',
          hsCode: '7604.29',
          quantity: 3,
          unit: 'sets',
          unitPrice: usd('4.10'),
        },
      ],
      packing: [
        { packages: 40, netWeightKg: 380.5, grossWeightKg: 412.25, volumeCbm: 1.2 },
        { packages: 1, netWeightKg: 9.5, grossWeightKg: 10.75, volumeCbm: 0.05 },
      ],
      packageType: 'CTNS',
      buyerAddress: 'Nevsky prospekt 28, office 4\n191186 Saint Petersburg',
      portOfLoading: 'Ningbo, China',
      portOfDischarge: 'St. Petersburg, Russia',
      originCountry: 'China',
      marks: 'SVETDOM / SPB / C/NO. 1-41',
      paymentTerms: '30% T/T deposit, 70% by irrevocable L/C at sight',
      lcNo: 'LC-77-2027',
      insurance: {
        policyNo: 'PICC-2027-555',
        insurer: 'PICC Property and Casualty',
        cover: 'ICC_A',
        insuredAmount: usd('4633.53'),
      },
    },
    ...overrides,
  });
}

export const CHINESE_EXPORTER: ExporterProfile = { ...EXPORTER, localName: '宁波海天照明有限公司' };
/** The activity input for the document set of `documentOrder(overrides)`. */
export function documentSet(
  overrides: Partial<DocumentOrder> = {},
  key: Partial<MessageKey> = {},
): DocumentSetInput {
  return { orderId: 'PO-2026-0001', sequence: 1, order: documentOrder(overrides), ...key };
}

/** The fixture's payments with the balance paid too. */
export function paidInFull(): DocumentOrder['payments'] {
  return { ...documentOrder().payments, balanceReceived: usd('8610.87') };
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

/** A shipment with everything a forwarder plans by. */
export const PLANNED_SHIPMENT = {
  portOfLoading: 'Ningbo',
  portOfDischarge: 'Hamburg',
  containers: { type: '40HQ', count: 2 },
  packages: 204,
  grossWeightKg: 2144.5,
  volumeCbm: 14.7,
};

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

export function telexReleaseRequest(
  overrides: Partial<TelexReleaseRequestInput> = {},
): TelexReleaseRequestInput {
  return {
    orderId: 'PO-2026-0001',
    sequence: 1,
    requestedAt: '2027-03-02T02:00:00.000Z',
    forwarder: { name: 'Blue Ocean Logistics', email: 'booking@forwarder.example' },
    accountManager: { name: 'Li Wei', email: 'li.wei@exporter.example' },
    customer: { company: 'Acme GmbH', country: 'DE' },
    contractNo: 'SC-2026-117',
    blNo: 'NBHAM2700123',
    blDate: '2027-02-20',
    vessel: 'MSC Aurora',
    voyage: 'AU123W',
    portOfLoading: 'Ningbo',
    portOfDischarge: 'Hamburg',
    releaseGround: { kind: 'PAID_IN_FULL' },
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

export function collectionInstructions(
  overrides: Partial<CollectionInstructionsInput> = {},
): CollectionInstructionsInput {
  return {
    orderId: 'PO-2026-0001',
    sequence: 1,
    requestedAt: '2026-12-10T12:00:00.000Z',
    customer: { name: 'Jane Doe', company: 'Acme GmbH', email: 'jane@acme.example', country: 'DE' },
    accountManager: { name: 'Li Wei', email: 'li.wei@exporter.example' },
    contractNo: 'C-2026-001',
    method: 'DA',
    tenorDays: 60,
    amount: { amount: '17500.00', currency: 'USD' },
    blNo: 'BL-9001',
    blDate: '2026-12-08',
    documents: ['Bill of exchange (draft)', 'Commercial invoice', 'Packing list', 'Full set of B/L BL-9001'],
    ...overrides,
  };
}
