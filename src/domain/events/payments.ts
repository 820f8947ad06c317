/** Money: payments in any form, write-offs, and a manager's approval to release before payment. */
import { optionalSettlement, settlementProblems } from '../finance/settlement';
import type { Settlement } from '../state/finance';
import { countRevenue } from '../finance/revenue';
import { paymentReference } from '../corrections/common';
import { wordsOnly } from '../corrections/define';
import { appendBounded, STATE_WINDOWS } from '../bounds';
import { applyMoney, depositSettled, owesMoney, type MoneyIn } from '../ledger';
import {
  formatMoney,
  nonNegativeMoneySchema,
  positiveMoneySchema,
  subtractMoney,
  toMinor,
  zero,
  type Money,
} from '../money';
import { invalid, type Outcome } from '../outcome';
import { afterMoney, afterReleaseApproved, planOf } from '../paymentPath';
import { holdsDocumentsUntilPaid } from '../paymentPlan';
import { calendarDateSchema, line, text } from '../schemas/common';
import { stageRank } from '../stages';
import type { EventContext, OrderState, PaymentReceipt, PaymentsState } from '../types';
import { describeCopy, z } from '../zod';
import { defineEvent } from './define';

export interface Payment {
  received: Money;
  reference: string;
  to: MoneyIn['to'];
  bankCharges?: Money;
  valueDate?: string;
  /** How the summary names the payment, e.g. "L/C honoured". */
  label?: string;
  /** The bank's FX settlement of it, when given with the receipt. */
  settlement?: Settlement | undefined;
}

/**
 * Records money received: the ledger allocates it (deposit first), the tolerance may settle a part
 * left just short, and the plan's path moves the order on. Every payment event ends here.
 */
export function receivePayment(state: OrderState, ctx: EventContext, payment: Payment): Outcome {
  const currency = state.contract?.totalAmount.currency;
  if (!state.contract || !currency) throw new Error('a payment before the contract');
  const applied = applyMoney(state.payments, state.contract.totalAmount, {
    received: payment.received,
    writtenOff: payment.bankCharges ?? zero(payment.received.currency),
    to: payment.to,
  });
  if ('problems' in applied) return invalid('The payment is not valid', applied.problems);
  const unsettleable = payment.settlement
    ? settlementProblems(payment.received, payment.settlement, 'settlement')
    : [];
  if (unsettleable.length > 0) return invalid('The settlement does not fit the receipt', unsettleable);

  const receipt: PaymentReceipt = {
    kind: payment.to === 'BALANCE' ? 'BALANCE' : partPaid(state),
    amount: payment.received,
    reference: payment.reference,
    receivedAt: ctx.now,
    ...(payment.valueDate ? { valueDate: payment.valueDate } : {}),
    ...(ctx.eventId ? { eventId: ctx.eventId } : {}),
    ...(payment.settlement ? { settlement: payment.settlement } : {}),
    allocation: allocationOf(state.payments, applied.payments, currency),
  };
  const next: OrderState = {
    ...state,
    payments: countRevenue(
      {
        ...applied.payments,
        receipts: appendBounded(state.payments.receipts, receipt, STATE_WINDOWS.receipts),
      },
      receipt,
      state.contract.fxRate,
      1,
    ),
  };
  const parts = [
    `${payment.label ?? 'Payment'} ${formatMoney(payment.received)} received (${payment.reference})`,
  ];
  if (payment.settlement)
    parts.push(`settled at ${payment.settlement.rate}: ${formatMoney(payment.settlement.cnyAmount)}`);
  if (payment.bankCharges && toMinor(payment.bankCharges) > 0n) {
    parts.push(`bank charges ${formatMoney(payment.bankCharges)} written off`);
  }
  if (applied.toleranceWrittenOff) {
    parts.push(`shortfall ${formatMoney(applied.toleranceWrittenOff)} written off within the tolerance`);
  }
  const outcome = afterMoney(next, ctx, parts.join('; '));
  // The customer hears of every payment recorded, before what it sets off (documents, a request).
  if (outcome.kind !== 'accepted') return outcome;
  return { ...outcome, effects: [{ type: 'acknowledgePayment' }, ...outcome.effects] };
}

