/** A shipment's share of the balance (kept apart from ./lens.ts so the schedule can read it). */
import { balanceRequiredOf } from '../ledger';
import type { Money } from '../money';
import type { Shipment } from '../state/shipments';
import type { OrderState } from '../types';
import { shareOf } from './allocation';

/** The order's balance the shares divide (the shipments' fixed shares once closed short). */
export function balanceBase(state: OrderState): Money | null {
  const contract = state.contract;
  if (!contract) return null;
  return balanceRequiredOf(state.payments, contract.totalAmount);
}

/** A shipment's share of the balance, as the view and the schedule show it. */
export function shipmentShare(state: OrderState, shipment: Shipment): Money | null {
  const base = balanceBase(state);
  return base && shareOf(state, shipment.shipmentId, base);
}
