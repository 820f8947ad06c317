import type { DocumentMark } from './input';
import type { DocumentModel } from './model';
import {
  bottomLimit,
  decoratePage,
  drawBlocks,
  drawHeader,
  drawParagraph,
  ensureSpace,
  renderPdf,
  type Pdf,
} from './pdf';

/** The chop, about 3 cm across, beside the signature on the right (a chop overlaps the signature, as stamped). */
const CHOP_SIZE = 90;

function drawChop(doc: Pdf, png: Buffer, y: number): void {
  const x = doc.page.width - doc.page.margins.right - CHOP_SIZE - 20;
  // Kept on the page: never below the bottom margin, where the footer is.
  const top = Math.min(y - 20, bottomLimit(doc) - CHOP_SIZE);
  doc.image(png, x, top, { fit: [CHOP_SIZE, CHOP_SIZE] });
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
    let y = drawHeader(doc, {
      title,
      mark,
      revised: model.revised,
      exporter,
      refs: model.refs,
      registration: model.registration,
    });
    y = drawBlocks(
      doc,
      y,
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
    y = ensureSpace(doc, y + 16, 64, newPage);
    const signedAt = y;
    y = drawParagraph(doc, y, `For and on behalf of ${exporter.name}`, 'bold');
    if (exporter.localName) y = drawParagraph(doc, y, exporter.localName, 'bold');
    drawParagraph(doc, y + 28, 'Authorised signature and company chop: ______________________________');
    // The chop on originals only: a copy is for verification and must not pass for an original.
    if (mark === 'ORIGINAL' && model.chopPng) drawChop(doc, model.chopPng, signedAt);
  });
}
