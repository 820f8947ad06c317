import { html } from '../escape';
import type { PaymentRequestInput, ExporterProfile } from '../types';
import { factsHtml, factsText, page, signOff, type Fact, type RenderedEmail } from './layout';

const PART = { DEPOSIT: 'deposit', BALANCE: 'balance payment' } as const;

/** The beneficiary's account, one line per field, as a transfer form asks for it. */
function bankLines(exporter: ExporterProfile): string[] {
  const bank = exporter.bank;
  if (!bank) return ['Your account manager will send our bank details.'];
  return [
    `Beneficiary: ${bank.beneficiary}`,
    `Bank: ${bank.bankName}`,
    ...(bank.bankAddress ? [`Bank address: ${bank.bankAddress}`] : []),
    `Account no.: ${bank.accountNo}`,
    `SWIFT: ${bank.swift}`,
  ];
}

/** To the customer: what to pay, by when, under which terms, and where to (the exporter's bank). */
export function paymentRequestEmail(input: PaymentRequestInput, exporter: ExporterProfile): RenderedEmail {
  const what = PART[input.part];
  const subject = `Payment request: ${what} for contract ${input.contractNo} (${input.amountDue.amount} ${input.amountDue.currency})`;
  const facts: Fact[] = [
    ['Contract', input.contractNo],
    ['Amount due', `${input.amountDue.amount} ${input.amountDue.currency}`],
    ['Due', input.dueDate ? `by ${input.dueDate}` : input.dueWhen],
    ['Payment terms', input.terms],
    ['Reference to quote', input.reference],
  ];
  const bank = bankLines(exporter);
  const intro = `Dear ${input.customer.name},`;
  const body = `please arrange the ${what} for contract ${input.contractNo} by telegraphic transfer to the account below, quoting the reference so we can match your payment.`;
  const closing = signOff(input.accountManager.name, exporter.name);
  const text = [
    intro,
    '',
    body,
    '',
    factsText(facts),
    '',
    'Beneficiary bank details:',
    ...bank.map((l) => `  ${l}`),
    '',
    'Bank charges outside our bank are for your account.',
    '',
    ...closing.text,
  ].join('\n');
  const htmlBody = html`<p>${intro}</p>
    <p>${body}</p>
    ${factsHtml(facts)}
    <p><strong>Beneficiary bank details</strong><br />${bank.map((l) => html`${l}<br />`)}</p>
    <p>Bank charges outside our bank are for your account.</p>
    ${closing.html}`;
  return { subject, text, html: page(subject, htmlBody, exporter.name) };
}
