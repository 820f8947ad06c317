/**
 * The letter that starts a shipment's shipping: a booking request to our forwarder (C/D-terms) or a
 * cargo-ready notice (F-terms, EXW). Each planned shipment gets its own; an order shipping as one
 * gets one for the whole contract.
 */
import type { Effect } from '../effectKinds';
import { sellerBooks } from '../incoterms';
import type { Shipment } from '../state/shipments';
import type { OrderState } from '../types';

export type ShippingStep = 'requestBooking' | 'sendCargoReadyNotice';

export const shippingStepOf = (state: Pick<OrderState, 'quotation'>): ShippingStep =>
  sellerBooks(state) ? 'requestBooking' : 'sendCargoReadyNotice';

/** The shipping step for each shipment of `state` (the order's one while it ships as one). */
export function shippingSteps(state: OrderState): Effect[] {
  const type = shippingStepOf(state);
  const list = state.shipments?.list ?? [];
  return list.length ? list.map((s) => ({ type, shipmentId: s.shipmentId })) : [{ type }];
}

/** The step for a shipment planned once shipping began, unless its letter already went out. */
export function shippingStepFor(state: OrderState, shipment: Shipment): Effect[] {
  const s = shipment.shipping;
  if (s.booking.requestedAt || s.cargoReadyNoticeAt || s.booking.confirmed || s.collected) return [];
  return [{ type: shippingStepOf(state), shipmentId: shipment.shipmentId }];
}
