import type { Language } from '../../domain';
import { dueWhenText, paymentTerms } from '../../i18n/terms';
import { html } from '../../text/escape';
import type { PaymentRequestInput, ExporterProfile } from '../types';
import { factsHtml, factsText, page, signOff, type Fact, type RenderedEmail } from './layout';

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
function bankLines(exporter: ExporterProfile, language: Language): string[] {
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
function words(input: PaymentRequestInput, exporter: ExporterProfile): Words {
  const language = input.customer.language ?? 'en';
  const { contractNo, amountDue, dueDate, reference } = input;
  const amount = `${amountDue.amount} ${amountDue.currency}`;
  const plan = input.order.payments.plan;
  const terms = plan ? paymentTerms(plan, language) : '—';
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
export function paymentRequestEmail(input: PaymentRequestInput, exporter: ExporterProfile): RenderedEmail {
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
