import { compareMoney } from '../money';
import type { EventOf } from '../schemas/events';
import type { DocumentItem, EventContext, OrderState } from '../types';
import { accepted, advance, type Outcome } from './outcome';

export function bookingConfirmed(
  state: OrderState,
  e: EventOf<'BOOKING_CONFIRMED'>,
  ctx: EventContext,
): Outcome {
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
}

export function customsDeclared(
  state: OrderState,
  e: EventOf<'CUSTOMS_DECLARED'>,
  ctx: EventContext,
): Outcome {
  return accepted(
    {
      ...state,
      shipping: { ...state.shipping, customs: { declarationNo: e.declarationNo, declaredAt: ctx.now } },
    },
    `Customs declared (${e.declarationNo})`,
  );
}

/** The document set the activities generate and send: copies first, originals after payment. */
function documentItems(state: OrderState, blNo: string): DocumentItem[] {
  const contractNo = state.contract?.contractNo ?? state.orderId;
  return [
    { kind: 'COMMERCIAL_INVOICE', reference: contractNo },
    { kind: 'PACKING_LIST', reference: contractNo },
    { kind: 'BILL_OF_LADING', reference: blNo },
  ];
}

export function billOfLadingIssued(
  state: OrderState,
  e: EventOf<'BILL_OF_LADING_ISSUED'>,
  ctx: EventContext,
): Outcome {
  const next: OrderState = {
    ...state,
    shipping: { ...state.shipping, billOfLading: { blNo: e.blNo, blType: e.blType, issuedAt: ctx.now } },
    documents: { ...state.documents, items: documentItems(state, e.blNo) },
  };
  const summary = `B/L ${e.blNo} (${e.blType}) issued; document copies sent to the customer`;
  const { balanceRequired, balanceReceived } = state.payments;
  const balanceDue =
    balanceRequired !== null &&
    balanceReceived !== null &&
    compareMoney(balanceReceived, balanceRequired) < 0;
  // A fully prepaid order (100% deposit) has no balance to wait for: the originals go out at once.
  return balanceDue
    ? advance(next, 'BALANCE', ctx, summary, [{ type: 'sendDocumentCopies' }])
    : advance(next, 'DOCUMENTS', ctx, `${summary}; nothing left to pay, documents dispatched`, [
        { type: 'sendDocumentCopies' },
        { type: 'dispatchDocuments' },
      ]);
}
