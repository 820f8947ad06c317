import { proxyActivities } from '@temporalio/workflow';
import type { outageActivities } from './poisonWorker';

/**
 * Test-only workflows, registered only by poisonWorker.ts.
 *
 * `poisonedOrder`: every task fails (a plain Error is a workflow task failure, retried for ever,
 * like an order stuck on `TMPRL1103 payloads too large`).
 */
export function poisonedOrder(): Promise<never> {
  throw new Error('poisoned workflow task (test)');
}

const { sendDuringOutage } = proxyActivities<typeof outageActivities>({
  startToCloseTimeout: '5s',
  retry: { initialInterval: '100ms', maximumAttempts: 3 },
});

/** An email activity whose every attempt fails, as during an SMTP outage. */
export async function emailDuringOutage(): Promise<void> {
  await sendDuringOutage().catch(() => undefined);
}
