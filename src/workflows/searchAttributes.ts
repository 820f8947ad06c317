import { defineSearchAttributeKey, SearchAttributeType, type SearchAttributePair } from '@temporalio/common';
import type { OrderState } from '../domain';
import { emailPseudonym } from '../domain/pseudonym';

// What engineers filter on in the Temporal UI. Plain business facts only: search attributes are
// stored in clear text, so never a person's contact details.
export const orderStageKey = defineSearchAttributeKey('OrderStage', SearchAttributeType.KEYWORD);
export const orderStalledKey = defineSearchAttributeKey('OrderStalled', SearchAttributeType.BOOL);
export const customerCompanyKey = defineSearchAttributeKey('CustomerCompany', SearchAttributeType.KEYWORD);
export const accountManagerKey = defineSearchAttributeKey('AccountManager', SearchAttributeType.KEYWORD);

export const orderSearchAttributeKeys = [
  orderStageKey,
  orderStalledKey,
  customerCompanyKey,
  accountManagerKey,
] as const;

/** The facts of an order its search attributes show; the API sets them at start, the workflow after. */
export type OrderFacts = Pick<OrderState, 'stage' | 'stalled' | 'customer' | 'accountManager'>;

/** The one mapping from an order to its search attributes (API at start, workflow, bench). */
export function orderSearchAttributes(order: OrderFacts): SearchAttributePair[] {
  return [
    { key: orderStageKey, value: order.stage },
    { key: orderStalledKey, value: order.stalled },
    { key: customerCompanyKey, value: order.customer.company },
    { key: accountManagerKey, value: emailPseudonym(order.accountManager.email) },
  ];
}
