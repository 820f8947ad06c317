import { allowedEvents } from './guards';
import { formatMoney, type Money } from './money';
import type { OrderEventType } from './schemas/events';
import type { OrderState } from './types';

/** What ops staff are expected to record next, phrased for people. */
const NEXT_STEP: Partial<Record<OrderEventType, string>> = {
  QUOTATION_SENT: 'send a quotation',
  QUOTATION_ACCEPTED: "the customer's answer to the quotation",
  SAMPLE_SENT: 'send a sample',
  SAMPLE_APPROVED: "the customer's verdict on the sample",
  CONTRACT_SIGNED: 'the signed contract',
  DEPOSIT_RECEIVED: 'the deposit',
  PRODUCTION_COMPLETED: 'production completion',
  INSPECTION_RECORDED: 'a passed QC inspection',
  BOOKING_CONFIRMED: "the forwarder's booking confirmation",
  CUSTOMS_DECLARED: 'the customs declaration',
  BILL_OF_LADING_ISSUED: 'the bill of lading',
  BALANCE_RECEIVED: 'the balance payment',
  GOODS_RELEASED: 'the customer picking up the goods',
};

function expectedNext(state: OrderState): string {
  if (state.status === 'COMPLETED') return 'nothing: the order is completed';
  if (state.status === 'CANCELLED')
    return `nothing: the order was cancelled (${state.cancellation?.reason ?? 'no reason'})`;
  const allowed = allowedEvents(state);
  // Order of preference: the step that moves the order forward comes first in this list.
  const preference: OrderEventType[] = [
    'QUOTATION_ACCEPTED',
    'SAMPLE_APPROVED',
    'SAMPLE_SENT',
    'CONTRACT_SIGNED',
    'DEPOSIT_RECEIVED',
    'PRODUCTION_COMPLETED',
    'INSPECTION_RECORDED',
    'BILL_OF_LADING_ISSUED',
    'CUSTOMS_DECLARED',
    'BOOKING_CONFIRMED',
    'BALANCE_RECEIVED',
    'GOODS_RELEASED',
    'QUOTATION_SENT',
  ];
  const step = preference.find((t) => allowed.includes(t));
  // Only DOCUMENTS before dispatch has no forward step: the workflow is sending the originals.
  return step ? (NEXT_STEP[step] as string) : 'the document set to be dispatched';
}

function paid(received: Money | null, required: Money | null): string | null {
  return received && required ? `${formatMoney(received)} of ${formatMoney(required)}` : null;
}

/**
 * One markdown paragraph for the Temporal UI. It names the customer's company only: email
 * addresses stay out, since the UI is visible to every engineer.
 */
export function summarizeOrder(state: OrderState): string {
  const parts = [
    `**${state.orderId}** for **${state.customer.company}** (${state.customer.country}) is in stage **${state.stage}**` +
      (state.status === 'OPEN'
        ? ` since ${state.stageEnteredAt}.`
        : ` since ${state.closedAt ?? state.stageEnteredAt}.`),
    `Next: ${expectedNext(state)}.`,
  ];
  const deposit = paid(state.payments.depositReceived, state.payments.depositRequired);
  const balance = paid(state.payments.balanceReceived, state.payments.balanceRequired);
  if (state.contract) {
    parts.push(
      `Payments: contract ${formatMoney(state.contract.totalAmount)}; deposit ${deposit ?? '-'}; balance ${balance ?? '-'}.`,
    );
  }
  if (state.status === 'OPEN') {
    parts.push(
      state.stalled
        ? `**Stalled** since ${state.stageDeadline}; ${state.remindersSentInStage} reminder(s) sent in this stage.`
        : `On track; stage deadline ${state.stageDeadline}.`,
    );
  }
  if (state.failedEffects.length > 0) {
    parts.push(`**Needs an operator:** ${state.failedEffects.map((f) => f.effect).join(', ')} failed.`);
  }
  return parts.join(' ');
}
