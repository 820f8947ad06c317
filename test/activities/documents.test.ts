import { documentInput, missingFor, type DocumentOrder } from '../../src/documents/fromOrder';
import {
  DOCUMENT_KINDS,
  type DocumentKind,
  type Exporter,
  type TradeDocumentInput,
} from '../../src/documents/input';
import { buildDocumentModel } from '../../src/documents/model';
import { renderDocument } from '../../src/documents/render';
import { formatMinor } from '../../src/text/format';
import {
  atLeastPercentOf,
  lineTotalMinor,
  multiplyMoney,
  toMinor,
  unitPriceDecimal,
} from '../../src/domain/money';
import { BANK, CHINESE_EXPORTER, documentOrder, EXPORTER, fullOrder } from './fixtures';
import { pdfText } from './pdf-text';

const usd = (amount: string) => ({ amount, currency: 'USD' });

async function textOf(
  order: DocumentOrder,
  kind: DocumentKind,
  exporter: Exporter = CHINESE_EXPORTER,
): Promise<string> {
  const model = buildDocumentModel(documentInput(order, kind, exporter));
  return (await pdfText(await renderDocument(model, 'ORIGINAL'))).text;
}

/** Collapses whitespace so a golden string matches however pdf.js splits lines. */
const flat = (text: string) => text.replace(/\s+/g, ' ');

describe('money with sub-cent unit prices', () => {
  test.each([
    ['0.035', 120000, '4,200.00'],
    ['0.0125', 3, '0.04'], // 0.0375 rounds half up
    ['0.10', 3, '0.30'], // 0.1 * 3 is 0.30000000000000004 in floats
    ['6.15', 2000, '12,300.00'],
    ['0.07', 0.5, '0.04'],
    ['1234567.89', 1000, '1,234,567,890.00'],
  ])('%s x %s = %s', (amount, quantity, expected) => {
    expect(formatMinor(lineTotalMinor(usd(amount), quantity))).toBe(expected);
  });

  test('a line total is the quotation line total: 100.00 x 1.0004 is 100.00 on both', () => {
    expect(multiplyMoney(usd('100.00'), 1.0004).amount).toBe('100.00');
  });

  test('unit prices print with 2 to 4 decimals; amounts keep 2; 110 % is rounded up to the cent', () => {
    expect(['6.1', '0.035', '0.0125', '12', '0.5000'].map((a) => unitPriceDecimal(usd(a)))).toEqual([
      '6.10',
      '0.035',
      '0.0125',
      '12.00',
      '0.50',
    ]);
    expect(() => unitPriceDecimal(usd('0.00001'))).toThrow();
    expect(() => toMinor(usd('0.035'))).toThrow();
    expect(atLeastPercentOf(usd('0.01'), 110).amount).toBe('0.02'); // 0.011 is not covered by 0.01
    expect(atLeastPercentOf(usd('4212.30'), 110).amount).toBe('4633.53');
  });
});

