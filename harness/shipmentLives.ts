/** Orders in two shipments, event by event: what the dev-server tests and the history recorder walk. */
import type { OrderEventInput, OrderState } from '../src/domain';
import { allowedOn } from '../src/domain/events';
import { focus, shipmentOf } from '../src/domain/shipments/lens';
import { planLife, type PaymentPlanName } from './orderFixtures';

/** 2,000 panels at 12.50 in two: S1 1,200 (60 % of the value), S2 800. */
export const SPLIT = { S1: { pcs: 1200, share: 0.6 }, S2: { pcs: 800, share: 0.4 } } as const;
export type ShipmentId = keyof typeof SPLIT;

const cents = (amount: string) => Math.round(Number(amount) * 100);
const usd = (c: number) => ({ amount: (c / 100).toFixed(2), currency: 'USD' });

/** The plan's events after production, for one shipment: its own B/L, its share of the money. */
export function shipmentLife(plan: PaymentPlanName, id: ShipmentId): OrderEventInput[] {
  const life = planLife(plan);
  const after = life.slice(life.findIndex((e) => e.type === 'PRODUCTION_COMPLETED') + 1);
  return after.map((event) => {
    const e: Record<string, unknown> = { ...event, shipmentId: id };
    if (e.type === 'BILL_OF_LADING_ISSUED') e.blNo = `BL-${id}`;
    if (e.type === 'BOOKING_CONFIRMED') e.containerNos = [id === 'S1' ? 'MSCU1234567' : 'MSCU7654321'];
    if (e.type === 'CUSTOMS_DECLARED') e.declarationNo = `CD-${id}`;
    if ('amount' in event && event.amount) {
      // The balance (what was paid plus its bank charges) split by value.
      const charges = 'bankCharges' in event && event.bankCharges ? cents(event.bankCharges.amount) : 0;
      const whole = cents(event.amount.amount) + charges;
      const share =
        id === 'S1' ? Math.round(whole * SPLIT.S1.share) : whole - Math.round(whole * SPLIT.S1.share);
      e.amount = usd(share - charges);
    }
    return e as OrderEventInput;
  });
}

/** The plan up to production, with both shipments planned before production completes. */
export function untilShipping(plan: PaymentPlanName): OrderEventInput[] {
  const life = planLife(plan);
  const upTo = life.findIndex((e) => e.type === 'INSPECTION_RECORDED');
  const planned = (Object.keys(SPLIT) as ShipmentId[]).map((id): OrderEventInput => ({
    type: 'SHIPMENT_PLANNED',
    shipmentId: id,
    lines: [{ lineNo: 1, quantity: SPLIT[id].pcs }],
  }));
  return [...life.slice(0, upTo), ...planned, life[upTo], life[upTo + 1]];
}

/** The whole life in two shipments: S1 to its release and money, then S2. */
export const twoShipmentLife = (plan: PaymentPlanName): OrderEventInput[] => [
  ...untilShipping(plan),
  ...shipmentLife(plan, 'S1'),
  ...shipmentLife(plan, 'S2'),
];

/** Whether the order (or, for a shipment's event, the shipment it names) takes `event` now. */
export function takes(state: OrderState, event: OrderEventInput): boolean {
  const id = 'shipmentId' in event ? event.shipmentId : undefined;
  const shipment = id === undefined ? undefined : shipmentOf(state, id);
  return allowedOn(shipment ? focus(state, shipment) : state, event.type);
}
