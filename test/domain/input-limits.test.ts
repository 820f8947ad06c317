/* eslint-disable @typescript-eslint/no-unsafe-assignment -- jest's asymmetric matchers are typed any */
import { multiplyMoney, toMinor } from '../../src/domain/money';
import { newOrderSchema, orderEventSchema, toValidationDetails } from '../../src/domain';
import { EXAMPLE_EVENTS, newOrder, usd } from './fixtures';

type Result = ReturnType<typeof orderEventSchema.safeParse>;
const details = (result: Result | ReturnType<typeof newOrderSchema.safeParse>) =>
  result.error ? toValidationDetails(result.error) : [];
const event = (fields: Record<string, unknown>) =>
  orderEventSchema.safeParse({ ...EXAMPLE_EVENTS.QUOTATION_SENT, ...fields });
const order = (patch: Record<string, unknown>) => newOrderSchema.safeParse({ ...newOrder(), ...patch });
const quotationLine = (fields: Record<string, unknown>) => ({
  description: '40W LED panel',
  quantity: 1,
  unitPrice: usd('1.00'),
  ...fields,
});

describe('text fields', () => {
  const loneHigh = 'Jane \uD83D Doe';
  const loneLow = 'Jane \uDE00 Doe';
  it.each([
    ['a lone high surrogate', loneHigh, 'valid Unicode'],
    ['a lone low surrogate', loneLow, 'valid Unicode'],
    ['a bidi override (U+202E)', 'Acme \u202Egnp.exe', 'bidirectional'],
    ['a bidi isolate (U+2066)', 'Acme \u2066x\u2069', 'bidirectional'],
    ['a C1 control (U+0085)', 'Acme\u0085GmbH', 'control characters'],
    ['a C0 control (NUL)', 'Acme\u0000GmbH', 'control characters'],
  ])('refuse %s everywhere, one-line or not', (_name, value, reason) => {
    const asName = order({ customer: { ...newOrder().customer, company: value } });
    expect(details(asName)).toEqual([{ path: 'customer.company', message: expect.stringContaining(reason) }]);
    const asNote = orderEventSchema.safeParse({ type: 'NOTE_ADDED', text: value });
    expect(details(asNote)).toEqual([{ path: 'text', message: expect.stringContaining(reason) }]);
  });

  it('accepts a surrogate pair, accents and scripts', () => {
    const name = 'Zoë 李伟 🙂 Ünal';
    expect(order({ customer: { ...newOrder().customer, name } }).success).toBe(true);
  });

  it.each(['\n', '\r', '\u2028', '\u2029'])('refuse the line break %j in one-line fields', (br) => {
    expect(details(event({ namedPlace: `Ningbo${br}${br}Pay to IBAN DE00` }))).toEqual([
      { path: 'namedPlace', message: 'must be one line (no line breaks)' },
    ]);
    expect(details(event({ quotationNo: `Q-1${br}x` })).map((d) => d.path)).toEqual(['quotationNo']);
    expect(details(order({ customer: { ...newOrder().customer, name: `Jane${br}Doe` } }))).toEqual([
      { path: 'customer.name', message: 'must be one line (no line breaks)' },
    ]);
    const sample = orderEventSchema.safeParse({ type: 'SAMPLE_SENT', courier: 'DHL', trackingNo: `1${br}2` });
    expect(details(sample).map((d) => d.path)).toEqual(['trackingNo']);
  });

  it('keep line breaks in multi-line fields (notes, reasons, feedback)', () => {
    expect(orderEventSchema.safeParse({ type: 'NOTE_ADDED', text: 'line 1\r\nline 2\n' }).success).toBe(true);
    expect(orderEventSchema.safeParse({ type: 'ORDER_CANCELLED', reason: 'a\nb' }).success).toBe(true);
    expect(order({ inquiry: { ...newOrder().inquiry, notes: 'CE\nRoHS' } }).success).toBe(true);
  });

  it('refuse control characters in the eventId too', () => {
    const result = orderEventSchema.safeParse({ ...EXAMPLE_EVENTS.NOTE_ADDED, eventId: 'k\u0000' });
    expect(details(result).map((d) => d.path)).toEqual(['eventId']);
  });
});

