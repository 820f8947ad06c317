import { addMoney, formatMoney, multiplyMoney, zero } from '../money';
import type { EventOf } from '../schemas/events';
import type { EventContext, OrderState, Quotation } from '../types';
import { accepted, advance, type Outcome } from './outcome';

export function quotationSent(state: OrderState, e: EventOf<'QUOTATION_SENT'>, ctx: EventContext): Outcome {
  const currency = e.lines[0].unitPrice.currency;
  const total = e.lines.reduce(
    (sum, l) => addMoney(sum, multiplyMoney(l.unitPrice, l.quantity)),
    zero(currency),
  );
  const quotation: Quotation = {
    quotationNo: e.quotationNo,
    incoterm: e.incoterm,
    namedPlace: e.namedPlace,
    lines: e.lines,
    paymentTerms: e.paymentTerms,
    validUntil: e.validUntil,
    leadTimeDays: e.leadTimeDays,
    total,
    sentAt: ctx.now,
    revisions: (state.quotation?.revisions ?? 0) + 1,
  };
  const next = { ...state, quotation };
  const summary = `Quotation ${e.quotationNo} sent: ${formatMoney(total)} ${e.incoterm} ${e.namedPlace}`;
  // A revision keeps the stage (and its stall clock): only a stage change stops reminders.
  return state.stage === 'INQUIRY'
    ? advance(next, 'QUOTATION', ctx, summary)
    : accepted(next, `${summary} (revision ${quotation.revisions - 1})`);
}

export function quotationAccepted(
  state: OrderState,
  e: EventOf<'QUOTATION_ACCEPTED'>,
  ctx: EventContext,
): Outcome {
  const next = { ...state, sample: { ...state.sample, required: e.sampleRequired } };
  return e.sampleRequired
    ? advance(next, 'SAMPLE', ctx, 'Quotation accepted; a sample is required')
    : advance(next, 'CONTRACT', ctx, 'Quotation accepted; sample waived');
}

export function quotationDeclined(
  state: OrderState,
  e: EventOf<'QUOTATION_DECLINED'>,
  ctx: EventContext,
): Outcome {
  const next = { ...state, cancellation: { reason: e.reason, cancelledAt: ctx.now, notifiedAt: null } };
  return advance(next, 'CANCELLED', ctx, `Quotation declined: ${e.reason}`);
}
