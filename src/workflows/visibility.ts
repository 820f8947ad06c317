import type { SearchAttributePair } from '@temporalio/common';
import { setCurrentDetails, upsertSearchAttributes, workflowInfo } from '@temporalio/workflow';
import { summarizeOrder, type OrderState } from '../domain';
import { orderSearchAttributes } from './searchAttributes';

/**
 * Keeps what the Temporal UI shows in step with the order: search attributes (only those that
 * differ from what the execution already has, so history does not fill with identical upserts)
 * and the markdown summary as current details.
 */
export function createVisibility() {
  const published = new Map<string, unknown>();
  // Set at start by the API, or carried over from the previous run.
  for (const pair of workflowInfo().typedSearchAttributes.getAll()) published.set(pair.key.name, pair.value);
  let details = '';

  return function publish(state: OrderState): void {
    const changes: SearchAttributePair[] = orderSearchAttributes(state).filter(
      (pair) => published.get(pair.key.name) !== pair.value,
    );
    if (changes.length) upsertSearchAttributes(changes);
    for (const pair of changes) published.set(pair.key.name, pair.value);
    const summary = summarizeOrder(state);
    if (summary !== details) {
      setCurrentDetails(summary);
      details = summary;
    }
  };
}