describe('numeric bounds', () => {
  it.each([
    ['1e306', 1e306, 'at most 1,000,000,000'],
    ['1,000,000,001', 1_000_000_001, 'at most 1,000,000,000'],
    ['4 decimals', 1.0004, 'at most 3 decimal places'],
    ['1e-7', 1e-7, 'at most 3 decimal places'],
  ])('refuse a quantity of %s in quotations and inquiries', (_name, quantity, message) => {
    expect(details(event({ lines: [quotationLine({ quantity })] }))).toEqual([
      { path: 'lines.0.quantity', message },
    ]);
    const products = [{ description: 'x', quantity }];
    expect(details(order({ inquiry: { ...newOrder().inquiry, products } }))).toEqual([
      { path: 'inquiry.products.0.quantity', message },
    ]);
  });

  it('accept the bounds themselves', () => {
    const lines = [quotationLine({ quantity: 1_000_000_000, unitPrice: usd('1000.00') })];
    expect(event({ lines }).success).toBe(true);
    expect(event({ lines: [quotationLine({ quantity: 999_999_999.999 })] }).success).toBe(true);
    expect(event({ lines: [quotationLine({ quantity: 0.001 })] }).success).toBe(true);
  });

  it('refuse money over 1,000,000,000,000.00', () => {
    const signed = (amount: string) =>
      orderEventSchema.safeParse({ type: 'CONTRACT_SIGNED', contractNo: 'C-1', totalAmount: usd(amount) });
    expect(signed('1000000000000.00').success).toBe(true);
    expect(details(signed('1000000000000.01'))).toEqual([
      { path: 'totalAmount.amount', message: 'at most 1,000,000,000,000.00' },
    ]);
    expect(details(event({ lines: [quotationLine({ unitPrice: usd('9999999999999.99') })] }))).toEqual([
      { path: 'lines.0.unitPrice.amount', message: 'at most 1,000,000,000,000.00' },
    ]);
  });

  it('refuse a quotation whose total would pass the money bound, and accept one at it', () => {
    const huge = quotationLine({ quantity: 1_000_000_000, unitPrice: usd('1000000000000.00') });
    expect(details(event({ lines: Array(200).fill(huge) }))).toEqual([
      { path: 'lines', message: 'the quotation total must be at most 1,000,000,000,000.00' },
    ]);
    const atBound = Array(200).fill(quotationLine({ quantity: 1000, unitPrice: usd('5000000.00') }));
    expect(event({ lines: atBound }).success).toBe(true);
  });

  it('one rounding rule for line totals: 100.00 x 1.0004 is 100.00', () => {
    expect(multiplyMoney(usd('100.00'), 1.0004)).toEqual(usd('100.00'));
    expect(toMinor(multiplyMoney(usd('0.05'), 0.5))).toBe(3n);
  });
});

describe('unknown fields', () => {
  it('are refused in an event, each named by its path', () => {
    const result = event({
      extra: 1,
      lines: [{ ...quotationLine({}), discount: 5, unitPrice: { ...usd('1.00'), fx: 1 } }],
      paymentTerms: { method: 'TT', depositPercent: 30, netDays: 30 },
    });
    expect(details(result)).toEqual(
      expect.arrayContaining([
        { path: 'extra', message: 'unknown field' },
        { path: 'lines.0.discount', message: 'unknown field' },
        { path: 'lines.0.unitPrice.fx', message: 'unknown field' },
        { path: 'paymentTerms.netDays', message: 'unknown field' },
      ]),
    );
    expect(details(result)).toHaveLength(4);
  });

  it('are refused in a new order, nested ones too', () => {
    const result = order({
      priority: 'high',
      customer: { ...newOrder().customer, vat: 'DE1' },
      accountManager: { ...newOrder().accountManager, phone: '1' },
      inquiry: { ...newOrder().inquiry, products: [{ description: 'x', quantity: 1, colour: 'red' }] },
      reminderPolicy: { repeatEvery: '24h', sms: true },
    });
    expect(
      details(result)
        .map((d) => d.path)
        .sort(),
    ).toEqual([
      'accountManager.phone',
      'customer.vat',
      'inquiry.products.0.colour',
      'priority',
      'reminderPolicy.sms',
    ]);
  });

  it('nested 5,000 levels deep answer with the outermost unknown field, without recursion', () => {
    let deep: unknown = 'x';
    for (let i = 0; i < 5000; i++) deep = { a: deep };
    expect(details(event({ extra: deep }))).toEqual([{ path: 'extra', message: 'unknown field' }]);
    expect(details(order({ customer: { ...newOrder().customer, name: deep } })).map((d) => d.path)).toEqual([
      'customer.name',
    ]);
  });
});
