import { TRADE_MODES, TRANSPORT_MODES } from '../domain/customsDeclaration';
import { toMinor } from '../domain/money';
import { formatQuantity } from '../domain/letters/format';
import { countryName } from '../text/countries';
import { formatMinor } from '../text/format';
import type { DocumentMark } from './input';
import { MISSING, type DocumentModel } from './model';
import { drawFacts, drawParagraph, drawTable, ensureSpace, contentWidth } from './pdf';
import { renderTradeDocument } from './trade-document';

const coded = (codes: Record<string, string>, value: string | undefined): string =>
  value === undefined ? MISSING : `${value.replace(/_/g, ' ')} (${codes[value] ?? '?'})`;

const figure = (value: number | undefined): string => (value === undefined ? MISSING : formatQuantity(value));

/**
 * The export declaration's data sheet for the customs broker: what the broker keys into the single
 * window (单一窗口), line by line with the 10-digit HS code and its declared elements, beside the
 * invoice and packing list it was checked against.
 */
export function renderCustomsDeclaration(model: DocumentModel, mark: DocumentMark): Promise<Buffer> {
  return renderTradeDocument(model, mark, (doc, y, newPage) => {
    const c = model.input.customs;
    const facts = [
      ['Declaration No.', c?.declarationNo ?? MISSING],
      ['Declared on', c?.declaredOn ?? MISSING],
      ['Trade mode (监管方式)', coded(TRADE_MODES, c?.tradeMode)],
      ['Transport mode (运输方式)', coded(TRANSPORT_MODES, c?.transportMode)],
      [
        'Destination country',
        c?.destinationCountry ? countryName(c.destinationCountry, model.input.language) : MISSING,
      ],
      ['Port of exit (离境口岸)', c?.exitPort ?? MISSING],
      ['Exporter USCC', model.exporter.uscc ?? MISSING],
      ['Exporter customs code', model.exporter.customsCode ?? MISSING],
      ['Invoice No.', model.input.invoiceNo ?? MISSING],
      ['Terms of delivery', model.incoterm],
    ] as const;
    let cursor = drawFacts(doc, doc.page.margins.left, y, contentWidth(doc), facts) + 10;
    const columns = [
      { header: 'No.', weight: 5 },
      { header: 'HS code', weight: 13 },
      { header: 'Goods and declared elements (申报要素)', weight: 34 },
      { header: 'Quantity', weight: 12, align: 'right' as const },
      { header: `Value (${model.currency})`, weight: 13, align: 'right' as const },
      { header: 'Pkgs', weight: 7, align: 'right' as const },
      { header: 'N.W. kg', weight: 8, align: 'right' as const },
      { header: 'G.W. kg', weight: 8, align: 'right' as const },
    ];
    const rows = (c?.lines ?? []).map((l) => {
      const goods = model.lines[l.lineNo - 1];
      return [
        String(l.lineNo),
        l.hsCode,
        `${goods?.description ?? ''}\n${l.declaredElements}`,
        `${formatQuantity(l.quantity)} ${goods?.unit ?? ''}`.trim(),
        formatMinor(toMinor(l.value)),
        figure(l.packages),
        figure(l.netWeightKg),
        figure(l.grossWeightKg),
      ];
    });
    cursor = drawTable(doc, cursor, columns, rows, newPage);
    cursor = ensureSpace(doc, cursor + 10, 40, newPage);
    return drawParagraph(
      doc,
      cursor,
      'Quantities and values checked against the commercial invoice, packages and weights against the packing list.',
    );
  });
}