describe('golden text of every document kind', () => {
  const order = fullOrder();

  test('commercial invoice: Chinese exporter, Cyrillic buyer, HS codes, 0.035 unit price, exact totals', async () => {
    const text = flat(await textOf(order, 'commercial-invoice'));
    for (const s of [
      'COMMERCIAL INVOICE',
      'Ningbo Bright Lighting Co., Ltd.',
      '宁波海天照明有限公司',
      'ООО «Светлый Дом»',
      'Nevsky prospekt 28, office 4',
      'Attn. Ирина Петрова',
      'No.: CI-SC-2026-117',
      'Contract No.: SC-2026-117',
      'Contract date: 2026-12-01',
      'CIF St. Petersburg (Incoterms 2020)',
      'Payment terms: 30% T/T deposit',
      'L/C No.: LC-77-2027',
      'Port of loading: Ningbo, China',
      'Port of discharge: St. Petersburg, Russia',
      'MSC AURORA / FE607W',
      'MEDUNB123456 (Telex release)',
      'Country of origin: China',
      '8541.41',
      '120,000 pcs 0.035 4,200.00',
      '3 sets 4.10 12.30',
      'Total CIF St. Petersburg USD 4,212.30',
      'Marks and numbers: SVETDOM / SPB / C/NO. 1-41',
      'Packages: 41 CTNS N.W.: 390 kg G.W.: 423 kg Volume: 1.25 CBM',
    ])
      expect(text).toContain(s);
    expect(text).not.toContain('Sum of lines');
  });

  test('packing list: cartons, N.W./G.W., CBM and marks per line and in total, no prices', async () => {
    const text = flat(await textOf(order, 'packing-list'));
    for (const s of [
      'PACKING LIST',
      'No.: PL-SC-2026-117',
      'Invoice No.: CI-SC-2026-117',
      '120,000 pcs 40 380.5 412.25 1.2',
      'Total quantity 120,000 pcs',
      'Total packages 41 CTNS',
      'Total net weight 390 kg',
      'Total gross weight 423 kg',
      'Total volume 1.25 CBM',
      'SVETDOM / SPB / C/NO. 1-41',
      'MSCU1234565',
    ])
      expect(text).toContain(s);
    expect(text).not.toContain('0.035');
  });

  test('packing list: each container with its seal where the booking gave one', async () => {
    const sealed = fullOrder();
    const confirmed = sealed.shipping.booking.confirmed;
    if (!confirmed) throw new Error('the fixture has a booking');
    const order = {
      ...sealed,
      shipping: {
        ...sealed.shipping,
        booking: { ...sealed.shipping.booking, confirmed: { ...confirmed, sealNos: ['CN4471203'] } },
      },
    };
    const text = flat(await textOf(order, 'packing-list'));
    expect(text).toContain('MSCU1234565 / SEAL CN4471203, MSCU7654321');
  });

  test('proforma invoice: priced lines, payment terms and the bank details from configuration', async () => {
    const text = flat(await textOf(order, 'proforma-invoice', { ...CHINESE_EXPORTER, bank: BANK }));
    for (const s of [
      'PROFORMA INVOICE',
      'No.: PI-SC-2026-117',
      'Quotation No.: Q-2026-88',
      'Date: 2026-12-01',
      'Total CIF St. Petersburg USD 4,212.30',
      'Bank: Bank of China, Ningbo Branch',
      'Account No.: 3582 1234 5678',
      'SWIFT: BKCHCNBJ92A',
    ])
      expect(text).toContain(s);
  });

  test('certificate-of-origin data sheet: origin, HS codes, packages, gross weight, route', async () => {
    const text = flat(await textOf(order, 'certificate-of-origin'));
    for (const s of [
      'CERTIFICATE OF ORIGIN - DATA SHEET',
      'Country of origin: China',
      'from Ningbo, China to St. Petersburg, Russia',
      'Invoice No. and date: CI-SC-2026-117, 2027-02-20',
      '8541.41 120,000 pcs 40 412.25',
      'all the goods were produced in China',
    ])
      expect(text).toContain(s);
  });

  test('insurance declaration (CIF): at least 110 % of the invoice value, the cover and the policy', async () => {
    const text = flat(await textOf(order, 'insurance-declaration'));
    for (const s of [
      'INSURANCE DECLARATION',
      'Invoice value: USD 4,212.30',
      'Minimum insured amount (110 % of invoice value): USD 4,633.53',
      'Insured amount: USD 4,633.53',
      'Cover: Institute Cargo Clauses (A)',
      'Policy No.: PICC-2027-555',
    ])
      expect(text).toContain(s);
  });

  test('trade data the order lacks prints "—", never an invented value; no "pcs" fallback', async () => {
    const bare = documentOrder();
    const text = flat(await textOf(bare, 'commercial-invoice', EXPORTER));
    for (const s of [
      'Port of loading: —',
      'Port of discharge: —',
      'Country of origin: —',
      'Marks and numbers: —',
      'Packages: — N.W.: — kg',
    ])
      expect(text).toContain(s);
    expect(text).toContain('Total FOB Ningbo USD 12,301.25');
    const noUnit = documentOrder({ inquiry: { ...bare.inquiry, products: [] } });
    expect(missingFor(noUnit, 'packing-list')).toEqual([
      'line 1 (40W LED panel 600x600) has no unit of measure',
      'line 2 (Driver spare 0.1) has no unit of measure',
    ]);
    expect(() => documentInput(noUnit, 'packing-list', EXPORTER)).toThrow('no unit of measure');
  });

  test('what each kind needs: a contract (a proforma a quotation), CIF/CIP for the insurance declaration', () => {
    const early = documentOrder({ contract: null });
    expect(missingFor(early, 'proforma-invoice')).toEqual([]);
    expect(missingFor(early, 'commercial-invoice')).toEqual(['the order has no contract yet']);
    expect(missingFor(documentOrder(), 'insurance-declaration')).toEqual([
      'the seller insures only under CIF or CIP, not FOB',
    ]);
    expect(missingFor(documentOrder({ quotation: null, contract: null }), 'proforma-invoice')).toEqual([
      'the order has no quotation yet',
    ]);
  });
});

