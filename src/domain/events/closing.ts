import { balanceOwed, depositSettled } from '../ledger';
import { positiveMoneySchema } from '../money';
import { accepted } from '../outcome';
import { afterGoodsReleased } from '../paymentPath';
import { isAgainstCopiesTT, isBeforeShipmentTT } from '../paymentPlan';
import { line, optionalNote } from '../schemas/common';
import type { OrderState } from '../types';
import { describeCopy } from '../zod';
import { both, inStage } from './conditions';
import { defineEvent } from './define';
import { receivePayment } from './payments';

export const documentsConfirmed = defineEvent({
  type: 'DOCUMENTS_CONFIRMED',
  description: 'The customer found the document copies correct',
  fields: { note: optionalNote },
  allowedWhen: both(
    inStage('BALANCE'),
    (s) => isAgainstCopiesTT(s.payments.plan) && s.documents.confirmedAt === null,
  ),
  decide(state, _e, ctx) {
    return accepted(
      { ...state, documents: { ...state.documents, confirmedAt: ctx.now } },
      'The customer confirmed the document copies',
    );
  },
});

/** The balance is open and is paid to us by TT now: against copies, before shipment, or after release. */
function balanceDueByTT(s: OrderState): boolean {
  if (s.status !== 'OPEN' || !balanceOwed(s.payments) || !depositSettled(s.payments)) return false;
  const plan = s.payments.plan;
  if (s.stage === 'DOCUMENTS') return true;
  if (s.stage === 'BALANCE') return plan?.balanceMethod === 'TT';
  return isBeforeShipmentTT(plan) && (s.stage === 'PRODUCTION' || s.stage === 'SHIPPING');
}

export const balanceReceived = defineEvent({
  type: 'BALANCE_RECEIVED',
  description: 'A balance payment arrived; once paid in full the documents are released',
  fields: {
    amount: describeCopy(positiveMoneySchema, "Amount received, in the contract's currency"),
    reference: line(128, 'Bank reference'),
  },
  allowedWhen: balanceDueByTT,
  nextStep: 'the balance payment',
  decide(state, e, ctx) {
    return receivePayment(state, ctx, {
      received: e.amount,
      reference: e.reference,
      to: 'BALANCE',
      label: 'Balance',
    });
  },
});

export const goodsReleased = defineEvent({
  type: 'GOODS_RELEASED',
  description:
    'The customer picked up the goods (after the documents were released): -> COMPLETED once nothing is owed',
  fields: { note: optionalNote },
  // Original documents are the title to the goods: release only after they were released.
  allowedWhen: both(
    inStage('DOCUMENTS'),
    (s) => s.documents.dispatchedAt !== null && s.documents.goodsReleasedAt === null,
  ),
  nextStep: 'the customer picking up the goods',
  decide(state, e, ctx) {
    const next = { ...state, documents: { ...state.documents, goodsReleasedAt: ctx.now } };
    return afterGoodsReleased(next, ctx, e.note ? `Goods released: ${e.note}` : 'Goods released');
  },
});
