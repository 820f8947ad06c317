import { datedPaymentAwaited } from './dueDates';
import { allowedEvents, eventDefinition, type OrderEventType } from './events';
import { formatMoney, type Money } from './money';
import { shorten } from './bounds';
import { stageToDo } from './processList';
import type { OrderState } from './types';

/**
 * The events that move an order forward, most decisive first: the summary names the first one the
 * order allows, in its definition's `nextStep` words.
 */
export const FORWARD_STEPS: readonly OrderEventType[] = [
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

function expectedNext(state: OrderState): string {
  if (state.status === 'COMPLETED') return 'nothing: the order is completed';
  if (state.status === 'CANCELLED')
    return `nothing: the order was cancelled (${state.cancellation?.reason ?? 'no reason'})`;
  // Open account and D/A: the goods are gone, what the order waits for is the money on its date.
  const awaited = datedPaymentAwaited(state);
  if (awaited) return `the payment of ${formatMoney(awaited.amount)} due by ${awaited.dueDate}`;
  const allowed = allowedEvents(state);
  const step = FORWARD_STEPS.find((t) => allowed.includes(t));
  // Only DOCUMENTS before dispatch has no forward step: the workflow is sending the originals.
  return step ? (eventDefinition(step).nextStep ?? step) : 'the document set to be dispatched';
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
  if (state.hold) parts.push(`**On hold** since ${state.hold.since}: ${shorten(state.hold.reason, 200)}.`);
  const toDo = stageToDo(state).map((s) =>
    s.guidance ? `${s.title} (${shorten(s.guidance, 200)})` : s.title,
  );
  if (toDo.length > 0) parts.push(`To do in this stage: ${toDo.join('; ')}.`);
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
  // One paragraph: guidance keeps to one line.
  return parts.join(' ').replace(/\s*\n\s*/g, ' ');
}
