/**
 * One shipment seen as a whole order: the order's rules for shipping, money and release (written
 * for one shipment) decide a shipment's event on this view of it, and the result is folded back.
 * In the view the contract is the shipment's value, the balance its share, the L/C presentation
 * and the collection its own; the stage is the order's until its goods leave, then its own.
 */
import { addMoney, compareMoney, subtractMoney, toMinor, zero, type Money } from '../money';
import { depositSettled } from '../ledger';
import { balanceBase, shipmentShare } from './share';
import { stageRank } from '../stages';
import { enterStage } from '../transitions';
import { SHIPMENT_STAGES, type Presentation, type Shipment, type ShipmentStage } from '../state/shipments';
import type { Effect } from '../effectKinds';
import type { EventContext, OrderState } from '../types';
import { isShipmentScoped, SHIPMENT_MONEY_EVENTS } from './scope';
import { everythingShipped, goodsLeft, valueShareOf } from './allocation';

const blankPresentation: Presentation = {
  presentedAt: null,
  presentingBank: null,
  discrepancies: [],
  honouredAt: null,
};

export function shipmentOf(state: OrderState, shipmentId: string): Shipment | undefined {
  return state.shipments?.list.find((s) => s.shipmentId === shipmentId);
}

/** The order as one shipment sees it. */
export function focus(state: OrderState, shipment: Shipment): OrderState {
  const contract = state.contract;
  if (!contract) throw new Error('a shipment before the contract');
  const currency = contract.totalAmount.currency;
  const share = shipmentShare(state, shipment) ?? zero(currency);
  const value = valueShareOf(state, shipment.shipmentId, contract.totalAmount);
  // The deposit counts as the shipment's value less its balance share, and as settled.
  const depositShare = compareMoney(value, share) > 0 ? subtractMoney(value, share) : zero(currency);
  const p = state.payments;
  const lc = p.letterOfCredit && { ...p.letterOfCredit, ...(shipment.presentation ?? blankPresentation) };
  const stage = shipment.stage ?? state.stage;
  return {
    ...state,
    stage,
    status: shipment.stage === 'COMPLETED' ? 'COMPLETED' : state.status,
    contract: { ...contract, totalAmount: addMoney(depositShare, share) },
    shipping: shipment.shipping,
    documents: shipment.documents,
    payments: {
      ...p,
      depositRequired: depositShare,
      depositReceived: depositShare,
      depositWrittenOff: zero(currency),
      balanceRequired: share,
      balanceReceived: shipment.received ?? zero(currency),
      balanceWrittenOff: shipment.writtenOff ?? zero(currency),
      balanceDueDate: shipment.balanceDueDate,
      letterOfCredit: lc,
      collection: shipment.collection,
      releaseApproval: shipment.releaseApproval,
    },
  };
}

const isShipmentStage = (stage: string): stage is ShipmentStage =>
  (SHIPMENT_STAGES as readonly string[]).includes(stage);

const plus = (a: Money | null, delta: Money) => (a ? addMoney(a, delta) : delta);

/** The shipment as the decided view left it. */
function shipmentFrom(shipment: Shipment, view: OrderState): Shipment {
  const p = view.payments;
  const lc = p.letterOfCredit;
  const gone = goodsLeft(view);
  return {
    ...shipment,
    shipping: view.shipping,
    documents: view.documents,
    stage: gone && isShipmentStage(view.stage) ? view.stage : shipment.stage,
    // Its share is fixed when its goods leave.
    amount: shipment.amount ?? (gone ? p.balanceRequired : null),
    received: p.balanceReceived,
    writtenOff: p.balanceWrittenOff,
    balanceDueDate: p.balanceDueDate,
    presentation: lc
      ? {
          presentedAt: lc.presentedAt,
          presentingBank: lc.presentingBank,
          discrepancies: lc.discrepancies,
          honouredAt: lc.honouredAt,
        }
      : shipment.presentation,
    collection: p.collection,
    releaseApproval: p.releaseApproval,
  };
}

/** The earliest due date of a shipment that still owes. */
function earliestDue(list: readonly Shipment[]): string | null {
  const owing = list.filter((s) => s.balanceDueDate && !(s.amount && settledShare(s)));
  return owing.map((s) => s.balanceDueDate as string).sort()[0] ?? null;
}

