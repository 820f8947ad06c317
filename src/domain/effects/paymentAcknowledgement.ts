import { factsLetter, type Fact, type RenderedEmail } from '../letters/layout';
import { toMinor, type Money } from '../money';
import { paymentSchedule } from '../schedule';
import type { OrderState, PaymentPart } from '../types';
import { defineEffect, defineEmail, onBehalfOfAccountManager, type Letterhead } from './define';
import { customerEmail, type CustomerEmail } from './orderFacts';

/** One payment as the order recorded it, and what is left of its part. */
export interface PaymentAcknowledgementInput extends CustomerEmail {
  part: PaymentPart;
  received: Money;
  /** The bank reference recorded with the payment. */
  reference: string;
  /** YYYY-MM-DD, when the payment gave one. */
  valueDate: string | null;
  /** Still owed on the part after this payment: zero once it is settled. */
  outstanding: Money;
}

const money = (m: Money) => `${m.amount} ${m.currency}`;

interface Letter {
  subject: string;
  intro: string;
  body: string;
  facts: Fact[];
}

/** The acknowledgement in the customer's language. */
function letter(input: PaymentAcknowledgementInput): Letter {
  const { contractNo, reference, valueDate } = input;
  const received = money(input.received);
  const owed = money(input.outstanding);
  const settled = toMinor(input.outstanding) <= 0n;
  if (input.customer.language === 'zh-CN') {
    const what = input.part === 'DEPOSIT' ? '预付款' : '尾款';
    const left = settled ? `该合同${what}已付清。` : `该合同${what}尚余 ${owed} 未付。`;
    return {
      subject: `收款确认：合同 ${contractNo} ${what}（${received}）`,
      intro: `${input.customer.name}，您好：`,
      body: `我方已收到贵方合同 ${contractNo} 的${what} ${received}（银行参考号 ${reference}），谢谢。${left}`,
      facts: [
        ['合同号', contractNo],
        ['款项', what],
        ['收款金额', received],
        ['银行参考号', reference],
        ...(valueDate ? [['起息日', valueDate] as const] : []),
        [`${what}余额`, settled ? '已付清' : owed],
      ],
    };
  }
  const what = input.part === 'DEPOSIT' ? 'deposit' : 'balance';
  const left = settled ? `The ${what} is now settled.` : `${owed} is still outstanding on the ${what}.`;
  return {
    subject: `Payment received: ${what} for contract ${contractNo} (${received})`,
    intro: `Dear ${input.customer.name},`,
    body: `thank you: we have received your ${what} payment of ${received} for contract ${contractNo} (bank reference ${reference}). ${left}`,
    facts: [
      ['Contract', contractNo],
      ['Payment', input.part === 'DEPOSIT' ? 'Deposit' : 'Balance'],
      ['Amount received', received],
      ['Bank reference', reference],
      ...(valueDate ? [['Value date', valueDate] as const] : []),
      [`Still owed on the ${what}`, settled ? 'Nothing: settled' : owed],
    ],
  };
}

/** To the customer: the payment arrived, and what is still owed on its part. */
export function paymentAcknowledgementEmail(
  input: PaymentAcknowledgementInput,
  exporter: Letterhead,
): RenderedEmail {
  const { subject, ...parts } = letter(input);
  const language = input.customer.language ?? 'en';
  return factsLetter(subject, { ...parts, signedBy: input.accountManager.name, language }, exporter.name);
}

/**
 * The receipt just recorded (the latest: the mapper runs right after the payment is applied) and
 * its part's outstanding amount then. The sequence is the payment event's number in the timeline,
 * which no later payment shares (a count of receipts would not do: the state keeps the latest only).
 */
export function paymentAcknowledgementInput(state: OrderState, now: string): PaymentAcknowledgementInput {
  const receipt = state.payments.receipts.at(-1);
  if (!receipt) throw new Error(`order ${state.orderId} has no payment to acknowledge`);
  const entry = paymentSchedule(state).find((s) => s.part === receipt.kind);
  if (!entry) throw new Error(`order ${state.orderId} has no ${receipt.kind} in its schedule`);
  return {
    ...customerEmail(state, now, 'a payment acknowledgement'),
    sequence: state.timelineTotal,
    part: receipt.kind,
    received: receipt.amount,
    reference: receipt.reference,
    valueDate: receipt.valueDate ?? null,
    outstanding: entry.outstanding,
  };
}

export const sendPaymentAcknowledgement = defineEmail({
  activity: 'sendPaymentAcknowledgement',
  purpose: 'payment-acknowledgement',
  recipients: (input: PaymentAcknowledgementInput) => onBehalfOfAccountManager(input.customer.email, input),
  letter: (input, { exporter }) => paymentAcknowledgementEmail(input, exporter),
});

/** Every payment the order records is acknowledged to the customer. */
export const acknowledgePayment = defineEffect({
  kind: 'acknowledgePayment',
  summary: 'payment acknowledgement to the customer',
  email: sendPaymentAcknowledgement,
  input: (state, { now }) => paymentAcknowledgementInput(state, now),
});
