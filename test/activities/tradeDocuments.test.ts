/**
 * Documents a bank and a customs broker accept: golden text of every document kind for a Chinese
 * company and a Cyrillic buyer (amount in words, country names, 10-digit HS codes, consignee and
 * notify party, the L/C's bank and date, the exporter's registration), the chop on originals only,
 * and the amounts of random orders agreeing with the ledger, write-offs included.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { documentInput, missingFor, type DocumentOrder } from '../../src/documents/fromOrder';
import { DOCUMENT_KINDS, type DocumentKind, type Exporter } from '../../src/documents/input';
import { buildDocumentModel } from '../../src/documents/model';
import { renderDocument } from '../../src/documents/render';
import { fromMinor, toMinor, type Money } from '../../src/domain/money';
import { formatPrice } from '../../src/text/format';
import { outstanding, totalWrittenOff } from '../../src/domain/ledger';
import { tradeData } from '../../src/domain/tradeData';
import type { OrderState } from '../../src/domain/types';
import { walkTo } from '../domain/fixtures';
import { BANK, CHINESE_EXPORTER, fullOrder } from './fixtures';
import { pdfText } from './pdf-text';

const usd = (amount: string) => ({ amount, currency: 'USD' });

/** A 1x1 PNG stands in for the chop: the test reads where it goes, not what it looks like. */
const CHOP =
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==';

const COMPANY: Exporter = {
  ...CHINESE_EXPORTER,
  bank: BANK,
  uscc: '91330200MA2H0NG86E',
  customsCode: '3302960ABC',
  chopPng: CHOP,
  placeOfIssue: 'NINGBO, CHINA',
};

/** The Russian buyer's CIF order under an L/C, with 10-digit HS codes and a consignee to order. */
function tradeOrder(language?: 'zh-CN'): DocumentOrder {
  const base = fullOrder();
  return {
    ...base,
    customer: { ...base.customer, ...(language ? { language } : {}) },
    trade: {
      ...base.trade,
      originCountry: 'CN',
      contractLines: (base.trade?.contractLines ?? []).map((l, i) => ({
        ...l,
        hsCode: i === 0 ? '8541410000' : '7604291000',
      })),
      lcIssuingBank: 'ПАО СБЕРБАНК, МОСКВА',
      lcIssueDate: '2026-12-01',
      notifyParty: 'ООО «Светлый Дом»\nNevsky prospekt 28, Saint Petersburg',
      freight: usd('350.00'),
      insuranceCost: usd('12.30'),
    },
    payments: { ...base.payments, depositWrittenOff: usd('0.00'), balanceWrittenOff: usd('20.00') },
    shipping: {
      ...base.shipping,
      customs: {
        declarationNo: '310420270000123456',
        declaredAt: '2027-02-18T07:00:00.000Z',
        declaration: {
          declaredOn: '2027-02-18',
          tradeMode: 'GENERAL_TRADE',
          transportMode: 'SEA',
          destinationCountry: 'RU',
          exitPort: 'Ningbo Beilun',
          lines: [
            {
              lineNo: 1,
              hsCode: '8541410000',
              declaredElements: '1|0|LED chip|2835|warm white|no brand',
              quantity: 120000,
              value: usd('4200.00'),
              packages: 40,
              netWeightKg: 380.5,
              grossWeightKg: 412.25,
            },
            {
              lineNo: 2,
              hsCode: '7604291000',
              declaredElements: '1|0|aluminium profile|6063|1 m',
              quantity: 3,
              value: usd('12.30'),
              packages: 1,
              netWeightKg: 9.5,
              grossWeightKg: 10.75,
            },
          ],
        },
      },
    },
  };
}

async function render(order: DocumentOrder, kind: DocumentKind, mark: 'COPY' | 'ORIGINAL') {
  return renderDocument(buildDocumentModel(documentInput(order, kind, COMPANY)), mark);
}

const GOLDEN = join(__dirname, 'golden');

/** Compares with the stored text; `UPDATE_GOLDEN=1` writes it after a deliberate change. */
function expectGolden(name: string, text: string): void {
  const file = join(GOLDEN, `${name}.txt`);
  if (process.env.UPDATE_GOLDEN === '1') writeFileSync(file, text);
  if (!existsSync(file)) throw new Error(`no golden text ${file}: run with UPDATE_GOLDEN=1 and review it`);
  expect(text).toBe(readFileSync(file, 'utf8'));
}

