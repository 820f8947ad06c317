import { presentationDeadline } from '../dueDates';
import { html } from '../letters/escape';
import { factsHtml, factsText, page, type Fact, type RenderedEmail } from '../letters/layout';
import type { Money } from '../money';
import type { OrderState } from '../types';
import { defineEffect, defineEmail, toAccountManager, type Letterhead } from './define';
import { billOfLading, customerEmail, type CustomerEmail } from './orderFacts';

export interface PresentationChecklistInput extends CustomerEmail {
  lcNo: string;
  issuingBank: string;
  amount: Money;
  latestShipmentDate: string;
  expiryDate: string;
  blNo: string;
  blDate: string;
  presentationDeadline: string;
}

/** The checks a bank makes of an L/C presentation; each one missed is a discrepancy and a fee. */
const CHECKS = [
  'Every document names the beneficiary and the applicant exactly as the L/C does.',
  'The commercial invoice: goods description word for word as in the L/C, amount within the credit, signed if required.',
  'The B/L: consignee and notify party as the L/C says, "clean on board" with the on-board date, port of loading and discharge as in the L/C.',
  'The B/L date is not after the latest shipment date.',
  'Packing list, certificate of origin and any inspection or beneficiary certificate the L/C calls for.',
  'Insurance document for CIF/CIP: at least 110 % of the invoice value, dated no later than the B/L.',
  'The draft (bill of exchange), if the L/C calls for one: drawn on the bank the L/C names, for the invoice amount.',
  'Presented within the period: by the presentation deadline and before the expiry.',
];

export function presentationChecklistEmail(
  input: PresentationChecklistInput,
  exporter: Letterhead,
): RenderedEmail {
  const subject = `L/C ${input.lcNo}: present the documents by ${input.presentationDeadline} (order ${input.orderId})`;
  const facts: Fact[] = [
    ['Order', input.orderId],
    ['Contract', input.contractNo],
    ['L/C', `${input.lcNo}, issued by ${input.issuingBank}`],
    ['Credit amount', `${input.amount.amount} ${input.amount.currency}`],
    ['Latest shipment date', input.latestShipmentDate],
    ['B/L', `${input.blNo} dated ${input.blDate}`],
    ['Present by', `${input.presentationDeadline} (L/C expires ${input.expiryDate})`],
  ];
  const intro = `Hello ${input.accountManager.name},`;
  const body = `the B/L for order ${input.orderId} is issued. Check the documents against the L/C before presenting them; record DOCUMENTS_PRESENTED once they are at the bank.`;
  const text = [
    intro,
    '',
    body,
    '',
    factsText(facts),
    '',
    'Checklist:',
    ...CHECKS.map((c) => `[ ] ${c}`),
    '',
  ].join('\n');
  const htmlBody = html`<p>${intro}</p>
    <p>${body}</p>
    ${factsHtml(facts)}
    <h3>Checklist</h3>
    <ul>
      ${CHECKS.map((c) => html`<li>${c}</li>`)}
    </ul>`;
  return { subject, text, html: page(subject, htmlBody, `${exporter.name} order desk`) };
}

export function presentationChecklistInput(state: OrderState, now: string): PresentationChecklistInput {
  const lc = state.payments.letterOfCredit;
  const deadline = presentationDeadline(state);
  const bl = billOfLading(state);
  if (!lc || !deadline) throw new Error(`order ${state.orderId} has no L/C`);
  return {
    ...customerEmail(state, now, 'an L/C presentation'),
    lcNo: lc.lcNo,
    issuingBank: lc.issuingBank,
    amount: lc.amount,
    latestShipmentDate: lc.latestShipmentDate,
    expiryDate: lc.expiryDate,
    blNo: bl.blNo,
    blDate: bl.issuedOn,
    presentationDeadline: deadline,
  };
}

export const sendPresentationChecklist = defineEmail({
  activity: 'sendPresentationChecklist',
  purpose: 'presentation-checklist',
  recipients: (input: PresentationChecklistInput) => toAccountManager(input),
  letter: (input, { exporter }) => presentationChecklistEmail(input, exporter),
});

export const presentationChecklist = defineEffect({
  kind: 'sendPresentationChecklist',
  label: 'L/C presentation checklist',
  summary: 'L/C presentation checklist to the account manager',
  email: sendPresentationChecklist,
  input: (state, { now }) => presentationChecklistInput(state, now),
});
