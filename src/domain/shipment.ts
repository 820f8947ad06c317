import type { OrderState } from './types';

/**
 * The shipment date the payment plan counts from: the B/L date, or under EXW the day the buyer
 * collected. Null before the goods left.
 */
export function shipmentDate(state: Pick<OrderState, 'shipping'>): string | null {
  return state.shipping.billOfLading?.issuedOn ?? state.shipping.collected?.collectedOn ?? null;
}

export const hasShipped = (state: Pick<OrderState, 'shipping'>) => shipmentDate(state) !== null;
