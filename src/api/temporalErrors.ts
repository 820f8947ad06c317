import {
  isGrpcServiceError,
  WorkflowExecutionAlreadyStartedError,
  WorkflowNotFoundError,
  WorkflowUpdateFailedError,
  WorkflowUpdateRPCTimeoutOrCancelledError,
  type Client,
} from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import { ORDER_ARCHIVED, RUN_DRAINING } from '../workflows/messages';
import { ApiError } from './errors';

// gRPC status codes (from the gRPC spec) this file cares about.
export const grpcStatus = {
  CANCELLED: 1,
  DEADLINE_EXCEEDED: 4,
  RESOURCE_EXHAUSTED: 8,
  FAILED_PRECONDITION: 9,
  UNAVAILABLE: 14,
} as const;

/** The first gRPC status code in the error's cause chain. */
export function grpcCode(err: unknown): number | undefined {
  for (let e: unknown = err, depth = 0; e && depth < 8; depth++) {
    if (isGrpcServiceError(e)) return e.code;
    e = (e as { cause?: unknown }).cause;
  }
  return undefined;
}

function messages(err: unknown): string {
  const parts: string[] = [];
  for (let e: unknown = err, depth = 0; e && depth < 8; depth++) {
    if (e instanceof Error) parts.push(e.message);
    e = (e as { cause?: unknown }).cause;
  }
  return parts.join(' / ');
}

/**
 * The server's own retryable answer when it dropped an update it had not yet accepted (its update
 * registry was cleared, e.g. when the order's cached state was reloaded). The server is up, and
 * sending the same update id again recreates the update.
 */
const UPDATE_ABORTED = /workflow update was aborted/i;

export function isUpdateAbortedStatus(status: { code: number; details?: string }): boolean {
  return status.code === grpcStatus.UNAVAILABLE && UPDATE_ABORTED.test(status.details ?? '');
}

function isUpdateAborted(err: unknown): boolean {
  return grpcCode(err) === grpcStatus.UNAVAILABLE && UPDATE_ABORTED.test(messages(err));
}

/** The service cannot be reached (refused, reset, or never connected). */
export function isTemporalUnreachable(err: unknown): boolean {
  const code = grpcCode(err);
  if (code === grpcStatus.UNAVAILABLE) return !isUpdateAborted(err);
  return /failed to connect|connect ECONNREFUSED|No connection established|shutting down/i.test(
    messages(err),
  );
}

/** Our own deadline ran out (or the client gave up waiting on an update). */
export function isDeadline(err: unknown): boolean {
  if (err instanceof WorkflowUpdateRPCTimeoutOrCancelledError) return true;
  const code = grpcCode(err);
  return code === grpcStatus.DEADLINE_EXCEEDED || code === grpcStatus.CANCELLED;
}

export const temporalUnavailable = (cause?: unknown) =>
  new ApiError(
    503,
    'TEMPORAL_UNAVAILABLE',
    'the Temporal service cannot be reached; nothing was recorded',
    undefined,
    {
      cause,
    },
  );

export const workersUnavailable = (cause?: unknown) =>
  new ApiError(
    503,
    'WORKERS_UNAVAILABLE',
    'no order worker answered in time; an event may still be applied later, so retry with the same eventId',
    undefined,
    { cause },
  );

export const orderNotFound = (orderId: string) =>
  new ApiError(404, 'ORDER_NOT_FOUND', `no order with id "${orderId}"`);

export const eventIdReused = (message: string) => new ApiError(409, 'EVENT_ID_REUSED', message);

/** The order was archived: it takes nothing more; every read keeps working. */
export const orderArchived = (message: string, stage: unknown) =>
  new ApiError(409, 'ORDER_ARCHIVED', message, { stage, allowedEvents: [] });

/**
 * Temporal's own per-order limits: more than 10 updates in flight (RESOURCE_EXHAUSTED) or the
 * run's update budget used up (FAILED_PRECONDITION; the workflow continues as new well before).
 * Both pass, as does a run draining to continue as new: the client retries after a moment.
 */
function isUpdateLimit(err: unknown): boolean {
  const code = grpcCode(err);
  if (code === grpcStatus.RESOURCE_EXHAUSTED) return true;
  return code === grpcStatus.FAILED_PRECONDITION && /update/i.test(messages(err));
}

export const tooManyUpdates = (cause?: unknown) =>
  new ApiError(
    429,
    'TOO_MANY_REQUESTS',
    'the order is taking too many events at once; retry in a moment with the same eventId',
    undefined,
    { cause, retryAfterSeconds: 1 },
  );

/** How long a probe of the frontend waits: /health, and the API after a deadline ran out. */
const PROBE_TIMEOUT_MS = 1_500;

