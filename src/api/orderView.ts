import type { WorkflowExecutionInfo } from '@temporalio/client';
import { allowedEvents, type OrderEventType, type OrderState, type Stage } from '../domain';
import { customerCompanyKey, orderStageKey, orderStalledKey } from '../workflows/searchAttributes';

export interface LinkConfig {
  uiUrl: string;
  namespace: string;
}

export function temporalUiLink({ uiUrl, namespace }: LinkConfig, orderId: string): string {
  return `${uiUrl}/namespaces/${encodeURIComponent(namespace)}/workflows/${encodeURIComponent(orderId)}`;
}

/** The contract's order view: the order state, minus bookkeeping, plus links and the events that fit now. */
export type OrderView = Omit<OrderState, 'remindersSentInStage' | 'timeline'> & {
  timeline: Omit<OrderState['timeline'][number], 'idempotencyKey'>[];
  allowedEvents: OrderEventType[];
  links: { temporalUi: string };
};

export function toOrderView(state: OrderState, links: LinkConfig): OrderView {
  const { remindersSentInStage: _internal, timeline, ...rest } = state;
  return {
    ...rest,
    timeline: timeline.map(({ idempotencyKey: _key, ...entry }) => entry),
    allowedEvents: allowedEvents(state),
    links: { temporalUi: temporalUiLink(links, state.orderId) },
  };
}

/**
 * What the API writes to the workflow memo at start: the contact names and the manager's address,
 * which the list needs but which must not sit in (clear-text, searchable) search attributes.
 */
export interface OrderMemo {
  customer: { name: string; company: string };
  accountManager: { email: string };
  /** Set by the workflow when it keeps its memo current (optional). */
  updatedAt?: string;
}

export interface OrderSummary {
  orderId: string;
  stage: Stage | null;
  customer: { name: string | null; company: string | null };
  accountManager: { email: string | null };
  stalled: boolean;
  updatedAt: string;
  links: { temporalUi: string };
}

/** A list entry from visibility only: search attributes, memo, and the execution's own times. */
export function toOrderSummary(info: WorkflowExecutionInfo, links: LinkConfig): OrderSummary {
  const sa = info.typedSearchAttributes;
  const memo = (info.memo ?? {}) as Partial<OrderMemo>;
  const updatedAt =
    (typeof memo.updatedAt === 'string' ? memo.updatedAt : undefined) ??
    (info.closeTime ?? info.startTime).toISOString();
  return {
    orderId: info.workflowId,
    stage: (sa.get(orderStageKey) as Stage | undefined) ?? null,
    customer: {
      name: memo.customer?.name ?? null,
      company: memo.customer?.company ?? sa.get(customerCompanyKey) ?? null,
    },
    accountManager: { email: memo.accountManager?.email ?? null },
    stalled: sa.get(orderStalledKey) ?? false,
    updatedAt,
    links: { temporalUi: temporalUiLink(links, info.workflowId) },
  };
}
