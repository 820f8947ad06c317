import type { WorkflowHandle } from '@temporalio/client';
import { orderView, type OrderEventInput, type OrderState, type OrderView } from '../src/domain';
import { orderEventSignal, orderQuery, type EventOutcome } from '../src/workflows/messages';
import { fullLifeEvents } from './orderFixtures';
import { eventually } from './temporal';

/**
 * Signals an event and waits until the workflow has taken it (accepted into the timeline or
 * recorded as rejected), so the next event sees its effect.
 */
export async function signalAndSettle(handle: WorkflowHandle, event: OrderEventInput): Promise<OrderState> {
  const before = await handle.query(orderQuery);
  await handle.signal(orderEventSignal, event);
  return eventually(async () => {
    const state = await handle.query(orderQuery);
    const moved =
      state.timelineTotal > before.timelineTotal ||
      state.rejectedEvents.length > before.rejectedEvents.length;
    return moved ? state : undefined;
  });
}

/** Polls the order until the predicate holds (effects run asynchronously after their event). */
export function orderWhen(
  handle: WorkflowHandle,
  predicate: (state: OrderState) => boolean,
): Promise<OrderState> {
  return eventually(async () => {
    const state = await handle.query(orderQuery);
    return predicate(state) ? state : undefined;
  });
}

/**
 * Sends the full-life events in order through `send`, waiting as an operator would for the effect
 * that the next event depends on (booking requested, copies sent, documents dispatched).
 */
export async function walkFullLife(
  handle: WorkflowHandle,
  send: (event: OrderEventInput) => Promise<unknown>,
): Promise<void> {
  for (const event of fullLifeEvents) {
    if (event.type === 'BOOKING_CONFIRMED')
      await orderWhen(handle, (s) => s.shipping.booking.requestedAt !== null);
    if (event.type === 'DOCUMENTS_CONFIRMED')
      await orderWhen(handle, (s) => s.documents.copiesSentAt !== null);
    if (event.type === 'GOODS_RELEASED') await orderWhen(handle, (s) => s.documents.dispatchedAt !== null);
    await send(event);
  }
}

/**
 * An event's answer with the order after it, as the API reads it: since release 1.1 the answer holds
 * the event's records and the order is read by query.
 */
export async function withOrderAfter(
  handle: WorkflowHandle,
  outcome: EventOutcome,
): Promise<EventOutcome & { order: OrderView }> {
  return 'order' in outcome ? outcome : { ...outcome, order: orderView(await handle.query(orderQuery)) };
}
