import { optionalSettlement } from '../finance/settlement';
import { NEVER, paymentReference } from '../corrections/common';
import { wordsOnly } from '../corrections/define';
import { balanceOwed, depositSettled } from '../ledger';
import { positiveMoneySchema } from '../money';
import { accepted } from '../outcome';
import { awaitingRelease, releaseStepDone } from '../blRelease';
import { afterReleaseStep } from '../paymentPath';
import { paymentMethodOf } from '../payment-methods';
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
  correction: wordsOnly(['note'], NEVER.decision),
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
  // Waiting in BALANCE, the balance comes to us only on the direct route; else the banks pay.
  if (s.stage === 'BALANCE') return paymentMethodOf(plan)?.releasesVia === 'DIRECT';
  return isBeforeShipmentTT(plan) && (s.stage === 'PRODUCTION' || s.stage === 'SHIPPING');
}

export const balanceReceived = defineEvent({
  type: 'BALANCE_RECEIVED',
  description: 'A balance payment arrived; once paid in full the documents are released',
  fields: {
    amount: describeCopy(positiveMoneySchema, "Amount received, in the contract's currency"),
    reference: line(128, 'Bank reference'),
    settlement: optionalSettlement,
  },
  allowedWhen: balanceDueByTT,
  nextStep: 'the balance payment',
  correction: paymentReference(['reference']),
  decide(state, e, ctx) {
    return receivePayment(state, ctx, {
      settlement: e.settlement,
      received: e.amount,
      reference: e.reference,
      to: 'BALANCE',
      label: 'Balance',
    });
  },
});

export const telexReleaseConfirmed = defineEvent({
  type: 'TELEX_RELEASE_CONFIRMED',
  description:
    'The forwarder confirmed the telex release (电放): the buyer may take the goods without original B/Ls',
  fields: { note: optionalNote },
  allowedWhen: (s) => awaitingRelease(s, 'TELEX_RELEASE'),
  nextStep: "the forwarder's telex-release confirmation",
  correction: wordsOnly(['note'], NEVER.decision),
  decide(state, e, ctx) {
    const release = { ...state.documents.release, telexConfirmedAt: ctx.now };
    const next = { ...state, documents: { ...state.documents, release } };
    return afterReleaseStep(
      next,
      ctx,
      e.note ? `Telex release confirmed: ${e.note}` : 'Telex release confirmed',
    );
  },
});

export const originalsCouriered = defineEvent({
  type: 'ORIGINALS_COURIERED',
  description: 'The original B/Ls went to the buyer by courier',
  fields: { courier: line(100, 'Courier'), trackingNo: line(100, 'Tracking number') },
  allowedWhen: (s) => awaitingRelease(s, 'ORIGINALS'),
  nextStep: 'couriering the original B/Ls',
  correction: {
    fields: ['courier', 'trackingNo'],
    current: (state) => state.documents.release.originals ?? {},
    apply(state, changes) {
      const originals = state.documents.release.originals;
      if (!originals) return 'the couriered originals are no longer on the order';
      const release = { ...state.documents.release, originals: { ...originals, ...changes } };
      return { ...state, documents: { ...state.documents, release } };
    },
  },
  decide(state, e, ctx) {
    const originals = { courier: e.courier, trackingNo: e.trackingNo, sentAt: ctx.now };
    const next = {
      ...state,
      documents: { ...state.documents, release: { ...state.documents.release, originals } },
    };
    return afterReleaseStep(next, ctx, `Original B/Ls couriered by ${e.courier} (${e.trackingNo})`);
  },
});

export const goodsReleased = defineEvent({
  type: 'GOODS_RELEASED',
  description:
    'The customer picked up the goods (after the documents were released): -> COMPLETED once nothing is owed',
  fields: { note: optionalNote },
  // Original documents are the title to the goods, and the carrier wants the telex release or the
  // originals: the pick-up comes after both.
  allowedWhen: both(
    inStage('DOCUMENTS'),
    (s) => s.documents.dispatchedAt !== null && s.documents.goodsReleasedAt === null && releaseStepDone(s),
  ),
  nextStep: 'the customer picking up the goods',
  correction: wordsOnly(['note'], NEVER.decision),
  decide(state, e, ctx) {
    const next = { ...state, documents: { ...state.documents, goodsReleasedAt: ctx.now } };
    return afterReleaseStep(next, ctx, e.note ? `Goods released: ${e.note}` : 'Goods released');
  },
});
