import { allowedEvents } from './events';
import { presentationDeadline } from './dueDates';
import { outstanding, totalWrittenOff } from './ledger';
import type { Money } from './money';
import { paymentTermsText } from './paymentPlan';
import { paymentSchedule } from './schedule';
import type { OrderState } from './types';
import type { OrderView } from './viewSchema';

export type { OrderView } from './viewSchema';

/**
 * The order as people read it (its shape: ./viewSchema.ts): the state less the reducer's own
 * bookkeeping, plus the events that fit now and what is still owed. The workflow answers every
 * update with it and the read model stores it, so both always show the same thing; the API adds links.
 */
export function orderView(state: OrderState): OrderView {
  const {
    remindersSentInStage: _reminders,
    eventKeys: _keys,
    clientEventCount: _events,
    noteCount: _notes,
    ...rest
  } = state;
  const owed = amountOutstanding(state);
  return {
    ...rest,
    payments: {
      ...rest.payments,
      terms: rest.payments.plan ? paymentTermsText(rest.payments.plan) : null,
      schedule: paymentSchedule(state),
      outstanding: owed,
      writtenOff: totalWrittenOff(state),
      presentationDeadline: presentationDeadline(state),
    },
    allowedEvents: allowedEvents(state),
    amountOutstanding: owed,
  };
}

/** What the customer still owes on the contract (less what was written off): null before there is one. */
export function amountOutstanding(state: OrderState): Money | null {
  return outstanding(state);
}
