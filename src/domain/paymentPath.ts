/**
 * Where the payment plan takes the order: what follows the B/L, and what follows money arriving.
 * Stages keep their order; a stage with nothing to do is passed through and the summary says why.
 */
import { releaseStep, releaseStepDone } from './blRelease';
import { balanceSettled, depositSettled, owesMoney } from './ledger';
import { accepted, advance, type Outcome } from './outcome';
import { paymentMethodOf } from './payment-methods';
import { releasesBeforePayment, type PaymentPlan } from './paymentPlan';
import { shipmentDate } from './shipment';
import type { EventContext, OrderState } from './types';
import type { Effect, EffectKind } from './effectKinds';

export function planOf(state: OrderState): PaymentPlan {
  // Every stage from DEPOSIT on is entered through CONTRACT_SIGNED, which sets the plan.
  if (!state.payments.plan) throw new Error('no payment plan before the contract');
  return state.payments.plan;
}

/** The documents reach the buyer: by our email (DIRECT, an effect) or through the banks. */
function releaseDocuments(state: OrderState, via: 'DIRECT' | 'BANK', at: string): OrderState {
  return {
    ...state,
    documents: {
      ...state.documents,
      releasedVia: via,
      // Our own dispatch is marked done when its email has gone; the banks' when we record it.
      dispatchedAt: via === 'BANK' ? at : state.documents.dispatchedAt,
    },
  };
}

/** DOCUMENTS with the originals released, then COMPLETED at once if nothing is left to wait for. */
function toDocuments(
  state: OrderState,
  ctx: EventContext,
  summary: string,
  via: 'DIRECT' | 'BANK',
  effects: Effect[] = [],
): Outcome {
  const released = releaseDocuments(state, via, ctx.now);
  const dispatch: Effect[] = via === 'DIRECT' ? [{ type: 'dispatchDocuments' }] : [];
  // A telex release is ours to ask for as soon as the documents may go.
  const telex = releaseStep(released) === 'TELEX_RELEASE';
  const told = telex ? `${summary}; telex release requested from the forwarder` : summary;
  const release: Effect[] = telex ? [{ type: 'requestTelexRelease' }] : [];
  const moved = advance(released, 'DOCUMENTS', ctx, told, [...effects, ...dispatch, ...release]);
  return moved.kind === 'accepted' ? completeIfDone(moved.state, ctx, told, moved.effects) : moved;
}

/**
 * An order in DOCUMENTS is done once nothing is owed, the B/L release step (if any) is done, and the
 * goods are out (or the plan releases before payment, so their pick-up is the buyer's affair).
 */
function completeIfDone(
  state: OrderState,
  ctx: EventContext,
  summary: string,
  effects: Effect[] = [],
): Outcome {
  const waiting =
    state.stage !== 'DOCUMENTS' ||
    owesMoney(state) ||
    !releaseStepDone(state) ||
    (!state.documents.goodsReleasedAt && !releasesBeforePayment(planOf(state)));
  if (waiting) return accepted(state, summary, effects);
  const done = advance(state, 'COMPLETED', ctx, `${summary}; order completed`);
  return done.kind === 'accepted' ? { ...done, effects: [...effects, ...done.effects] } : done;
}

/** The goods left (B/L issued, or collected under EXW): the plan decides what the seller does next. */
export function afterShipment(state: OrderState, ctx: EventContext, summary: string): Outcome {
  const plan = planOf(state);
  const shippedOn = shipmentDate(state);
  if (!shippedOn) throw new Error('afterShipment before the goods left');
  const approved = state.payments.releaseApproval !== null;
  const paid = balanceSettled(state.payments);
  const next = paymentMethodOf(plan).afterBillOfLading(plan, shippedOn);
  const effects = (kinds: readonly EffectKind[]): Effect[] => kinds.map((type) => ({ type }));

  if (next.kind === 'RELEASE_ON_CREDIT') {
    const withDue = {
      ...state,
      payments: { ...state.payments, balanceDueDate: paid ? null : next.dueDate },
    };
    const owed = paid ? 'nothing left to pay' : `payment due by ${next.dueDate}`;
    return toDocuments(
      withDue,
      ctx,
      `${summary}; ${next.name}: BALANCE passed, documents dispatched, ${owed}`,
      'DIRECT',
      paid ? [] : effects(next.effects),
    );
  }
  if (next.kind === 'AWAIT_BALANCE' && !paid && !approved) {
    return advance(state, 'BALANCE', ctx, `${summary}; ${next.summary}`, effects(next.effects));
  }
  return toDocuments(state, ctx, `${summary}; ${releaseReason(state)}, documents dispatched`, 'DIRECT');
}

function releaseReason(state: OrderState): string {
  if (balanceSettled(state.payments)) return 'BALANCE passed: nothing left to pay';
  const approval = state.payments.releaseApproval;
  return approval ? `BALANCE passed: release approved by ${approval.approvedBy}` : 'BALANCE passed';
}

/**
 * Money arrived or was written off (the ledger has it): the stage it completes moves on. The
 * DEPOSIT stage also waits for what the method puts before production (an L/C order: the credit).
 */
export function afterMoney(state: OrderState, ctx: EventContext, summary: string): Outcome {
  const policy = paymentMethodOf(planOf(state));
  const p = state.payments;
  if (state.stage === 'DEPOSIT' && depositSettled(p)) {
    const waits = policy.beforeProduction;
    if (waits && !waits.ready(p)) {
      return accepted(state, `${summary}; deposit complete, waiting for ${waits.waitingFor}`);
    }
    return advance(state, 'PRODUCTION', ctx, `${summary}; deposit complete`);
  }
  if (state.stage === 'BALANCE' && balanceSettled(p)) {
    // Paid to us (TT): we dispatch the originals. Paid through the banks (L/C, D/P): they hand them over.
    const via = policy.releasesVia;
    const how =
      via === 'DIRECT' ? 'documents dispatched' : 'documents released to the buyer through the bank';
    return toDocuments(state, ctx, `${summary}; paid in full, ${how}`, via);
  }
  return completeIfDone(state, ctx, summary);
}

/** A release step was done (telex confirmed, originals sent, goods picked up): the order may be done. */
export function afterReleaseStep(state: OrderState, ctx: EventContext, summary: string): Outcome {
  return completeIfDone(state, ctx, summary);
}

/** A manager let the documents go before full payment: in BALANCE, they go now. */
export function afterReleaseApproved(state: OrderState, ctx: EventContext, summary: string): Outcome {
  if (state.stage !== 'BALANCE') return accepted(state, summary);
  return toDocuments(state, ctx, `${summary}; documents dispatched`, 'DIRECT');
}

/** Documents accepted under D/A: the bank hands them over; the payment is due at maturity. */
export function afterDraftAccepted(state: OrderState, ctx: EventContext, summary: string): Outcome {
  return toDocuments(state, ctx, summary, 'BANK');
}
