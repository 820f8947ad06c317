import { NEVER } from '../corrections/common';
import { wordsOnly } from '../corrections/define';
import { dateOf } from '../calendarDate';
import { advance, accepted, invalid } from '../outcome';
import { MAX_MONEY_MINOR, addMoney, formatMoney, lineTotalMinor, multiplyMoney, zero } from '../money';
import { calendarDateSchema, incotermSchema, line, text } from '../schemas/common';
import {
  paymentTermsSchema,
  quotationLineSchema,
  type Quotation,
  type QuotationLine,
} from '../state/quotation';
import { describe, describeCopy, z } from '../zod';
import { inStage, sampleRejectedLast } from './conditions';
import { defineEvent } from './define';

/** The quotation total (quantity x unit price, summed) stays within what money may hold. */
function totalWithinBounds(lines: readonly QuotationLine[]): boolean {
  let total = 0n;
  for (const l of lines) {
    // Fields already refused are reported; a line that cannot be priced says nothing of the total.
    if (!quotationLineSchema.safeParse(l).success) return true;
    total += lineTotalMinor(l.unitPrice, l.quantity);
  }
  return total <= MAX_MONEY_MINOR;
}

export const quotationSent = defineEvent({
  type: 'QUOTATION_SENT',
  description:
    'A quotation (or a revision) was sent: INQUIRY -> QUOTATION; after a rejected sample, SAMPLE -> QUOTATION',
  fields: {
    quotationNo: line(64, 'Quotation number'),
    incoterm: incotermSchema,
    namedPlace: line(200, 'Named place of the Incoterm, e.g. "Shanghai"'),
    lines: z.array(quotationLineSchema).check(
      z.minLength(1),
      z.maxLength(200),
      z.refine((lines) => lines.every((l) => l.unitPrice.currency === lines[0].unitPrice.currency), {
        message: 'all lines must use the same currency',
      }),
      z.refine(totalWithinBounds, { message: 'the quotation total must be at most 1,000,000,000,000.00' }),
    ),
    paymentTerms: paymentTermsSchema,
    validUntil: describeCopy(calendarDateSchema, 'Last day the quotation is valid'),
    leadTimeDays: describe(z.int().check(z.minimum(0), z.maximum(3650)), 'Production lead time in days'),
  },
  // After a rejected sample the exporter may re-quote (new price, new spec): see `decide`.
  allowedWhen: (s) => inStage('INQUIRY', 'QUOTATION')(s) || (inStage('SAMPLE')(s) && sampleRejectedLast(s)),
  nextStep: 'send a quotation',
  correction: { never: NEVER.quotation },
  decide(state, e, ctx) {
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
    const revision = `${summary} (revision ${quotation.revisions - 1})`;
    if (state.stage === 'INQUIRY') return advance(next, 'QUOTATION', ctx, summary);
    // Re-quotation after a rejected sample: the only step back in the stage order. New terms need
    // the customer's acceptance again; the sample rounds so far stay counted.
    if (state.stage === 'SAMPLE') {
      const requoted = { ...next, sample: { ...state.sample, required: null, approved: false } };
      return advance(requoted, 'QUOTATION', ctx, `${revision} after the rejected sample`);
    }
    // A revision keeps the stage (and its stall clock): only a stage change stops reminders.
    return accepted(next, revision);
  },
});

export const quotationAccepted = defineEvent({
  type: 'QUOTATION_ACCEPTED',
  description:
    'The customer accepted the quotation (refused past its validUntil): -> SAMPLE, or -> CONTRACT without a sample',
  fields: {
    sampleRequired: describe(
      z.optional(z.boolean()),
      "false skips the sample stage; default the order's template's, else true",
    ),
  },
  allowedWhen: inStage('QUOTATION'),
  nextStep: "the customer's answer to the quotation",
  correction: { never: NEVER.decision },
  decide(state, e, ctx) {
    const validUntil = state.quotation?.validUntil;
    // Dates are UTC calendar dates, like every due date of the order.
    if (validUntil && dateOf(ctx.now) > validUntil) {
      return invalid(`Quotation ${state.quotation?.quotationNo} expired: send a new one (QUOTATION_SENT)`, [
        { path: 'validUntil', message: `the quotation was valid until ${validUntil}` },
      ]);
    }
    const sampleRequired = e.sampleRequired ?? state.template?.sampleRequired ?? true;
    const next = { ...state, sample: { ...state.sample, required: sampleRequired } };
    return sampleRequired
      ? advance(next, 'SAMPLE', ctx, 'Quotation accepted; a sample is required')
      : advance(next, 'CONTRACT', ctx, 'Quotation accepted; sample waived');
  },
});

export const quotationDeclined = defineEvent({
  type: 'QUOTATION_DECLINED',
  description: 'The customer declined the quotation: -> CANCELLED',
  fields: { reason: text(2000, 'Why the customer declined') },
  allowedWhen: inStage('QUOTATION'),
  correction: wordsOnly(['reason']),
  decide(state, e, ctx) {
    const next = {
      ...state,
      cancellation: { reason: e.reason, cancelledAt: ctx.now, notifiedAt: null, depositHandling: null },
    };
    return advance(next, 'CANCELLED', ctx, `Quotation declined: ${e.reason}`);
  },
});
