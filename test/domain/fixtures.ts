import {
  DEFAULT_STALL_POLICY,
  applyEvent,
  createOrder,
  type AnyEvent,
  type EventContext,
  type Incoterm,
  type NewOrder,
  type OrderEventInput,
  type OrderEventType,
  type OrderState,
  type Stage,
} from '../../src/domain';

export const T0 = '2026-11-26T08:00:00.000Z';

export const newOrder = (): NewOrder & { orderId: string } => ({
  orderId: 'PO-2026-0001',
  customer: { name: 'Jane Doe', company: 'Acme GmbH', email: 'jane@acme.example', country: 'DE' },
  accountManager: { name: 'Li Wei', email: 'li.wei@exporter.example' },
  inquiry: {
    channel: 'B2B_PLATFORM',
    receivedAt: T0,
    products: [{ sku: 'LED-40W', description: '40W LED panel', quantity: 2000, unit: 'pcs' }],
  },
});

/** A ticking clock: every event of a walk happens one hour after the previous one. */
export function clock(start = T0): () => { now: string; actor: string } {
  let t = Date.parse(start);
  return () => {
    t += 3_600_000;
    return { now: new Date(t).toISOString(), actor: 'ops' };
  };
}

export const usd = (amount: string) => ({ amount, currency: 'USD' });

