import type { CompanyGate, OrderEvent } from '../domain';
import { z } from '../domain/zod';
import { isUnavailable } from '../readModel/errors';
import type { ReadModel } from '../readModel/types';
import type { EventFacts, OrderGateway } from './orderGateway';
import { databaseUnavailable, fromReadModel } from './readModelErrors';

/** What the facts for an event came to, and how to take back what finding them held. */
export interface FoundFacts {
  facts: EventFacts;
  /** The event was refused: a credit hold taken for it no longer counts. */
  release(): Promise<void>;
}

const NOTHING: FoundFacts = { facts: {}, release: () => Promise.resolve() };

// Only the parts of the stored view the facts read; the rest passes untouched.
const hsLines = z.optional(z.array(z.object({ hsCode: z.optional(z.nullable(z.string())) })));
const customs = z.optional(
  z.nullable(z.object({ declaration: z.optional(z.nullable(z.object({ lines: hsLines }))) })),
);
const viewFacts = z.object({
  customerId: z.optional(z.nullable(z.string())),
  contract: z.optional(z.nullable(z.object({ lines: hsLines }))),
  shipping: z.optional(z.nullable(z.object({ customs }))),
  shipments: z.optional(z.nullable(z.array(z.object({ customs })))),
});
type ViewFacts = z.infer<typeof viewFacts>;

/** The HS codes the order names: its contract lines' and its export declarations' (per shipment too). */
export function orderHsCodes(view: ViewFacts): string[] {
  const declarations = [view.shipping?.customs, ...(view.shipments ?? []).map((s) => s.customs)];
  const codes = [
    ...(view.contract?.lines ?? []).map((l) => l.hsCode),
    ...declarations.flatMap((c) => (c?.declaration?.lines ?? []).map((l) => l.hsCode)),
  ];
  return [...new Set(codes.filter((c): c is string => typeof c === 'string' && c.length > 0))];
}

/**
 * The figures an event's decision needs from beyond its order, found in PostgreSQL: a contract's
 * customer credit (CONTRACT_SIGNED, decision 0007) and the company's rebate rates for the order's
 * HS codes (REBATE_DOCUMENTS_RECORDED). The API decides nothing with them: the domain does.
 */
export function eventFacts({ readModel, gateway }: { readModel: ReadModel; gateway: OrderGateway }) {
  /** The order's view: the read model's, or its workflow's while the read model lags or is down. */
  async function factsOf(orderId: string): Promise<ViewFacts> {
    let stored: Record<string, unknown> | null;
    try {
      stored = (await readModel.getOrder(orderId))?.view ?? null;
    } catch (err) {
      if (!isUnavailable(err)) throw err;
      // Whether the order is linked to a customer is in its workflow; a linked one cannot be checked.
      const current = viewFacts.parse(await gateway.currentView(orderId));
      if (current.customerId) throw databaseUnavailable(err);
      return current;
    }
    return viewFacts.parse(stored ?? (await gateway.currentView(orderId)));
  }

  return async function find(orderId: string, event: OrderEvent, company: CompanyGate): Promise<FoundFacts> {
    if (event.type === 'CONTRACT_SIGNED') {
      const { customerId } = await factsOf(orderId);
      if (!customerId) return NOTHING;
      const held = await fromReadModel(() => readModel.holdCredit(customerId, orderId, event.totalAmount));
      if (!held) return NOTHING;
      const { customer, exposure } = held;
      return {
        facts: {
          credit: { customerId, exposure, creditLimit: customer.creditLimit, insurance: customer.insurance },
        },
        release: () => readModel.releaseCreditHold(orderId).catch(() => undefined),
      };
    }
    if (event.type === 'REBATE_DOCUMENTS_RECORDED' && company.rebateMethod) {
      const method = company.rebateMethod;
      const view = await factsOf(orderId);
      const rates = await fromReadModel(() => readModel.rebateRatesFor(orderHsCodes(view)));
      return {
        facts: { rebate: { method, rates: rates.map(({ hsCode, rate }) => ({ hsCode, rate })) } },
        release: () => Promise.resolve(),
      };
    }
    return NOTHING;
  };
}
