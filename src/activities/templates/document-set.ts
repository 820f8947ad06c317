import { html } from '../escape';
import type { DocumentOrder } from '../documents/fromOrder';
import type { DocumentModel } from '../documents/model';
import type { DocumentMark, ExporterProfile } from '../types';
import { factsHtml, factsText, page, type Fact, type RenderedEmail } from './layout';

/** Covering email of the document set: copies to verify, or the final documents. */
export function documentSetEmail(
  model: DocumentModel,
  order: DocumentOrder,
  exporter: ExporterProfile,
  mark: DocumentMark,
  trackingUrl?: string,
): RenderedEmail {
  const invoiceNo = model.number;
  const { blType } = model.input;
  const copy = mark === 'COPY';
  const subject = copy
    ? `Documents for verification: invoice ${invoiceNo}, order ${order.orderId}`
    : `Shipping documents: invoice ${invoiceNo}, order ${order.orderId}`;
  const facts: Fact[] = [
    ['Order', order.orderId],
    ['Contract No.', model.input.contract?.number ?? '—'],
    ['Invoice No.', invoiceNo],
    ['Terms of delivery', model.incoterm],
    ['Vessel / Voyage', model.vesselVoyage],
    ['ETD', model.etd],
    ['B/L No.', `${model.blNo} (${model.blType})`],
    ['Total amount', model.total],
    ['Amount outstanding', model.outstanding],
  ];
  const intro = `Dear ${order.customer.name},`;
  const lead = copy
    ? 'please find attached COPIES of the commercial invoice and the packing list for your verification. Please check them and confirm, or tell us what to correct, by replying to this email.'
    : 'please find attached the final commercial invoice and packing list for your shipment.';
  const payment =
    copy && model.outstandingMinor > 0n
      ? `The original documents are released once the outstanding balance of ${model.outstanding} has been received.`
      : '';
  const release =
    !copy && blType === 'TELEX_RELEASE'
      ? `The bill of lading ${model.blNo} is telex released: no original B/L is needed to take delivery.`
      : !copy && blType === 'SEA_WAYBILL'
        ? `The goods travel under sea waybill ${model.blNo}: no original is needed to take delivery.`
        : !copy
          ? `The original bill of lading ${model.blNo} follows separately.`
          : '';
  const closing = ['Kind regards,', order.accountManager.name, exporter.name];
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
