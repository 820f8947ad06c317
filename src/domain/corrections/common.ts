/** Corrections several events share: a payment's reference, and the reasons some events never change. */
import type { OrderState, PaymentReceipt } from '../types';
import { ownFields, type SharedCorrection } from './define';

/** A payment's record, found by the event that recorded it (within the state's window of receipts). */
export function receiptOf(state: OrderState, eventId: string): PaymentReceipt | undefined {
  return state.payments.receipts.find((r) => r.eventId === eventId);
}

export const MONEY_IS_REVERSED =
  'the amount is money received: reverse the payment with PAYMENT_REVERSED and record it again';

/** A payment event's bank reference (and value date): the amount is never corrected, it is reversed. */
export function paymentReference<const F extends 'reference' | 'valueDate'>(
  fields: readonly F[],
): SharedCorrection<F> {
  return {
    fields: ownFields(fields),
    otherwise: MONEY_IS_REVERSED,
    // Every payment recorded is acknowledged to the customer, with its reference.
    seenBy: () => 'the payment acknowledgement sent to the customer',
    current(state, target) {
      const receipt = receiptOf(state, target.eventId);
      if (!receipt) return {};
      const values: Partial<Record<'reference' | 'valueDate', unknown>> = receipt;
      return Object.fromEntries(fields.map((f) => [f, values[f]])) as Partial<Record<F, unknown>>;
    },
    apply(state, changes, target) {
      if (!receiptOf(state, target.eventId))
        return 'the payment is older than the latest payments the order keeps; ask an engineer';
      const { reference, valueDate } = changes as { reference?: unknown; valueDate?: unknown };
      const receipts = state.payments.receipts.map((r) =>
        r.eventId === target.eventId
          ? {
              ...r,
              ...(typeof reference === 'string' ? { reference } : {}),
              ...(typeof valueDate === 'string' ? { valueDate } : {}),
            }
          : r,
      );
      return { ...state, payments: { ...state.payments, receipts } };
    },
  };
}

/** Why the reversal events and the amendment are not corrected themselves. */
export const NEVER = {
  takeBack: 'a correction, reversal or undo is not corrected: correct the original event again',
  amendment: 'an amendment is changed by another CONTRACT_AMENDED',
  quotation: 'the quotation went to the customer: send a revised one with QUOTATION_SENT',
  contract:
    "the contract's number, total, plan and lines drive payments and documents: change them with CONTRACT_AMENDED",
  retry: 'a retry carries nothing to correct',
  decision:
    'it carries nothing but the decision itself: take a wrong one back with EVENT_UNDONE while nothing irreversible followed',
  credit: "the credit's terms change with LC_AMENDED, as the issuing bank amends them",
} as const;
