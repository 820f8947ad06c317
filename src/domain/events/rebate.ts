/**
 * The export VAT rebate's steps: its documents (the suppliers' VAT invoices and the declaration),
 * the filing, and the money received; or a manager's word that the order claims none.
 */
import { NEVER } from '../corrections/common';
import { wordsOnly } from '../corrections/define';
import { expectedRebate, isRebateOpen, rebateRateFor } from '../finance/rebate';
import {
  addMoney,
  formatMoney,
  nonNegativeMoneySchema,
  positiveMoneySchema,
  zero,
  type Money,
} from '../money';
import { accepted, invalid } from '../outcome';
import { calendarDateSchema, line, text } from '../schemas/common';
import type { OrderState, RebateState } from '../types';
import { describe, describeCopy, z } from '../zod';
import { defineEvent } from './define';

const rebateIn =
  (...statuses: RebateState['status'][]) =>
  (s: OrderState) =>
    s.rebate !== undefined && statuses.includes(s.rebate.status);

const cny = (m: { currency: string }) => m.currency === 'CNY';

const vatInvoiceSchema = describe(
  z.strictObject({
    number: line(64, 'VAT invoice number'),
    amount: describeCopy(positiveMoneySchema, 'Amount excluding VAT, in CNY'),
    taxAmount: describeCopy(nonNegativeMoneySchema, 'The VAT on it, in CNY'),
    lineNo: describe(
      z.optional(z.int().check(z.minimum(1), z.maximum(200))),
      'The contract line it bought (1-based); left out: shared over the lines by their value',
    ),
  }),
  "A supplier's VAT invoice (增值税专用发票) for the goods exported",
);

export const rebateDocumentsRecorded = defineEvent({
  type: 'REBATE_DOCUMENTS_RECORDED',
  description:
    "The rebate's documents are in: the suppliers' VAT invoices and the export declaration; the rates come from the company's table by HS code. Sent again, it replaces them",
  fields: {
    vatInvoices: describe(
      z.array(vatInvoiceSchema).check(z.maxLength(200)),
      'The VAT invoices (a manufacturer may have none)',
    ),
    declarationNo: describe(
      z.optional(line(64, 'Export declaration number')),
      'Default: the customs declaration recorded',
    ),
  },
  allowedWhen: rebateIn('PENDING', 'DOCUMENTS_RECORDED'),
  afterClose: true,
  nextStep: 'the rebate documents',
  correction: { never: 'record the rebate documents again: the new set replaces the old' },
  decide(state, e, ctx) {
    const rebate = state.rebate;
    if (!rebate) throw new Error('rebate documents without a rebate');
    const lineCount = state.contract?.lines?.length ?? 0;
    const problems = e.vatInvoices.flatMap((inv, i) => [
      ...(cny(inv.amount) ? [] : [{ path: `vatInvoices.${i}.amount.currency`, message: 'must be CNY' }]),
      ...(cny(inv.taxAmount)
        ? []
        : [{ path: `vatInvoices.${i}.taxAmount.currency`, message: 'must be CNY' }]),
      ...(inv.lineNo !== undefined && inv.lineNo > lineCount
        ? [{ path: `vatInvoices.${i}.lineNo`, message: `the contract has ${lineCount} lines` }]
        : []),
    ]);
    const numbers = e.vatInvoices.map((inv) => inv.number);
    const repeated = numbers.findIndex((n, i) => numbers.indexOf(n) !== i);
    if (repeated >= 0) problems.push({ path: `vatInvoices.${repeated}.number`, message: 'listed twice' });
    if (problems.length > 0) return invalid('The rebate documents are not valid', problems);
    const totals = new Map<number, { amount: Money; taxAmount: Money; count: number }>();
    for (const inv of e.vatInvoices) {
      const key = inv.lineNo ?? 0;
      const t = totals.get(key) ?? { amount: zero('CNY'), taxAmount: zero('CNY'), count: 0 };
      totals.set(key, {
        amount: addMoney(t.amount, inv.amount),
        taxAmount: addMoney(t.taxAmount, inv.taxAmount),
        count: t.count + 1,
      });
    }
    const table = ctx.rebate?.rates ?? [];
    const lines = (state.contract?.lines ?? []).map((l, i) => {
      // The declaration's 10-digit code wins over the contract's shorter one.
      const declared = state.shipping.customs?.declaration?.lines?.find((d) => d.lineNo === i + 1);
      const hsCode = declared?.hsCode ?? l.hsCode ?? null;
      return { lineNo: i + 1, hsCode, rate: rebateRateFor(hsCode, table) };
    });
    const next: RebateState = {
      ...rebate,
      status: 'DOCUMENTS_RECORDED',
      ...(ctx.rebate ? { method: ctx.rebate.method } : {}),
      lines,
      invoices: [...totals.entries()].sort(([a], [b]) => a - b).map(([lineNo, t]) => ({ lineNo, ...t })),
      declarationNo: e.declarationNo ?? state.shipping.customs?.declarationNo ?? null,
      documentsRecordedAt: ctx.now,
    };
    const after = { ...state, rebate: next };
    const expected = expectedRebate(after);
    const figure = expected?.expected
      ? `expected ${formatMoney(expected.expected)}`
      : 'expected rebate not known yet';
    return accepted(after, `Rebate documents recorded: ${e.vatInvoices.length} VAT invoices; ${figure}`);
  },
});

