/**
 * Every email the worker sends: the effects of the registry (./registry.ts) and the stall reminder,
 * which the workflow's stall timer sends (it reads the process list and the allowed events, so the
 * rules, which emit effects, must not import it through the registry).
 */
import type { EmailDefinition } from './define';
import { EFFECTS } from './registry';
import { sendStallReminder } from './stallReminder';

export * from './registry';
/** Every email an activity sends: the effects' (two effects may share one) and the stall reminder. */
export type Email = (typeof EFFECTS)[number]['email'] | typeof sendStallReminder;
export type EmailActivity = Email['activity'];
/** Every purpose an email is recorded under: the emails list names each in every language. */
export type EmailPurpose = Email['purpose'];
export const EMAILS: readonly EmailDefinition[] = [
  ...new Set<EmailDefinition>([...EFFECTS.map((e) => e.email), sendStallReminder]),
];

export * from './define';
export type { BookingRequestInput, CargoLine, ShipmentFacts } from './bookingRequest';
export type { CancellationNoticeInput } from './cancellationNotice';
export type { CargoReadyNoticeInput } from './cargoReadyNotice';
export type { CollectionInstructionsInput } from './collectionInstructions';
export type { CustomerCancellationInput } from './customerCancellation';
export type { DocumentSetInput } from './documentSet';
export type { CustomerEmail } from './orderFacts';
export type { PaymentRequestInput } from './paymentRequest';
export type { PresentationChecklistInput } from './presentationChecklist';
export type { StallReminderInput } from './stallReminder';
export { stallReminderInput } from './stallReminder';
export type { ReleaseGround, TelexReleaseRequestInput } from './telexReleaseRequest';
