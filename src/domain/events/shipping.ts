import { blDateWarnings, etdProblem } from '../blSanity';
import { STATE_WINDOWS } from '../bounds';
import { contractLines } from '../contractTerms';
import { documentsSent } from '../corrections/define';
import { crossCheck, declarationFields, gateProblems } from '../customsDeclaration';
import { DEFAULT_WORKING_CALENDAR, localDateOf } from '../calendar';
import { BUYER_DOCUMENTS, documentKind, type BuyerDocumentCode } from '../documentKinds';
import { documentNumber } from '../documentNumbers';
import { isCollectedByBuyer, MIN_INSURED_PERCENT, sellerInsures } from '../incoterms';
import { balanceSettled, owesMoney } from '../ledger';
import { atLeastPercentOf, compareMoney, formatMoney, positiveMoneySchema } from '../money';
import { accepted, invalid } from '../outcome';
import { afterShipment, planOf } from '../paymentPath';
import { paymentMethodOf } from '../payment-methods';
import { shipmentDate } from '../shipment';
import { holdsDocumentsUntilPaid, isBeforeShipmentTT } from '../paymentPlan';
import { calendarDateSchema, instantSchema, line } from '../schemas/common';
import { BL_TYPES, INSURANCE_COVERS } from '../state/shipping';
import type { DocumentItem, InsurancePolicy, OrderState } from '../types';
import { describe, describeCopy, z } from '../zod';
import { both, inStage } from './conditions';
import type { Guard } from './define';

/** Booking, customs and the B/L are ours except under EXW, where the buyer collects. */
const weShip: Guard = (s) => !isCollectedByBuyer(s);
import { defineEvent } from './define';

export const bookingConfirmed = defineEvent({
  type: 'BOOKING_CONFIRMED',
  description: 'The forwarder confirmed the booking',
  fields: {
    forwarder: line(200, 'Forwarder that confirmed the booking'),
    vessel: line(200, 'Vessel name'),
    voyage: line(64, 'Voyage number'),
    etd: describe(z.union([calendarDateSchema, instantSchema]), 'Estimated time of departure'),
    containerNos: z.optional(z.array(line(32, 'Container number')).check(z.maxLength(500))),
    sealNos: describe(
      z.optional(z.array(line(32, 'Seal number')).check(z.maxLength(500))),
      'Seal numbers, one per container in the order of containerNos (printed beside them)',
    ),
  },
  // A booking may be re-confirmed (rolled vessel) until customs is declared on it.
  allowedWhen: both(inStage('SHIPPING'), (s) => weShip(s) && s.shipping.customs === null),
  nextStep: "the forwarder's booking confirmation",
  correction: {
    fields: ['forwarder', 'vessel', 'voyage', 'etd', 'containerNos', 'sealNos'],
    printed: ['vessel', 'voyage', 'etd', 'containerNos', 'sealNos'],
    seenBy: documentsSent,
    current: (state) => state.shipping.booking.confirmed ?? {},
    apply(state, changes) {
      const confirmed = state.shipping.booking.confirmed;
      if (!confirmed) return 'the booking is no longer on the order';
      const corrected = { ...confirmed, ...changes };
      if ((corrected.sealNos?.length ?? 0) > corrected.containerNos.length)
        return 'one seal number per container: there would be more seals than containers';
      const booking = { ...state.shipping.booking, confirmed: corrected };
      return { ...state, shipping: { ...state.shipping, booking } };
    },
  },
  decide(state, e, ctx) {
    const farAway = etdProblem(e.etd, ctx.now);
    if (farAway) return invalid('The ETD is not a date this booking can sail on', [farAway]);
    if ((e.sealNos?.length ?? 0) > (e.containerNos?.length ?? 0))
      return invalid('More seals than containers', [
        { path: 'sealNos', message: 'one seal number per container, in the order of containerNos' },
      ]);
    const confirmed = {
      forwarder: e.forwarder,
      vessel: e.vessel,
      voyage: e.voyage,
      etd: e.etd,
      containerNos: e.containerNos ?? [],
      ...(e.sealNos?.length ? { sealNos: e.sealNos } : {}),
      confirmedAt: ctx.now,
    };
    return accepted(
      { ...state, shipping: { ...state.shipping, booking: { ...state.shipping.booking, confirmed } } },
      `Booking confirmed by ${e.forwarder}: ${e.vessel} ${e.voyage}, ETD ${e.etd}`,
    );
  },
});

