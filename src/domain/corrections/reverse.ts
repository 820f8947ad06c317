/**
 * PAYMENT_REVERSED: money recorded as received is taken back (a payment booked twice, a cheque that
 * bounced, a typo in the amount). The ledger loses exactly what the payment brought, so what is
 * owed, the schedule and the payment requests see it gone; the stage stays, and a warning stays on
 * the order until the money is in again.
 */
import { countRevenue } from '../finance/revenue';
import { appendBounded, STATE_WINDOWS } from '../bounds';
import { balanceRequiredOf, outstanding } from '../ledger';
import { formatMoney, subtractMoney, zero, type Money } from '../money';
import { accepted, refused, takesBack, type Outcome } from '../outcome';
import { paymentMethodOf } from '../payment-methods';
import { shipmentDate } from '../shipment';
import type { EventContext, OrderState, PaymentsState } from '../types';
import { receiptOf } from './common';
import { correctionRecords } from './records';

export interface ReversalRequest {
  paymentEventId: string;
  reason: string;
}

export function reversePayment(state: OrderState, request: ReversalRequest, ctx: EventContext): Outcome {
  const id = request.paymentEventId;
  const receipt = receiptOf(state, id);
  const total = state.contract?.totalAmount;
  if (!receipt || !total) {
    const event = correctionRecords(state).events.find((e) => e.eventId === id);
    const why = event
      ? `${event.type} ${id} recorded no money received`
      : `no payment ${id} among the latest ${STATE_WINDOWS.receipts} payments of this order`;
    return refused('CORRECTION_NOT_ALLOWED', why);
  }
  if (receipt.reversed)
    return refused(
      'CORRECTION_NOT_ALLOWED',
      `payment ${id} was already reversed by ${receipt.reversed.eventId}`,
    );
  const allocation = receipt.allocation;
  if (!allocation)
    return refused(
      'CORRECTION_NOT_ALLOWED',
      `payment ${id} was recorded before reversals existed: ask an engineer`,
    );

  const currency = total.currency;
  const less = (key: keyof typeof allocation, p: PaymentsState): Money | null => {
    const now = p[key];
    if (now === null && allocation[key].amount === zero(currency).amount) return null;
    return subtractMoney(now ?? zero(currency), allocation[key]);
  };
  const reversed = { eventId: ctx.eventId ?? '', at: ctx.now, by: ctx.actor, reason: request.reason };
  let payments: PaymentsState = {
    ...state.payments,
    depositReceived: less('depositReceived', state.payments),
    balanceReceived: less('balanceReceived', state.payments),
    depositWrittenOff: less('depositWrittenOff', state.payments),
    balanceWrittenOff: less('balanceWrittenOff', state.payments),
    receipts: state.payments.receipts.map((r) => (r.eventId === id ? { ...r, reversed } : r)),
  };
  payments = countRevenue(
    { ...payments, balanceRequired: balanceRequiredOf(payments, total) },
    receipt,
    state.contract?.fxRate,
    -1,
  );
  const owedBefore = outstanding(state) ?? zero(currency);
  const next = withCreditDueDate({ ...state, payments });
  const owed = outstanding(next) ?? zero(currency);
  const warning = {
    code: 'PAYMENT_REVERSED' as const,
    message: `Payment ${formatMoney(receipt.amount)} (${receipt.reference}) was reversed: ${request.reason}. ${formatMoney(owed)} is owed again.`,
    since: ctx.now,
    eventId: ctx.eventId ?? '',
    clearsAtOutstanding: owedBefore,
  };
  const warnings = appendBounded(next.warnings ?? [], warning, STATE_WINDOWS.warnings);
  return takesBack(
    accepted(
      { ...next, warnings },
      `Payment ${formatMoney(receipt.amount)} (${receipt.reference}) reversed by ${ctx.actor}: ${request.reason}; ${formatMoney(owed)} outstanding`,
    ),
    id,
  );
}

/** Open account after shipment: money owed again falls due on the B/L date plus the tenor, as before. */
function withCreditDueDate(state: OrderState): OrderState {
  const plan = state.payments.plan;
  const shippedOn = shipmentDate(state);
  if (!plan || !shippedOn || state.payments.balanceDueDate !== null) return state;
  const next = paymentMethodOf(plan).afterBillOfLading(plan, shippedOn);
  if (next.kind !== 'RELEASE_ON_CREDIT') return state;
  return { ...state, payments: { ...state.payments, balanceDueDate: next.dueDate } };
}