/** A valid example of every client event type. */
export const EXAMPLE_EVENTS: Record<OrderEventType, OrderEventInput> = {
  QUOTATION_SENT: {
    type: 'QUOTATION_SENT',
    quotationNo: 'Q-1',
    incoterm: 'FOB',
    namedPlace: 'Shanghai',
    lines: [{ description: '40W LED panel', quantity: 2000, unitPrice: usd('5.00') }],
    paymentTerms: { method: 'TT', depositPercent: 30 },
    validUntil: '2099-12-31',
    leadTimeDays: 30,
  },
  QUOTATION_ACCEPTED: { type: 'QUOTATION_ACCEPTED' },
  QUOTATION_DECLINED: { type: 'QUOTATION_DECLINED', reason: 'too expensive' },
  SAMPLE_SENT: { type: 'SAMPLE_SENT', courier: 'DHL', trackingNo: '123' },
  SAMPLE_APPROVED: { type: 'SAMPLE_APPROVED' },
  SAMPLE_REJECTED: { type: 'SAMPLE_REJECTED', feedback: 'colour off' },
  SAMPLE_WAIVED: { type: 'SAMPLE_WAIVED', reason: 'same product as the last order' },
  CONTRACT_SIGNED: { type: 'CONTRACT_SIGNED', contractNo: 'C-1', totalAmount: usd('10000.00') },
  DEPOSIT_RECEIVED: { type: 'DEPOSIT_RECEIVED', amount: usd('3000.00'), reference: 'TT-1' },
  PRODUCTION_PROGRESS: { type: 'PRODUCTION_PROGRESS', percent: 50 },
  INSPECTION_RECORDED: { type: 'INSPECTION_RECORDED', result: 'PASSED', inspector: 'SGS' },
  PRODUCTION_COMPLETED: { type: 'PRODUCTION_COMPLETED' },
  BOOKING_CONFIRMED: {
    type: 'BOOKING_CONFIRMED',
    forwarder: 'FastFreight',
    vessel: 'EVER GIVEN',
    voyage: '001E',
    etd: '2027-01-10',
  },
  CUSTOMS_DECLARED: { type: 'CUSTOMS_DECLARED', declarationNo: 'D-1' },
  BILL_OF_LADING_ISSUED: { type: 'BILL_OF_LADING_ISSUED', blNo: 'BL-1', blType: 'ORIGINAL' },
  DOCUMENTS_CONFIRMED: { type: 'DOCUMENTS_CONFIRMED' },
  BALANCE_RECEIVED: { type: 'BALANCE_RECEIVED', amount: usd('7000.00'), reference: 'TT-2' },
  GOODS_RELEASED: { type: 'GOODS_RELEASED' },
  NOTE_ADDED: { type: 'NOTE_ADDED', text: 'called the customer' },
  ATTACHMENT_ADDED: {
    type: 'ATTACHMENT_ADDED',
    attachmentId: '0b6f1f5e-2f4b-4c5e-9a53-3f1f7c1d2a10',
    kind: 'CONTRACT',
    fileName: 'signed contract.pdf',
    contentType: 'application/pdf',
    size: 48213,
    forBuyer: true,
  },
  ORDER_CANCELLED: { type: 'ORDER_CANCELLED', reason: 'customer went bankrupt' },
  RETRY_FAILED_EFFECTS: { type: 'RETRY_FAILED_EFFECTS' },
  ORDER_ON_HOLD: { type: 'ORDER_ON_HOLD', reason: 'the customer asked to wait for the trade fair' },
  ORDER_RESUMED: { type: 'ORDER_RESUMED' },
  EVENT_CORRECTED: {
    type: 'EVENT_CORRECTED',
    correctsEventId: 'SAMPLE_SENT-3',
    changes: { trackingNo: '124' },
    reason: 'typo in the tracking number',
  },
  PAYMENT_REVERSED: {
    type: 'PAYMENT_REVERSED',
    paymentEventId: 'DEPOSIT_RECEIVED-7',
    reason: 'booked twice',
  },
  EVENT_UNDONE: { type: 'EVENT_UNDONE', undoesEventId: 'SAMPLE_APPROVED-4', reason: 'wrong click' },
  PAYMENT_RECEIVED: { type: 'PAYMENT_RECEIVED', amount: usd('1000.00'), reference: 'TT-9' },
  SHIPMENT_PLANNED: { type: 'SHIPMENT_PLANNED', shipmentId: 'S2', lines: [{ lineNo: 1, quantity: 800 }] },
  SHIPMENTS_CLOSED: { type: 'SHIPMENTS_CLOSED', reason: 'the buyer takes no more' },
  CREDIT_APPROVED: { type: 'CREDIT_APPROVED', reason: 'long-standing buyer, insured' },
  SHIPMENT_DECLARED_TO_INSURER: { type: 'SHIPMENT_DECLARED_TO_INSURER', declaredOn: '2026-03-12' },
  FX_SETTLED: {
    type: 'FX_SETTLED',
    paymentEventId: 'PAYMENT_RECEIVED-1',
    rate: '7.1000',
    cnyAmount: { amount: '71000.00', currency: 'CNY' },
    settledOn: '2026-04-02',
  },
  COST_RECORDED: { type: 'COST_RECORDED', kind: 'FREIGHT', amount: { amount: '1200.00', currency: 'CNY' } },
  REBATE_DOCUMENTS_RECORDED: {
    type: 'REBATE_DOCUMENTS_RECORDED',
    vatInvoices: [
      {
        number: '044001900111',
        amount: { amount: '50000.00', currency: 'CNY' },
        taxAmount: { amount: '6500.00', currency: 'CNY' },
      },
    ],
  },
  REBATE_FILED: { type: 'REBATE_FILED', batchNo: '2026-05', filedOn: '2026-05-10' },
  REBATE_RECEIVED: { type: 'REBATE_RECEIVED', cnyAmount: { amount: '6500.00', currency: 'CNY' } },
  REBATE_NOT_APPLICABLE: { type: 'REBATE_NOT_APPLICABLE', reason: 'no rebate rate for these goods' },
  LC_RECEIVED: {
    type: 'LC_RECEIVED',
    lcNo: 'LC-1',
    issuingBank: 'HSBC Hamburg',
    amount: usd('7000.00'),
    latestShipmentDate: '2027-01-31',
    expiryDate: '2027-02-28',
  },
  LC_AMENDED: { type: 'LC_AMENDED', lcNo: 'LC-1', expiryDate: '2027-03-15' },
  DOCUMENTS_PRESENTED: { type: 'DOCUMENTS_PRESENTED', bank: 'Bank of China Ningbo' },
  DISCREPANCY_NOTICED: { type: 'DISCREPANCY_NOTICED', items: ['B/L notify party differs'] },
  DISCREPANCY_RESOLVED: { type: 'DISCREPANCY_RESOLVED' },
  LC_HONOURED: { type: 'LC_HONOURED', amount: usd('7000.00'), reference: 'LC-PAY-1' },
  SENT_FOR_COLLECTION: { type: 'SENT_FOR_COLLECTION', remittingBank: 'Bank of China Ningbo' },
  DRAFT_ACCEPTED: { type: 'DRAFT_ACCEPTED', maturityDate: '2027-06-30' },
  COLLECTION_PAID: { type: 'COLLECTION_PAID', amount: usd('7000.00'), reference: 'COL-1' },
  RELEASE_APPROVED: { type: 'RELEASE_APPROVED', reason: 'ten-year customer' },
  PAYMENT_WRITTEN_OFF: { type: 'PAYMENT_WRITTEN_OFF', amount: usd('10.00'), reason: 'bank charges' },
  CONTRACT_AMENDED: { type: 'CONTRACT_AMENDED', totalAmount: usd('11000.00'), reason: '200 more panels' },
  INSURANCE_ARRANGED: {
    type: 'INSURANCE_ARRANGED',
    policyNo: 'PICC-1',
    insurer: 'PICC Ningbo',
    cover: 'ICC_A',
    insuredAmount: usd('11000.00'),
  },
  GOODS_COLLECTED: { type: 'GOODS_COLLECTED', collectedBy: 'Acme Trucking', vehicleOrContainer: 'HH-AB 123' },
  TELEX_RELEASE_CONFIRMED: { type: 'TELEX_RELEASE_CONFIRMED', note: 'released at Hamburg' },
  ORIGINALS_COURIERED: { type: 'ORIGINALS_COURIERED', courier: 'DHL', trackingNo: '1234567890' },
};

