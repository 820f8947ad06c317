import { Context } from '@temporalio/activity';

/** Well inside the workflow's heartbeat timeout for these activities (10 s). */
const HEARTBEAT_EVERY_MS = 2_000;

/**
 * Each activity heartbeats while it runs, so the server notices a dead worker by the missing
 * heartbeat (seconds) instead of the start-to-close timeout (a minute), and retries the email on a
 * live worker; a slow relay that still answers keeps its activity alive. The first beat comes after
 * two seconds: most sends are done by then and cost no heartbeat call at all.
 */
export function withHeartbeats<T extends object>(activities: T): T {
  const wrapped: Record<string, unknown> = {};
  for (const [name, activity] of Object.entries(activities)) {
    wrapped[name] =
      typeof activity === 'function'
        ? async (...args: unknown[]): Promise<unknown> => {
            const context = Context.current();
            const beat = setInterval(() => context.heartbeat(), HEARTBEAT_EVERY_MS);
            try {
              return await (activity as (...a: unknown[]) => Promise<unknown>)(...args);
            } finally {
              clearInterval(beat);
            }
          }
        : activity;
  }
  return wrapped as T;
}
