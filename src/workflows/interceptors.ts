/**
 * Workflow interceptors (bundled with the workflows; see WORKFLOW_INTERCEPTOR_MODULES): the request
 * id of the update or signal being handled goes into the workflow's log lines and onto the
 * activities scheduled meanwhile. No command changes: headers and logs are not part of replay.
 */
import { log, type WorkflowInterceptorsFactory } from '@temporalio/workflow';
import { requestIdOf, withRequestId } from './requestIdHeader';

// globalThis is the one place the SDK keeps per workflow when it reuses one V8 context for many.
const slot = globalThis as { __orderdeskRequestId?: string };

/**
 * Runs a message handler with its request id as the current one. Several messages handled in one
 * activation may interleave: an activity then carries the id of the latest of them.
 */
async function withinRequest<T>(requestId: string | undefined, handle: () => Promise<T>): Promise<T> {
  if (requestId === undefined) return handle();
  slot.__orderdeskRequestId = requestId;
  try {
    return await handle();
  } finally {
    if (slot.__orderdeskRequestId === requestId) delete slot.__orderdeskRequestId;
  }
}

export const interceptors: WorkflowInterceptorsFactory = () => ({
  inbound: [
    {
      handleUpdate(input, next) {
        const requestId = requestIdOf(input.headers);
        return withinRequest(requestId, () => {
          log.info('update received', { update: input.name, updateId: input.updateId });
          return next(input);
        });
      },
      handleSignal(input, next) {
        const requestId = requestIdOf(input.headers);
        return withinRequest(requestId, () => {
          log.info('signal received', { signal: input.signalName });
          return next(input);
        });
      },
    },
  ],
  outbound: [
    {
      scheduleActivity(input, next) {
        return next({ ...input, headers: withRequestId(input.headers, slot.__orderdeskRequestId) });
      },
      scheduleLocalActivity(input, next) {
        return next({ ...input, headers: withRequestId(input.headers, slot.__orderdeskRequestId) });
      },
      getLogAttributes(input, next) {
        const requestId = slot.__orderdeskRequestId;
        return next(requestId === undefined ? input : { ...input, requestId });
      },
    },
  ],
});
