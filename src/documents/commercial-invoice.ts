import type { DocumentMark } from './input';
import type { DocumentModel } from './model';
import { drawParagraph, drawTable, drawTotals, ensureSpace, type Pdf } from './pdf';
import { renderTradeDocument } from './trade-document';

/** Goods with HS code, quantity, unit, unit price and amount, then the totals a bank checks. */
export function drawPricedLines(doc: Pdf, model: DocumentModel, y: number, newPage: () => void): number {
  const columns = [
    { header: 'No.', weight: 5 },
    { header: 'Description of goods', weight: 32 },
    // Wide enough for a 10-digit Chinese HS code on one line.
    { header: 'HS code', weight: 14 },
    { header: 'Quantity', weight: 11, align: 'right' as const },
    { header: 'Unit', weight: 7 },
    { header: `Unit price (${model.currency})`, weight: 14, align: 'right' as const },
    { header: `Amount (${model.currency})`, weight: 17, align: 'right' as const },
  ];
  const rows = model.lines.map((l) => [
    l.no,
    l.description,
    l.hsCode,
    l.quantity,
    l.unit,
    l.unitPrice,
    l.amount,
  ]);
  return drawTable(doc, y, columns, rows, newPage);
}

/** Commercial invoice: the priced lines, totals and payments, marks and packing summary, origin. */
export function renderCommercialInvoice(model: DocumentModel, mark: DocumentMark): Promise<Buffer> {
  return renderTradeDocument(model, mark, (doc, y, newPage) => {
    let cursor = drawPricedLines(doc, model, y, newPage);
    cursor = ensureSpace(doc, cursor, 110, newPage);
    const totals: [string, string, boolean][] = [];
    if (model.linesTotalDiffers) totals.push(['Sum of lines', model.linesTotal, false]);
    for (const [label, value] of model.priceBreakdown) totals.push([label, value, false]);
    totals.push(
      [`Total ${model.input.incoterm} ${model.input.namedPlace}`, model.total, true],
      ['Deposit received', model.depositReceived, false],
      ['Balance received', model.balanceReceived, false],
      ['Written off', model.writtenOff, false],
      ['Amount outstanding', model.outstanding, true],
    );
    cursor = drawTotals(doc, cursor, totals);
    cursor = drawParagraph(doc, cursor + 6, model.totalInWords, 'bold');
    if (model.totalInCapitals)
      cursor = drawParagraph(doc, cursor + 2, `大写：${model.totalInCapitals}`, 'bold');
    cursor = ensureSpace(doc, cursor + 12, 90, newPage);
    const p = model.packingTotals;
    cursor = drawParagraph(doc, cursor, `Marks and numbers: ${model.marks}`);
    cursor = drawParagraph(
      doc,
      cursor + 2,
      `Packages: ${p.packages}   N.W.: ${p.netWeight} kg   G.W.: ${p.grossWeight} kg   Volume: ${p.volume} CBM`,
    );
    return drawParagraph(
      doc,
      cursor + 8,
      `We certify that this invoice is true and correct and that the goods are of ${model.origin} origin. Currency: ${model.currency}.`,
    );
  });
}