export const customsDeclared = defineEvent({
  type: 'CUSTOMS_DECLARED',
  description: 'Export customs declared (after booking)',
  fields: {
    declarationNo: line(
      64,
      'Customs declaration number: 18 digits while the document gate is on, any text elsewhere',
    ),
    ...declarationFields,
  },
  allowedWhen: both(inStage('SHIPPING'), (s) => weShip(s) && s.shipping.booking.confirmed !== null),
  nextStep: 'the customs declaration',
  correction: {
    fields: ['declarationNo'],
    current: (state) => ({ declarationNo: state.shipping.customs?.declarationNo }),
    apply(state, changes) {
      const customs = state.shipping.customs;
      if (!customs || !changes.declarationNo) return state;
      return {
        ...state,
        shipping: { ...state.shipping, customs: { ...customs, declarationNo: changes.declarationNo } },
      };
    },
  },
  decide(state, e, ctx) {
    const { type: _type, eventId: _eventId, declarationNo, ...data } = e;
    const problems = [
      ...(ctx.company?.documentGate ? gateProblems(declarationNo, data) : []),
      ...(data.lines ? crossCheck(data.lines, { lines: contractLines(state) }) : []),
    ];
    if (problems.length > 0)
      return invalid('The declaration does not agree with the invoice and packing list', problems);
    const declared = Object.keys(data).length > 0;
    return accepted(
      {
        ...state,
        shipping: {
          ...state.shipping,
          customs: { declarationNo, declaredAt: ctx.now, ...(declared ? { declaration: data } : {}) },
        },
      },
      `Customs declared (${declarationNo})`,
    );
  },
});

/**
 * The document set the activities generate and send (copies first, originals after payment), each
 * under the number its PDF prints; the carrier's B/L under its own number.
 */
function documentItems(state: OrderState, blNo: string | null): DocumentItem[] {
  const contractNo = state.contract?.contractNo ?? state.orderId;
  const numbered = (code: BuyerDocumentCode) =>
    documentNumber(documentKind(code), contractNo, state.quotation?.quotationNo) ?? contractNo;
  return [
    ...BUYER_DOCUMENTS.map((kind) => ({ kind, reference: numbered(kind) })),
    ...(blNo ? [{ kind: 'BILL_OF_LADING' as const, reference: blNo }] : []),
  ];
}

/** CIF/CIP: the insurance must be in place before the goods sail. */
const insuredIfRequired: Guard = (s) => !sellerInsures(s) || Boolean(s.shipping.insurance);

/** TT before shipment: the balance must be in (or a manager approved the release) before the B/L. */
function balanceInBeforeShipment(s: OrderState): boolean {
  if (!isBeforeShipmentTT(s.payments.plan)) return true;
  return balanceSettled(s.payments) || s.payments.releaseApproval !== null;
}

