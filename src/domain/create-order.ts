import { NO_DOCUMENTS_YET } from './blRelease';
import { toUtcIso } from './duration';
import type { StallPolicy } from './policy';
import type { NewOrder } from './schemas/new-order';
import { orderTemplate, type PinnedTemplate } from './templates';
import { stageDeadline } from './transitions';
import type { TimelineRecord } from './decisionTypes';
import { CURRENT_RULES_VERSION } from './state/rules';
import type { EventContext, OrderState } from './types';

/**
 * The initial state of an order. The INQUIRY clock starts when the inquiry was received, since
 * the reply is due a day after the customer asked, not after someone typed it in. An order started
 * from a template keeps that version's terms (its timing is already in `policy`).
 */
export function createOrder(
  input: NewOrder & { orderId: string },
  policy: StallPolicy,
  ctx: EventContext,
  template?: PinnedTemplate,
): OrderState {
  const now = toUtcIso(ctx.now);
  const receivedAt = toUtcIso(input.inquiry.receivedAt ?? now);
  const base = {
    orderId: input.orderId,
    stage: 'INQUIRY' as const,
    status: 'OPEN' as const,
    customer: input.customer,
    ...(input.customerId === undefined ? {} : { customerId: input.customerId }),
    accountManager: input.accountManager,
    forwarder: input.forwarder ?? null,
    inquiry: { ...input.inquiry, receivedAt },
    quotation: null,
    sample: { required: null, rounds: 0, approved: false, history: [] },
    contract: null,
    payments: {
      plan: null,
      depositRequired: null,
      depositReceived: null,
      depositWrittenOff: null,
      balanceRequired: null,
      balanceReceived: null,
      balanceWrittenOff: null,
      balanceDueDate: null,
      receipts: [],
      letterOfCredit: null,
      collection: null,
      releaseApproval: null,
    },
    production: { percent: 0, notes: [], inspections: [], completedAt: null },
    shipping: { booking: { requestedAt: null, confirmed: null }, customs: null, billOfLading: null },
    documents: NO_DOCUMENTS_YET,
    cancellation: null,
    stalled: false,
    stageEnteredAt: receivedAt,
    remindersSent: 0,
    remindersSentInStage: 0,
    timeline: [
      {
        eventId: 'ORDER_CREATED-1',
        type: 'ORDER_CREATED' as const,
        at: now,
        actor: ctx.actor,
        actorId: ctx.actorId ?? ctx.actor,
        summary: `Inquiry from ${input.customer.company} via ${input.inquiry.channel}`,
      },
    ],
    timelineTotal: 1,
    eventKeys: [],
    clientEventCount: 0,
    noteCount: 0,
    failedEffects: [],
    rejectedEvents: [],
    policy,
    template: template ? orderTemplate(template) : null,
    rulesVersion: CURRENT_RULES_VERSION,
    createdAt: now,
    updatedAt: now,
    closedAt: null,
  };
  return { ...base, stageDeadline: stageDeadline(base, 'INQUIRY', receivedAt) };
}

/** The order's first timeline record, for the read model. */
export function creationRecord(state: OrderState): TimelineRecord {
  const [created] = state.timeline;
  if (state.timelineTotal !== 1 || created?.type !== 'ORDER_CREATED')
    throw new Error('creationRecord needs the state createOrder made');
  return { ...created, type: 'ORDER_CREATED', seq: 1, payload: null, fingerprint: null };
}
