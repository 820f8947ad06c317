/** Shipments in parts: planning a shipment's share of the contract, and closing the rest short. */
import { NO_DOCUMENTS_YET } from '../blRelease';
import { documentsSent, wordsOnly } from '../corrections/define';
import { formatMoney, fromMinor, subtractMoney, toMinor } from '../money';
import { advance, accepted, invalid } from '../outcome';
import { calendarDateSchema, quantity, text } from '../schemas/common';
import { allocationProblems, goodsLeft } from '../shipments/allocation';
import { balanceBase, orderStage } from '../shipments/lens';
import { shipmentIdSchema } from '../shipments/scope';
import { shippingStepFor } from '../shipments/shippingStep';
import { FIRST_SHIPMENT_ID, MAX_SHIPMENTS, type Shipment, type ShipmentLine } from '../state/shipments';
import type { EventContext, OrderState, ShippingState } from '../types';
import { describe, z } from '../zod';
import { inStage } from './conditions';
import { defineEvent } from './define';

const shipmentLinesSchema = describe(
  z
    .array(
      z.strictObject({
        lineNo: describe(
          z.int().check(z.minimum(1), z.maximum(200)),
          "1-based position in the contract's lines",
        ),
        quantity: quantity('Quantity of that line in this shipment'),
      }),
    )
    .check(z.minLength(1), z.maxLength(200)),
  "The contract quantities this shipment carries; over all shipments at most each line's quantity",
);

const NO_SHIPPING: ShippingState = {
  booking: { requestedAt: null, confirmed: null },
  customs: null,
  billOfLading: null,
  collected: null,
  insurance: null,
  cargoReadyNoticeAt: null,
};

/** Anything happened to the order's shipping while it shipped as one (S1). */
function shippingStarted(state: OrderState): boolean {
  const s = state.shipping;
  return Boolean(s.booking.confirmed || s.customs || s.billOfLading || s.collected || s.insurance);
}

const holdsMoney = (s: Shipment) => [s.received, s.writtenOff].some((m) => m !== null && toMinor(m) > 0n);

const partialAllowed = (s: OrderState) => s.contract?.partialShipments !== 'NOT_ALLOWED';

/** Another shipment besides those the order has (the implicit S1 counts once its shipping started). */
function wouldBeAnother(s: OrderState): boolean {
  const list = s.shipments?.list ?? [];
  return list.length > 0 || (!s.shipments && shippingStarted(s));
}

function newShipment(
  shipmentId: string,
  lines: ShipmentLine[],
  etd: string | null,
  now: string,
  seq: number,
): Shipment {
  return {
    shipmentId,
    seq,
    lines,
    etd,
    plannedAt: now,
    shipping: NO_SHIPPING,
    documents: NO_DOCUMENTS_YET,
    stage: null,
    amount: null,
    received: null,
    writtenOff: null,
    balanceDueDate: null,
    presentation: null,
    collection: null,
    releaseApproval: null,
  };
}

/** The lines the implicit S1 keeps once another shipment takes `taken`: the rest of the contract. */
function remainderOf(state: OrderState, taken: readonly ShipmentLine[]): ShipmentLine[] {
  return (state.contract?.lines ?? [])
    .map((l, i) => {
      const other = taken.find((t) => t.lineNo === i + 1)?.quantity ?? 0;
      return { lineNo: i + 1, quantity: Math.round((l.quantity - other) * 1000) / 1000 };
    })
    .filter((l) => l.quantity > 0);
}

/** The first plan: the implicit S1 becomes a planned shipment (the rest of the contract) if its shipping started. */
function firstPlan(state: OrderState, planned: Shipment, ctx: EventContext): Shipment[] {
  const p = state.payments;
  // Balance money already in (paid before shipment) counts for the first shipment.
  const paid = (shipment: Shipment): Shipment => ({
    ...shipment,
    received: p.balanceReceived,
    writtenOff: p.balanceWrittenOff,
  });
  // Planned once shipping began: the order's letter (booking request, cargo-ready notice) was its.
  const s = state.shipping;
  const asked: ShippingState = {
    ...NO_SHIPPING,
    booking: { requestedAt: s.booking.requestedAt, confirmed: null },
    cargoReadyNoticeAt: s.cargoReadyNoticeAt,
  };
  if (!shippingStarted(state)) return [{ ...paid(planned), shipping: asked }];
  const carried = (shipment: Shipment): Shipment => ({
    ...paid(shipment),
    shipping: state.shipping,
    documents: state.documents,
    releaseApproval: p.releaseApproval,
  });
  if (planned.shipmentId === FIRST_SHIPMENT_ID) return [carried(planned)];
  const s1 = newShipment(FIRST_SHIPMENT_ID, remainderOf(state, planned.lines), null, ctx.now, 1);
  return [carried(s1), { ...planned, seq: 2 }];
}

