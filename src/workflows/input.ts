import type { NewOrder, OrderState, StallPolicy } from '../domain';

export interface Contact {
  name: string;
  email: string;
}

/** Everything an order workflow starts from; all of it is in the first history event. */
export interface OrderWorkflowInput {
  order: NewOrder & { orderId: string };
  /** Configured defaults merged with the order's own overrides, fixed for the order's life. */
  policy: StallPolicy;
  /** Receives the booking request when the order names no forwarder. */
  defaultForwarder: Contact;
  /** When and by whom the inquiry was recorded (the API's clock, so the API can show the new order at once). */
  createdAt: string;
  createdBy: string;
  /** Set when the workflow continues as new: the order so far. */
  state?: OrderState;
  /** Continue as new after this many applied events, besides Temporal's own suggestion. */
  continueAsNewAfterEvents?: number;
}
