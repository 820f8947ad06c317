import { html, safeToken } from '../letters/escape';
import { factsHtml, factsText, page, signOff, type Fact, type RenderedEmail } from '../letters/layout';
import type { Money } from '../money';
import { paymentSchedule } from '../schedule';
import type { Language } from '../schemas/common';
import type { DocumentOrder } from '../documentOrder';
import type { OrderState, PaymentPart } from '../types';
import { dueWhenText } from '../i18n/terms';
import { paymentTermsText } from '../paymentPlan';
import { defineEffect, defineEmail, onBehalfOfAccountManager, type Letterhead } from './define';
import { customerEmail, documentOrder, required, type CustomerEmail } from './orderFacts';

export interface PaymentRequestInput extends CustomerEmail {
  part: 'DEPOSIT' | 'BALANCE';
  amountDue: Money;
  /** Calendar date it is due by, when the plan gives one (OA). */
  dueDate: string | null;
  /** When it falls due if there is no date (a `DueWhen` key; older inputs carry English words). */
  dueWhen: string;
  /** What the customer should quote on the transfer. */
  reference: string;
  /** The order as its proforma invoice (attached) reads it. */
  order: DocumentOrder;
}

interface Words {
  subject: string;
  facts: Fact[];
  intro: string;
  body: string;
  bankHeading: string;
  bank: string[];
  charges: string;
}

/** The beneficiary's account, one line per field, as a transfer form asks for it. */
function bankLines(exporter: Letterhead, language: Language): string[] {
  const bank = exporter.bank;
  const zh = language === 'zh-CN';
  if (!bank)
    return [
      zh ? '我方银行信息将由您的客户经理另行发送。' : 'Your account manager will send our bank details.',
    ];
  // Beneficiary, bank and SWIFT stay as the bank holds them: the transfer must match them letter for letter.
  const label = zh
    ? { beneficiary: '收款人', bank: '收款银行', address: '银行地址', account: '账号' }
    : { beneficiary: 'Beneficiary', bank: 'Bank', address: 'Bank address', account: 'Account no.' };
  return [
    `${label.beneficiary}: ${bank.beneficiary}`,
    `${label.bank}: ${bank.bankName}`,
    ...(bank.bankAddress ? [`${label.address}: ${bank.bankAddress}`] : []),
    `${label.account}: ${bank.accountNo}`,
    `SWIFT: ${bank.swift}`,
  ];
}

/** The request in the customer's language. */
function words(input: PaymentRequestInput, exporter: Letterhead): Words {
  const language = input.customer.language ?? 'en';
  const { contractNo, amountDue, dueDate, reference } = input;
  const amount = `${amountDue.amount} ${amountDue.currency}`;
  const plan = input.order.payments.plan;
  const terms = plan ? paymentTermsText(plan, language) : '—';
  const due = dueWhenText(input.dueWhen, language);
  if (language === 'zh-CN') {
    const what = input.part === 'DEPOSIT' ? '预付款' : '尾款';
    return {
      subject: `付款通知：合同 ${contractNo} ${what}（${amount}）`,
      facts: [
        ['合同号', contractNo],
        ['应付金额', amount],
        ['付款期限', dueDate ? `${dueDate} 前` : due],
        ['付款方式', terms],
        ['汇款附言', reference],
      ],
      intro: `${input.customer.name}，您好：`,
      body: `请以电汇（T/T）方式将合同 ${contractNo} 的${what}汇至下列账户，并在汇款附言中注明上述参考号，以便我方核对款项。`,
      bankHeading: '收款银行信息：',
      bank: bankLines(exporter, language),
      charges: '我方银行以外的银行费用由贵方承担。',
    };
  }
  const what = input.part === 'DEPOSIT' ? 'deposit' : 'balance payment';
  return {
    subject: `Payment request: ${what} for contract ${contractNo} (${amount})`,
    facts: [
      ['Contract', contractNo],
      ['Amount due', amount],
      ['Due', dueDate ? `by ${dueDate}` : due],
      ['Payment terms', terms],
      ['Reference to quote', reference],
    ],
    intro: `Dear ${input.customer.name},`,
    body: `please arrange the ${what} for contract ${contractNo} by telegraphic transfer to the account below, quoting the reference so we can match your payment.`,
    bankHeading: 'Beneficiary bank details:',
    bank: bankLines(exporter, language),
    charges: 'Bank charges outside our bank are for your account.',
  };
}

/** To the customer: what to pay, by when, under which terms, and where to (the exporter's bank). */
export function paymentRequestEmail(input: PaymentRequestInput, exporter: Letterhead): RenderedEmail {
  const language = input.customer.language ?? 'en';
  const w = words(input, exporter);
  const closing = signOff(input.accountManager.name, exporter.name, language);
  const text = [
    w.intro,
    '',
    w.body,
    '',
    factsText(w.facts),
    '',
    w.bankHeading,
    ...w.bank.map((l) => `  ${l}`),
    '',
    w.charges,
    '',
    ...closing.text,
  ].join('\n');
  const htmlBody = html`<p>${w.intro}</p>
    <p>${w.body}</p>
    ${factsHtml(w.facts)}
    <p><strong>${w.bankHeading}</strong><br />${w.bank.map((l) => html`${l}<br />`)}</p>
    <p>${w.charges}</p>
    ${closing.html}`;
  return { subject: w.subject, text, html: page(w.subject, htmlBody, exporter.name, language) };
}

/** What is open of `part` now, when, and under which terms. */
export function paymentRequestInput(state: OrderState, part: PaymentPart, now: string): PaymentRequestInput {
  const { contract } = required(state, 'a payment request');
  const entry = paymentSchedule(state).find((s) => s.part === part);
  if (!entry) throw new Error(`order ${state.orderId} has no ${part} to request`);
  return {
    ...customerEmail(state, now, 'a payment request'),
    part,
    amountDue: entry.outstanding,
    dueDate: entry.dueDate,
    dueWhen: entry.dueWhen,
    reference: `${contract.contractNo} ${part === 'DEPOSIT' ? 'DEPOSIT' : 'BALANCE'}`,
    order: documentOrder(state),
  };
}

/** Both payment requests are one activity; the part keeps their Message-IDs apart. */
export const sendPaymentRequest = defineEmail({
  activity: 'sendPaymentRequest',
  purpose: 'payment-request',
  idPurpose: (input: PaymentRequestInput) => `payment-request-${input.part.toLowerCase()}`,
  recipients: (input) => onBehalfOfAccountManager(input.customer.email, input),
  // The proforma invoice with our bank details: what the customer pays against. The request goes
  // out even when the order lacks what a proforma needs (a unit, say).
  attachments: (input) => [
    {
      kind: 'proforma-invoice',
      order: input.order,
      mark: 'ORIGINAL',
      fileName: () => `Proforma-Invoice-${safeToken(input.contractNo)}.pdf`,
      optional: true,
    },
  ],
  letter: (input, { exporter }) => paymentRequestEmail(input, exporter),
});

export const requestDeposit = defineEffect({
  kind: 'requestDeposit',
  summary: 'deposit request to the customer',
  email: sendPaymentRequest,
  input: (state, { now }) => paymentRequestInput(state, 'DEPOSIT', now),
});

export const requestBalance = defineEffect({
  kind: 'requestBalance',
  summary: 'balance request to the customer',
  email: sendPaymentRequest,
  input: (state, { now }) => paymentRequestInput(state, 'BALANCE', now),
});
