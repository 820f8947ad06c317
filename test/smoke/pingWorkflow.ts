import { condition, defineQuery, defineSignal, defineUpdate, setHandler } from '@temporalio/workflow';

// A tiny workflow that proves the harness: one signal, one validated update, one query.
export const addSignal = defineSignal<[number]>('add');
export const addUpdate = defineUpdate<number, [number]>('addAndGet');
export const totalQuery = defineQuery<number>('total');
export const finishSignal = defineSignal('finish');

export async function pingWorkflow(): Promise<number> {
  let total = 0;
  let finished = false;
  setHandler(addSignal, (n) => void (total += n));
  setHandler(
    addUpdate,
    (n) => {
      total += n;
      return total;
    },
    {
      validator: (n) => {
        if (n < 0) throw new Error('negative amounts are refused');
      },
    },
  );
  setHandler(totalQuery, () => total);
  setHandler(finishSignal, () => void (finished = true));
  await condition(() => finished);
  return total;
}
