/** Events about the order as a whole, not tied to one stage. */
import { NEVER } from '../corrections/common';
import { wordsOnly } from '../corrections/define';
import { hasShipped } from '../shipment';
import { totalReceived } from '../ledger';
import { formatMoney, toMinor } from '../money';
import { accepted, advance, invalid } from '../outcome';
import { text } from '../schemas/common';
import { stageRank } from '../stages';
import { DEPOSIT_HANDLINGS } from '../state/cancellation';
import { describe, z } from '../zod';
import { isEffectKind } from '../effects/registry';
import { defineEvent } from './define';

export const noteAdded = defineEvent({
  type: 'NOTE_ADDED',
  description: 'A note for the timeline',
  fields: { text: text(4000, 'Note text') },
  // Claims, after-sales notes and signed papers come after the order closes.
  allowedWhen: () => true,
  afterClose: true,
  correction: wordsOnly(['text']),
  decide(state, e) {
    return accepted(state, `Note: ${e.text}`);
  },
});

export const orderCancelled = defineEvent({
  type: 'ORDER_CANCELLED',
  description:
    'Cancel the order (only before the B/L): -> CANCELLED; the account manager is told, and the customer too when a deposit was paid',
  fields: {
    reason: text(2000, 'Why the order is cancelled'),
    depositHandling: describe(
      z.optional(z.enum(DEPOSIT_HANDLINGS)),
      'Required once money was received: what happens to it',
    ),
  },
  // Once the goods left (B/L, or collected under EXW), cancelling is no longer a state change we can make.
  allowedWhen: (s) => stageRank(s.stage) <= stageRank('SHIPPING') && !hasShipped(s),
  correction: {
    fields: ['reason'],
    otherwise: 'what happens to the money received was told to the customer: record what changed in a note',
    seenBy: (state) =>
      state.cancellation?.depositHandling ? 'the cancellation notice sent to the customer' : null,
    current: (state) => ({ reason: state.cancellation?.reason }),
    apply(state, changes) {
      const cancellation = state.cancellation;
      if (!cancellation || changes.reason === undefined) return state;
      return { ...state, cancellation: { ...cancellation, reason: changes.reason } };
    },
  },
  decide(state, e, ctx) {
    const received = totalReceived(state);
    const paid = received !== null && toMinor(received) > 0n;
    if (paid && !e.depositHandling) {
      return invalid('Say what happens to the money received', [
        {
          path: 'depositHandling',
          message: `required: ${formatMoney(received)} was received (REFUND, FORFEIT or CREDIT_NOTE)`,
        },
      ]);
    }
    if (!paid && e.depositHandling) {
      return invalid('No money was received', [
        { path: 'depositHandling', message: 'nothing was received to handle' },
      ]);
    }
    const depositHandling = e.depositHandling ?? null;
    const next = {
      ...state,
      cancellation: { reason: e.reason, cancelledAt: ctx.now, notifiedAt: null, depositHandling },
    };
    const handling =
      received && depositHandling ? `; ${formatMoney(received)} received: ${HANDLING[depositHandling]}` : '';
    return advance(next, 'CANCELLED', ctx, `Order cancelled: ${e.reason}${handling}`, [
      { type: 'notifyCancelled' },
      ...(depositHandling ? [{ type: 'notifyCustomerCancelled' as const }] : []),
    ]);
  },
});

const HANDLING = {
  REFUND: 'to be refunded',
  FORFEIT: 'forfeited',
  CREDIT_NOTE: 'kept as a credit note',
} as const;

/** Extension of the contract: re-run the side effects that failed, once an operator fixed the cause. */
export const retryFailedEffects = defineEvent({
  type: 'RETRY_FAILED_EFFECTS',
  description: 'Re-run the failed side effects (booking request, document emails, cancellation notice)',
  fields: {},
  allowedWhen: (s) => s.failedEffects.length > 0,
  // A closed order's notices (the cancellation) may still need their retry.
  afterClose: true,
  // Hands the failed effects back to the workflow, each once, in the order they failed.
  correction: { never: NEVER.retry },
  decide(state) {
    // Each failed effect once, for the shipment it was for (shipments in parts).
    const keys = [...new Set(state.failedEffects.map((f) => JSON.stringify([f.effect, f.shipmentId])))];
    const effects = keys
      .map((k) => JSON.parse(k) as [string, string | null])
      .flatMap(([type, shipmentId]) =>
        isEffectKind(type) ? [shipmentId ? { type, shipmentId } : { type }] : [],
      );
    const kinds = [...new Set(effects.map((e) => e.type))];
    return accepted({ ...state, failedEffects: [] }, `Retrying ${kinds.join(', ')}`, effects);
  },
});