export const billOfLadingIssued = defineEvent({
  type: 'BILL_OF_LADING_ISSUED',
  description:
    'B/L issued (after customs): the payment plan decides what follows (document copies, presentation, collection, release)',
  fields: {
    blNo: line(64, 'Bill of lading number'),
    blType: describe(z.enum(BL_TYPES), 'Kind of transport document'),
    issuedOn: describeCopy(z.optional(calendarDateSchema), 'B/L date; default the day it is recorded'),
  },
  allowedWhen: both(
    inStage('SHIPPING'),
    (s) => weShip(s) && s.shipping.customs !== null && insuredIfRequired(s) && balanceInBeforeShipment(s),
  ),
  nextStep: 'the bill of lading',
  correction: {
    fields: ['blNo', 'issuedOn'],
    otherwise:
      'the B/L type decides how the goods are released: ask the carrier for the B/L the order needs and record the release it allows',
    printed: ['blNo', 'issuedOn'],
    seenBy: documentsSent,
    current: (state) => {
      const bl = state.shipping.billOfLading;
      return bl ? { blNo: bl.blNo, issuedOn: bl.issuedOn } : {};
    },
    apply(state, changes) {
      const bl = state.shipping.billOfLading;
      if (!bl) return 'the B/L is no longer on the order';
      const next = { ...bl, ...changes };
      const items = state.documents.items.map((item) =>
        item.kind === 'BILL_OF_LADING' ? { ...item, reference: next.blNo } : item,
      );
      return withDueFromShipment({
        ...state,
        shipping: { ...state.shipping, billOfLading: next },
        documents: { ...state.documents, items },
      });
    },
  },
  decide(state, e, ctx) {
    const plan = planOf(state);
    // A sea waybill hands the goods over without documents: where the plan holds them until paid, a manager decides.
    if (
      e.blType === 'SEA_WAYBILL' &&
      holdsDocumentsUntilPaid(plan) &&
      owesMoney(state) &&
      state.payments.releaseApproval === null
    ) {
      return invalid('A sea waybill needs a release approval while money is due', [
        { path: 'blType', message: 'SEA_WAYBILL releases the goods before payment: RELEASE_APPROVED first' },
      ]);
    }
    const issuedOn = e.issuedOn ?? exportersToday(state, ctx.now);
    const raised = blDateWarnings(state, issuedOn, ctx.now, ctx.eventId ?? '');
    const next: OrderState = {
      ...state,
      ...(raised.length > 0
        ? { warnings: [...(state.warnings ?? []), ...raised].slice(-STATE_WINDOWS.warnings) }
        : {}),
      shipping: {
        ...state.shipping,
        billOfLading: { blNo: e.blNo, blType: e.blType, issuedAt: ctx.now, issuedOn },
      },
      documents: { ...state.documents, items: documentItems(state, e.blNo) },
    };
    return afterShipment(next, ctx, `B/L ${e.blNo} (${e.blType}) issued on ${issuedOn}`);
  },
});

export const goodsCollected = defineEvent({
  type: 'GOODS_COLLECTED',
  description:
    "EXW: the buyer's carrier collected the goods at our premises (instead of booking, customs and B/L); the payment plan decides what follows",
  fields: {
    collectedBy: line(200, 'Carrier or person that collected the goods'),
    vehicleOrContainer: z.optional(line(64, 'Truck plate or container number')),
    collectedOn: describeCopy(
      z.optional(calendarDateSchema),
      'Collection date; default the day it is recorded',
    ),
  },
  allowedWhen: both(
    inStage('SHIPPING'),
    (s) => isCollectedByBuyer(s) && !s.shipping.collected && balanceInBeforeShipment(s),
  ),
  nextStep: "the buyer's collection of the goods",
  correction: {
    fields: ['collectedBy', 'vehicleOrContainer', 'collectedOn'],
    printed: ['collectedBy', 'collectedOn'],
    seenBy: documentsSent,
    current: (state) => state.shipping.collected ?? {},
    apply(state, changes) {
      const collected = state.shipping.collected;
      if (!collected) return 'the collection is no longer on the order';
      return withDueFromShipment({
        ...state,
        shipping: { ...state.shipping, collected: { ...collected, ...changes } },
      });
    },
  },
  decide(state, e, ctx) {
    const collectedOn = e.collectedOn ?? exportersToday(state, ctx.now);
    const collected = {
      collectedBy: e.collectedBy,
      vehicleOrContainer: e.vehicleOrContainer ?? null,
      collectedAt: ctx.now,
      collectedOn,
    };
    const next: OrderState = {
      ...state,
      shipping: { ...state.shipping, collected },
      documents: { ...state.documents, items: documentItems(state, null) },
    };
    return afterShipment(next, ctx, `Goods collected by ${e.collectedBy} on ${collectedOn}`);
  },
});

