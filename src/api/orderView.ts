import type { OrderView as DomainOrderView } from '../domain';
import type { OrderListEntry } from '../readModel/types';
import { DEFAULT_COMPANY, orderWorkflowId } from '../domain/company';
import { currentCompany } from '../readModel/companyScope';

/** The order view as the API answers it: the domain's view with its links. */
export type OrderView = DomainOrderView & { links: { temporalUi: string } };

export interface LinkConfig {
  uiUrl: string;
  namespace: string;
}

/** The order's workflow (`<company>:<orderId>`) in the Temporal UI; the company is the request's. */
export function temporalUiLink({ uiUrl, namespace }: LinkConfig, orderId: string): string {
  const workflowId = orderWorkflowId(currentCompany() ?? DEFAULT_COMPANY, orderId);
  return `${uiUrl}/namespaces/${encodeURIComponent(namespace)}/workflows/${encodeURIComponent(workflowId)}`;
}

/** The contract's order view: the domain's view (from the workflow or the read model) with its links. */
export function withLinks<V extends object>(
  view: V,
  links: LinkConfig,
): V & { links: { temporalUi: string } } {
  const orderId = (view as { orderId?: unknown }).orderId;
  return { ...view, links: { temporalUi: temporalUiLink(links, String(orderId)) } };
}

export type OrderSummary = OrderListEntry & { links: { temporalUi: string } };

/** A list entry as the contract has it (v1's fields, the v2 money fields, status and deadline). */
export function toOrderSummary(entry: OrderListEntry, links: LinkConfig): OrderSummary {
  return { ...entry, links: { temporalUi: temporalUiLink(links, entry.orderId) } };
}
