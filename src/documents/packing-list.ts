import type { DocumentMark } from './input';
import { containersWithSeals, type DocumentModel } from './model';
import { drawParagraph, drawTable, drawTotals, ensureSpace } from './pdf';
import { renderTradeDocument } from './trade-document';

/** Packing list: what is packed how (cartons, N.W./G.W., CBM, marks); prices belong on the invoice. */
export function renderPackingList(model: DocumentModel, mark: DocumentMark): Promise<Buffer> {
  return renderTradeDocument(model, mark, (doc, y, newPage) => {
    const columns = [
      { header: 'No.', weight: 5 },
      { header: 'Description of goods', weight: 35 },
      { header: 'Quantity', weight: 11, align: 'right' as const },
      { header: 'Unit', weight: 7 },
      { header: 'Packages', weight: 10, align: 'right' as const },
      { header: 'N.W. (kg)', weight: 11, align: 'right' as const },
      { header: 'G.W. (kg)', weight: 11, align: 'right' as const },
      { header: 'CBM', weight: 10, align: 'right' as const },
    ];
    const rows = model.lines.map((l) => [
      l.no,
      l.description,
      l.quantity,
      l.unit,
      l.packages,
      l.netWeight,
      l.grossWeight,
      l.volume,
    ]);
    let cursor = drawTable(doc, y, columns, rows, newPage);
    const p = model.packingTotals;
    cursor = ensureSpace(doc, cursor, 60 + 14 * model.quantityTotals.length, newPage);
    cursor = drawTotals(doc, cursor, [
      ...model.quantityTotals.map((q, i) => [i === 0 ? 'Total quantity' : '', q, true] as const),
      ['Total packages', p.packages, true],
      ['Total net weight', `${p.netWeight} kg`, true],
      ['Total gross weight', `${p.grossWeight} kg`, true],
      ['Total volume', `${p.volume} CBM`, true],
    ]);
    cursor = ensureSpace(doc, cursor + 12, 50, newPage);
    cursor = drawParagraph(doc, cursor, `Marks and numbers: ${model.marks}`);
    const containers = containersWithSeals(model.input);
    return drawParagraph(
      doc,
      cursor + 4,
      `Packed in ${containers.length > 0 ? `${containers.length} container(s): ${containers.join(', ')}` : 'containers to be advised'}.`,
    );
  });
}
