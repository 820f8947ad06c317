/**
 * Which shipment a shipment's event is for, and deciding it there: the event's own rules run on
 * the shipment's view of the order (./lens.ts) and the result is folded back into the order.
 */
import { allowedOn, type OrderEventType } from '../events';
import { addMoney, subtractMoney, toMinor, zero, type Money } from '../money';
import type { Outcome } from '../outcome';
import type { ValidationDetail } from '../schemas/validation';
import { FIRST_SHIPMENT_ID, type Shipment, type ShipmentLine } from '../state/shipments';
import type { EventContext, OrderState } from '../types';
import { goodsLeft } from './allocation';
import { focus, routesToShipments, shipmentOf, shipmentViews, unfocus } from './lens';
import { isShipmentScoped, SHIPMENT_MONEY_EVENTS, shipmentNumberSuffix, type ShipmentLabel } from './scope';
import type { EffectDefinition, EffectInputContext, EmailDefinition, InputOf } from '../effects/define';

export type ShipmentTarget =
  | { kind: 'order' }
  | { kind: 'shipment'; shipment: Shipment; view: OrderState }
  | { kind: 'invalid'; message: string; details: ValidationDetail[] };

const ids = (list: readonly Shipment[]) => list.map((s) => s.shipmentId).join(', ');

/**
 * A correction of a shipment's event, or the reversal of a shipment's payment, is decided on that
 * shipment: what it takes back is in the shipment's copy, not the order's.
 */
function takenBackFrom(
  state: OrderState,
  event: { correctsEventId?: string; paymentEventId?: string },
): ShipmentTarget | null {
  const id = event.correctsEventId ?? event.paymentEventId;
  if (id === undefined) return null;
  const record = state.corrections?.events.find((e) => e.eventId === id);
  const shipment = record?.shipmentId === undefined ? undefined : shipmentOf(state, record.shipmentId);
  return shipment ? { kind: 'shipment', shipment, view: focus(state, shipment) } : null;
}

/** The shipment `event` is for: the one it names, the only one, or the only one that can take it. */
export function shipmentTarget(
  state: OrderState,
  event: { type: OrderEventType; shipmentId?: string; correctsEventId?: string; paymentEventId?: string },
): ShipmentTarget {
  if (event.type === 'EVENT_CORRECTED' || event.type === 'PAYMENT_REVERSED')
    return takenBackFrom(state, event) ?? { kind: 'order' };
  const named = event.shipmentId;
  if (!isShipmentScoped(event.type)) return { kind: 'order' };
  if (!routesToShipments(state, event.type)) {
    if (named === undefined || named === FIRST_SHIPMENT_ID || state.shipments) return { kind: 'order' };
    return {
      kind: 'invalid',
      message: `The order has no shipment ${named}`,
      details: [{ path: 'shipmentId', message: `the order ships as one shipment, ${FIRST_SHIPMENT_ID}` }],
    };
  }
  const views = shipmentViews(state);
  const list = views.map((v) => v.shipment);
  if (named !== undefined) {
    const found = views.find((v) => v.shipment.shipmentId === named);
    if (found) return { kind: 'shipment', ...found };
    return {
      kind: 'invalid',
      message: `The order has no shipment ${named}`,
      details: [{ path: 'shipmentId', message: `one of ${ids(list)}` }],
    };
  }
  if (views.length === 1) return { kind: 'shipment', ...views[0] };
  const taking = views.filter((v) => allowedOn(v.view, event.type));
  // Money without a shipment goes to the first shipment that owes: those whose goods left first.
  if (SHIPMENT_MONEY_EVENTS.includes(event.type) && taking.length > 0) {
    const first = taking.find((v) => goodsLeft(v.shipment)) ?? taking[0];
    return { kind: 'shipment', ...first };
  }
  if (taking.length === 1) return { kind: 'shipment', ...taking[0] };
  return {
    kind: 'invalid',
    message: `Name the shipment: the order has ${list.length} shipments`,
    details: [{ path: 'shipmentId', message: `required: one of ${ids(list)}` }],
  };
}

/** A shipment's decided outcome, folded back into the order. */
export function foldOutcome(
  state: OrderState,
  shipment: Shipment,
  outcome: Outcome | null,
  ctx: EventContext,
): Outcome | null {
  if (!outcome || outcome.kind !== 'accepted') return outcome;
  const folded = numberedPerShipment(
    unfocus(state, shipment.shipmentId, outcome.state, outcome.effects, ctx),
    shipment.shipmentId,
  );
  const id = shipment.shipmentId;
  const effects = folded.effects.map((e) => (e.type === 'stageEntered' ? e : { ...e, shipmentId: id }));
  return {
    ...outcome,
    state: folded.state,
    effects,
    summary: `Shipment ${shipment.shipmentId}: ${outcome.summary}`,
  };
}

/** A shipment's own documents, of several shipments, carry its number (`CI-C-1-S2`; the B/L is the carrier's). */
function numberedPerShipment<T extends { state: OrderState }>(folded: T, shipmentId: string): T {
  const suffix = shipmentNumberSuffix(shipmentLabel(folded.state, shipmentId));
  const list = folded.state.shipments?.list;
  if (!suffix || !list) return folded;
  const numbered = (s: Shipment): Shipment => ({
    ...s,
    documents: {
      ...s.documents,
      items: s.documents.items.map((item) =>
        item.kind === 'BILL_OF_LADING' || item.reference.includes(suffix)
          ? item
          : { ...item, reference: `${item.reference}${suffix}` },
      ),
    },
  });
  const next = list.map((s) => (s.shipmentId === shipmentId ? numbered(s) : s));
  return { ...folded, state: { ...folded.state, shipments: { ...folded.state.shipments, list: next } } };
}

