/** When each shipment of the order left: what the rebate and the credit insurer count from. */
import type { OrderState } from '../types';

export interface Export {
  shipmentId: string;
  /** The B/L date; under EXW the collection date (its cargo receipt). */
  exportDate: string;
}

function exportDateOf(view: Pick<OrderState, 'shipping'>): string | null {
  return view.shipping.billOfLading?.issuedOn ?? view.shipping.collected?.collectedOn ?? null;
}

/** The order's exports so far, shipment by shipment (one implicit S1 while none is planned). */
export function exportsOf(state: OrderState): Export[] {
  const list = state.shipments?.list ?? [];
  const all =
    list.length === 0
      ? [{ shipmentId: 'S1', exportDate: exportDateOf(state) }]
      : list.map((s) => ({ shipmentId: s.shipmentId, exportDate: exportDateOf(s) }));
  return all.filter((e): e is Export => e.exportDate !== null);
}

/** The earliest export date, or null before anything left. */
export function firstExportDate(state: OrderState): string | null {
  const dates = exportsOf(state).map((e) => e.exportDate);
  return dates.length === 0 ? null : dates.reduce((a, b) => (a <= b ? a : b));
}

/** The exports the credit insurer has not been told of yet. */
export function undeclaredExports(state: OrderState): Export[] {
  const declared = new Set((state.credit?.declarations ?? []).map((d) => d.shipmentId));
  return exportsOf(state).filter((e) => !declared.has(e.shipmentId));
}
