/**
 * The workflow's own facts (a stall, a reminder sent, an effect done or failed): what each does to
 * the order. Clients can never send them; `applyFact` is their only way in.
 */
import { accepted, type Outcome } from './outcome';
import { isTerminalStage } from './stages';
import type { EffectKind, EventContext, OrderState, SystemEvent } from './types';

type SystemOf<T extends SystemEvent['type']> = Extract<SystemEvent, { type: T }>;

/** A stall timer only counts for the stage it was started in and only while the order is open. */
function canStall(state: OrderState, e: SystemOf<'STAGE_STALLED'>): boolean {
  return (
    !isTerminalStage(state.stage) && !state.stalled && (e.stage === undefined || e.stage === state.stage)
  );
}

function stageStalled(state: OrderState, _e: SystemOf<'STAGE_STALLED'>, _ctx: EventContext): Outcome {
  return accepted(
    { ...state, stalled: true },
    `${state.stage} outlived its limit of ${limitOf(state)} (deadline ${state.stageDeadline})`,
  );
}

function limitOf(state: OrderState): string {
  return isTerminalStage(state.stage) ? '-' : state.policy.stageTimeLimits[state.stage];
}

/**
 * A reminder that was sent is a fact and is always recorded. It counts towards the current
 * stage's escalation only if it was meant for that stage (a late one from before a stage change
 * must not escalate the new stage).
 */
function reminderSent(state: OrderState, e: SystemOf<'REMINDER_SENT'>, _ctx: EventContext): Outcome {
  const forThisStage = (e.stage === undefined || e.stage === state.stage) && !isTerminalStage(state.stage);
  return accepted(
    {
      ...state,
      stalled: forThisStage ? true : state.stalled,
      remindersSent: state.remindersSent + 1,
      remindersSentInStage: forThisStage ? state.remindersSentInStage + 1 : state.remindersSentInStage,
    },
    `Reminder ${e.sequence} sent to ${e.email.to.length + e.email.cc.length} recipient(s)`,
  );
}

function markDone(state: OrderState, effect: EffectKind, at: string): OrderState {
  switch (effect) {
    case 'requestBooking':
      return {
        ...state,
        shipping: { ...state.shipping, booking: { ...state.shipping.booking, requestedAt: at } },
      };
    case 'sendCargoReadyNotice':
      return { ...state, shipping: { ...state.shipping, cargoReadyNoticeAt: at } };
    case 'sendDocumentCopies':
      return { ...state, documents: { ...state.documents, copiesSentAt: at } };
    case 'dispatchDocuments':
      return { ...state, documents: { ...state.documents, dispatchedAt: at } };
    case 'requestTelexRelease':
      return {
        ...state,
        documents: { ...state.documents, release: { ...state.documents.release, telexRequestedAt: at } },
      };
    case 'notifyCancelled':
      return state.cancellation
        ? { ...state, cancellation: { ...state.cancellation, notifiedAt: at } }
        : state;
    // The timeline and the read model's emails keep these; the order's state has nothing to mark.
    case 'requestDeposit':
    case 'requestBalance':
    case 'sendCollectionInstructions':
    case 'sendPresentationChecklist':
    case 'notifyCustomerCancelled':
      return state;
  }
}

const EFFECT_LABELS: Record<EffectKind, string> = {
  requestBooking: 'Booking request',
  sendDocumentCopies: 'Document copies',
  dispatchDocuments: 'Document set',
  notifyCancelled: 'Cancellation notice',
  requestDeposit: 'Deposit payment request',
  requestBalance: 'Balance payment request',
  sendCollectionInstructions: 'Collection instructions',
  sendPresentationChecklist: 'L/C presentation checklist',
  notifyCustomerCancelled: 'Cancellation notice to the customer',
  sendCargoReadyNotice: 'Cargo-ready notice',
  requestTelexRelease: 'Telex-release request',
};

function effectCompleted(state: OrderState, e: SystemOf<'EFFECT_COMPLETED'>, ctx: EventContext): Outcome {
  // The email's own timestamp is when it really left; the event may be applied a little later.
  const at = e.email?.sentAt ?? ctx.now;
  const next = {
    ...markDone(state, e.effect, at),
    failedEffects: state.failedEffects.filter((f) => f.effect !== e.effect),
  };
  return accepted(next, `${EFFECT_LABELS[e.effect]} done`);
}

function effectFailed(state: OrderState, e: SystemOf<'EFFECT_FAILED'>, ctx: EventContext): Outcome {
  return accepted(
    {
      ...state,
      failedEffects: [...state.failedEffects, { effect: e.effect, error: e.error, failedAt: ctx.now }],
    },
    `${EFFECT_LABELS[e.effect]} failed: ${e.error}; waiting for an operator to retry`,
  );
}

/** What a fact does to the order; null when it no longer applies (a stall timer for a stage left). */
export function decideFact(state: OrderState, fact: SystemEvent, ctx: EventContext): Outcome | null {
  switch (fact.type) {
    case 'STAGE_STALLED':
      return canStall(state, fact) ? stageStalled(state, fact, ctx) : null;
    case 'REMINDER_SENT':
      return reminderSent(state, fact, ctx);
    case 'EFFECT_COMPLETED':
      return effectCompleted(state, fact, ctx);
    case 'EFFECT_FAILED':
      return effectFailed(state, fact, ctx);
  }
}
