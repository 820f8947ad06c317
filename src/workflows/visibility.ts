import { patched, setCurrentDetails, upsertMemo, upsertSearchAttributes } from '@temporalio/workflow';
import { summarizeOrder, type OrderState } from '../domain';
import { emailPseudonym } from '../domain/pseudonym';
import { NO_MEMO_UPDATED_AT } from './patches';
import { accountManagerKey, customerCompanyKey, orderStageKey, orderStalledKey } from './searchAttributes';

/**
 * Keeps what the Temporal UI and the order list show in step with the order: search attributes (only
 * those that changed, so history does not fill with identical upserts) and the markdown summary as
 * current details.
 */
export function createVisibility() {
  let published: { stage?: string; stalled?: boolean; company?: string; manager?: string } = {};
  let details = '';
  let updatedAt = '';

  return function publish(state: OrderState): void {
    const next = {
      stage: state.stage,
      stalled: state.stalled,
      company: state.customer.company,
      manager: emailPseudonym(state.accountManager.email),
    };
    const changes = [
      ...(next.stage !== published.stage ? [{ key: orderStageKey, value: next.stage }] : []),
      ...(next.stalled !== published.stalled ? [{ key: orderStalledKey, value: next.stalled }] : []),
      ...(next.company !== published.company ? [{ key: customerCompanyKey, value: next.company }] : []),
      ...(next.manager !== published.manager ? [{ key: accountManagerKey, value: next.manager }] : []),
    ];
    if (changes.length) upsertSearchAttributes(changes);
    published = next;
    // Orders recorded before NO_MEMO_UPDATED_AT replay their memo upserts; newer ones make none.
    if (state.updatedAt !== updatedAt && !patched(NO_MEMO_UPDATED_AT)) {
      upsertMemo({ updatedAt: state.updatedAt });
      updatedAt = state.updatedAt;
    }
    const summary = summarizeOrder(state);
    if (summary !== details) {
      setCurrentDetails(summary);
      details = summary;
    }
  };
}