describe('dates in the exporter time zone', () => {
  const withEtd = (etd: string, timeZone: string): TradeDocumentInput => {
    const order = documentOrder();
    const booking = order.shipping.booking.confirmed!;
    const input = documentInput(
      {
        ...order,
        shipping: {
          ...order.shipping,
          booking: { ...order.shipping.booking, confirmed: { ...booking, etd } },
        },
      },
      'commercial-invoice',
      { ...EXPORTER, timeZone },
    );
    return input;
  };

  test('an ETD of 2026-03-01T18:00:00Z prints 2026-03-02 in Asia/Shanghai, 2026-03-01 in UTC', async () => {
    expect(buildDocumentModel(withEtd('2026-03-01T18:00:00Z', 'Asia/Shanghai')).etd).toBe('2026-03-02');
    expect(buildDocumentModel(withEtd('2026-03-01T18:00:00Z', 'UTC')).etd).toBe('2026-03-01');
    expect(buildDocumentModel(withEtd('2026-03-01', 'Asia/Shanghai')).etd).toBe('2026-03-01');
    const model = buildDocumentModel(withEtd('2026-03-01T18:00:00Z', 'Asia/Shanghai'));
    expect(flat((await pdfText(await renderDocument(model, 'ORIGINAL'))).text)).toContain('ETD: 2026-03-02');
  });
});

/** An Info entry, following pdfkit's indirect reference (`/ModDate 17 0 R`). */
function infoValue(raw: string, key: string): string | undefined {
  const ref = new RegExp(`/${key} (\\d+) 0 R`).exec(raw)?.[1];
  if (ref === undefined) return new RegExp(`/${key} (\\([^)]*\\))`).exec(raw)?.[1];
  return new RegExp(`\\n${ref} 0 obj\\n(.*)\\n`).exec(raw)?.[1];
}

describe('PDF files', () => {
  test('every kind renders byte-identical files from the same order, dated by the order, not the clock', async () => {
    const order = fullOrder();
    const render = () =>
      Promise.all(
        // The fixture has no declaration data: every kind it can have.
        DOCUMENT_KINDS.filter((kind) => missingFor(order, kind).length === 0).flatMap((kind) =>
          (['COPY', 'ORIGINAL'] as const).map((mark) =>
            renderDocument(buildDocumentModel(documentInput(order, kind, CHINESE_EXPORTER)), mark),
          ),
        ),
      );
    const first = await render();
    await new Promise((r) => setTimeout(r, 20)); // the wall clock moves on; the files must not
    const second = await render();
    first.forEach((buf, i) => expect(buf.equals(second[i])).toBe(true));
    const raw = first[0].toString('latin1');
    expect(infoValue(raw, 'CreationDate')).toBe('(D:20270220093000Z)');
    expect(infoValue(raw, 'ModDate')).toBe('(D:20270220093000Z)');
    // The fonts are embedded (subsets), so any reader prints the Chinese and Cyrillic text.
    expect(raw).toMatch(/\/FontFile2/);
    expect(raw).toMatch(/\/BaseFont \/[A-Z]{6}\+NotoSansSC/);
  });

  test('200 line items flow over several pages, each printed once, totals on the last page', async () => {
    const lines = Array.from({ length: 200 }, (_, i) => ({
      description: `Item ${i + 1} ${'long description '.repeat(i % 3)}`.trim(),
      hsCode: null,
      quantity: 10,
      unit: 'pcs',
      unitPrice: usd('1.01'),
    }));
    const base = documentOrder();
    const order = documentOrder({
      trade: { contractLines: lines },
      contract: { ...base.contract!, totalAmount: usd('2020.00') },
    });
    const invoice = await pdfText(
      await renderDocument(
        buildDocumentModel(documentInput(order, 'commercial-invoice', EXPORTER)),
        'ORIGINAL',
      ),
    );
    expect(invoice.pages).toBeGreaterThan(3);
    expect(invoice.text).toContain('Item 200');
    expect(flat(invoice.text)).toContain('Total FOB Ningbo USD 2,020.00');
    // The header repeats on every page with rows; the totals, words and signature may take a page of their own.
    expect(invoice.text.match(/Description of goods/g)?.length).toBeGreaterThanOrEqual(invoice.pages - 1);
    expect(invoice.text.match(/Description of goods/g)?.length).toBeLessThanOrEqual(invoice.pages);
  });

  test('a contract total that differs from the sum of lines shows both', async () => {
    const base = documentOrder();
    const text = flat(
      await textOf(
        documentOrder({ contract: { ...base.contract!, totalAmount: usd('12000.00') } }),
        'commercial-invoice',
        EXPORTER,
      ),
    );
    expect(text).toContain('Sum of lines USD 12,301.25');
    expect(text).toContain('Total FOB Ningbo USD 12,000.00');
  });
});
