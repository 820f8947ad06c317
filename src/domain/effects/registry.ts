/**
 * The registry of effects: a new email is one definition file (its email, template, input mapper
 * and done-fact) plus one line in `EFFECTS`. Everything per effect elsewhere is read from here:
 * the workflow's activity calls, the timeline's labels and done-marking, the worker's activities,
 * the email purposes the metrics count.
 *
 * The rules emit `EffectKind`, which is read from these definitions' types: a function that builds
 * definitions (see documentSet.ts) must state its return type, or the types go in a circle. The
 * domain reads the registry here; ./index.ts adds the stall reminder, which reads the rules.
 */
import { requestBooking } from './bookingRequest';
import { notifyCancelled } from './cancellationNotice';
import { cargoReadyNotice } from './cargoReadyNotice';
import { collectionInstructions } from './collectionInstructions';
import { notifyCustomerCancelled } from './customerCancellation';
import type { EffectDefinition, EmailDefinition } from './define';
import { documentCopies, documentDispatch } from './documentSet';
import { acknowledgePayment } from './paymentAcknowledgement';
import { requestBalance, requestDeposit } from './paymentRequest';
import { presentationChecklist } from './presentationChecklist';
import { requestTelexRelease } from './telexReleaseRequest';
import { remindMoneyDeadlines } from './moneyDeadlineReminder';

export const EFFECTS = [
  requestBooking,
  documentCopies,
  documentDispatch,
  notifyCancelled,
  requestDeposit,
  requestBalance,
  collectionInstructions,
  presentationChecklist,
  notifyCustomerCancelled,
  cargoReadyNotice,
  requestTelexRelease,
  acknowledgePayment,
  remindMoneyDeadlines,
] as const;

/** Side effects the workflow runs as activities, by the name the domain emits. */
export type EffectKind = (typeof EFFECTS)[number]['kind'];
export const EFFECT_KINDS = EFFECTS.map((e) => e.kind) as [EffectKind, ...EffectKind[]];

/** The activities the effects run (the stall reminder's is not among them: see ./index.ts). */
export type EffectActivity = (typeof EFFECTS)[number]['email']['activity'];

/** An effect of the registry, its input left general (what the workflow and the timeline need). */
export type RegisteredEffect = EffectDefinition<EffectKind, EmailDefinition<EffectActivity>>;

const BY_KIND: Readonly<Partial<Record<string, RegisteredEffect>>> = Object.freeze(
  Object.fromEntries(EFFECTS.map((e) => [e.kind, e])),
);

/** A kind the state holds as text (a failed effect) is one of the registry's. */
export function isEffectKind(name: string): name is EffectKind {
  return BY_KIND[name] !== undefined;
}

export function effectDefinition(kind: EffectKind): RegisteredEffect {
  const definition = BY_KIND[kind];
  if (!definition) throw new Error(`no effect ${kind}`);
  return definition;
}
