import { defineQuery, defineSignal, defineUpdate } from '@temporalio/workflow';
import type { OrderState, OrderView } from '../domain';

// Message definitions shared by the workflow and its clients (API, CLI, tests).

/** What the API sends: the validated event, and who sent it. */
export interface EventSubmission {
  event: unknown;
  actor: string;
}

/**
 * An event's answer: the order after it, and which event the order took under this eventId. The
 * server answers a retried update (same update id = eventId) with the first answer, so the API
 * compares `fingerprint` with the event it sent to tell a retry from a reused eventId.
 */
export interface EventOutcome {
  order: OrderView;
  eventId: string | null;
  fingerprint: string | null;
  duplicate: boolean;
}

/**
 * Records an event and answers with the order after it. The validator refuses an event that does
 * not fit the order (ApplicationFailure typed with the reducer's code) before anything is written
 * to history, which is what lets the API answer 4xx at once.
 */
export const recordEventUpdate = defineUpdate<EventOutcome, [EventSubmission]>('recordEvent');

/**
 * The failure type of an event refused because the run is about to continue as new: nothing was
 * recorded, and the same event succeeds on the next run (the API answers 429 with Retry-After).
 */
export const RUN_DRAINING = 'RUN_DRAINING';

/**
 * Sent with the start (update-with-start): answers with the new order. `fingerprint` is that of the
 * order the caller meant to create; an existing order made from other input refuses it (ORDER_EXISTS).
 */
export const openOrderUpdate = defineUpdate<OrderView, [{ fingerprint: string }]>('openOrder');

/**
 * Fire-and-forget twin of the update, for the Temporal UI and CLI: the payload is the event itself,
 * optionally with `actor`. Durable even while no worker runs; a rejected one lands in `rejectedEvents`.
 * `temporal workflow signal --workflow-id PO-1 --name orderEvent --input '{"type":"NOTE_ADDED","text":"hi"}'`
 */
export const orderEventSignal = defineSignal<[unknown]>('orderEvent');

/** The whole order state (engineers' view; the API reads the read model). Works on closed orders too. */
export const orderQuery = defineQuery<OrderState>('order');
