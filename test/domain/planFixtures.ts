import type { AnyEvent, OrderState, PaymentMethod } from '../../src/domain';
import { apply, clock, example, fresh, usd } from './fixtures';

export type PlanName = 'TT' | 'TT_BEFORE_SHIPMENT' | PaymentMethod;
export const PLANS: readonly PlanName[] = ['TT', 'TT_BEFORE_SHIPMENT', 'LC', 'DP', 'DA', 'OA'];

const PLAN_INPUT: Record<PlanName, Record<string, unknown>> = {
  TT: {},
  TT_BEFORE_SHIPMENT: { balanceDue: 'BEFORE_SHIPMENT' },
  LC: { balanceMethod: 'LC' },
  DP: { balanceMethod: 'DP' },
  DA: { balanceMethod: 'DA', tenorDays: 60 },
  OA: { balanceMethod: 'OA', tenorDays: 60 },
};

const dispatched: AnyEvent = { type: 'EFFECT_COMPLETED', effect: 'dispatchDocuments' };
const telexRequested: AnyEvent = { type: 'EFFECT_COMPLETED', effect: 'requestTelexRelease' };
/** Booking, customs and an original B/L; the TT life takes a telex release instead. */
const shippedWith = (blType: 'ORIGINAL' | 'TELEX_RELEASE') => [
  example('BOOKING_CONFIRMED'),
  example('CUSTOMS_DECLARED'),
  example('BILL_OF_LADING_ISSUED', { blType }),
];
const shipping = shippedWith('ORIGINAL');

/** A whole life under each plan (contract 10,000.00 USD, 30 % deposit), from the first quotation. */
export function lifeOf(plan: PlanName): AnyEvent[] {
  const start = [
    example('QUOTATION_SENT'),
    example('QUOTATION_ACCEPTED', { sampleRequired: false }),
    example('CONTRACT_SIGNED', { paymentPlan: PLAN_INPUT[plan] }),
    example('DEPOSIT_RECEIVED'),
  ];
  const production = [example('INSPECTION_RECORDED'), example('PRODUCTION_COMPLETED')];
  switch (plan) {
    case 'TT':
      return [
        ...start,
        ...production,
        ...shippedWith('TELEX_RELEASE'),
        example('BALANCE_RECEIVED'),
        dispatched,
        telexRequested,
        example('TELEX_RELEASE_CONFIRMED'),
        example('GOODS_RELEASED'),
      ];
    case 'TT_BEFORE_SHIPMENT':
      return [
        ...start,
        ...production,
        example('BALANCE_RECEIVED'),
        ...shipping,
        dispatched,
        example('ORIGINALS_COURIERED'),
        example('GOODS_RELEASED'),
      ];
    case 'LC':
      return [
        ...start,
        example('LC_RECEIVED'),
        ...production,
        ...shipping,
        example('DOCUMENTS_PRESENTED'),
        example('DISCREPANCY_NOTICED'),
        example('DISCREPANCY_RESOLVED'),
        example('LC_HONOURED'),
        example('GOODS_RELEASED'),
      ];
    case 'DP':
      return [
        ...start,
        ...production,
        ...shipping,
        example('SENT_FOR_COLLECTION'),
        example('COLLECTION_PAID'),
        example('GOODS_RELEASED'),
      ];
    case 'DA':
      return [
        ...start,
        ...production,
        ...shipping,
        example('SENT_FOR_COLLECTION'),
        example('DRAFT_ACCEPTED'),
        example('COLLECTION_PAID'),
      ];
    case 'OA':
      return [
        ...start,
        ...production,
        ...shipping,
        dispatched,
        example('ORIGINALS_COURIERED'),
        example('PAYMENT_RECEIVED', { amount: usd('7000.00') }),
      ];
  }
}

/** Every state along a plan's life, the first (fresh) included. */
export function statesOf(plan: PlanName): OrderState[] {
  const tick = clock();
  const states = [fresh()];
  for (const e of lifeOf(plan)) states.push(apply(states[states.length - 1], [e], tick));
  return states;
}
