import { buildDocumentModel } from '../../src/activities/documents/model';
import { renderCommercialInvoice } from '../../src/activities/documents/commercial-invoice';
import { renderPackingList } from '../../src/activities/documents/packing-list';
import { formatMinor } from '../../src/activities/format';
import { lineTotalMinor, multiplyMoney, toMinor } from '../../src/domain/money';
import type { DocumentLine } from '../../src/activities';
import { documentSet, EXPORTER } from './fixtures';
import { pdfText } from './pdf-text';

describe('money in integer minor units', () => {
  test('the invoice line total is the quotation line total: 100.00 x 1.0004 is 100.00 on both', () => {
    const unitPrice = { amount: '100.00', currency: 'USD' };
    const quoted = multiplyMoney(unitPrice, 1.0004);
    const line = { ...documentSet().lines[0], unitPrice, quantity: 1.0004 };
    const invoice = buildDocumentModel(
      documentSet({ lines: [line], total: quoted, depositReceived: { amount: '0.00', currency: 'USD' } }),
    );
    expect(quoted.amount).toBe('100.00');
    expect(invoice.lines[0].amount).toBe('100.00');
    expect(invoice.linesTotal).toBe('USD 100.00');
  });

  test.each([
    ['0.10', 3, '0.30'], // 0.1 * 3 is 0.30000000000000004 in floats
    ['19.99', 100, '1,999.00'],
    ['6.15', 2000, '12,300.00'],
    ['0.07', 0.5, '0.04'], // 0.035 rounds half up
    ['1234567.89', 1000, '1,234,567,890.00'],
  ])('%s x %s = %s', (amount, quantity, expected) => {
    expect(formatMinor(lineTotalMinor({ amount, currency: 'USD' }, quantity))).toBe(expected);
  });

  test('amounts are decimal strings with at most 2 decimals', () => {
    expect(toMinor({ amount: '12', currency: 'USD' })).toBe(1200n);
    expect(toMinor({ amount: '12.5', currency: 'USD' })).toBe(1250n);
    for (const bad of ['1.005', '1e3', '', ' 1', '1,000.00', 'NaN']) {
      expect(() => toMinor({ amount: bad, currency: 'USD' })).toThrow();
    }
  });
});

/** An Info entry of an uncompressed-metadata PDF, following pdfkit's indirect reference (`/ModDate 17 0 R`). */
function infoValue(raw: string, key: string): string | undefined {
  const ref = new RegExp(`/${key} (\\d+) 0 R`).exec(raw)?.[1];
  if (ref === undefined) return new RegExp(`/${key} (\\([^)]*\\))`).exec(raw)?.[1];
  return new RegExp(`\\n${ref} 0 obj\\n(.*)\\n`).exec(raw)?.[1];
}

describe('PDF documents', () => {
  test('the same input renders byte-identical files, with metadata dates fixed to issuedAt', async () => {
    const render = async (): Promise<Buffer[]> => {
      const model = buildDocumentModel(documentSet());
      return Promise.all([
        renderCommercialInvoice(model, EXPORTER, 'COPY'),
        renderPackingList(model, EXPORTER, 'COPY'),
        renderCommercialInvoice(model, EXPORTER, 'ORIGINAL'),
      ]);
    };
    const first = await render();
    await new Promise((r) => setTimeout(r, 20)); // the wall clock moves on; the files must not
    const second = await render();
    first.forEach((buf, i) => expect(buf.equals(second[i])).toBe(true));
    const raw = first[0].toString('latin1');
    expect(infoValue(raw, 'CreationDate')).toBe('(D:20270220093000Z)');
    expect(infoValue(raw, 'ModDate')).toBe('(D:20270220093000Z)');
    // A different issue date is a different document.
    const other = await renderCommercialInvoice(
      buildDocumentModel(documentSet({ issuedAt: '2027-02-21T09:30:00.000Z' })),
      EXPORTER,
      'COPY',
    );
    expect(other.equals(first[0])).toBe(false);
  });

  test('200 line items flow over several pages, each line printed once, totals on the last page', async () => {
    const lines: DocumentLine[] = Array.from({ length: 200 }, (_, i) => ({
      description: `Item ${i + 1} ${'long description '.repeat(i % 3)}`.trim(),
      quantity: 10,
      unit: 'pcs',
      unitPrice: { amount: '1.01', currency: 'USD' },
    }));
    const model = buildDocumentModel(documentSet({ lines, total: { amount: '2020.00', currency: 'USD' } }));
    const invoice = await pdfText(await renderCommercialInvoice(model, EXPORTER, 'ORIGINAL'));
    expect(invoice.pages).toBeGreaterThan(3);
    expect(invoice.text).toContain('Item 200');
    expect(invoice.text).toContain('Total amount USD 2,020.00');
    expect(invoice.text.match(/^Description of goods|No\. Description of goods/gm)?.length).toBe(
      invoice.pages,
    );
    const packing = await pdfText(await renderPackingList(model, EXPORTER, 'ORIGINAL'));
    expect(packing.text).toContain('Total quantity 2,000 pcs');
  });

  test('a contract total that differs from the sum of lines shows both', async () => {
    const model = buildDocumentModel(documentSet({ total: { amount: '12000.00', currency: 'USD' } }));
    const { text } = await pdfText(await renderCommercialInvoice(model, EXPORTER, 'ORIGINAL'));
    expect(text).toContain('Sum of lines USD 12,301.25');
    expect(text).toContain('Total amount USD 12,000.00');
  });
});
