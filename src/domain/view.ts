import { takeBackOptions } from './corrections/options';
import { moneyInCny } from './finance/profit';
import { rebateFormula } from './finance/formula';
import { expectedRebate, type ExpectedRebate } from './finance/rebate';
import { allowedEvents } from './events';
import { presentationDeadline } from './dueDates';
import { outstanding, totalWrittenOff } from './ledger';
import { subtractMoney, zero, type Money } from './money';
import { shipmentsView } from './shipments/view';
import { paymentTermsText } from './paymentPlan';
import { processList } from './processList';
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
    policy,
    template,
    steps: _steps,
    rulesVersion: _rules,
    corrections: _corrections,
    warnings,
    shipments,
    ...rest
  } = state;
  const owed = amountOutstanding(state);
  // Worked out once: the rebate's view and the profit both read it.
  const expected = expectedRebate(state);
  const cny = state.contract ? moneyInCny(state, expected) : null;
  return {
    ...rest,
    timeline: timelineView(rest.timeline),
    // Only the reducer writes failed effects, each named by the registry's kind.
    failedEffects: rest.failedEffects as OrderView['failedEffects'],
    policy: policyView(policy),
    template: templateView(template),
    payments: {
      ...rest.payments,
      terms: rest.payments.plan ? paymentTermsText(rest.payments.plan) : null,
      schedule: paymentSchedule(state),
      outstanding: owed,
      writtenOff: totalWrittenOff(state),
      presentationDeadline: presentationDeadline(state),
      lcDrawn: lcDrawn(state),
    },
    allowedEvents: allowedEvents(state),
    warnings: warnings ?? [],
    corrections: takeBackOptions(state),
    processList: processList(state),
    amountOutstanding: owed,
    shipments: shipmentsView(state),
    shipmentsClosed: shipments?.closed ?? null,
    rebate: rebateView(state, expected),
    profit: cny?.profit ?? null,
    cny,
  };
}

function rebateView(state: OrderState, expected: ExpectedRebate | null): OrderView['rebate'] {
  if (!state.rebate) return null;
  return {
    ...state.rebate,
    rate: expected?.rate ?? null,
    expected: expected?.expected ?? null,
    explanation: expected?.explanation ?? null,
    formula: expected ? rebateFormula(expected) : '',
  };
}

/** L/C: each honoured presentation draws on the credit (every L/C receipt is balance money). */
function lcDrawn(state: OrderState): OrderView['payments']['lcDrawn'] {
  const lc = state.payments.letterOfCredit;
  if (!lc) return null;
  const drawn = state.payments.balanceReceived ?? zero(lc.amount.currency);
  const left = subtractMoney(lc.amount, drawn);
  return { drawn, available: left.amount.startsWith('-') ? zero(lc.amount.currency) : left };
}

/**
 * The state keeps each entry's event type as text (state/bookkeeping.ts); entries are written only
 * by `timelineEntry` from accepted events and ORDER_CREATED, so every one names a timeline type.
 */
function timelineView(entries: OrderState['timeline']): OrderView['timeline'] {
  return entries as OrderView['timeline'];
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

/** What the customer still owes on the contract (less what was written off): null before there is one. */
export function amountOutstanding(state: OrderState): Money | null {
  return outstanding(state);
}
