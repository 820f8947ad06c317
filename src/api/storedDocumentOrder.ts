import * as z from 'zod/mini';
import { tradeData } from '../domain/tradeData';
import { orderViewSchema } from '../domain/viewSchema';

/** The fields of the stored view that documents and the L/C check read. */
const documentOrderSchema = z.pick(orderViewSchema, {
  orderId: true,
  customer: true,
  accountManager: true,
  inquiry: true,
  quotation: true,
  contract: true,
  payments: true,
  shipping: true,
  documents: true,
});

/**
 * The order as its documents see it, from the view the read model stored. That view is written by
 * the workflow: one that does not parse is a bug, not a client error (500).
 */
export function storedDocumentOrder(
  view: unknown,
): z.infer<typeof documentOrderSchema> & { trade: ReturnType<typeof tradeData> } {
  const order = documentOrderSchema.parse(view);
  return { ...order, trade: tradeData(order) };
}
