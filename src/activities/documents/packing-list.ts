import type { DocumentMark, ExporterProfile } from '../types';
import type { DocumentModel } from './model';
import { contentWidth, drawTable, drawTotals, ensureSpace, MARGIN } from './pdf';
import { renderTradeDocument } from './trade-document';

/** Packing list: what is in the containers, quantities only (prices belong on the invoice). */
export function renderPackingList(
  model: DocumentModel,
  exporter: ExporterProfile,
  mark: DocumentMark,
): Promise<Buffer> {
  return renderTradeDocument('PACKING LIST', model, exporter, mark, (doc, y, newPage) => {
    const columns = [
      { header: 'No.', weight: 6 },
      { header: 'Description of goods', weight: 64 },
      { header: 'Quantity', weight: 18, align: 'right' as const },
      { header: 'Unit', weight: 12 },
    ];
    const rows = model.lines.map((l) => [l.no, l.description, l.quantity, l.unit]);
    let cursor = drawTable(doc, y, columns, rows, newPage);
    cursor = ensureSpace(doc, cursor, 40 + 14 * model.quantityTotals.length, newPage);
    cursor = drawTotals(
      doc,
      cursor,
      model.quantityTotals.map(
        (q, i) => [i === 0 ? 'Total quantity' : '', q, true] as [string, string, boolean],
      ),
    );
    const containers = model.input.containerNos.length;
    cursor = ensureSpace(doc, cursor + 20, 40, newPage);
    doc
      .font('Helvetica')
      .fontSize(9)
      .text(
        `Packed in ${containers > 0 ? `${containers} container(s): ${model.input.containerNos.join(', ')}` : 'containers to be advised'}.`,
        MARGIN,
        cursor,
        { width: contentWidth(doc) },
      );
    doc.moveDown(2).text(`For and on behalf of ${exporter.name}`, { width: contentWidth(doc) });
  });
}