describe('golden text of every document kind: a Chinese company, a Cyrillic buyer', () => {
  const kinds = DOCUMENT_KINDS.filter((kind) => missingFor(tradeOrder(), kind).length === 0);

  it('renders every kind', () => {
    expect(kinds).toEqual([...DOCUMENT_KINDS]);
  });

  it.each([...DOCUMENT_KINDS])('%s (English set)', async (kind) => {
    const { text } = await pdfText(await render(tradeOrder(), kind, 'ORIGINAL'));
    expectGolden(kind, text);
  });

  it('prints what a bank reads on the invoice', async () => {
    const text = (await pdfText(await render(tradeOrder(), 'commercial-invoice', 'ORIGINAL'))).text.replace(
      /\s+/g,
      ' ',
    );
    for (const expected of [
      'SAY US DOLLARS FOUR THOUSAND TWO HUNDRED TWELVE AND CENTS THIRTY ONLY',
      'Country: Russian Federation',
      "goods are of People's Republic of China origin",
      '8541410000',
      'USCC: 91330200MA2H0NG86E',
      'Customs code: 3302960ABC',
      'Place of issue: NINGBO, CHINA',
      'Issuing bank: ПАО СБЕРБАНК, МОСКВА',
      'L/C date: 2026-12-01',
      'Consignee: TO ORDER OF ПАО СБЕРБАНК, МОСКВА',
      'Notify party: ООО «Светлый Дом», Nevsky prospekt 28, Saint Petersburg',
      'Written off USD 20.00',
      'FOB value USD 3,850.00 Freight USD 350.00 Insurance USD 12.30',
    ])
      expect(text).toContain(expected);
  });

  it('prints the declaration for the broker', async () => {
    const text = (await pdfText(await render(tradeOrder(), 'customs-declaration', 'ORIGINAL'))).text.replace(
      /\s+/g,
      ' ',
    );
    for (const expected of [
      'EXPORT DECLARATION - DATA SHEET',
      'Declaration No.: 310420270000123456',
      'Trade mode (监管方式): GENERAL TRADE (0110)',
      'Transport mode (运输方式): SEA (2)',
      'Destination country: Russian Federation',
      '1 8541410000 LED chip 2835 warm white 1|0|LED chip|2835|warm white|no brand 120,000 pcs 4,200.00 40 380.5 412.25',
    ])
      expect(text).toContain(expected);
  });

  it('prints the amount in capitals and country names in Chinese on the Chinese set', async () => {
    const text = (await pdfText(await render(tradeOrder('zh-CN'), 'commercial-invoice', 'ORIGINAL'))).text;
    expect(text).toContain('大写：美元肆仟贰佰壹拾贰元叁角整');
    expect(text).toContain('俄罗斯');
  });

  it('puts the chop on originals and never on copies', async () => {
    const images = (pdf: Buffer) => pdf.toString('latin1').match(/\/Subtype \/Image/g)?.length ?? 0;
    for (const kind of DOCUMENT_KINDS) {
      // A PNG with alpha embeds as an image and its mask.
      expect(images(await render(tradeOrder(), kind, 'ORIGINAL'))).toBeGreaterThan(0);
      expect(images(await render(tradeOrder(), kind, 'COPY'))).toBe(0);
    }
  });
});

/** `USD 1,234.50` as the documents print money. */
const printed = (money: Money) => formatPrice(toMinor(money), money.currency);

describe('amounts on the documents agree with the ledger', () => {
  it('received, written off and outstanding of random orders read back from the PDF', async () => {
    // A real order's state in BALANCE (contract 10,000.00), its ledger varied at random.
    const state = walkTo('BALANCE');
    const cents = (max: number) => fc.integer({ min: 0, max });
    await fc.assert(
      fc.asyncProperty(cents(300_000), cents(700_000), cents(5_000), async (deposit, balance, writeOff) => {
        const owed: OrderState = {
          ...state,
          payments: {
            ...state.payments,
            depositReceived: fromMinor(BigInt(deposit), 'USD'),
            balanceReceived: fromMinor(BigInt(balance), 'USD'),
            depositWrittenOff: usd('0.00'),
            balanceWrittenOff: fromMinor(BigInt(writeOff), 'USD'),
          },
        };
        const order: DocumentOrder = { ...owed, trade: tradeData(owed) };
        const text = (await pdfText(await render(order, 'commercial-invoice', 'COPY'))).text.replace(
          /\s+/g,
          ' ',
        );
        expect(text).toContain(`Deposit received ${printed(owed.payments.depositReceived!)}`);
        expect(text).toContain(`Balance received ${printed(owed.payments.balanceReceived!)}`);
        expect(text).toContain(`Written off ${printed(totalWrittenOff(owed)!)}`);
        expect(text).toContain(`Amount outstanding ${printed(outstanding(owed)!)}`);
      }),
      { numRuns: 8 },
    );
  });
});
