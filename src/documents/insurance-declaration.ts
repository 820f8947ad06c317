import type { DocumentMark } from './input';
import type { DocumentModel } from './model';
import { contentWidth, drawFacts, drawTable, MARGIN } from './pdf';
import { renderTradeDocument } from './trade-document';

/**
 * Insurance declaration (CIF/CIP): the cargo, the voyage and the cover. Incoterms 2020 ask for at
 * least 110 % of the invoice value; CIP for Institute Cargo Clauses (A), CIF for (C) at least.
 */
export function renderInsuranceDeclaration(model: DocumentModel, mark: DocumentMark): Promise<Buffer> {
  return renderTradeDocument(model, mark, (doc, y, newPage) => {
    const ins = model.insurance;
    const cursor = drawFacts(doc, MARGIN, y, contentWidth(doc), [
      ['Invoice value', model.total],
      ['Minimum insured amount (110 % of invoice value)', ins.minimumInsured],
      ['Insured amount', ins.insuredAmount],
      ['Cover required', ins.requiredCover],
      ['Cover', ins.cover],
      ['Policy No.', ins.policyNo],
      ['Insurer', ins.insurer],
      ['Voyage', `${model.vesselVoyage}, ETD ${model.etd}`],
      ['Marks and numbers', model.marks],
    ]);
    const columns = [
      { header: 'No.', weight: 6 },
      { header: 'Description of goods', weight: 58 },
      { header: 'Quantity', weight: 20, align: 'right' as const },
      { header: 'Packages', weight: 16, align: 'right' as const },
    ];
    const rows = model.lines.map((l) => [l.no, l.description, `${l.quantity} ${l.unit}`, l.packages]);
    return drawTable(doc, cursor + 10, columns, rows, newPage);
  });
}