export const rebateFiled = defineEvent({
  type: 'REBATE_FILED',
  description: 'The rebate was filed with the tax office (申报), in a batch',
  fields: {
    batchNo: line(64, "The filing batch's number"),
    filedOn: describeCopy(calendarDateSchema, 'The filing date'),
  },
  allowedWhen: rebateIn('DOCUMENTS_RECORDED'),
  afterClose: true,
  nextStep: 'the rebate filing',
  correction: wordsOnly(['batchNo', 'filedOn']),
  decide(state, e) {
    const rebate = state.rebate;
    if (!rebate) throw new Error('a filing without a rebate');
    const late = e.filedOn > rebate.deadline ? ` (after the deadline ${rebate.deadline})` : '';
    return accepted(
      { ...state, rebate: { ...rebate, status: 'FILED', filed: { batchNo: e.batchNo, filedOn: e.filedOn } } },
      `Rebate filed in batch ${e.batchNo} on ${e.filedOn}${late}`,
    );
  },
});

export const rebateReceived = defineEvent({
  type: 'REBATE_RECEIVED',
  description: 'The tax office paid the rebate: the amount is what the profit counts from now on',
  fields: { cnyAmount: describeCopy(positiveMoneySchema, 'The rebate received, in CNY') },
  allowedWhen: rebateIn('FILED'),
  afterClose: true,
  nextStep: 'the rebate received',
  correction: { never: NEVER.takeBack },
  decide(state, e, ctx) {
    const rebate = state.rebate;
    if (!rebate) throw new Error('a rebate received without a rebate');
    if (!cny(e.cnyAmount))
      return invalid('The rebate is paid in CNY', [{ path: 'cnyAmount.currency', message: 'must be CNY' }]);
    const expected = expectedRebate(state)?.expected;
    const against = expected ? ` (expected ${formatMoney(expected)})` : '';
    return accepted(
      { ...state, rebate: { ...rebate, status: 'RECEIVED', received: e.cnyAmount, receivedAt: ctx.now } },
      `Rebate of ${formatMoney(e.cnyAmount)} received${against}`,
    );
  },
});

export const rebateNotApplicable = defineEvent({
  type: 'REBATE_NOT_APPLICABLE',
  description:
    'A manager closes the rebate without a claim (goods without a rebate rate, a claim given up): the order may then be archived',
  fields: { reason: text(500, 'Why the order claims no rebate') },
  allowedWhen: (s) => s.rebate !== undefined && isRebateOpen(s.rebate),
  afterClose: true,
  requiredRole: 'manager',
  correction: wordsOnly(['reason']),
  decide(state, e, ctx) {
    const rebate = state.rebate;
    if (!rebate) throw new Error('no rebate to close');
    return accepted(
      {
        ...state,
        rebate: { ...rebate, status: 'NOT_APPLICABLE', notApplicable: { reason: e.reason, by: ctx.actor } },
      },
      `No rebate claimed (${ctx.actor}): ${e.reason}`,
    );
  },
});
