/**
 * How much of an order its state keeps, and how much a client may add to it. The state is carried
 * through every update result and continue-as-new, so it keeps only what decisions and the order
 * view need, as windows over the latest entries; everything else lives in the read model.
 */
export const STATE_WINDOWS = {
  /** Latest timeline entries in the view; the read model has them all. */
  timeline: 20,
  /** Latest client idempotency keys the reducer answers itself (older ones: the read model). */
  eventKeys: 100,
  sampleRounds: 10,
  inspections: 20,
  receipts: 20,
  productionNotes: 5,
  rejectedEvents: 20,
  /** Latest events a correction, reversal or undo may name. */
  correctable: 50,
  documentRevisions: 10,
  warnings: 20,
} as const;

/** What one order may take in all (refused events do not count). */
export const ORDER_LIMITS = {
  clientEvents: 5_000,
  notes: 1_000,
} as const;

/** Timeline summaries in the state are cut to this length; the read model keeps them whole. */
export const SUMMARY_MAX_LENGTH = 200;

/** `list` plus `item`, keeping only the latest `max` entries. */
export function appendBounded<T>(list: readonly T[], item: T, max: number): T[] {
  const next = [...list, item];
  return next.length > max ? next.slice(next.length - max) : next;
}

export function shorten(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}
