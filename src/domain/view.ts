import { allowedEvents } from './events';
import { addMoney, compareMoney, subtractMoney, type Money } from './money';
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
    policy,
    template,
    ...rest
  } = state;
  return {
    ...rest,
    policy: policyView(policy),
    template: templateView(template),
    allowedEvents: allowedEvents(state),
    amountOutstanding: amountOutstanding(state),
  };
}

/** The calendar's dates and zone offsets stay in the state: the view names it. */
function policyView({ calendar, ...policy }: OrderState['policy']): OrderView['policy'] {
  return calendar ? { ...policy, calendar: { name: calendar.name, timeZone: calendar.timeZone } } : policy;
}

/** The guidance reaches people through the process list, not in every answer. */
function templateView(template: OrderState['template']): OrderView['template'] {
  if (!template) return null;
  const { guidance: _guidance, ...terms } = template;
  return terms;
}

/** What the customer still owes on the contract: null before there is one, zero once paid. */
export function amountOutstanding(state: OrderState): Money | null {
  const { contract, payments } = state;
  if (!contract) return null;
  const zero = { amount: '0.00', currency: contract.totalAmount.currency };
  const received = addMoney(payments.depositReceived ?? zero, payments.balanceReceived ?? zero);
  const owed = subtractMoney(contract.totalAmount, received);
  return compareMoney(owed, zero) < 0 ? zero : owed;
}
