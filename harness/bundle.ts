import { bundleWorkflowCode, DefaultLogger, type WorkflowBundleWithSourceMap } from '@temporalio/worker';
import { WORKFLOW_INTERCEPTOR_MODULES } from '../src/observability/workerRuntime';

/** The order workflows bundled once per test file, with webpack's report kept out of the test output. */
export function bundleOrderWorkflows(): Promise<WorkflowBundleWithSourceMap> {
  return bundleWorkflowCode({
    workflowsPath: require.resolve('../src/workflows'),
    workflowInterceptorModules: WORKFLOW_INTERCEPTOR_MODULES,
    logger: new DefaultLogger('WARN'),
  });
}
