/**
 * Test-only: a workflow whose every task fails (a plain Error is a workflow task failure, retried
 * for ever, like an order stuck on `TMPRL1103 payloads too large`). Registered only by poisonWorker.ts.
 */
export function poisonedOrder(): Promise<never> {
  throw new Error('poisoned workflow task (test)');
}
