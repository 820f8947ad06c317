import type { DocumentMark, ExporterProfile } from '../types';
import type { DocumentModel } from './model';
import { contentWidth, drawTable, drawTotals, ensureSpace, MARGIN } from './pdf';
import { renderTradeDocument } from './trade-document';

/** Commercial invoice: line items with quantities, unit prices and amounts; totals and payments. */
export function renderCommercialInvoice(
  model: DocumentModel,
  exporter: ExporterProfile,
  mark: DocumentMark,
): Promise<Buffer> {
  return renderTradeDocument('COMMERCIAL INVOICE', model, exporter, mark, (doc, y, newPage) => {
    const columns = [
      { header: 'No.', weight: 5 },
      { header: 'Description of goods', weight: 41 },
      { header: 'Quantity', weight: 12, align: 'right' as const },
      { header: 'Unit', weight: 8 },
      { header: `Unit price (${model.currency})`, weight: 16, align: 'right' as const },
      { header: `Amount (${model.currency})`, weight: 18, align: 'right' as const },
    ];
    const rows = model.lines.map((l) => [l.no, l.description, l.quantity, l.unit, l.unitPrice, l.amount]);
    let cursor = drawTable(doc, y, columns, rows, newPage);
    cursor = ensureSpace(doc, cursor, 120, newPage);
    const totals: [string, string, boolean][] = [];
    if (model.linesTotal !== model.total) totals.push(['Sum of lines', model.linesTotal, false]);
    totals.push(
      ['Total amount', model.total, true],
      ['Deposit received', model.depositReceived, false],
      ['Balance received', model.balanceReceived, false],
      ['Amount outstanding', model.outstanding, true],
    );
    cursor = drawTotals(doc, cursor, totals);
    cursor = ensureSpace(doc, cursor + 30, 60, newPage);
    doc
      .font('Helvetica')
      .fontSize(9)
      .text(
        `We certify that this invoice is true and correct. Currency: ${model.currency}.`,
        MARGIN,
        cursor,
        {
          width: contentWidth(doc),
        },
      );
    doc.moveDown(2).text(`For and on behalf of ${exporter.name}`, { width: contentWidth(doc) });
  });
}
