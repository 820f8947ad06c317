import { creationRecord, orderView, type OrderState, type OrderView, type TimelineRecord } from '../domain';
import { documentRecords, orderRecord } from '../readModel/orderRecord';
import type { ReadModel } from '../readModel/types';
import type { EventOutcome, OpenedOrder } from '../workflows/messages';
import { ApiError, consoleLogger, type Logger } from './errors';
import { workersUnavailable } from './temporalErrors';
import type { OrderGateway } from './orderGateway';

/** The order right after some records, with its view: what the read model's row is written from. */
interface OrderAfter {
  state: OrderState;
  view: OrderView;
}

/**
 * Since release 1.1 an event's answer is its records, and they are history by the time the API holds
 * them (an update is answered once the task that completed it is committed). The API writes them to
 * the read model itself, with the order's row when the order it reads back is the one right after
 * the event, and answers with that order's view. The write is a shortcut: the workflow's own write,
 * which waits a moment in its activity, is what guarantees the read model (docs/decisions/0009).
 */
export function committedAnswers(
  gateway: OrderGateway,
  readModel: ReadModel,
  logger: Logger = consoleLogger,
) {
  /** Never fails the request: the event is taken, and the workflow's write follows. */
  async function write(orderId: string, records: TimelineRecord[], after?: OrderAfter): Promise<void> {
    if (!records.length && !after) return;
    await readModel
      .project({
        orderId,
        order: after ? orderRecord(after.state, after.view) : null,
        timeline: records,
        emails: [],
        documents: after ? documentRecords(after.state) : [],
      })
      .catch((err: unknown) =>
        logger.warn('read model not written from an answer; the workflow writes it', {
          orderId,
          cause: String(err),
        }),
      );
  }

  return {
    /** The order after an accepted event, its records written on the way. */
    async event(orderId: string, outcome: EventOutcome): Promise<OrderView> {
      if ('order' in outcome) return outcome.order;
      let state: OrderState;
      try {
        // Committed state: a query waits for a workflow task in flight.
        state = await gateway.currentState(orderId);
      } catch (err) {
        await write(orderId, outcome.records);
        // The event is taken: whatever stopped the read back, a retry with its eventId is answered.
        throw err instanceof ApiError ? err : workersUnavailable(err);
      }
      const view = orderView(state);
      // A later event's task may be in the state (and not yet committed): then the row waits for it.
      await write(
        orderId,
        outcome.records,
        state.timelineTotal === outcome.seq ? { state, view } : undefined,
      );
      return view;
    },

    /** The order an open found (or started), its row written on the way. */
    async opened(opened: OpenedOrder): Promise<OrderView> {
      if ('order' in opened) return opened.order;
      const { state } = opened;
      const records = state.timelineTotal === 1 ? [creationRecord(state)] : [];
      const view = orderView(state);
      await write(state.orderId, records, { state, view });
      return view;
    },
  };
}
