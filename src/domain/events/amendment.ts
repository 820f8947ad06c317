import { NEVER } from '../corrections/common';
import {
  contractLinesSchema,
  contractTradeFields,
  linesProblems,
  linesTotal,
  quotedLines,
  tradeOf,
  type ContractLine,
} from '../contractTerms';
import { MIN_INSURED_PERCENT } from '../incoterms';
import { balanceRequiredOf, depositOpen, totalReceived, totalWrittenOff } from '../ledger';
import {
  addMoney,
  atLeastPercentOf,
  compareMoney,
  formatMoney,
  percentOf,
  positiveMoneySchema,
  toMinor,
  toUnitPriceScaled,
  zero,
  type Money,
} from '../money';
import { invalid } from '../outcome';
import { afterMoney, planOf } from '../paymentPath';
import {
  paymentPlanInputSchema,
  paymentTermsText,
  resolvePaymentPlan,
  type PaymentPlan,
} from '../paymentPlan';
import { text } from '../schemas/common';
import { hasShipped } from '../shipment';
import type { OrderState, PaymentsState } from '../types';
import type { Effect } from '../effectKinds';
import { describe, describeCopy, z } from '../zod';
import { inStage } from './conditions';
import { defineEvent } from './define';

/**
 * The deposit after a change order. While the order waits for it, the plan's percent of the new
 * total (never less than what was already paid towards it). Once production started the deposit is
 * history: it stays what was settled, and the change falls on the balance.
 */
function amendedDeposit(state: OrderState, total: Money, plan: PaymentPlan): Money {
  const p = state.payments;
  const c = total.currency;
  const settled = addMoney(p.depositReceived ?? zero(c), p.depositWrittenOff ?? zero(c));
  if (state.stage !== 'DEPOSIT') return settled;
  const wanted = percentOf(total, plan.depositPercent);
  return compareMoney(wanted, settled) < 0 ? settled : wanted;
}

/**
 * What an amendment after shipment may not change: the deal itself (total, plan, each line's
 * quantity, unit and price, the number of lines). Descriptions, HS codes, packing and the contract's
 * trade data stay open so the originals can be completed.
 */
function shippedProblems(
  e: { lines?: ContractLine[]; totalAmount?: Money; paymentPlan?: unknown },
  current: readonly ContractLine[],
): { path: string; message: string }[] {
  const fixed = 'cannot change once goods have shipped; only the documents’ data can';
  const problems = [
    ...(e.totalAmount ? [{ path: 'totalAmount', message: fixed }] : []),
    ...(e.paymentPlan ? [{ path: 'paymentPlan', message: fixed }] : []),
  ];
  if (!e.lines) return problems;
  if (e.lines.length !== current.length)
    return [...problems, { path: 'lines', message: `must keep its ${current.length} lines: ${fixed}` }];
  e.lines.forEach((l, i) => {
    const was = current[i];
    const same =
      l.quantity === was.quantity &&
      (l.unit ?? null) === (was.unit ?? null) &&
      l.unitPrice.currency === was.unitPrice.currency &&
      toUnitPriceScaled(l.unitPrice) === toUnitPriceScaled(was.unitPrice);
    if (!same) problems.push({ path: `lines.${i}`, message: `quantity, unit and price ${fixed}` });
  });
  return problems;
}

