import type { NewOrder, OrderEventInput } from '../src/domain';
import type { OrderWorkflowInput } from '../src/workflows/input';
import { DEFAULT_STALL_POLICY } from '../src/domain';

let counter = 0;
/** An order id no other test uses, even across runs against one db file. */
export function uniqueOrderId(prefix = 'PO-TEST'): string {
  counter += 1;
  return `${prefix}-${Date.now().toString(36)}-${process.pid}-${counter}`;
}

export function newInquiry(overrides: Partial<NewOrder> = {}): NewOrder {
  return {
    customer: { name: 'Jane Doe', company: 'Acme GmbH', email: 'jane@acme.example', country: 'DE' },
    accountManager: { name: 'Li Wei', email: 'li.wei@exporter.example' },
    inquiry: {
      channel: 'B2B_PLATFORM',
      products: [{ sku: 'LED-40W', description: '40W LED panel', quantity: 2000, unit: 'pcs' }],
      requestedDelivery: '2027-03-01',
      notes: 'needs CE marking',
    },
    ...overrides,
  };
}

export function workflowInput(
  overrides: Partial<NewOrder> & { orderId?: string } = {},
  extra: Partial<OrderWorkflowInput> = {},
): OrderWorkflowInput {
  const order = { ...newInquiry(overrides), orderId: overrides.orderId ?? uniqueOrderId() };
  return {
    order,
    stallDefaults: DEFAULT_STALL_POLICY,
    defaultForwarder: { name: 'Default Forwarder', email: 'bookings@forwarder.example' },
    createdAt: new Date().toISOString(),
    createdBy: 'test',
    ...extra,
  };
}

const usd = (amount: string) => ({ amount, currency: 'USD' });

/** Events that walk an order through all nine stages: one sample rejection, a deposit in two parts. */
export const fullLife = {
  quotation: {
    type: 'QUOTATION_SENT',
    quotationNo: 'Q-1',
    // A C-term: we book, so the full life sends our booking request (F-terms: shippingTermsLife).
    incoterm: 'CFR',
    namedPlace: 'Hamburg',
    lines: [{ description: '40W LED panel', quantity: 2000, unitPrice: usd('12.50') }],
    paymentTerms: { method: 'TT', depositPercent: 30 },
    // Far ahead: the time-skipping server may skip years while timers wait.
    validUntil: '2999-12-31',
    leadTimeDays: 35,
  },
  accepted: { type: 'QUOTATION_ACCEPTED', sampleRequired: true },
  sample1: { type: 'SAMPLE_SENT', courier: 'DHL', trackingNo: 'DHL-1' },
  sampleRejected: { type: 'SAMPLE_REJECTED', feedback: 'colour temperature too cold' },
  sample2: { type: 'SAMPLE_SENT', courier: 'DHL', trackingNo: 'DHL-2' },
  sampleApproved: { type: 'SAMPLE_APPROVED', note: 'looks good' },
  contract: { type: 'CONTRACT_SIGNED', contractNo: 'C-1', totalAmount: usd('25000.00') },
  deposit1: { type: 'DEPOSIT_RECEIVED', amount: usd('5000.00'), reference: 'TT-1' },
  deposit2: { type: 'DEPOSIT_RECEIVED', amount: usd('2500.00'), reference: 'TT-2' },
  progress: { type: 'PRODUCTION_PROGRESS', percent: 60 },
  inspection: { type: 'INSPECTION_RECORDED', result: 'PASSED', inspector: 'SGS' },
  produced: { type: 'PRODUCTION_COMPLETED' },
  booking: {
    type: 'BOOKING_CONFIRMED',
    forwarder: 'Blue Ocean Logistics',
    vessel: 'MSC Aurora',
    voyage: 'AU123W',
    etd: '2027-01-15',
    containerNos: ['MSCU1234567'],
  },
  customs: { type: 'CUSTOMS_DECLARED', declarationNo: 'CD-778' },
  billOfLading: { type: 'BILL_OF_LADING_ISSUED', blNo: 'BL-9001', blType: 'ORIGINAL' },
  documentsOk: { type: 'DOCUMENTS_CONFIRMED' },
  balance: { type: 'BALANCE_RECEIVED', amount: usd('17500.00'), reference: 'TT-3' },
  originals: { type: 'ORIGINALS_COURIERED', courier: 'DHL', trackingNo: 'DHL-BL-9001' },
  released: { type: 'GOODS_RELEASED', note: 'picked up at Hamburg' },
} satisfies Record<string, OrderEventInput>;
export const fullLifeEvents: OrderEventInput[] = Object.values(fullLife);

