import { addMoney, compareMoney, formatMoney, positiveMoneySchema } from '../money';
import { accepted, advance, invalid } from '../outcome';
import { line, optionalNote } from '../schemas/common';
import type { OrderState } from '../types';
import { describeCopy } from '../zod';
import { balanceOutstanding, both, inStage } from './conditions';
import { defineEvent } from './define';
import { paymentProblems, withReceipt } from './payments';

export const documentsConfirmed = defineEvent({
  type: 'DOCUMENTS_CONFIRMED',
  description: 'The customer found the document copies correct',
  fields: { note: optionalNote },
  allowedWhen: both(inStage('BALANCE'), (s) => s.documents.confirmedAt === null),
  decide(state, _e, ctx) {
    return accepted(
      { ...state, documents: { ...state.documents, confirmedAt: ctx.now } },
      'The customer confirmed the document copies',
    );
  },
});

export const balanceReceived = defineEvent({
  type: 'BALANCE_RECEIVED',
  description: 'A balance payment arrived; once paid in full -> DOCUMENTS and the document set is dispatched',
  fields: {
    amount: describeCopy(positiveMoneySchema, "Amount received, in the contract's currency"),
    reference: line(128, 'Bank reference'),
  },
  allowedWhen: both(inStage('BALANCE'), balanceOutstanding),
  nextStep: 'the balance payment',
  decide(state, e, ctx) {
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
        receipts: withReceipt(state.payments, {
          kind: 'BALANCE',
          amount: e.amount,
          reference: e.reference,
          receivedAt: ctx.now,
        }),
      },
    };
    const summary = `Balance ${formatMoney(e.amount)} received (${e.reference}); ${formatMoney(total)} of ${formatMoney(balanceRequired)}`;
    return compareMoney(total, balanceRequired) >= 0
      ? advance(next, 'DOCUMENTS', ctx, `${summary}; paid in full, documents dispatched`, [
          { type: 'dispatchDocuments' },
        ])
      : accepted(next, summary);
  },
});

export const goodsReleased = defineEvent({
  type: 'GOODS_RELEASED',
  description: 'The customer picked up the goods (after document dispatch): -> COMPLETED',
  fields: { note: optionalNote },
  // Original documents are the title to the goods: release only after they were dispatched.
  allowedWhen: both(inStage('DOCUMENTS'), (s) => s.documents.dispatchedAt !== null),
  nextStep: 'the customer picking up the goods',
  decide(state, e, ctx) {
    return advance(state, 'COMPLETED', ctx, e.note ? `Goods released: ${e.note}` : 'Goods released');
  },
});
