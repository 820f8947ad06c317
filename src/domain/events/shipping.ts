import { accepted, advance } from '../outcome';
import { calendarDateSchema, instantSchema, line } from '../schemas/common';
import type { DocumentItem, OrderState } from '../types';
import { describe, z } from '../zod';
import { balanceOutstanding, both, inStage } from './conditions';
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

export const billOfLadingIssued = defineEvent({
  type: 'BILL_OF_LADING_ISSUED',
  description: 'B/L issued (after customs): -> BALANCE; document copies go to the customer to verify',
  fields: {
    blNo: line(64, 'Bill of lading number'),
    blType: describe(z.enum(['ORIGINAL', 'TELEX_RELEASE', 'SEA_WAYBILL']), 'Kind of transport document'),
  },
  allowedWhen: both(inStage('SHIPPING'), (s) => s.shipping.customs !== null),
  nextStep: 'the bill of lading',
  decide(state, e, ctx) {
    const next: OrderState = {
      ...state,
      shipping: { ...state.shipping, billOfLading: { blNo: e.blNo, blType: e.blType, issuedAt: ctx.now } },
      documents: { ...state.documents, items: documentItems(state, e.blNo) },
    };
    const summary = `B/L ${e.blNo} (${e.blType}) issued; document copies sent to the customer`;
    // A fully prepaid order (100% deposit) has no balance to wait for: the originals go out at once.
    return balanceOutstanding(state)
      ? advance(next, 'BALANCE', ctx, summary, [{ type: 'sendDocumentCopies' }])
      : advance(next, 'DOCUMENTS', ctx, `${summary}; nothing left to pay, documents dispatched`, [
          { type: 'sendDocumentCopies' },
          { type: 'dispatchDocuments' },
        ]);
  },
});
