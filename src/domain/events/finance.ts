/** Money after the ship sails: FX settlement of a receipt, and the order's costs. */
import { receiptOf } from '../corrections/common';
import { wordsOnly } from '../corrections/define';
import { settlementFields, settlementProblems, unsettledReceipts } from '../finance/settlement';

import { rateSchema, toCny } from '../finance/rate';
import { countRevenue } from '../finance/revenue';
import { addMoney, formatMoney, positiveMoneySchema, zero } from '../money';
import { accepted, invalid } from '../outcome';
import { line, text } from '../schemas/common';
import { COST_KINDS, type CostsState } from '../state/finance';
import { describe, describeCopy, z } from '../zod';
import { defineEvent } from './define';

export const fxSettled = defineEvent({
  type: 'FX_SETTLED',
  description:
    'The bank settled a receipt in foreign currency into CNY (结汇): its rate and the CNY amount, which is the revenue',
  fields: {
    paymentEventId: line(128, 'eventId of the receipt settled (the timeline shows each event id)'),
    ...settlementFields,
  },
  allowedWhen: (s) => unsettledReceipts(s).length > 0,
  afterClose: true,
  correction: { never: 'a settlement is money: a manager reverses the payment and records it again' },
  decide(state, e) {
    const receipt = receiptOf(state, e.paymentEventId);
    if (!receipt || receipt.reversed)
      return invalid('No such receipt to settle', [
        {
          path: 'paymentEventId',
          message: 'names no receipt of this order that stands (see payments.receipts)',
        },
      ]);
    if (receipt.settlement)
      return invalid('The receipt is settled already', [
        {
          path: 'paymentEventId',
          message: `settled on ${receipt.settlement.settledOn} at ${receipt.settlement.rate}`,
        },
      ]);
    const settlement = { rate: e.rate, cnyAmount: e.cnyAmount, settledOn: e.settledOn };
    const problems = settlementProblems(receipt.amount, settlement, '');
    if (problems.length > 0)
      return invalid(
        'The settlement does not fit the receipt',
        problems.map((p) => ({ ...p, path: p.path.replace(/^\./, '') || 'paymentEventId' })),
      );
    const receipts = state.payments.receipts.map((r) => (r === receipt ? { ...r, settlement } : r));
    const payments = countRevenue(
      { ...state.payments, receipts },
      { ...receipt, settlement },
      state.contract?.fxRate,
      1,
    );
    return accepted(
      { ...state, payments },
      `${formatMoney(receipt.amount)} (${receipt.reference}) settled at ${e.rate}: ${formatMoney(e.cnyAmount)}`,
    );
  },
});

export const noCosts: CostsState = { byKind: {}, count: 0 };

export const costRecorded = defineEvent({
  type: 'COST_RECORDED',
  description:
    'A cost of the order (purchase, freight, insurance, bank, other), converted to CNY at its rate: profit = settled revenue + rebate − costs',
  fields: {
    kind: describe(z.enum(COST_KINDS), 'What the cost is for'),
    amount: describeCopy(positiveMoneySchema, 'The cost, in its currency'),
    rate: describeCopy(z.optional(rateSchema), 'CNY per unit: required when the amount is not in CNY'),
    note: z.optional(text(500, "What it was, e.g. the supplier's invoice")),
  },
  allowedWhen: (s) => s.contract !== null,
  afterClose: true,
  correction: wordsOnly(['note'], 'a cost is money: record a correcting cost'),
  decide(state, e) {
    if (e.amount.currency !== 'CNY' && !e.rate)
      return invalid('A cost in a foreign currency needs its rate', [
        { path: 'rate', message: `required: CNY per ${e.amount.currency}` },
      ]);
    if (e.amount.currency === 'CNY' && e.rate)
      return invalid('A cost in CNY takes no rate', [{ path: 'rate', message: 'leave it out for CNY' }]);
    const cny = e.rate ? toCny(e.amount, e.rate) : e.amount;
    const costs = state.costs ?? noCosts;
    const byKind = { ...costs.byKind, [e.kind]: addMoney(costs.byKind[e.kind] ?? zero('CNY'), cny) };
    const converted = e.rate ? ` at ${e.rate} = ${formatMoney(cny)}` : '';
    return accepted(
      { ...state, costs: { byKind, count: costs.count + 1 } },
      `${e.kind.toLowerCase()} cost ${formatMoney(e.amount)}${converted}${e.note ? `: ${e.note}` : ''}`,
    );
  },
});
