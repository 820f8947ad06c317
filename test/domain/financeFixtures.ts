/** Lives with money after the ship sails: the company claims the rebate, the customer is insured. */
import { applyEvent, type AnyEvent, type EventContext, type OrderState } from '../../src/domain';
import type { CreditContext } from '../../src/domain/finance/credit';
import type { RebateContext } from '../../src/domain/finance/rebate';
import { clock, example, fresh, usd } from './fixtures';

export const cny = (amount: string) => ({ amount, currency: 'CNY' });

/** A trading company that claims the rebate (its document gate off). */
export const CLAIMING_COMPANY: NonNullable<EventContext['company']> = {
  documentGate: false,
  hasChop: false,
  rebateMethod: 'TRADING',
};

export const INSURED: CreditContext = {
  customerId: 'C-ACME',
  exposure: usd('45000.00'),
  creditLimit: usd('80000.00'),
  insurance: { insurer: 'Sinosure', policyNo: 'SCH-2026-118', limit: usd('50000.00'), declarationDays: 15 },
};

export const RATES: RebateContext = {
  method: 'TRADING',
  rates: [
    { hsCode: '8539', rate: '0.09' },
    { hsCode: '853952', rate: '0.13' },
  ],
};

/** One step of a life: the event and what the API adds to its context. */
export interface Step {
  event: AnyEvent;
  ctx?: Partial<EventContext>;
}

const OA_CONTRACT = example('CONTRACT_SIGNED', {
  paymentPlan: { balanceMethod: 'OA', tenorDays: 60 },
  fxRate: '7.0000',
  lines: [{ description: '40W LED panel', hsCode: '8539520000', quantity: 2000, unitPrice: usd('5.00') }],
});

/** An OA order beyond the insured limit, approved, shipped, paid, settled, its costs and rebate through. */
export function insuredOaLife(): Step[] {
  return [
    { event: example('QUOTATION_SENT') },
    { event: example('QUOTATION_ACCEPTED', { sampleRequired: false }) },
    { event: example('CREDIT_APPROVED') },
    { event: OA_CONTRACT, ctx: { credit: INSURED } },
    {
      event: example('DEPOSIT_RECEIVED', {
        settlement: { rate: '7.1000', cnyAmount: cny('21300.00'), settledOn: '2026-11-30' },
      }),
    },
    { event: example('INSPECTION_RECORDED') },
    { event: example('PRODUCTION_COMPLETED') },
    { event: example('BOOKING_CONFIRMED') },
    { event: example('CUSTOMS_DECLARED') },
    { event: example('BILL_OF_LADING_ISSUED', { issuedOn: '2026-12-20' }) },
    { event: example('SHIPMENT_DECLARED_TO_INSURER', { declaredOn: '2026-12-28', reference: 'SD-1' }) },
    { event: { type: 'EFFECT_COMPLETED', effect: 'dispatchDocuments' } },
    { event: example('ORIGINALS_COURIERED') },
    { event: example('PAYMENT_RECEIVED', { amount: usd('7000.00'), reference: 'TT-9' }) },
    {
      event: example('FX_SETTLED', {
        paymentEventId: 'PAYMENT_RECEIVED-15',
        rate: '6.9000',
        cnyAmount: cny('48300.00'),
      }),
    },
    {
      event: example('COST_RECORDED', { kind: 'PURCHASE', amount: cny('50000.00'), note: 'factory invoice' }),
    },
    { event: example('COST_RECORDED', { kind: 'FREIGHT', amount: usd('300.00'), rate: '7.0500' }) },
    {
      event: example('REBATE_DOCUMENTS_RECORDED', {
        vatInvoices: [
          { number: '044001900111', amount: cny('50000.00'), taxAmount: cny('6500.00'), lineNo: 1 },
        ],
      }),
      ctx: { rebate: RATES },
    },
    { event: example('REBATE_FILED', { filedOn: '2027-02-10' }) },
    { event: example('REBATE_RECEIVED', { cnyAmount: cny('6500.00') }) },
  ];
}

/** Runs a life from a fresh order, every event in the claiming company; each state after its step. */
export function runLife(
  steps: Step[],
  company: EventContext['company'] = CLAIMING_COMPANY,
  tick = clock(),
): { state: OrderState; eventId: string | null }[] {
  let state = fresh();
  return steps.map(({ event, ctx }) => {
    const d = applyEvent(state, event, { ...tick(), ...(company ? { company } : {}), ...ctx });
    if (!d.ok)
      throw new Error(
        `${event.type} rejected in ${state.stage}: ${d.code} ${d.message} ${JSON.stringify(d.details)}`,
      );
    state = d.state;
    return { state, eventId: d.record?.eventId ?? null };
  });
}

/** A TT order of the claiming company whose goods have no rebate: a manager closes the rebate. */
export function notApplicableLife(): Step[] {
  return [
    { event: example('QUOTATION_SENT') },
    { event: example('QUOTATION_ACCEPTED', { sampleRequired: false }) },
    { event: example('CONTRACT_SIGNED') },
    { event: example('DEPOSIT_RECEIVED') },
    { event: example('INSPECTION_RECORDED') },
    { event: example('PRODUCTION_COMPLETED') },
    { event: example('BOOKING_CONFIRMED') },
    { event: example('CUSTOMS_DECLARED') },
    { event: example('BILL_OF_LADING_ISSUED', { issuedOn: '2026-12-31' }) },
    { event: example('REBATE_NOT_APPLICABLE'), ctx: { role: 'manager' } },
  ];
}