export const example = <T extends OrderEventType>(type: T, fields: Record<string, unknown> = {}): AnyEvent =>
  ({ ...EXAMPLE_EVENTS[type], ...fields }) as AnyEvent;

/** One event that must be accepted: its decision (state, effects, record). */
export function accept(state: OrderState, event: AnyEvent, ctx: EventContext) {
  const d = applyEvent(state, event, ctx);
  if (!d.ok) throw new Error(`${event.type} rejected: ${d.message} ${JSON.stringify(d.details)}`);
  return d;
}

/** Applies events one by one, failing loudly if any is rejected. */
export function apply(state: OrderState, events: AnyEvent[], tick = clock()): OrderState {
  return events.reduce((s, e) => {
    const d = applyEvent(s, e, tick());
    if (!d.ok)
      throw new Error(
        `${e.type} rejected in ${s.stage}: ${d.code} ${d.message} ${JSON.stringify(d.details)}`,
      );
    return d.state;
  }, state);
}

export const fresh = () => createOrder(newOrder(), DEFAULT_STALL_POLICY, { now: T0, actor: 'ops' });

/** The happy path, as the events that leave each stage. */
const PATH: AnyEvent[] = [
  example('QUOTATION_SENT'),
  example('QUOTATION_ACCEPTED'),
  example('SAMPLE_SENT'),
  example('SAMPLE_APPROVED'),
  example('CONTRACT_SIGNED'),
  example('DEPOSIT_RECEIVED'),
  example('INSPECTION_RECORDED'),
  example('PRODUCTION_COMPLETED'),
  example('BOOKING_CONFIRMED'),
  example('CUSTOMS_DECLARED'),
  example('BILL_OF_LADING_ISSUED'),
  example('BALANCE_RECEIVED'),
  { type: 'EFFECT_COMPLETED', effect: 'dispatchDocuments' },
  example('ORIGINALS_COURIERED'),
  example('GOODS_RELEASED'),
];

/** Walks the happy path until the order is in `stage` (the first time it gets there), under `incoterm`. */
export function walkTo(stage: Stage, incoterm: Incoterm = 'FOB'): OrderState {
  if (stage === 'CANCELLED') return apply(fresh(), [example('ORDER_CANCELLED')]);
  const tick = clock();
  let state = fresh();
  const path = incoterm === 'FOB' ? PATH : [example('QUOTATION_SENT', { incoterm }), ...PATH.slice(1)];
  for (const e of path) {
    if (state.stage === stage) return state;
    state = apply(state, [e], tick);
  }
  if (state.stage !== stage) throw new Error(`walk never reached ${stage}`);
  return state;
}
