import { optionalSettlement } from '../finance/settlement';
import { NEVER, paymentReference } from '../corrections/common';
import {
  contractLinesSchema,
  contractTradeFields,
  linesProblems,
  quotedLines,
  tradeOf,
} from '../contractTerms';
import { formatMoney, percentOf, positiveMoneySchema, toMinor, zero } from '../money';
import { advance, invalid, refused } from '../outcome';
import { CREDIT_METHODS, creditLimitExceeded } from '../finance/credit';
import { rateSchema } from '../finance/rate';
import { noCredit } from './credit';
import { paymentMethodOf } from '../payment-methods';
import {
  paymentPlanInputSchema,
  paymentTermsText,
  resolvePaymentPlan,
  withTemplatePlan,
} from '../paymentPlan';
import { line, percentSchema } from '../schemas/common';
import type { OrderState } from '../types';
import { describe, describeCopy, z } from '../zod';
import { both, depositOutstanding, inStage } from './conditions';
import { defineEvent } from './define';
import { receivePayment } from './payments';

export const contractSigned = defineEvent({
  type: 'CONTRACT_SIGNED',
  description:
    'The contract was signed with its payment plan: -> DEPOSIT, or -> PRODUCTION when nothing is due before it',
  fields: {
    contractNo: line(64, 'Contract number'),
    totalAmount: describeCopy(positiveMoneySchema, "Contract total, in the quotation's currency"),
    depositPercent: describe(z.optional(percentSchema), "Deposit percent; default the quotation's"),
    paymentPlan: describe(
      z.optional(paymentPlanInputSchema),
      "Payment plan; each field not given comes from the order's template, then the quotation",
    ),
    lines: describe(
      z.optional(contractLinesSchema),
      "The contract's lines (unit prices to 4 decimals); they must add up to totalAmount. Default: the quotation's",
    ),
    ...contractTradeFields,
    partialShipments: describe(
      z.optional(z.enum(['ALLOWED', 'NOT_ALLOWED'])),
      'Whether the contract may ship in more than one part (SHIPMENT_PLANNED); default ALLOWED',
    ),
    fxRate: describeCopy(
      z.optional(rateSchema),
      "The contract date's exchange rate (CNY per unit of its currency): FX gain or loss is measured against it",
    ),
  },
  allowedWhen: inStage('CONTRACT'),
  nextStep: 'the signed contract',
  correction: { never: NEVER.contract },
  decide(state, e, ctx) {
    const quoted = state.quotation?.total.currency;
    if (quoted && quoted !== e.totalAmount.currency) {
      return invalid("The contract is not in the quotation's currency", [
        { path: 'totalAmount.currency', message: `must be the quotation's currency ${quoted}` },
      ]);
    }
    const resolved = resolvePaymentPlan({
      input: withTemplatePlan(
        e.paymentPlan,
        e.depositPercent,
        state.template?.paymentPlan,
        e.totalAmount.currency,
      ),
      depositPercent: e.depositPercent,
      quotation: state.quotation?.paymentTerms ?? null,
      total: e.totalAmount,
    });
    if ('problems' in resolved) return invalid('The payment plan is not valid', resolved.problems);
    const linesWrong = e.lines ? linesProblems(e.lines, e.totalAmount, 'lines') : [];
    if (linesWrong.length > 0) return invalid('The contract lines do not make its total', linesWrong);
    const { plan } = resolved;
    const beyond = creditLimitExceeded(plan.balanceMethod, e.totalAmount, ctx.credit);
    if (beyond && !state.credit?.approval)
      return refused('CREDIT_LIMIT_EXCEEDED', `${beyond}: a manager records CREDIT_APPROVED first`);
    const insured = ctx.credit?.insurance && CREDIT_METHODS.includes(plan.balanceMethod);
    const currency = e.totalAmount.currency;
    const depositRequired = percentOf(e.totalAmount, plan.depositPercent);
    const next: OrderState = {
      ...state,
      contract: {
        contractNo: e.contractNo,
        totalAmount: e.totalAmount,
        depositPercent: plan.depositPercent,
        signedAt: ctx.now,
        lines: e.lines ?? quotedLines(state),
        trade: tradeOf(e),
        amendments: 0,
        ...(e.partialShipments ? { partialShipments: e.partialShipments } : {}),
        ...(e.fxRate ? { fxRate: e.fxRate } : {}),
      },
      ...(insured && ctx.credit
        ? { credit: { ...(state.credit ?? noCredit), insurance: ctx.credit.insurance } }
        : {}),
      payments: {
        ...state.payments,
        plan,
        depositRequired,
        depositReceived: zero(currency),
        depositWrittenOff: zero(currency),
        balanceRequired: e.totalAmount,
        balanceReceived: zero(currency),
        balanceWrittenOff: zero(currency),
      },
    };
    const summary = `Contract ${e.contractNo} signed: ${formatMoney(e.totalAmount)}; ${paymentTermsText(plan)}`;
    const depositDue = toMinor(depositRequired) > 0n;
    // An order whose method puts something before production (an L/C order: the credit) waits
    // in DEPOSIT for it even when no deposit is due.
    if (depositDue) return advance(next, 'DEPOSIT', ctx, summary, [{ type: 'requestDeposit' }]);
    const waits = paymentMethodOf(plan).beforeProduction;
    if (waits) return advance(next, 'DEPOSIT', ctx, `${summary}; waiting for ${waits.waitingFor}`);
    return advance(next, 'PRODUCTION', ctx, `${summary}; no deposit due`);
  },
});

export const depositReceived = defineEvent({
  type: 'DEPOSIT_RECEIVED',
  description: 'A deposit payment arrived; payments add up; -> PRODUCTION once the deposit is reached',
  fields: {
    amount: describeCopy(positiveMoneySchema, "Amount received, in the contract's currency"),
    reference: line(128, 'Bank reference'),
    settlement: optionalSettlement,
  },
  allowedWhen: both(inStage('DEPOSIT'), depositOutstanding),
  nextStep: 'the deposit',
  correction: paymentReference(['reference']),
  decide(state, e, ctx) {
    return receivePayment(state, ctx, {
      settlement: e.settlement,
      received: e.amount,
      reference: e.reference,
      to: 'DEPOSIT',
    });
  },
});
