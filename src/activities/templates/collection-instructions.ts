import { html } from '../../text/escape';
import type { CollectionInstructionsInput, ExporterProfile } from '../types';
import { factsHtml, factsText, page, type Fact, type RenderedEmail } from './layout';

/**
 * To the account manager: the covering letter (collection instruction) to hand to our bank with
 * the documents, ready to print and sign, with what the bank must be told.
 */
export function collectionInstructionsEmail(
  input: CollectionInstructionsInput,
  exporter: ExporterProfile,
): RenderedEmail {
  const terms =
    input.method === 'DP'
      ? 'Documents against payment (D/P) at sight: release the documents only against full payment.'
      : `Documents against acceptance (D/A): release the documents against acceptance of our draft at ${input.tenorDays} days.`;
  const subject = `Collection instruction for contract ${input.contractNo} (${input.method}): take it to the remitting bank`;
  const letter: Fact[] = [
    ['Drawer', `${exporter.name}, ${exporter.address}`],
    ['Drawee', `${input.customer.company}, ${input.customer.country}`],
    ['Amount', `${input.amount.amount} ${input.amount.currency}`],
    ['Terms', terms],
    ['Documents enclosed', input.documents.join(', ')],
    ['B/L', `${input.blNo} dated ${input.blDate}`],
    ['Charges', 'Collection charges outside the remitting bank are for the drawee.'],
    [
      'If unpaid / unaccepted',
      'Advise us by SWIFT with the reason; do not protest; store and insure the goods.',
    ],
    ['Rules', 'Subject to the Uniform Rules for Collections, ICC Publication No. 522.'],
  ];
  const intro = `Hello ${input.accountManager.name},`;
  const body = `the B/L for order ${input.orderId} (contract ${input.contractNo}) is issued. Print the covering letter below, sign it, and hand it with the original documents to our bank. Then record SENT_FOR_COLLECTION on the order.`;
  const text = [
    intro,
    '',
    body,
    '',
    'COVERING LETTER / COLLECTION INSTRUCTION',
    '',
    factsText(letter),
    '',
  ].join('\n');
  const htmlBody = html`<p>${intro}</p>
    <p>${body}</p>
    <h3>Covering letter / collection instruction</h3>
    ${factsHtml(letter)}`;
  return { subject, text, html: page(subject, htmlBody, `${exporter.name} order desk`) };
}
