import type { DocumentMark } from './input';
import { MISSING, type DocumentModel } from './model';
import { drawParagraph, drawTable, ensureSpace } from './pdf';
import { renderTradeDocument } from './trade-document';

/**
 * Certificate-of-origin data sheet: what the chamber of commerce (CCPIT) or customs types into the
 * certificate: goods with HS code, packages and gross weight, marks, transport, invoice reference.
 */
export function renderCertificateOfOrigin(model: DocumentModel, mark: DocumentMark): Promise<Buffer> {
  return renderTradeDocument(model, mark, (doc, y, newPage) => {
    let cursor = drawParagraph(doc, y, `Country of origin: ${model.origin}`, 'bold', 10);
    cursor = drawParagraph(
      doc,
      cursor + 4,
      `Means of transport and route: ${model.vesselVoyage}, from ${model.portOfLoading} to ${model.portOfDischarge}`,
    );
    const invoiceNo = model.input.invoiceNo ?? MISSING;
    cursor = drawParagraph(doc, cursor + 4, `Invoice No. and date: ${invoiceNo}, ${model.issueDate}`);
    cursor = drawParagraph(doc, cursor + 4, `Marks and numbers: ${model.marks}`);
    const columns = [
      { header: 'No.', weight: 5 },
      { header: 'Description of goods', weight: 39 },
      { header: 'HS code', weight: 13 },
      { header: 'Quantity', weight: 16, align: 'right' as const },
      { header: 'Packages', weight: 12, align: 'right' as const },
      { header: 'G.W. (kg)', weight: 15, align: 'right' as const },
    ];
    const rows = model.lines.map((l) => [
      l.no,
      l.description,
      l.hsCode,
      `${l.quantity} ${l.unit}`,
      l.packages,
      l.grossWeight,
    ]);
    cursor = drawTable(doc, cursor + 10, columns, rows, newPage);
    const p = model.packingTotals;
    cursor = drawParagraph(
      doc,
      cursor + 6,
      `Total: ${model.quantityTotals.join(', ')}; ${p.packages} packages; G.W. ${p.grossWeight} kg`,
      'bold',
    );
    cursor = ensureSpace(doc, cursor + 12, 50, newPage);
    return drawParagraph(
      doc,
      cursor,
      `Declaration by the exporter: the above details and statements are correct; all the goods were produced in ${model.origin}.`,
    );
  });
}
