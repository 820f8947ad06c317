import { continueAsNew } from '@temporalio/workflow';
import { orderView, type OrderView } from '../domain';
import type { OrderWorkflowInput } from './input';
import { OrderRun } from './orderRun';

/**
 * One export order from inquiry to release of documents. The domain reducer decides everything;
 * the run holds the state, feeds it events (updates, signals and its own system events), runs the
 * effects the reducer returns as activities, keeps the read model in step and fires the stall
 * reminders. A long order continues as new with its (bounded) state.
 */
export async function orderWorkflow(input: OrderWorkflowInput): Promise<OrderView> {
  const order = new OrderRun(input);
  if ((await order.run()) === 'continue') {
    await continueAsNew<typeof orderWorkflow>({ ...input, state: order.current });
  }
  return orderView(order.current);
}
