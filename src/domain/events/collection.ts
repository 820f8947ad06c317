/** Documentary collections (D/P, D/A): documents go through the banks against payment or acceptance. */
import { optionalSettlement } from '../finance/settlement';
import { paymentReference } from '../corrections/common';
import { addDays, dateOf } from '../calendarDate';
import { positiveMoneySchema } from '../money';
import { accepted, invalid } from '../outcome';
import { methodAllows, paymentMethodOf, type MethodEventType } from '../payment-methods';
import { afterDraftAccepted } from '../paymentPath';
import { calendarDateSchema, line } from '../schemas/common';
import type { OrderState } from '../types';
import { describeCopy, z } from '../zod';
import { both, inStage } from './conditions';
import { defineEvent } from './define';
import { receivePayment } from './payments';
import { balanceOwed } from '../ledger';

/** The order is open and paid by a collection that allows `event`. */
const byCollection = (s: OrderState, event: MethodEventType) =>
  s.status === 'OPEN' && methodAllows(s.payments.plan, event);
const sent = (s: OrderState) => s.payments.collection !== null;

export const sentForCollection = defineEvent({
  type: 'SENT_FOR_COLLECTION',
  description: 'The documents went to our bank for collection (D/P, D/A, after the B/L)',
  fields: {
    remittingBank: line(200, 'Our bank, which sends the documents on'),
    collectingBank: z.optional(line(200, "The buyer's bank, which presents them")),
  },
  allowedWhen: both(inStage('BALANCE'), (s) => byCollection(s, 'SENT_FOR_COLLECTION') && !sent(s)),
  nextStep: 'the documents sent for collection',
  correction: {
    fields: ['remittingBank', 'collectingBank'],
    current: (state) => state.payments.collection ?? {},
    apply(state, changes) {
      const collection = state.payments.collection;
      if (!collection) return 'the collection is no longer on the order';
      return { ...state, payments: { ...state.payments, collection: { ...collection, ...changes } } };
    },
  },
  decide(state, e, ctx) {
    const collection = {
      remittingBank: e.remittingBank,
      collectingBank: e.collectingBank ?? null,
      sentAt: ctx.now,
      draftAcceptedAt: null,
      maturityDate: null,
      paidAt: null,
    };
    const terms = paymentMethodOf(state.payments.plan)?.collection;
    if (!terms) throw new Error('SENT_FOR_COLLECTION without a collection method');
    const against = `against ${terms.against.toLowerCase()}`;
    return accepted(
      { ...state, payments: { ...state.payments, collection } },
      `Documents sent for collection ${against} through ${e.remittingBank}` +
        (e.collectingBank ? ` to ${e.collectingBank}` : ''),
    );
  },
});

export const draftAccepted = defineEvent({
  type: 'DRAFT_ACCEPTED',
  description:
    'D/A: the buyer accepted the draft; the bank releases the documents, payment is due at maturity',
  fields: { maturityDate: describeCopy(calendarDateSchema, 'When the accepted draft falls due') },
  allowedWhen: both(
    inStage('BALANCE'),
    (s) => byCollection(s, 'DRAFT_ACCEPTED') && sent(s) && s.payments.collection?.draftAcceptedAt === null,
  ),
  nextStep: 'the buyer accepting the draft',
  correction: {
    fields: ['maturityDate'],
    current: (state) => ({ maturityDate: state.payments.collection?.maturityDate }),
    apply(state, changes) {
      const collection = state.payments.collection;
      const maturityDate = changes.maturityDate;
      if (!collection || !maturityDate) return state;
      return {
        ...state,
        payments: {
          ...state.payments,
          collection: { ...collection, maturityDate },
          balanceDueDate: state.payments.balanceDueDate === null ? null : maturityDate,
        },
      };
    },
  },
  decide(state, e, ctx) {
    const collection = state.payments.collection;
    const plan = state.payments.plan;
    if (!collection || !plan) throw new Error('DRAFT_ACCEPTED without a collection');
    const accepted_ = dateOf(ctx.now);
    if (e.maturityDate < accepted_) {
      return invalid('The maturity date is in the past', [
        { path: 'maturityDate', message: `must not be before the acceptance (${accepted_})` },
      ]);
    }
    const next: OrderState = {
      ...state,
      payments: {
        ...state.payments,
        collection: { ...collection, draftAcceptedAt: ctx.now, maturityDate: e.maturityDate },
        balanceDueDate: e.maturityDate,
      },
    };
    const tenor = addDays(accepted_, plan.tenorDays);
    const note = tenor === e.maturityDate ? '' : ` (the plan's ${plan.tenorDays} days would give ${tenor})`;
    return afterDraftAccepted(
      next,
      ctx,
      `Draft accepted, payment due at maturity ${e.maturityDate}${note}; documents released to the buyer through the bank`,
    );
  },
});

export const collectionPaid = defineEvent({
  type: 'COLLECTION_PAID',
  description: 'The collecting bank paid: D/P against the documents, D/A at maturity',
  fields: {
    amount: describeCopy(positiveMoneySchema, "Amount paid, in the contract's currency"),
    reference: line(128, 'Bank reference'),
    settlement: optionalSettlement,
  },
  // Against payment the bank pays before the documents go (BALANCE); against acceptance, at
  // maturity after they went (DOCUMENTS).
  allowedWhen: (s) =>
    balanceOwed(s.payments) &&
    byCollection(s, 'COLLECTION_PAID') &&
    (paymentMethodOf(s.payments.plan)?.releasesBeforePayment
      ? s.stage === 'DOCUMENTS' && s.payments.collection?.draftAcceptedAt != null
      : s.stage === 'BALANCE' && sent(s)),
  nextStep: 'the collection paid',
  correction: paymentReference(['reference']),
  decide(state, e, ctx) {
    const collection = state.payments.collection;
    if (!collection) throw new Error('COLLECTION_PAID without a collection');
    const next = {
      ...state,
      payments: { ...state.payments, collection: { ...collection, paidAt: ctx.now } },
    };
    return receivePayment(next, ctx, {
      settlement: e.settlement,
      received: e.amount,
      reference: e.reference,
      to: 'BALANCE',
      label: 'Collection paid:',
    });
  },
});
