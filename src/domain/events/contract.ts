import {
  addMoney,
  compareMoney,
  formatMoney,
  percentOf,
  positiveMoneySchema,
  subtractMoney,
  toMinor,
  zero,
} from '../money';
import { accepted, advance, invalid } from '../outcome';
import { line, percentSchema } from '../schemas/common';
import type { OrderState } from '../types';
import { describe, describeCopy, z } from '../zod';
import { both, depositOutstanding, inStage } from './conditions';
import { defineEvent } from './define';
import { paymentProblems, withReceipt } from './payments';

/** Used only if no quotation fixed the terms; it is the contract's documented default. */
const DEFAULT_DEPOSIT_PERCENT = 30;

export const contractSigned = defineEvent({
  type: 'CONTRACT_SIGNED',
  description: 'The contract was signed: -> DEPOSIT, or -> PRODUCTION when the deposit is 0',
  fields: {
    contractNo: line(64, 'Contract number'),
    totalAmount: describeCopy(positiveMoneySchema, 'Contract total'),
    depositPercent: describe(z.optional(percentSchema), "Deposit percent; default the quotation's"),
  },
  allowedWhen: inStage('CONTRACT'),
  nextStep: 'the signed contract',
  decide(state, e, ctx) {
    // The schema (positiveMoneySchema) already guarantees a total above zero.
    const depositPercent =
      e.depositPercent ?? state.quotation?.paymentTerms.depositPercent ?? DEFAULT_DEPOSIT_PERCENT;
    const currency = e.totalAmount.currency;
    const depositRequired = percentOf(e.totalAmount, depositPercent);
    const next: OrderState = {
      ...state,
      contract: { contractNo: e.contractNo, totalAmount: e.totalAmount, depositPercent, signedAt: ctx.now },
      payments: {
        ...state.payments,
        depositRequired,
        depositReceived: zero(currency),
        balanceRequired: e.totalAmount,
        balanceReceived: zero(currency),
      },
    };
    const summary = `Contract ${e.contractNo} signed: ${formatMoney(e.totalAmount)}, deposit ${depositPercent}% = ${formatMoney(depositRequired)}`;
    // Nothing to wait for when no deposit is due (0%, or a total so small it rounds to 0.00).
    return toMinor(depositRequired) === 0n
      ? advance(next, 'PRODUCTION', ctx, `${summary}; no deposit due`)
      : advance(next, 'DEPOSIT', ctx, summary);
  },
});

export const depositReceived = defineEvent({
  type: 'DEPOSIT_RECEIVED',
  description: 'A deposit payment arrived; payments add up; -> PRODUCTION once the deposit is reached',
  fields: {
    amount: describeCopy(positiveMoneySchema, "Amount received, in the contract's currency"),
    reference: line(128, 'Bank reference'),
  },
  allowedWhen: both(inStage('DEPOSIT'), depositOutstanding),
  nextStep: 'the deposit',
  decide(state, e, ctx) {
    const { depositRequired, depositReceived: received } = state.payments;
    const contract = state.contract;
    // The DEPOSIT stage is only entered through CONTRACT_SIGNED, which sets all three.
    if (!depositRequired || !received || !contract) throw new Error('DEPOSIT stage without a contract');
    const problems = paymentProblems(e.amount, depositRequired, received);
    if (problems.length > 0) return invalid('The deposit payment is not valid', problems);

    const total = addMoney(received, e.amount);
    const next: OrderState = {
      ...state,
      payments: {
        ...state.payments,
        depositReceived: total,
        balanceRequired: subtractMoney(contract.totalAmount, total),
        receipts: withReceipt(state.payments, {
          kind: 'DEPOSIT',
          amount: e.amount,
          reference: e.reference,
          receivedAt: ctx.now,
        }),
      },
    };
    const summary = `Deposit ${formatMoney(e.amount)} received (${e.reference}); ${formatMoney(total)} of ${formatMoney(depositRequired)}`;
    return compareMoney(total, depositRequired) >= 0
      ? advance(next, 'PRODUCTION', ctx, `${summary}; deposit complete`)
      : accepted(next, summary);
  },
});
