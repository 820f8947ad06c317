import { html } from '../../text/escape';
import type { ExporterProfile, PresentationChecklistInput } from '../types';
import { factsHtml, factsText, page, type Fact, type RenderedEmail } from './layout';

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
  exporter: ExporterProfile,
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
