import type { AnyEvent } from '../../src/domain';
import { example, usd } from './fixtures';
import { PLANS, type PlanName } from './planFixtures';

export { PLANS };

const PLAN_INPUT: Record<PlanName, Record<string, unknown>> = {
  TT: {},
  TT_BEFORE_SHIPMENT: { balanceDue: 'BEFORE_SHIPMENT' },
  LC: { balanceMethod: 'LC' },
  DP: { balanceMethod: 'DP' },
  DA: { balanceMethod: 'DA', tenorDays: 60 },
  OA: { balanceMethod: 'OA', tenorDays: 60 },
};

/** The two shipments of the example contract (2,000 pcs at 5.00 USD; 30 % deposit): 60 % and 40 %. */
export const SHARES = {
  S1: { pcs: 1200, balance: '4200.00' },
  S2: { pcs: 800, balance: '2800.00' },
} as const;
type Id = keyof typeof SHARES;

const to = (shipmentId: Id, type: Parameters<typeof example>[0], fields: Record<string, unknown> = {}) =>
  example(type, { shipmentId, ...fields });
const fact = (shipmentId: Id, effect: string): AnyEvent =>
  ({ type: 'EFFECT_COMPLETED', effect, shipmentId }) as AnyEvent;

const shipped = (id: Id, blType: 'ORIGINAL' | 'TELEX_RELEASE' = 'ORIGINAL') => [
  to(id, 'BOOKING_CONFIRMED'),
  to(id, 'CUSTOMS_DECLARED', { declarationNo: `D-${id}` }),
  to(id, 'BILL_OF_LADING_ISSUED', { blType, blNo: `BL-${id}` }),
];

/** One shipment's life under the plan, from its booking to its money and release. */
export function shipmentLife(plan: PlanName, id: Id): AnyEvent[] {
  const share = usd(SHARES[id].balance);
  switch (plan) {
    case 'TT':
      return [
        ...shipped(id, 'TELEX_RELEASE'),
        to(id, 'BALANCE_RECEIVED', { amount: share }),
        fact(id, 'dispatchDocuments'),
        fact(id, 'requestTelexRelease'),
        to(id, 'TELEX_RELEASE_CONFIRMED'),
        to(id, 'GOODS_RELEASED'),
      ];
    case 'TT_BEFORE_SHIPMENT':
      return [
        to(id, 'BALANCE_RECEIVED', { amount: share }),
        ...shipped(id),
        fact(id, 'dispatchDocuments'),
        to(id, 'ORIGINALS_COURIERED'),
        to(id, 'GOODS_RELEASED'),
      ];
    case 'LC':
      return [
        ...shipped(id),
        to(id, 'DOCUMENTS_PRESENTED'),
        to(id, 'LC_HONOURED', { amount: share, reference: `LC-PAY-${id}` }),
        to(id, 'GOODS_RELEASED'),
      ];
    case 'DP':
      return [
        ...shipped(id),
        to(id, 'SENT_FOR_COLLECTION'),
        to(id, 'COLLECTION_PAID', { amount: share, reference: `COL-${id}` }),
        to(id, 'GOODS_RELEASED'),
      ];
    case 'DA':
      return [
        ...shipped(id),
        to(id, 'SENT_FOR_COLLECTION'),
        to(id, 'DRAFT_ACCEPTED'),
        to(id, 'COLLECTION_PAID', { amount: share, reference: `COL-${id}` }),
      ];
    case 'OA':
      return [
        ...shipped(id),
        fact(id, 'dispatchDocuments'),
        to(id, 'ORIGINALS_COURIERED'),
        to(id, 'PAYMENT_RECEIVED', { amount: share, reference: `TT-${id}` }),
      ];
  }
}

/** Up to both shipments planned, production done (the L/C in before it). */
export function plannedInTwo(plan: PlanName): AnyEvent[] {
  return [
    example('QUOTATION_SENT'),
    example('QUOTATION_ACCEPTED', { sampleRequired: false }),
    example('CONTRACT_SIGNED', { paymentPlan: PLAN_INPUT[plan] }),
    example('DEPOSIT_RECEIVED'),
    ...(plan === 'LC' ? [example('LC_RECEIVED')] : []),
    example('SHIPMENT_PLANNED', { shipmentId: 'S1', lines: [{ lineNo: 1, quantity: SHARES.S1.pcs }] }),
    example('SHIPMENT_PLANNED', { shipmentId: 'S2', lines: [{ lineNo: 1, quantity: SHARES.S2.pcs }] }),
    example('INSPECTION_RECORDED'),
    example('PRODUCTION_COMPLETED'),
  ];
}

/** A whole life in two shipments: S1 runs its course before S2 ships. */
export function lifeInTwo(plan: PlanName): AnyEvent[] {
  return [...plannedInTwo(plan), ...shipmentLife(plan, 'S1'), ...shipmentLife(plan, 'S2')];
}
