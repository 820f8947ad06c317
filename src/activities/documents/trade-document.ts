import type { DocumentMark, ExporterProfile } from '../types';
import type { DocumentModel } from './model';
import { decoratePage, drawBlocks, drawHeader, renderPdf, type Pdf } from './pdf';

/**
 * The part the commercial invoice and the packing list share: letterhead, references, buyer and
 * shipment blocks, and page furniture on every page. `drawBody` adds the document's own table.
 */
export function renderTradeDocument(
  title: string,
  model: DocumentModel,
  exporter: ExporterProfile,
  mark: DocumentMark,
  drawBody: (doc: Pdf, y: number, newPage: () => void) => void,
): Promise<Buffer> {
  const { input } = model;
  const meta = {
    title: `${title} ${input.invoiceNo}${mark === 'COPY' ? ' (copy)' : ''}`,
    subject: `Order ${input.orderId}, contract ${input.contractNo}`,
    author: exporter.name,
    issuedAt: model.issuedAt,
  };
  return renderPdf(meta, (doc) => {
    let pageNo = 1;
    const footer = `${title} ${input.invoiceNo}${mark === 'COPY' ? ' - COPY FOR VERIFICATION, NOT VALID FOR CUSTOMS' : ''}`;
    decoratePage(doc, mark, footer, pageNo);
    const newPage = (): void => {
      pageNo += 1;
      decoratePage(doc, mark, footer, pageNo);
    };
    let y = drawHeader(doc, {
      title,
      mark,
      exporter,
      refs: [
        ['Invoice No.', input.invoiceNo],
        ['Date', model.issueDate],
        ['Contract No.', input.contractNo],
        ['Order No.', input.orderId],
      ],
    });
    y = drawBlocks(
      doc,
      y,
      {
        heading: 'Buyer / Consignee',
        lines: [
          input.customer.company,
          `Attn. ${input.customer.name}`,
          input.customer.country,
          input.customer.email,
        ],
      },
      {
        heading: 'Shipment',
        facts: [
          ['Terms of delivery', model.incoterm],
          ['Payment terms', model.paymentTerms],
          ['Vessel / Voyage', `${input.vessel} / ${input.voyage}`],
          ['ETD', model.etd],
          ['B/L No.', `${input.blNo} (${model.blType})`],
          ['Containers', input.containerNos.length > 0 ? input.containerNos.join(', ') : '-'],
        ],
      },
    );
    drawBody(doc, y, newPage);
  });
}
