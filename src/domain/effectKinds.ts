import type { EffectKind } from './effects/registry';
import type { Stage } from './stages';

/** Side effects the workflow runs as activities: each is one definition in `./effects`. */
export { EFFECT_KINDS } from './effects/registry';
export type { EffectKind };

/** Plain data the workflow acts on; `stageEntered` restarts the stall timer. */
export type Effect =
  | { type: 'stageEntered'; stage: Stage; at: string }
  /** `shipmentId`: the effect is that shipment's (shipments in parts); absent: the order's. */
  | { type: EffectKind; shipmentId?: string };

export interface SentEmail {
  purpose: string;
  to: string[];
  cc: string[];
  subject: string;
  sentAt: string;
  messageId: string;
}

/** Events only the workflow produces; clients can never send them (they are not in orderEventSchema). */
export type SystemEvent =
  | { type: 'STAGE_STALLED'; eventId?: string; stage?: Stage }
  | { type: 'REMINDER_SENT'; eventId?: string; sequence: number; stage?: Stage; email: SentEmail }
  | { type: 'EFFECT_COMPLETED'; eventId?: string; effect: EffectKind; email?: SentEmail; shipmentId?: string }
  | { type: 'EFFECT_FAILED'; eventId?: string; effect: EffectKind; error: string; shipmentId?: string }
  | { type: 'ORDER_ARCHIVED'; eventId?: string }
  /** A money deadline's reminder is due (the rebate's filing, a declaration to the credit insurer). */
  | { type: 'MONEY_REMINDER_DUE'; eventId?: string };
export type SystemEventType = SystemEvent['type'];
export const SYSTEM_EVENT_TYPES: readonly SystemEventType[] = [
  'STAGE_STALLED',
  'REMINDER_SENT',
  'EFFECT_COMPLETED',
  'EFFECT_FAILED',
  'ORDER_ARCHIVED',
  'MONEY_REMINDER_DUE',
];