export const shipmentPlanned = defineEvent({
  type: 'SHIPMENT_PLANNED',
  description:
    "A shipment of part of the contract (from the signed contract until the order leaves SHIPPING); allocations over all shipments never exceed a line's quantity; a second shipment under partialShipments NOT_ALLOWED is refused",
  fields: {
    shipmentId: shipmentIdSchema,
    lines: shipmentLinesSchema,
    etd: z.optional(describe(calendarDateSchema, 'Planned departure')),
  },
  allowedWhen: (s) =>
    inStage('DEPOSIT', 'PRODUCTION', 'SHIPPING')(s) &&
    (s.contract?.lines?.length ?? 0) > 0 &&
    !s.shipments?.closed &&
    (s.shipments?.list.length ?? 0) < MAX_SHIPMENTS &&
    (partialAllowed(s) || !wouldBeAnother(s)),
  nextStep: 'the shipment plan',
  correction: {
    fields: ['lines', 'etd'],
    seenBy: documentsSent,
    current: (state, target) => {
      const planned = state.shipments?.list.find((s) => s.seq === target.instance);
      return planned ? { lines: planned.lines, etd: planned.etd } : {};
    },
    apply(state, changes, target) {
      const list = state.shipments?.list ?? [];
      const planned = list.find((s) => s.seq === target.instance);
      if (!planned || !state.shipments) return 'the shipment is no longer on the order';
      if (changes.lines) {
        if (goodsLeft(planned)) return `shipment ${planned.shipmentId}'s goods have left: its B/L shows them`;
        const problems = allocationProblems(state, planned.shipmentId, changes.lines);
        if (problems.length) return problems.map((p) => p.message).join('; ');
      }
      const next: Shipment = {
        ...planned,
        lines: changes.lines ?? planned.lines,
        etd: changes.etd ?? planned.etd,
      };
      const shipments = { ...state.shipments, list: list.map((s) => (s === planned ? next : s)) };
      return { ...state, shipments };
    },
    instance: (after) => Math.max(0, ...(after.shipments?.list ?? []).map((s) => s.seq)),
  },
  decide(state, e, ctx) {
    const list = state.shipments?.list ?? [];
    if (list.some((s) => s.shipmentId === e.shipmentId)) {
      return invalid(`Shipment ${e.shipmentId} is already planned`, [
        { path: 'shipmentId', message: 'already planned: correct its plan with EVENT_CORRECTED' },
      ]);
    }
    const lines = e.lines.map((l) => ({ lineNo: l.lineNo, quantity: l.quantity }));
    const problems = allocationProblems(state, e.shipmentId, lines);
    if (problems.length) return invalid('The shipment exceeds the contract', problems);
    const seq = Math.max(0, ...list.map((s) => s.seq)) + 1;
    const planned = newShipment(e.shipmentId, lines, e.etd ?? null, ctx.now, seq);
    const next = state.shipments ? [...list, planned] : firstPlan(state, planned, ctx);
    const what = lines.map((l) => `line ${l.lineNo} × ${l.quantity}`).join(', ');
    const after: OrderState = {
      ...state,
      shipments: { list: next, closed: state.shipments?.closed ?? null },
    };
    // Planned while shipping: the new shipment's own booking request (or cargo-ready notice).
    const added = next.filter((x) => !list.includes(x) && x.shipmentId === e.shipmentId);
    const steps = state.stage === 'SHIPPING' ? added.flatMap((x) => shippingStepFor(after, x)) : [];
    return accepted(
      after,
      `Shipment ${e.shipmentId} planned: ${what}${e.etd ? `, ETD ${e.etd}` : ''}`,
      steps,
    );
  },
});

export const shipmentsClosed = defineEvent({
  type: 'SHIPMENTS_CLOSED',
  description:
    'A manager closes the shipments short: the rest of the contract is not shipped and what is owed is recomputed',
  fields: { reason: text(500, 'Why the rest is not shipped') },
  // A shipment not gone that holds money (paid before shipment) ships, or its money is reversed, first.
  allowedWhen: (s) =>
    inStage('SHIPPING')(s) &&
    !s.shipments?.closed &&
    (s.shipments?.list.some(goodsLeft) ?? false) &&
    !(s.shipments?.list.some((x) => !goodsLeft(x) && holdsMoney(x)) ?? false),
  requiredRole: 'manager',
  correction: wordsOnly(['reason']),
  decide(state, e, ctx) {
    const shipments = state.shipments;
    const contract = state.contract;
    const base = balanceBase(state);
    if (!shipments || !contract || !base) throw new Error('SHIPMENTS_CLOSED before shipments');
    const gone = shipments.list.filter(goodsLeft);
    const shipped = gone.reduce((sum, s) => sum + (s.amount ? toMinor(s.amount) : 0n), 0n);
    const short = fromMinor(toMinor(base) - shipped, base.currency);
    const p = state.payments;
    const next: OrderState = {
      ...state,
      contract: { ...contract, totalAmount: subtractMoney(contract.totalAmount, short) },
      payments: { ...p, balanceRequired: p.balanceRequired && subtractMoney(p.balanceRequired, short) },
      shipments: { list: gone, closed: { reason: e.reason, at: ctx.now, by: ctx.actor, notShipped: short } },
    };
    const dropped = shipments.list.filter((s) => !goodsLeft(s)).map((s) => s.shipmentId);
    const summary =
      `Shipments closed by ${ctx.actor}: ${e.reason}; ${formatMoney(short)} not shipped` +
      (dropped.length ? ` (${dropped.join(', ')} dropped)` : '') +
      (toMinor(short) === 0n ? '' : ', the amount owed recomputed');
    const stage = orderStage(next);
    return stage === next.stage ? accepted(next, summary) : advance(next, stage, ctx, summary);
  },
});
