import { defineQuery, defineSignal, defineUpdate } from '@temporalio/workflow';
import type { ActorRole, CompanyGate, OrderState, OrderView, TimelineRecord } from '../domain';
import type { CreditContext } from '../domain/finance/credit';
import type { RebateContext } from '../domain/finance/rebate';

// Message definitions shared by the workflow and its clients (API, CLI, tests).

/** What the API sends: the validated event, who sent it and the role they hold. */
export interface EventSubmission {
  event: unknown;
  actor: string;
  /** Absent in submissions from before roles reached the domain: the domain reads it as `ops`. */
  role?: ActorRole;
  /** The person's id (`user:<subject>`, `token:<name>`); absent in submissions from before: `actor`. */
  actorId?: string;
  /** The caller's company gate and profile (absent: the document gate is off). */
  company?: CompanyGate;
  /** The customer's credit figures the API found for a contract (absent: no limit applies). */
  credit?: CreditContext;
  /** The company's rebate method and rates for the order's HS codes (REBATE_DOCUMENTS_RECORDED). */
  rebate?: RebateContext;
}

/**
 * An event's answer. The server answers a retried update (same update id = eventId) with the first
 * answer, so the API compares `fingerprint` with the event it sent to tell a retry from a reused
 * eventId. Since release 1.1 (READ_MODEL_FROM_ANSWERS) the answer is the event's records, which
 * are history once the API holds them; a run from before answers with the whole order.
 */
export type EventOutcome = CommittedEvent | WholeOrderOutcome;

interface EventKeyAnswer {
  eventId: string | null;
  fingerprint: string | null;
  duplicate: boolean;
}

/** What an event added to the order: its timeline records and the order's event count after them. */
export interface CommittedEvent extends EventKeyAnswer {
  seq: number;
  records: TimelineRecord[];
}

/** A run from before release 1.1: the order after the event. */
export interface WholeOrderOutcome extends EventKeyAnswer {
  order: OrderView;
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
 * The failure type of an event sent to an archived order: it takes nothing more (409 ORDER_ARCHIVED).
 */
export const ORDER_ARCHIVED = 'ORDER_ARCHIVED';

/**
 * Sent with the start (update-with-start). `fingerprint` is that of the order the caller meant to
 * create; an existing order made from other input refuses it (ORDER_EXISTS). `requestId` is new
 * for every POST and is also in the start's input: the workflow that request started answers
 * `created`, an order that was already there (a retried create) answers without it.
 */
export interface OpenOrderRequest {
  fingerprint: string;
  requestId?: string;
}

/**
 * The order as the open found it: since release 1.1 its state (what the API needs for the read
 * model's row; at the start it is smaller than the view), before that its view.
 */
export type OpenedOrder = { created: boolean } & ({ state: OrderState } | { order: OrderView });

export const openOrderUpdate = defineUpdate<OpenedOrder, [OpenOrderRequest]>('openOrder');

/**
 * The fingerprint of the order the workflow was started with: for a create retried after the
 * order was archived (the start is refused, the body is compared). Works on closed orders.
 */
export const openedWithQuery = defineQuery<string>('openedWith');

/**
 * Fire-and-forget twin of the update, for the Temporal UI and CLI: the payload is the event itself,
 * optionally with `actor`. Durable even while no worker runs; a rejected one lands in `rejectedEvents`.
 * `temporal workflow signal --workflow-id PO-1 --name orderEvent --input '{"type":"NOTE_ADDED","text":"hi"}'`
 */
export const orderEventSignal = defineSignal<[unknown]>('orderEvent');

/** The whole order state (engineers' view; the API reads the read model). Works on closed orders too. */
export const orderQuery = defineQuery<OrderState>('order');
