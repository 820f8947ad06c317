import { dateOf } from '../calendarDate';
import { balanceSettled, owesMoney } from '../ledger';
import { accepted, invalid } from '../outcome';
import { afterBillOfLading, planOf } from '../paymentPath';
import { holdsDocumentsUntilPaid, isBeforeShipmentTT } from '../paymentPlan';
import { calendarDateSchema, instantSchema, line } from '../schemas/common';
import type { DocumentItem, OrderState } from '../types';
import { describe, describeCopy, z } from '../zod';
import { both, inStage } from './conditions';
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
  },
  // A booking may be re-confirmed (rolled vessel) until customs is declared on it.
  allowedWhen: both(inStage('SHIPPING'), (s) => s.shipping.customs === null),
  nextStep: "the forwarder's booking confirmation",
  decide(state, e, ctx) {
    const confirmed = {
      forwarder: e.forwarder,
      vessel: e.vessel,
      voyage: e.voyage,
      etd: e.etd,
      containerNos: e.containerNos ?? [],
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
  fields: { declarationNo: line(64, 'Customs declaration number') },
  allowedWhen: both(inStage('SHIPPING'), (s) => s.shipping.booking.confirmed !== null),
  nextStep: 'the customs declaration',
  decide(state, e, ctx) {
    return accepted(
      {
        ...state,
        shipping: { ...state.shipping, customs: { declarationNo: e.declarationNo, declaredAt: ctx.now } },
      },
      `Customs declared (${e.declarationNo})`,
    );
  },
});

/** The document set the activities generate and send: copies first, originals after payment. */
function documentItems(state: OrderState, blNo: string): DocumentItem[] {
  const contractNo = state.contract?.contractNo ?? state.orderId;
  return [
    { kind: 'COMMERCIAL_INVOICE', reference: contractNo },
    { kind: 'PACKING_LIST', reference: contractNo },
    { kind: 'BILL_OF_LADING', reference: blNo },
  ];
}

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
    blType: describe(z.enum(['ORIGINAL', 'TELEX_RELEASE', 'SEA_WAYBILL']), 'Kind of transport document'),
    issuedOn: describeCopy(z.optional(calendarDateSchema), 'B/L date; default the day it is recorded'),
  },
  allowedWhen: both(inStage('SHIPPING'), (s) => s.shipping.customs !== null && balanceInBeforeShipment(s)),
  nextStep: 'the bill of lading',
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
    const issuedOn = e.issuedOn ?? dateOf(ctx.now);
    const next: OrderState = {
      ...state,
      shipping: {
        ...state.shipping,
        billOfLading: { blNo: e.blNo, blType: e.blType, issuedAt: ctx.now, issuedOn },
      },
      documents: { ...state.documents, items: documentItems(state, e.blNo) },
    };
    return afterBillOfLading(next, ctx, `B/L ${e.blNo} (${e.blType}) issued on ${issuedOn}`);
  },
});
