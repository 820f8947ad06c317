import { bundleWorkflowCode, DefaultLogger, type WorkflowBundleWithSourceMap } from '@temporalio/worker';
import { ORDER_WORKFLOW_BUNDLE } from '../src/workflowBundle';

/** The order workflows bundled once per test file, with webpack's report kept out of the test output. */
export function bundleOrderWorkflows(): Promise<WorkflowBundleWithSourceMap> {
  return bundleWorkflowCode({ ...ORDER_WORKFLOW_BUNDLE, logger: new DefaultLogger('WARN') });
}
