import { defineSearchAttributeKey, SearchAttributeType, type SearchAttributePair } from '@temporalio/common';
import type { OrderState } from '../domain';

// What engineers filter on in the Temporal UI. Plain business facts only: search attributes are
// stored in clear text, so never a person's contact details.
export const orderStageKey = defineSearchAttributeKey('OrderStage', SearchAttributeType.KEYWORD);
export const orderStalledKey = defineSearchAttributeKey('OrderStalled', SearchAttributeType.BOOL);
export const customerCompanyKey = defineSearchAttributeKey('CustomerCompany', SearchAttributeType.KEYWORD);
export const accountManagerKey = defineSearchAttributeKey('AccountManager', SearchAttributeType.KEYWORD);
/** The company (tenant) id: set at start, never changed; Temporal's guidance for many tenants in one namespace. */
export const companyKey = defineSearchAttributeKey('Company', SearchAttributeType.KEYWORD);

export const orderSearchAttributeKeys = [
  orderStageKey,
  orderStalledKey,
  customerCompanyKey,
  accountManagerKey,
  companyKey,
] as const;

/**
 * The facts of an order its search attributes show. `accountManagerPseudonym` is a keyed hash only
 * the API can compute (see src/api/pseudonym.ts); it is set at start and never changes.
 */
export type OrderFacts = Pick<OrderState, 'stage' | 'stalled' | 'customer'> & {
  accountManagerPseudonym?: string;
  /** Set at start only (like the pseudonym). */
  company?: string;
};

/** The one mapping from an order to its search attributes (API at start, workflow, bench). */
export function orderSearchAttributes(order: OrderFacts): SearchAttributePair[] {
  return [
    { key: orderStageKey, value: order.stage },
    { key: orderStalledKey, value: order.stalled },
    { key: customerCompanyKey, value: order.customer.company },
    ...(order.accountManagerPseudonym === undefined
      ? []
      : [{ key: accountManagerKey, value: order.accountManagerPseudonym }]),
    ...(order.company === undefined ? [] : [{ key: companyKey, value: order.company }]),
  ];
}
