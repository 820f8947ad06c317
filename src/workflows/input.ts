import type { Forwarder, NewOrder, OrderState, PinnedTemplate, StallPolicy } from '../domain';

/** Everything an order workflow starts from; all of it is in the first history event. */
export interface OrderWorkflowInput {
  order: NewOrder & { orderId: string };
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
  /** Set when the workflow continues as new: the order so far. */
  state?: OrderState;
  /** Continue as new after this many client events in one run (Temporal refuses the 2,000th update). */
  continueAsNewAfterEvents?: number;
}