const settledShare = (s: Shipment) => {
  if (!s.amount) return false;
  const c = s.amount.currency;
  const settled = addMoney(s.received ?? zero(c), s.writtenOff ?? zero(c));
  return compareMoney(settled, s.amount) >= 0;
};

/**
 * Folds a shipment's decided view back into the order: the shipment takes its parts, the order's
 * ledger the money that moved, and the order mirrors the shipment last acted on in its own
 * `shipping` and `documents` (what v1 and v2 readers see). The stage moves as the shipments allow.
 */
export function unfocus(
  state: OrderState,
  shipmentId: string,
  view: OrderState,
  effects: readonly Effect[],
  ctx: Pick<EventContext, 'now'>,
): { state: OrderState; effects: Effect[] } {
  const list = state.shipments?.list ?? [];
  const before = list.find((s) => s.shipmentId === shipmentId);
  if (!before || !state.shipments) throw new Error(`no shipment ${shipmentId}`);
  const after = shipmentFrom(before, view);
  const currency = view.payments.balanceRequired?.currency ?? 'USD';
  const moved = (a: Money | null, b: Money | null) => subtractMoney(a ?? zero(currency), b ?? zero(currency));
  const received = moved(after.received, before.received);
  const writtenOff = moved(after.writtenOff, before.writtenOff);
  const nextList = list.map((s) => (s.shipmentId === shipmentId ? after : s));
  const p = state.payments;
  const merged: OrderState = {
    ...view,
    stage: state.stage,
    status: state.status,
    stageEnteredAt: state.stageEnteredAt,
    stageDeadline: state.stageDeadline,
    remindersSentInStage: state.remindersSentInStage,
    stalled: state.stalled,
    closedAt: state.closedAt,
    contract: state.contract,
    shipments: { ...state.shipments, list: nextList },
    payments: {
      ...view.payments,
      depositRequired: p.depositRequired,
      depositReceived: p.depositReceived,
      depositWrittenOff: p.depositWrittenOff,
      balanceRequired: p.balanceRequired,
      balanceReceived: toMinor(received) === 0n ? p.balanceReceived : plus(p.balanceReceived, received),
      balanceWrittenOff:
        toMinor(writtenOff) === 0n ? p.balanceWrittenOff : plus(p.balanceWrittenOff, writtenOff),
      balanceDueDate: earliestDue(nextList),
      letterOfCredit: p.letterOfCredit && {
        ...p.letterOfCredit,
        ...(view.payments.letterOfCredit ? { amendments: view.payments.letterOfCredit.amendments } : {}),
      },
      collection: view.payments.collection,
      releaseApproval: p.releaseApproval,
    },
  };
  // The view's own stage moves are the shipment's: the order's stage follows from all of them.
  const own = effects.filter((e) => e.type !== 'stageEntered');
  const stage = orderStage(merged);
  if (stage === merged.stage || stageRank(stage) < stageRank(merged.stage))
    return { state: merged, effects: own };
  const entered = enterStage(merged, stage, ctx.now);
  return { state: entered.state, effects: [entered.effect, ...own] };
}

/**
 * The order's stage from its shipments: SHIPPING until every contract quantity is on a B/L (or the
 * rest was closed), then the least advanced of the shipments whose goods left.
 */
export function orderStage(state: OrderState): OrderState['stage'] {
  const shipments = state.shipments;
  if (!shipments || !['SHIPPING', 'BALANCE', 'DOCUMENTS'].includes(state.stage)) return state.stage;
  if (state.stage === 'SHIPPING' && !everythingShipped(state) && !shipments.closed) return state.stage;
  const gone = shipments.list.filter(goodsLeft);
  if (gone.length === 0) return state.stage;
  const stages = gone.map((s) => s.stage ?? 'BALANCE');
  return stages.reduce((a, b) => (stageRank(a) <= stageRank(b) ? a : b));
}

/** Whether a shipment's event goes to one of the shipments (else the order takes it as today). */
export function routesToShipments(state: OrderState, type: string): boolean {
  if (!state.shipments || state.shipments.list.length === 0 || !isShipmentScoped(type)) return false;
  return !SHIPMENT_MONEY_EVENTS.includes(type) || depositSettled(state.payments);
}

/** Each planned shipment as a whole order (see `focus`). */
export function shipmentViews(state: OrderState): { shipment: Shipment; view: OrderState }[] {
  return (state.shipments?.list ?? []).map((shipment) => ({ shipment, view: focus(state, shipment) }));
}

export { balanceBase, shipmentShare };