export const PAYMENT_PLANS = ['TT', 'TT_BEFORE_SHIPMENT', 'LC', 'DP', 'DA', 'OA'] as const;
export type PaymentPlanName = (typeof PAYMENT_PLANS)[number];

/**
 * A whole life under each payment plan (contract 25,000.00 USD, 30 % deposit unless the plan says
 * otherwise): no sample, so each life is short. Each event waits until the order allows it.
 */
export function planLife(plan: PaymentPlanName): OrderEventInput[] {
  const method = plan === 'TT_BEFORE_SHIPMENT' ? 'TT' : plan;
  const quotation = { ...fullLife.quotation, paymentTerms: { method, depositPercent: 30 } };
  const accepted = { type: 'QUOTATION_ACCEPTED', sampleRequired: false } as const;
  const contract = (paymentPlan?: Record<string, unknown>): OrderEventInput => ({
    ...fullLife.contract,
    ...(paymentPlan ? { paymentPlan } : {}),
  });
  const deposit: OrderEventInput = { type: 'DEPOSIT_RECEIVED', amount: usd('7500.00'), reference: 'TT-1' };
  const production = [fullLife.inspection, fullLife.produced];
  const shipping = [fullLife.booking, fullLife.customs, fullLife.billOfLading];
  const balance = usd('17500.00');
  switch (plan) {
    case 'TT':
      return [
        quotation,
        accepted,
        contract(),
        deposit,
        ...production,
        ...shipping,
        fullLife.documentsOk,
        fullLife.balance,
        fullLife.originals,
        fullLife.released,
      ];
    case 'TT_BEFORE_SHIPMENT':
      return [
        quotation,
        accepted,
        contract({ balanceDue: 'BEFORE_SHIPMENT' }),
        deposit,
        ...production,
        fullLife.balance,
        ...shipping,
        fullLife.originals,
        fullLife.released,
      ];
    case 'LC':
      return [
        quotation,
        accepted,
        contract(),
        deposit,
        {
          type: 'LC_RECEIVED',
          lcNo: 'LC-778',
          issuingBank: 'Deutsche Bank Hamburg',
          amount: balance,
          latestShipmentDate: '2027-02-28',
          expiryDate: '2027-03-31',
        },
        ...production,
        ...shipping,
        { type: 'DOCUMENTS_PRESENTED', bank: 'Bank of China Ningbo', reference: 'PRES-1' },
        { type: 'LC_HONOURED', amount: balance, reference: 'LC-PAY-1' },
        fullLife.released,
      ];
    case 'DP':
      return [
        quotation,
        accepted,
        contract(),
        deposit,
        ...production,
        ...shipping,
        { type: 'SENT_FOR_COLLECTION', remittingBank: 'Bank of China Ningbo', collectingBank: 'Commerzbank' },
        { type: 'COLLECTION_PAID', amount: balance, reference: 'COL-1' },
        fullLife.released,
      ];
    case 'DA':
      return [
        quotation,
        accepted,
        contract({ tenorDays: 60 }),
        deposit,
        ...production,
        ...shipping,
        { type: 'SENT_FOR_COLLECTION', remittingBank: 'Bank of China Ningbo' },
        { type: 'DRAFT_ACCEPTED', maturityDate: '2099-06-30' },
        { type: 'COLLECTION_PAID', amount: balance, reference: 'COL-1' },
      ];
    case 'OA':
      return [
        quotation,
        accepted,
        contract({ depositPercent: 0, tenorDays: 30 }),
        ...production,
        ...shipping,
        fullLife.originals,
        { type: 'PAYMENT_RECEIVED', amount: usd('24980.00'), reference: 'TT-OA', bankCharges: usd('20.00') },
      ];
  }
}

