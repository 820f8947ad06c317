// No-op workflows for the benchmark's baselines: what raw Temporal costs on this machine, with no
// domain logic, no effects and no search attributes. Bundled for the baseline worker.
import { allHandlersFinished, condition, defineSignal, defineUpdate, setHandler } from '@temporalio/workflow';

export const noopSignal = defineSignal<[unknown]>('noop');
export const noopUpdate = defineUpdate<number, [unknown]>('noopUpdate');
export const doneSignal = defineSignal('done');

export async function noopWorkflow(): Promise<number> {
  let handled = 0;
  let done = false;
  setHandler(noopSignal, () => void handled++);
  setHandler(noopUpdate, () => ++handled);
  setHandler(doneSignal, () => void (done = true));
  await condition(() => done);
  await condition(allHandlersFinished);
  return handled;
}
