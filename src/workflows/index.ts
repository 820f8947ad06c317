// The workflow bundle's entry: every workflow type the order worker runs.
export { orderWorkflow } from './orderWorkflow';
