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
    ...rest
  } = state;
  return { ...rest, allowedEvents: allowedEvents(state), amountOutstanding: amountOutstanding(state) };
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