/** Where the payment went (cash and what was written off with it), part by part: a reversal takes back exactly that. */
function allocationOf(before: PaymentsState, after: PaymentsState, currency: string) {
  const moved = (key: 'depositReceived' | 'balanceReceived' | 'depositWrittenOff' | 'balanceWrittenOff') =>
    subtractMoney(after[key] ?? zero(currency), before[key] ?? zero(currency));
  return {
    depositReceived: moved('depositReceived'),
    balanceReceived: moved('balanceReceived'),
    depositWrittenOff: moved('depositWrittenOff'),
    balanceWrittenOff: moved('balanceWrittenOff'),
  };
}

/** The part money goes to first: the deposit while it is open. */
function partPaid(state: OrderState): PaymentReceipt['kind'] {
  return depositSettled(state.payments) ? 'BALANCE' : 'DEPOSIT';
}

const contractSigned = (s: OrderState) => s.contract !== null && s.status === 'OPEN';

export const paymentReceived = defineEvent({
  type: 'PAYMENT_RECEIVED',
  description:
    'Money arrived, in any form: allocated to what is due (deposit, then balance); early payment counts towards the next amount owed',
  fields: {
    amount: describeCopy(positiveMoneySchema, "Amount credited to our account, in the contract's currency"),
    reference: line(128, 'Bank reference'),
    settlement: optionalSettlement,
    valueDate: describeCopy(z.optional(calendarDateSchema), 'Value date of the credit'),
    bankCharges: describeCopy(
      z.optional(nonNegativeMoneySchema),
      "Charges the payer's banks deducted: counted as paid by the customer and written off",
    ),
  },
  allowedWhen: (s) => contractSigned(s) && stageRank(s.stage) >= stageRank('DEPOSIT') && owesMoney(s),
  nextStep: 'the payment',
  correction: paymentReference(['reference', 'valueDate']),
  decide(state, e, ctx) {
    return receivePayment(state, ctx, {
      settlement: e.settlement,
      received: e.amount,
      reference: e.reference,
      to: 'ANY',
      ...(e.bankCharges ? { bankCharges: e.bankCharges } : {}),
      ...(e.valueDate ? { valueDate: e.valueDate } : {}),
    });
  },
});

export const paymentWrittenOff = defineEvent({
  type: 'PAYMENT_WRITTEN_OFF',
  description: 'A manager closes a small remaining amount: written off, not received',
  fields: {
    amount: describeCopy(positiveMoneySchema, 'Amount written off'),
    reason: text(500, 'Why the amount is written off'),
  },
  allowedWhen: (s) => contractSigned(s) && owesMoney(s),
  requiredRole: 'manager',
  correction: wordsOnly(
    ['reason'],
    'a write-off is money: a manager records another one, or reverses nothing',
  ),
  decide(state, e, ctx) {
    if (!state.contract) throw new Error('a write-off before the contract');
    const applied = applyMoney(state.payments, state.contract.totalAmount, {
      received: zero(e.amount.currency),
      writtenOff: e.amount,
      to: 'ANY',
    });
    if ('problems' in applied) return invalid('The write-off is not valid', applied.problems);
    return afterMoney(
      { ...state, payments: applied.payments },
      ctx,
      `${formatMoney(e.amount)} written off by ${ctx.actor}: ${e.reason}`,
    );
  },
});

export const releaseApproved = defineEvent({
  type: 'RELEASE_APPROVED',
  description:
    'A manager approves releasing the documents (or a sea waybill) before full payment (放单审批); recorded with the approver',
  fields: { reason: text(500, 'Why the documents may go before payment') },
  allowedWhen: (s) =>
    contractSigned(s) &&
    s.payments.plan !== null &&
    holdsDocumentsUntilPaid(s.payments.plan) &&
    owesMoney(s) &&
    s.payments.releaseApproval === null &&
    s.documents.dispatchedAt === null &&
    stageRank(s.stage) >= stageRank('PRODUCTION') &&
    stageRank(s.stage) <= stageRank('BALANCE'),
  requiredRole: 'manager',
  correction: wordsOnly(['reason']),
  decide(state, e, ctx) {
    planOf(state);
    const next: OrderState = {
      ...state,
      payments: {
        ...state.payments,
        releaseApproval: { approvedBy: ctx.actor, reason: e.reason, approvedAt: ctx.now },
      },
    };
    return afterReleaseApproved(next, ctx, `Release before payment approved by ${ctx.actor}: ${e.reason}`);
  },
});