/** The contract of the shipping-terms lives: its own lines (a unit price to 4 decimals), ports, marks. */
const tradeContract = {
  type: 'CONTRACT_SIGNED',
  contractNo: 'SC-2027-15',
  totalAmount: usd('25200.00'),
  lines: [
    {
      description: '40W LED panel',
      hsCode: '94054200',
      quantity: 2000,
      unit: 'pcs',
      unitPrice: usd('12.50'),
      packing: { packages: 200, netWeightKg: 1800, grossWeightKg: 2100, volumeCbm: 14.5 },
    },
    {
      description: 'LED driver clip',
      hsCode: '85044013',
      quantity: 16000,
      unit: 'pcs',
      unitPrice: usd('0.0125'),
      packing: { packages: 4, netWeightKg: 40, grossWeightKg: 44, volumeCbm: 0.2 },
    },
  ],
  portOfLoading: 'Ningbo',
  portOfDischarge: 'Hamburg',
  buyerAddress: 'Speicherstadt 1\n20457 Hamburg',
  originCountry: 'CN',
  marks: 'ACME\nHAMBURG\nC/NO. 1-204',
  packageType: 'CTNS',
  containers: { type: '40HQ', count: 1 },
} satisfies OrderEventInput;

/** A CIF order paid by L/C, and an FOB order paid by TT to the buyer's nominated forwarder. */
export function shippingTermsLife(kind: 'CIF_LC' | 'FOB_TT'): OrderEventInput[] {
  const accepted = { type: 'QUOTATION_ACCEPTED', sampleRequired: false } as const;
  const production = [fullLife.inspection, fullLife.produced];
  const deposit: OrderEventInput = { type: 'DEPOSIT_RECEIVED', amount: usd('7560.00'), reference: 'TT-1' };
  const balance = usd('17640.00');
  if (kind === 'CIF_LC') {
    return [
      {
        ...fullLife.quotation,
        incoterm: 'CIF',
        namedPlace: 'Hamburg',
        paymentTerms: { method: 'LC', depositPercent: 30 },
      },
      accepted,
      tradeContract,
      deposit,
      {
        type: 'LC_RECEIVED',
        lcNo: 'LC-2027-15',
        issuingBank: 'Deutsche Bank Hamburg',
        amount: balance,
        latestShipmentDate: '2027-02-28',
        expiryDate: '2027-03-31',
      },
      ...production,
      fullLife.booking,
      fullLife.customs,
      {
        type: 'INSURANCE_ARRANGED',
        policyNo: 'PICC-2027-15',
        insurer: 'PICC Property and Casualty, Ningbo',
        cover: 'ICC_A',
        insuredAmount: usd('27720.00'),
      },
      fullLife.billOfLading,
      { type: 'DOCUMENTS_PRESENTED', bank: 'Bank of China Ningbo', reference: 'PRES-1' },
      { type: 'LC_HONOURED', amount: balance, reference: 'LC-PAY-1' },
      fullLife.released,
    ];
  }
  return [
    { ...fullLife.quotation, incoterm: 'FOB', namedPlace: 'Ningbo' },
    accepted,
    {
      ...tradeContract,
      buyerForwarder: { name: 'Kuehne+Nagel Ningbo', email: 'seafreight@kn.example', language: 'zh-CN' },
    },
    deposit,
    ...production,
    fullLife.booking,
    fullLife.customs,
    { ...fullLife.billOfLading, blType: 'TELEX_RELEASE' },
    fullLife.documentsOk,
    { ...fullLife.balance, amount: balance },
    { type: 'TELEX_RELEASE_CONFIRMED', note: 'Kuehne+Nagel released the cargo at Hamburg' },
    fullLife.released,
  ];
}