/**
 * The order as an effect of `shipmentId` reads it (its letter, its documents): that shipment's
 * view, or the order itself for the order's own effects.
 */
export function effectState(state: OrderState, shipmentId: string | undefined): OrderState {
  const shipment =
    shipmentId === undefined ? undefined : state.shipments?.list.find((s) => s.shipmentId === shipmentId);
  if (!shipment) return state;
  const view = focus(state, shipment);
  // Its letters and documents list what it carries: the contract's lines cut to its quantities.
  const lines = view.contract?.lines && carriedLines(view.contract.lines, shipment.lines);
  return lines && view.contract ? { ...view, contract: { ...view.contract, lines } } : view;
}

type ContractLines = NonNullable<NonNullable<OrderState['contract']>['lines']>;

type Packing = NonNullable<ContractLines[number]['packing']>;

/** A line's packing for `part` of its `whole` quantity (packages rounded up, the rest to grams). */
function packingFor(p: Packing, part: number, whole: number): Packing {
  const kilos = (v: number) => Math.round((v * part * 1000) / whole) / 1000;
  return {
    ...(p.packages === undefined ? {} : { packages: Math.ceil((p.packages * part) / whole) }),
    ...(p.netWeightKg === undefined ? {} : { netWeightKg: kilos(p.netWeightKg) }),
    ...(p.grossWeightKg === undefined ? {} : { grossWeightKg: kilos(p.grossWeightKg) }),
    ...(p.volumeCbm === undefined ? {} : { volumeCbm: kilos(p.volumeCbm) }),
  };
}

/** The contract lines a shipment carries, at its quantities; packing in proportion. */
function carriedLines(lines: ContractLines, carried: readonly ShipmentLine[]): ContractLines {
  return carried.flatMap(({ lineNo, quantity }) => {
    const line = lines[lineNo - 1];
    if (!line) return [];
    const packing = line.packing && packingFor(line.packing, quantity, line.quantity);
    return [{ ...line, quantity, ...(packing ? { packing } : {}) }];
  });
}

/** Which of several shipments `shipmentId` is; undefined for the order's own, or its only shipment. */
export function shipmentLabel(state: OrderState, shipmentId: string | undefined): ShipmentLabel | undefined {
  const list = state.shipments?.list ?? [];
  const i = list.findIndex((s) => s.shipmentId === shipmentId);
  return list.length > 1 && i >= 0
    ? { shipmentId: list[i].shipmentId, number: i + 1, of: list.length }
    : undefined;
}

/** An effect's input: read from its shipment's view, told which shipment it is for. */
export function effectInput<E extends EmailDefinition>(
  definition: EffectDefinition<string, E>,
  state: OrderState,
  shipmentId: string | undefined,
  ctx: EffectInputContext,
): InputOf<E> {
  const shipment = shipmentLabel(state, shipmentId);
  return definition.input(effectState(state, shipmentId), shipment ? { ...ctx, shipment } : ctx);
}

/** A fact about one shipment (its effect done), decided on its view and folded back. */
export function decideForShipment(
  state: OrderState,
  shipmentId: string | undefined,
  ctx: EventContext,
  decide: (on: OrderState) => Outcome | null,
): Outcome | null {
  const shipment =
    shipmentId === undefined ? undefined : state.shipments?.list.find((s) => s.shipmentId === shipmentId);
  if (!shipment) return decide(state);
  return foldOutcome(state, shipment, decide(focus(state, shipment)), ctx);
}

/**
 * Balance money the order took as a whole (before the deposit was settled, or written off on the
 * order) counts for the first shipment that owes, so the shipments' money adds up to the order's.
 */
export function attributeOrderMoney(state: OrderState, outcome: Outcome | null): Outcome | null {
  if (!outcome || outcome.kind !== 'accepted' || !outcome.state.shipments?.list.length) return outcome;
  const after = outcome.state;
  const list = after.shipments?.list ?? [];
  const delta = (a: Money | null, b: Money | null, currency: string) =>
    subtractMoney(a ?? zero(currency), b ?? zero(currency));
  const currency = after.contract?.totalAmount.currency ?? 'USD';
  const received = delta(after.payments.balanceReceived, state.payments.balanceReceived, currency);
  const writtenOff = delta(after.payments.balanceWrittenOff, state.payments.balanceWrittenOff, currency);
  if (toMinor(received) === 0n && toMinor(writtenOff) === 0n) return outcome;
  const owing =
    list.find((s) => !s.amount || toMinor(s.amount) > toMinor(s.received ?? zero(currency))) ?? list[0];
  const add = (m: Money | null, d: Money) => addMoney(m ?? zero(currency), d);
  const next = list.map((s) =>
    s === owing
      ? { ...s, received: add(s.received, received), writtenOff: add(s.writtenOff, writtenOff) }
      : s,
  );
  return {
    ...outcome,
    state: { ...after, shipments: { list: next, closed: after.shipments?.closed ?? null } },
  };
}
