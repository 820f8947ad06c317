import { appendBounded, STATE_WINDOWS } from '../bounds';
import { addMoney, compareMoney, formatMoney } from '../money';
import type { EventOf } from '../schemas/events';
import type { EventContext, OrderState } from '../types';
import { accepted, advance, invalid, type Outcome } from './outcome';
import { paymentProblems } from './payments';

export function documentsConfirmed(
  state: OrderState,
  _e: EventOf<'DOCUMENTS_CONFIRMED'>,
  ctx: EventContext,
): Outcome {
  return accepted(
    { ...state, documents: { ...state.documents, confirmedAt: ctx.now } },
    'The customer confirmed the document copies',
  );
}

export function balanceReceived(
  state: OrderState,
  e: EventOf<'BALANCE_RECEIVED'>,
  ctx: EventContext,
): Outcome {
  const { balanceRequired, balanceReceived: received } = state.payments;
  // BALANCE is only reached after CONTRACT_SIGNED, which sets both.
  if (!balanceRequired || !received) throw new Error('BALANCE stage without a contract');
  const problems = paymentProblems(e.amount, balanceRequired, received);
  if (problems.length > 0) return invalid('The balance payment is not valid', problems);

  const total = addMoney(received, e.amount);
  const next: OrderState = {
    ...state,
    payments: {
      ...state.payments,
      balanceReceived: total,
      receipts: appendBounded(
        state.payments.receipts,
        { kind: 'BALANCE', amount: e.amount, reference: e.reference, receivedAt: ctx.now },
        STATE_WINDOWS.receipts,
      ),
    },
  };
  const summary = `Balance ${formatMoney(e.amount)} received (${e.reference}); ${formatMoney(total)} of ${formatMoney(balanceRequired)}`;
  return compareMoney(total, balanceRequired) >= 0
    ? advance(next, 'DOCUMENTS', ctx, `${summary}; paid in full, documents dispatched`, [
        { type: 'dispatchDocuments' },
      ])
    : accepted(next, summary);
}

export function goodsReleased(state: OrderState, e: EventOf<'GOODS_RELEASED'>, ctx: EventContext): Outcome {
  return advance(state, 'COMPLETED', ctx, e.note ? `Goods released: ${e.note}` : 'Goods released');
}

export function noteAdded(state: OrderState, e: EventOf<'NOTE_ADDED'>, _ctx: EventContext): Outcome {
  return accepted(state, `Note: ${e.text}`);
}

export function orderCancelled(state: OrderState, e: EventOf<'ORDER_CANCELLED'>, ctx: EventContext): Outcome {
  const next = { ...state, cancellation: { reason: e.reason, cancelledAt: ctx.now, notifiedAt: null } };
  return advance(next, 'CANCELLED', ctx, `Order cancelled: ${e.reason}`, [{ type: 'notifyCancelled' }]);
}

/** Hands the failed effects back to the workflow, each once, in the order they failed. */
export function retryFailedEffects(
  state: OrderState,
  _e: EventOf<'RETRY_FAILED_EFFECTS'>,
  _ctx: EventContext,
): Outcome {
  const kinds = [...new Set(state.failedEffects.map((f) => f.effect))];
  return accepted(
    { ...state, failedEffects: [] },
    `Retrying ${kinds.join(', ')}`,
    kinds.map((type) => ({ type })),
  );
}
