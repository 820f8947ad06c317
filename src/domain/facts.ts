/**
 * The workflow's own facts (a stall, a reminder sent, an effect done or failed): what each does to
 * the order. Clients can never send them; `applyFact` is their only way in.
 */
import { orderArchived } from './archive';
import { remindersCounted } from './finance/deadlines';
import { effectDefinition } from './effects/registry';
import { dictionary } from './i18n';
import { accepted, type Outcome } from './outcome';
import { decideForShipment } from './shipments/route';
import { isTerminalStage } from './stages';
import type { EventContext, OrderState } from './types';
import type { EffectKind, SystemEvent } from './effectKinds';

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

/** The order records what some effects did (the booking requested, the documents sent). */
function markDone(state: OrderState, effect: EffectKind, at: string): OrderState {
  return effectDefinition(effect).done?.(state, at) ?? state;
}

function effectCompleted(state: OrderState, e: SystemOf<'EFFECT_COMPLETED'>, ctx: EventContext): Outcome {
  // The email's own timestamp is when it really left; the event may be applied a little later.
  const at = e.email?.sentAt ?? ctx.now;
  const next = {
    ...markDone(state, e.effect, at),
    failedEffects: state.failedEffects.filter((f) => f.effect !== e.effect || f.shipmentId !== e.shipmentId),
  };
  return accepted(next, `${dictionary('en').effects[e.effect]} done`);
}

function effectFailed(state: OrderState, e: SystemOf<'EFFECT_FAILED'>, ctx: EventContext): Outcome {
  return accepted(
    {
      ...state,
      failedEffects: [
        ...state.failedEffects,
        {
          effect: e.effect,
          error: e.error,
          failedAt: ctx.now,
          ...(e.shipmentId === undefined ? {} : { shipmentId: e.shipmentId }),
        },
      ],
    },
    `${dictionary('en').effects[e.effect]} failed: ${e.error}; waiting for an operator to retry`,
  );
}

/** The money deadlines due now are reminded of, in one email; null when none is due (an event moved them). */
function moneyReminderDue(state: OrderState, now: string): Outcome | null {
  const counted = remindersCounted(state, now);
  if (!counted) return null;
  return accepted(counted, 'Money deadline reminder due: the account manager is told', [
    { type: 'remindMoneyDeadlines' },
  ]);
}

/** What a fact does to the order; null when it no longer applies (a stall timer for a stage left). */
export function decideFact(state: OrderState, fact: SystemEvent, ctx: EventContext): Outcome | null {
  switch (fact.type) {
    case 'STAGE_STALLED':
      return canStall(state, fact) ? stageStalled(state, fact, ctx) : null;
    case 'REMINDER_SENT':
      return reminderSent(state, fact, ctx);
    case 'EFFECT_COMPLETED':
      // A shipment's effect is done on that shipment (shipments in parts).
      return decideForShipment(state, fact.shipmentId, ctx, (on) => effectCompleted(on, fact, ctx));
    case 'EFFECT_FAILED':
      return effectFailed(state, fact, ctx);
    case 'ORDER_ARCHIVED':
      return orderArchived(state, ctx.now);
    case 'MONEY_REMINDER_DUE':
      return moneyReminderDue(state, ctx.now);
  }
}
