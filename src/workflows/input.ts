import type { Duration, Forwarder, NewOrder, OrderState, PinnedTemplate, StallPolicy } from '../domain';

/** Everything an order workflow starts from; all of it is in the first history event. */
export interface OrderWorkflowInput {
  order: NewOrder & { orderId: string };
  /** The company the order belongs to (its workflow id is `<company>:<orderId>`); absent in orders from before: `default`. */
  company?: string;
  /**
   * The configured reminder defaults and working calendar; the template's settings, then the
   * order's own, win. Fixed for the order's life.
   */
  stallDefaults: StallPolicy;
  /** The template version `order.template` names, as the API loaded it. */
  template?: PinnedTemplate;
  /** Receives the booking request when the order names no forwarder. */
  defaultForwarder: Forwarder;
  /** When and by whom the inquiry was recorded. */
  createdAt: string;
  createdBy: string;
  /** The creator's id (`user:<subject>`, `token:<name>`); absent in orders from before: `createdBy`. */
  createdById?: string;
  /** The POST that started the order (openOrderUpdate's requestId); absent in orders from before. */
  createRequestId?: string;
  /**
   * How long a closed, settled order stays quiet before it is archived; fixed for the order's
   * life. Absent in orders from before: DEFAULT_ARCHIVE_AFTER.
   */
  archiveAfter?: Duration;
  /** Set when the workflow continues as new: the order so far. */
  state?: OrderState;
  /** Continue as new after this many client events in one run (Temporal refuses the 2,000th update). */
  continueAsNewAfterEvents?: number;
}
