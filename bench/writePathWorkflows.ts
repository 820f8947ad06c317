// The read model's write-path options, side by side (bench/writePath.ts): one update per event, each
// writing the order's row and one timeline record through the app's own `projectOrder` activity.
// Bundled for the write-path worker; nothing else of the order workflow runs here.
import {
  allHandlersFinished,
  condition,
  defineSignal,
  defineUpdate,
  proxyLocalActivities,
  setHandler,
} from '@temporalio/workflow';
import type { ReadModelActivities } from '../src/activities/readModel';
import type { OrderState, TimelineRecord } from '../src/domain';
import { ReadModelProjection } from '../src/workflows/projection';

/**
 * `regular`: the update answers at once and the app's ReadModelProjection writes afterwards through
 * a regular activity (what the app does; the client may wait for the row itself).
 * `local`: the update handler awaits a local activity, so the answer comes after the write.
 */
export type WriteMode = 'regular' | 'local';

export interface WritePathInput {
  mode: WriteMode;
  /** An order as the app keeps it: its view is what every write stores. */
  state: OrderState;
}

/** Records one event; answers with its sequence (the read model's `orders.seq` once written). */
export const writeEventUpdate = defineUpdate<number, [{ eventId: string }]>('writeEvent');
export const finishSignal = defineSignal('finish');

// The same timeout and retries as the app's regular projectOrder (src/workflows/projection.ts).
const local = proxyLocalActivities<ReadModelActivities>({
  startToCloseTimeout: '30s',
  retry: { initialInterval: '1s', backoffCoefficient: 2, maximumInterval: '30s' },
});

export async function writePathWorkflow(input: WritePathInput): Promise<number> {
  let state = input.state;
  let finished = false;
  const projection = new ReadModelProjection(
    () => state,
    () => undefined,
  );
  setHandler(writeEventUpdate, async ({ eventId }) => {
    const at = new Date().toISOString();
    const record: TimelineRecord = {
      seq: state.timelineTotal + 1,
      eventId,
      type: 'NOTE_ADDED',
      at,
      actor: 'bench',
      summary: 'Note added',
      payload: { type: 'NOTE_ADDED', text: 'bench', eventId },
      fingerprint: null,
    };
    state = { ...state, timelineTotal: record.seq, updatedAt: at };
    if (input.mode === 'local') await local.projectOrder({ state, records: [record], emails: [] });
    else projection.add(record);
    return record.seq;
  });
  setHandler(finishSignal, () => void (finished = true));
  await condition(() => finished && projection.settled && allHandlersFinished());
  return state.timelineTotal;
}