export const insuranceArranged = defineEvent({
  type: 'INSURANCE_ARRANGED',
  description:
    'CIF/CIP: cargo insurance arranged (before the B/L), at least 110 % of the contract value; CIP needs ICC (A)',
  fields: {
    policyNo: line(64, 'Insurance policy or certificate number'),
    insurer: line(200, 'Insurance company'),
    cover: describe(z.enum(INSURANCE_COVERS), 'Institute Cargo Clauses cover'),
    insuredAmount: describeCopy(positiveMoneySchema, "Insured amount, in the contract's currency"),
  },
  // A policy may be replaced (a higher amount, wider cover) until the B/L is out.
  allowedWhen: both(
    inStage('PRODUCTION', 'SHIPPING'),
    (s) => sellerInsures(s) && s.contract !== null && s.shipping.billOfLading === null,
  ),
  nextStep: 'the cargo insurance',
  correction: {
    fields: ['policyNo', 'insurer'],
    otherwise:
      'the cover and the insured amount change with a new policy (INSURANCE_ARRANGED) before the B/L',
    printed: ['policyNo', 'insurer'],
    seenBy: documentsSent,
    current: (state) => state.shipping.insurance ?? {},
    apply(state, changes) {
      const insurance = state.shipping.insurance;
      if (!insurance) return 'the insurance is no longer on the order';
      return { ...state, shipping: { ...state.shipping, insurance: { ...insurance, ...changes } } };
    },
  },
  decide(state, e, ctx) {
    const contract = state.contract;
    if (!contract) throw new Error('INSURANCE_ARRANGED before the contract');
    const minimum = atLeastPercentOf(contract.totalAmount, MIN_INSURED_PERCENT);
    if (e.insuredAmount.currency !== minimum.currency) {
      return invalid("The insured amount is not in the contract's currency", [
        { path: 'insuredAmount.currency', message: `must be the contract's currency ${minimum.currency}` },
      ]);
    }
    if (compareMoney(e.insuredAmount, minimum) < 0) {
      return invalid('The insured amount is below 110 % of the contract value', [
        { path: 'insuredAmount.amount', message: `must be at least ${formatMoney(minimum)}` },
      ]);
    }
    if (state.quotation?.incoterm === 'CIP' && e.cover !== 'ICC_A') {
      return invalid('CIP needs all-risks cover', [
        { path: 'cover', message: 'CIP requires ICC_A (Incoterms 2020 A5)' },
      ]);
    }
    const insurance: InsurancePolicy = {
      policyNo: e.policyNo,
      insurer: e.insurer,
      cover: e.cover,
      insuredAmount: e.insuredAmount,
      arrangedAt: ctx.now,
    };
    return accepted(
      { ...state, shipping: { ...state.shipping, insurance } },
      `Insurance ${e.policyNo} arranged with ${e.insurer}: ${e.cover.replace('_', ' ')}, ${formatMoney(e.insuredAmount)}`,
    );
  },
});

/** A corrected shipment date moves what counts from it: the open-account or EXW due date. */
function withDueFromShipment(state: OrderState): OrderState {
  const plan = state.payments.plan;
  const shippedOn = shipmentDate(state);
  if (!plan || !shippedOn || state.payments.balanceDueDate === null) return state;
  const next = paymentMethodOf(plan).afterBillOfLading(plan, shippedOn);
  if (next.kind !== 'RELEASE_ON_CREDIT') return state;
  return { ...state, payments: { ...state.payments, balanceDueDate: next.dueDate } };
}

/** A date recorded as "today" is the exporter's: the rebate's year and the bank's dates follow it. */
function exportersToday(state: OrderState, now: string): string {
  return localDateOf(state.policy.calendar ?? DEFAULT_WORKING_CALENDAR, now);
}
