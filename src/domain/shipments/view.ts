/**
 * The shipments as people read them: each with its lines, shipping, documents, release and money.
 * An order that never planned one shows its one implicit shipment, S1, covering the contract.
 */
import { presentationDeadline } from '../dueDates';
import { addMoney, subtractMoney, zero, type Money } from '../money';
import { FIRST_SHIPMENT_ID, type Shipment } from '../state/shipments';
import type { OrderState } from '../types';
import { balanceBase, focus, shipmentShare } from './lens';

export interface ShipmentView {
  shipmentId: string;
  lines: { lineNo: number; quantity: number }[];
  etd: string | null;
  stage: Shipment['stage'];
  booking: OrderState['shipping']['booking'];
  customs: OrderState['shipping']['customs'];
  insurance: NonNullable<OrderState['shipping']['insurance']> | null;
  collected: NonNullable<OrderState['shipping']['collected']> | null;
  billOfLading: OrderState['shipping']['billOfLading'];
  documents: Omit<OrderState['documents'], 'release'>;
  release: OrderState['documents']['release'] & { goodsReleasedAt: string | null };
  amount: Money | null;
  received: Money | null;
  writtenOff: Money | null;
  outstanding: Money | null;
  dueDate: string | null;
  presentation: Shipment['presentation'];
  presentationDeadline: string | null;
  collection: Shipment['collection'];
}

const open = (amount: Money | null, received: Money | null, writtenOff: Money | null): Money | null => {
  if (!amount) return null;
  const settled = addMoney(received ?? zero(amount.currency), writtenOff ?? zero(amount.currency));
  const left = subtractMoney(amount, settled);
  return left.amount.startsWith('-') ? zero(amount.currency) : left;
};

function entry(
  state: OrderState,
  shipmentId: string,
  lines: ShipmentView['lines'],
  etd: string | null,
  stage: Shipment['stage'],
  money: Pick<ShipmentView, 'amount' | 'received' | 'writtenOff' | 'dueDate' | 'presentation' | 'collection'>,
): ShipmentView {
  const { release, ...documents } = state.documents;
  return {
    shipmentId,
    lines,
    etd,
    stage,
    booking: state.shipping.booking,
    customs: state.shipping.customs,
    insurance: state.shipping.insurance ?? null,
    collected: state.shipping.collected ?? null,
    billOfLading: state.shipping.billOfLading,
    documents,
    release: { ...release, goodsReleasedAt: state.documents.goodsReleasedAt },
    ...money,
    outstanding: open(money.amount, money.received, money.writtenOff),
    presentationDeadline: presentationDeadline(state),
  };
}

export function shipmentsView(state: OrderState): ShipmentView[] {
  if (!state.contract) return [];
  const list = state.shipments?.list;
  if (!list) {
    // The whole contract as one shipment: the order's own shipping, documents and balance.
    const p = state.payments;
    const lc = p.letterOfCredit;
    const lines = (state.contract.lines ?? []).map((l, i) => ({ lineNo: i + 1, quantity: l.quantity }));
    return [
      entry(state, FIRST_SHIPMENT_ID, lines, state.shipping.booking.confirmed?.etd ?? null, null, {
        amount: balanceBase(state),
        received: p.balanceReceived,
        writtenOff: p.balanceWrittenOff,
        dueDate: p.balanceDueDate,
        presentation: lc && {
          presentedAt: lc.presentedAt,
          presentingBank: lc.presentingBank,
          discrepancies: lc.discrepancies,
          honouredAt: lc.honouredAt,
        },
        collection: p.collection,
      }),
    ];
  }
  return list.map((s) =>
    entry(focus(state, s), s.shipmentId, s.lines, s.etd, s.stage, {
      amount: shipmentShare(state, s),
      received: s.received,
      writtenOff: s.writtenOff,
      dueDate: s.balanceDueDate,
      presentation: s.presentation,
      collection: s.collection,
    }),
  );
}
