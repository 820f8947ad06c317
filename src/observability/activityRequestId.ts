import type { ActivityInterceptorsFactory } from '@temporalio/worker';
import { requestIdOf } from '../workflows/requestIdHeader';

/**
 * The request id the workflow put on the activity (src/workflows/interceptors.ts) goes into every
 * log line of that activity, the SDK's own included; one line per completed activity at INFO.
 */
export const requestIdActivityInterceptor: ActivityInterceptorsFactory = (ctx) => {
  let requestId: string | undefined;
  return {
    inbound: {
      async execute(input, next) {
        requestId = requestIdOf(input.headers);
        const started = Date.now();
        const result = await next(input);
        ctx.log.info('activity completed', { durationMs: Date.now() - started });
        return result;
      },
    },
    outbound: {
      getLogAttributes(input, next) {
        return next(requestId === undefined ? input : { ...input, requestId });
      },
    },
  };
};
