import type { DocumentMark } from './input';
import { drawPricedLines } from './commercial-invoice';
import { MISSING, type DocumentModel } from './model';
import { contentWidth, drawFacts, drawParagraph, drawTotals, ensureSpace, MARGIN, styled } from './pdf';
import { renderTradeDocument } from './trade-document';

/** Proforma invoice: the priced offer the buyer pays the deposit (or opens the L/C) against, with our bank. */
export function renderProformaInvoice(model: DocumentModel, mark: DocumentMark): Promise<Buffer> {
  return renderTradeDocument(model, mark, (doc, y, newPage) => {
    let cursor = drawPricedLines(doc, model, y, newPage);
    cursor = ensureSpace(doc, cursor, 60, newPage);
    const totals: [string, string, boolean][] = [];
    if (model.linesTotalDiffers) totals.push(['Sum of lines', model.linesTotal, false]);
    totals.push([`Total ${model.input.incoterm} ${model.input.namedPlace}`, model.total, true]);
    cursor = drawTotals(doc, cursor, totals);
    cursor = ensureSpace(doc, cursor + 12, 110, newPage);
    cursor = drawParagraph(doc, cursor, `Payment terms: ${model.paymentTerms}`);
    const heading = 'Bank details for payment';
    styled(doc, heading, 'bold', 10).text(heading, MARGIN, cursor + 10, { width: contentWidth(doc) });
    cursor = drawFacts(doc, MARGIN, doc.y, contentWidth(doc), model.bank ?? [['Bank', MISSING]]);
    return drawParagraph(
      doc,
      cursor + 8,
      'This proforma invoice is not a demand for payment of the full amount; it states the goods, prices and terms agreed.',
    );
  });
}
