import type { OrderState } from '../domain';

/** Keeps a match inside one field: `q` never spans two of them. */
export const SEARCH_FIELD_SEPARATOR = '\x1f';

/** Product descriptions are searched up to this many characters, so a long order stays cheap to index. */
export const SEARCH_PRODUCTS_BUDGET = 1000;

/**
 * What `q` searches, empty fields left out; the read model lower-cases it. The migration that added
 * it builds the same text from stored views: change both together.
 */
export function searchTextOf(fields: readonly (string | null | undefined)[]): string {
  return fields.filter((f): f is string => !!f).join(SEARCH_FIELD_SEPARATOR);
}

/**
 * The order's numbers and names people look it up by: the order, contract and document numbers
 * (invoice among them), B/L, container, declaration and L/C numbers, the customer, the account
 * manager, and the products asked for.
 */
export function searchText(state: OrderState): string {
  const { shipping, payments } = state;
  const products = state.inquiry.products
    .map((p) => p.description)
    .join(SEARCH_FIELD_SEPARATOR)
    .slice(0, SEARCH_PRODUCTS_BUDGET);
  return searchTextOf([
    state.orderId,
    state.contract?.contractNo,
    ...state.documents.items.map((item) => item.reference),
    shipping.billOfLading?.blNo,
    ...(shipping.booking.confirmed?.containerNos ?? []),
    shipping.collected?.vehicleOrContainer,
    shipping.customs?.declarationNo,
    payments.letterOfCredit?.lcNo,
    state.customer.company,
    state.customer.name,
    state.accountManager.name,
    state.accountManager.email,
    products,
  ]);
}