export const contractAmended = defineEvent({
  type: 'CONTRACT_AMENDED',
  description:
    'A change order: new lines, total or payment plan before shipment, and the documents’ data (descriptions, HS codes, packing, ports, marks...) until the documents are released; what is due is recomputed (the timeline keeps both versions)',
  fields: {
    lines: describe(z.optional(contractLinesSchema), 'The amended lines; they must add up to the total'),
    totalAmount: describeCopy(
      z.optional(positiveMoneySchema),
      'The amended total; default the sum of the lines given, else unchanged',
    ),
    paymentPlan: describe(
      z.optional(paymentPlanInputSchema),
      "The amended payment plan, whole (defaults as at signing; the deposit percent defaults to the contract's)",
    ),
    reason: text(2000, 'Why the contract changed'),
    // Trade data a bank and customs accept: completed or corrected before the goods sail.
    ...contractTradeFields,
  },
  // Once the goods sailed only the documents' data may change (see `shippedProblems`): an order whose
  // originals lack data must be able to complete it, or the document gate would hold it forever.
  allowedWhen: (s) =>
    inStage('DEPOSIT', 'PRODUCTION', 'SHIPPING', 'BALANCE', 'DOCUMENTS')(s) && s.contract !== null,
  correction: { never: NEVER.amendment },
  decide(state, e, ctx) {
    const contract = state.contract;
    if (!contract) throw new Error('CONTRACT_AMENDED before the contract');
    const shipped = hasShipped(state) ? shippedProblems(e, contract.lines ?? quotedLines(state)) : [];
    if (shipped.length > 0)
      return invalid('After shipment a contract amendment may only complete the documents’ data', shipped);
    const trade = tradeOf(e);
    const tradeOnly = Object.keys(trade).length > 0 && !e.lines && !e.totalAmount && !e.paymentPlan;
    if (!e.lines && !e.totalAmount && !e.paymentPlan && !tradeOnly) {
      return invalid('Nothing to amend', [
        { path: 'lines', message: 'give lines, totalAmount, paymentPlan or trade data' },
      ]);
    }
    const before = contract.totalAmount;
    const total = e.totalAmount ?? (e.lines ? linesTotal(e.lines) : null) ?? before;
    if (total.currency !== before.currency) {
      const path = e.totalAmount ? 'totalAmount.currency' : 'lines.0.unitPrice.currency';
      return invalid("The amendment is not in the contract's currency", [
        { path, message: `must be the contract's currency ${before.currency}` },
      ]);
    }
    const linesWrong = e.lines ? linesProblems(e.lines, total, 'lines') : [];
    if (linesWrong.length > 0) return invalid('The amended lines do not make the total', linesWrong);
    const settled = addMoney(
      totalReceived(state) ?? zero(total.currency),
      totalWrittenOff(state) ?? zero(total.currency),
    );
    if (compareMoney(total, settled) < 0) {
      return invalid('The amended total is less than what was already received and written off', [
        { path: 'totalAmount.amount', message: `must be at least ${formatMoney(settled)}` },
      ]);
    }
    const oldPlan = planOf(state);
    const resolved = e.paymentPlan
      ? resolvePaymentPlan({
          input: e.paymentPlan,
          depositPercent: e.paymentPlan.depositPercent === undefined ? oldPlan.depositPercent : undefined,
          quotation: state.quotation?.paymentTerms ?? null,
          total,
        })
      : { plan: oldPlan };
    if ('problems' in resolved) return invalid('The payment plan is not valid', resolved.problems);
    const { plan } = resolved;
    if (compareMoney(plan.shortPaymentTolerance, total) > 0) {
      return invalid('The short-payment tolerance exceeds the amended total', [
        {
          path: 'totalAmount.amount',
          message: `must be at least ${formatMoney(plan.shortPaymentTolerance)}`,
        },
      ]);
    }

    const depositRequired = amendedDeposit(state, total, plan);
    const withDeposit: PaymentsState = { ...state.payments, plan, depositRequired };
    const payments = { ...withDeposit, balanceRequired: balanceRequiredOf(withDeposit, total) };
    // A policy written for the old value may no longer cover 110 % of the new one.
    const insurance = state.shipping.insurance;
    const underInsured =
      insurance && compareMoney(insurance.insuredAmount, atLeastPercentOf(total, MIN_INSURED_PERCENT)) < 0;
    const next: OrderState = {
      ...state,
      contract: {
        ...contract,
        totalAmount: total,
        depositPercent: plan.depositPercent,
        lines: e.lines ?? contract.lines ?? quotedLines(state),
        ...(Object.keys(trade).length > 0 ? { trade: { ...contract.trade, ...trade } } : {}),
        amendments: (contract.amendments ?? 0) + 1,
      },
      payments,
      shipping: underInsured ? { ...state.shipping, insurance: null } : state.shipping,
    };
    const change =
      toMinor(total) === toMinor(before)
        ? formatMoney(total)
        : `${formatMoney(before)} → ${formatMoney(total)}`;
    const summary = [
      `Contract ${contract.contractNo} amended (${e.reason}): ${change}`,
      ...(e.paymentPlan ? [paymentTermsText(plan)] : []),
      ...(underInsured ? ['the insurance no longer covers 110 %: arrange it again'] : []),
    ].join('; ');
    const outcome = afterMoney(next, ctx, summary);
    // Still waiting for the deposit: the customer gets the amended request.
    const open = depositOpen(payments);
    const ask: Effect[] =
      state.stage === 'DEPOSIT' && open && toMinor(open) > 0n ? [{ type: 'requestDeposit' }] : [];
    return outcome.kind === 'accepted' ? { ...outcome, effects: [...outcome.effects, ...ask] } : outcome;
  },
});
