import type { DocumentMark } from './input';
import type { DocumentModel } from './model';
import { decoratePage, drawBlocks, drawHeader, drawParagraph, ensureSpace, renderPdf, type Pdf } from './pdf';

/** The chop, about 4 cm across, over the signature line on the right. */
const CHOP_SIZE = 110;

function drawChop(doc: Pdf, png: Buffer, y: number): void {
  const x = doc.page.width - doc.page.margins.right - CHOP_SIZE - 20;
  doc.image(png, x, y - 10, { fit: [CHOP_SIZE, CHOP_SIZE] });
}

export type DrawBody = (doc: Pdf, y: number, newPage: () => void) => number;

/**
 * The frame every document shares: letterhead with references, buyer and shipment blocks, page
 * furniture on every page, and the signature line. `drawBody` adds the document's own part.
 */
export function renderTradeDocument(
  model: DocumentModel,
  mark: DocumentMark,
  drawBody: DrawBody,
): Promise<Buffer> {
  const { title, number, exporter, input } = model;
  const meta = {
    title: `${title} ${number}${mark === 'COPY' ? ' (copy)' : ''}`,
    subject: `Order ${input.orderId}${input.contract ? `, contract ${input.contract.number}` : ''}`,
    author: exporter.name,
    issuedAt: model.issuedAt,
  };
  return renderPdf(meta, (doc) => {
    let pageNo = 1;
    const footer = `${title} ${number}${mark === 'COPY' ? ' - COPY FOR VERIFICATION, NOT VALID FOR CUSTOMS' : ''}`;
    decoratePage(doc, mark, footer, pageNo);
    const newPage = (): void => {
      pageNo += 1;
      decoratePage(doc, mark, footer, pageNo);
    };
    let y = drawHeader(doc, { title, mark, revised: model.revised, exporter, refs: model.refs });
    for (const line of model.registration) y = drawParagraph(doc, y, line) + 2;
    y = drawBlocks(
      doc,
      y + (model.registration.length > 0 ? 6 : 0),
      {
        heading: 'Buyer',
        lines: [
          ...model.buyerLines,
          '',
          `Consignee: ${model.consigneeLines.join(', ')}`,
          `Notify party: ${model.notifyLines.join(', ')}`,
        ],
      },
      { heading: 'Terms and shipment', facts: model.shipment },
    );
    y = drawBody(doc, y, newPage);
    y = ensureSpace(doc, y + 24, 80, newPage);
    const signedAt = y;
    y = drawParagraph(doc, y, `For and on behalf of ${exporter.name}`, 'bold');
    if (exporter.localName) y = drawParagraph(doc, y, exporter.localName, 'bold');
    drawParagraph(doc, y + 28, 'Authorised signature and company chop: ______________________________');
    // The chop on originals only: a copy is for verification and must not pass for an original.
    if (mark === 'ORIGINAL' && model.chopPng) drawChop(doc, model.chopPng, signedAt);
  });
}