/** How the frontend answers a short, bounded system-info call right now. */
async function frontendReach(
  client: Client,
  timeoutMs = PROBE_TIMEOUT_MS,
): Promise<'answers' | 'slow' | 'unreachable'> {
  try {
    await client.withDeadline(Date.now() + timeoutMs, () => client.workflowService.getSystemInfo({}));
    return 'answers';
  } catch (err) {
    return isDeadline(err) ? 'slow' : 'unreachable';
  }
}

/** Is the frontend answering right now? */
export async function temporalAnswers(client: Client, timeoutMs = PROBE_TIMEOUT_MS): Promise<boolean> {
  return (await frontendReach(client, timeoutMs)) === 'answers';
}

/** Rejections from the update validator (the reducer's verdict) as contract errors. */
export function updateRejection(err: WorkflowUpdateFailedError): ApiError | undefined {
  const failure = err.cause;
  if (!(failure instanceof ApplicationFailure)) return undefined;
  const detail: unknown = failure.details?.[0];
  if (failure.type === 'EVENT_NOT_ALLOWED') {
    const d = (detail ?? {}) as { stage?: unknown; allowedEvents?: unknown };
    return new ApiError(409, 'EVENT_NOT_ALLOWED', failure.message, {
      stage: d.stage,
      allowedEvents: Array.isArray(d.allowedEvents) ? d.allowedEvents : [],
    });
  }
  if (failure.type === 'EVENT_ID_REUSED') return eventIdReused(failure.message);
  // The domain's refusals of a correction: by role (403), or because it cannot be taken back (409).
  if (failure.type === 'FORBIDDEN') return new ApiError(403, 'FORBIDDEN', failure.message);
  if (failure.type === 'CORRECTION_NOT_ALLOWED')
    return new ApiError(409, 'CORRECTION_NOT_ALLOWED', failure.message);
  if (failure.type === 'CREDIT_LIMIT_EXCEEDED')
    return new ApiError(409, 'CREDIT_LIMIT_EXCEEDED', failure.message);
  if (failure.type === ORDER_ARCHIVED) {
    const d = (detail ?? {}) as { stage?: unknown };
    return orderArchived(failure.message, d.stage);
  }
  if (failure.type === RUN_DRAINING) return tooManyUpdates(err);
  if (failure.type === 'ORDER_LIMIT_REACHED')
    return new ApiError(409, 'ORDER_LIMIT_REACHED', failure.message);
  if (failure.type === 'DOCUMENTS_INCOMPLETE') {
    const d = (detail ?? {}) as { missing?: unknown };
    return new ApiError(409, 'DOCUMENTS_INCOMPLETE', failure.message, {
      missing: Array.isArray(d.missing) ? d.missing : [],
    });
  }
  if (failure.type === 'ORDER_EXISTS') return new ApiError(409, 'ORDER_EXISTS', failure.message);
  if (failure.type === 'VALIDATION_FAILED') {
    const fields = Array.isArray(detail)
      ? detail
      : ((detail as { fields?: unknown } | undefined)?.fields ?? [{ path: '', message: failure.message }]);
    return new ApiError(400, 'VALIDATION_FAILED', failure.message, fields);
  }
  return undefined;
}

/**
 * Any other Temporal error: unreachable service -> TEMPORAL_UNAVAILABLE ("nothing was recorded").
 * A deadline, or an update the server dropped, on a call that needs a worker -> WORKERS_UNAVAILABLE
 * ("retry with the same eventId") unless the service proves unreachable: the call reached a server,
 * so the event may have been recorded even when the server is too busy to answer the probe in time.
 * Calls that need no worker record nothing: TEMPORAL_UNAVAILABLE. Unknown errors are rethrown (a
 * 500 with a logged cause).
 */
export async function mapTemporalError(
  err: unknown,
  client: Client | undefined,
  { orderId, needsWorker }: { orderId?: string; needsWorker: boolean },
): Promise<ApiError> {
  if (err instanceof ApiError) return err;
  if (err instanceof WorkflowExecutionAlreadyStartedError)
    return new ApiError(
      409,
      'ORDER_EXISTS',
      `an order with id "${orderId ?? err.workflowId}" already exists`,
    );
  if (err instanceof WorkflowNotFoundError && orderId) return orderNotFound(orderId);
  if (err instanceof WorkflowUpdateFailedError) {
    const mapped = updateRejection(err);
    if (mapped) return mapped;
  }
  if (isUpdateLimit(err)) return tooManyUpdates(err);
  if (isTemporalUnreachable(err)) return temporalUnavailable(err);
  if (isDeadline(err) || isUpdateAborted(err)) {
    if (!needsWorker || !client || (await frontendReach(client)) === 'unreachable')
      return temporalUnavailable(err);
    return workersUnavailable(err);
  }
  throw err;
}
