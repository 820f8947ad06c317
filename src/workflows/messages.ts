import { defineQuery, defineSignal, defineUpdate } from '@temporalio/workflow';
import type { OrderState } from '../domain';

// Message definitions shared by the workflow and its clients (API, CLI, tests).

/** What the API sends: the event as the client wrote it, and who sent it. */
export interface EventSubmission {
  event: unknown;
  actor: string;
}

/**
 * Records an event and answers with the order after it. The validator refuses an event that does not
 * fit the order (ApplicationFailure typed EVENT_NOT_ALLOWED or VALIDATION_FAILED) before anything is
 * written to history, which is what lets the API answer 409/400 at once.
 */
export const recordEventUpdate = defineUpdate<OrderState, [EventSubmission]>('recordEvent');

/**
 * Fire-and-forget twin of the update, for the Temporal UI and CLI: the payload is the event itself,
 * optionally with `actor`. Durable even while no worker runs; a rejected one lands in `rejectedEvents`.
 * `temporal workflow signal --workflow-id PO-1 --name orderEvent --input '{"type":"NOTE_ADDED","text":"hi"}'`
 */
export const orderEventSignal = defineSignal<[unknown]>('orderEvent');

/** The whole order state; the API turns it into the contract's order view. Works on closed orders too. */
export const orderQuery = defineQuery<OrderState>('order');
