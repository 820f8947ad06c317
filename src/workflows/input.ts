import type { NewOrder, OrderState, StallPolicy } from '../domain';

export interface Contact {
  name: string;
  email: string;
}

/** Everything an order workflow starts from; all of it is in the first history event. */
export interface OrderWorkflowInput {
  order: NewOrder & { orderId: string };
  /** The configured reminder defaults; the order's own overrides win. Fixed for the order's life. */
  stallDefaults: StallPolicy;
  /** Receives the booking request when the order names no forwarder. */
  defaultForwarder: Contact;
  /** When and by whom the inquiry was recorded. */
  createdAt: string;
  createdBy: string;
  /** Set when the workflow continues as new: the order so far. */
  state?: OrderState;
  /** Continue as new after this many client events in one run (Temporal refuses the 2,000th update). */
  continueAsNewAfterEvents?: number;
}
