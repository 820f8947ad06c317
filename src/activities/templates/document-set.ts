import { html } from '../escape';
import type { DocumentModel } from '../documents/model';
import type { DocumentMark, ExporterProfile } from '../types';
import { factsHtml, factsText, page, type Fact, type RenderedEmail } from './layout';

/** Covering email of the document set: copies to verify, or the final documents. */
export function documentSetEmail(
  model: DocumentModel,
  exporter: ExporterProfile,
  mark: DocumentMark,
  trackingUrl?: string,
): RenderedEmail {
  const { input } = model;
  const copy = mark === 'COPY';
  const subject = copy
    ? `Documents for verification: invoice ${input.invoiceNo}, order ${input.orderId}`
    : `Shipping documents: invoice ${input.invoiceNo}, order ${input.orderId}`;
  const facts: Fact[] = [
    ['Order', input.orderId],
    ['Contract No.', input.contractNo],
    ['Invoice No.', input.invoiceNo],
    ['Terms of delivery', model.incoterm],
    ['Vessel / Voyage', `${input.vessel} / ${input.voyage}`],
    ['ETD', model.etd],
    ['B/L No.', `${input.blNo} (${model.blType})`],
    ['Total amount', model.total],
    ['Amount outstanding', model.outstanding],
  ];
  const intro = `Dear ${input.customer.name},`;
  const lead = copy
    ? 'please find attached COPIES of the commercial invoice and the packing list for your verification. Please check them and confirm, or tell us what to correct, by replying to this email.'
    : 'please find attached the final commercial invoice and packing list for your shipment.';
  const payment =
    copy && model.outstandingMinor > 0n
      ? `The original documents are released once the outstanding balance of ${model.outstanding} has been received.`
      : '';
  const release =
    !copy && input.blType === 'TELEX_RELEASE'
      ? `The bill of lading ${input.blNo} is telex released: no original B/L is needed to take delivery.`
      : !copy && input.blType === 'SEA_WAYBILL'
        ? `The goods travel under sea waybill ${input.blNo}: no original is needed to take delivery.`
        : !copy
          ? `The original bill of lading ${input.blNo} follows separately.`
          : '';
  const closing = ['Kind regards,', input.accountManager.name, exporter.name];
  const extra = [payment, release].filter((s) => s.length > 0);
  const track = 'Follow your order, download its documents and confirm the copies here';
  const text = [
    intro,
    '',
    lead,
    ...extra.flatMap((s) => ['', s]),
    '',
    factsText(facts),
    '',
    'Attached: commercial invoice, packing list (PDF).',
    ...(trackingUrl ? ['', `${track}: ${trackingUrl}`] : []),
    '',
    ...closing,
    '',
  ].join('\n');
  const htmlBody = html`<p>${intro}</p>
    <p>${lead}</p>
    ${extra.map((s) => html`<p>${s}</p>`)}${factsHtml(facts)}
    <p>Attached: commercial invoice, packing list (PDF).</p>
    ${trackingUrl ? html`<p><a href="${trackingUrl}">${track}</a></p>` : ''}
    <p>${closing.map((line, i) => (i === 0 ? html`${line}` : html`<br />${line}`))}</p>`;
  return { subject, text, html: page(subject, htmlBody, exporter.name) };
}
