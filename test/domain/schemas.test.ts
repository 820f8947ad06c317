import { z } from 'zod/mini';
import {
  listOrdersQuerySchema,
  newOrderSchema,
  orderEventSchema,
  toValidationDetails,
} from '../../src/domain';
import { line, text } from '../../src/domain/schemas/common';
import { EXAMPLE_EVENTS, newOrder } from './fixtures';

const paths = (result: { success: boolean; error?: Parameters<typeof toValidationDetails>[0] }) =>
  result.error ? toValidationDetails(result.error).map((d) => d.path) : [];

describe('newOrderSchema', () => {
  it('accepts the contract example, with and without optional parts', () => {
    expect(newOrderSchema.parse(newOrder())).toEqual(newOrder());
    const { orderId: _omit, ...withoutId } = newOrder();
    expect(newOrderSchema.safeParse(withoutId).success).toBe(true);
    const full = {
      ...newOrder(),
      forwarder: { name: 'FastFreight', email: 'ops@fastfreight.example' },
      stageTimeLimits: { INQUIRY: '24h', DEPOSIT: '7d', SAMPLE: '90s', SHIPPING: '30m' },
      reminderPolicy: { repeatEvery: '24h', escalateAfter: 3, escalateTo: 'sales.director@exporter.example' },
    };
    expect(newOrderSchema.parse(full)).toEqual(full);
  });

  it.each([
    ['orderId too short', { orderId: 'ab' }, 'orderId'],
    ['orderId with a slash', { orderId: 'PO/1' }, 'orderId'],
    ['orderId too long', { orderId: 'x'.repeat(65) }, 'orderId'],
    ['bad customer email', { customer: { ...newOrder().customer, email: 'nope' } }, 'customer.email'],
    ['bad country', { customer: { ...newOrder().customer, country: 'Germany' } }, 'customer.country'],
    ['unknown channel', { inquiry: { ...newOrder().inquiry, channel: 'FAX' } }, 'inquiry.channel'],
    ['no products', { inquiry: { ...newOrder().inquiry, products: [] } }, 'inquiry.products'],
    [
      '201 products',
      { inquiry: { ...newOrder().inquiry, products: Array(201).fill(newOrder().inquiry.products[0]) } },
      'inquiry.products',
    ],
    [
      'zero quantity',
      { inquiry: { ...newOrder().inquiry, products: [{ description: 'x', quantity: 0 }] } },
      'inquiry.products.0.quantity',
    ],
    ['bad receivedAt', { inquiry: { ...newOrder().inquiry, receivedAt: 'yesterday' } }, 'inquiry.receivedAt'],
    ['unknown stage limit', { stageTimeLimits: { COMPLETED: '1d' } }, 'stageTimeLimits.COMPLETED'],
    ['bad duration', { stageTimeLimits: { INQUIRY: '1w' } }, 'stageTimeLimits.INQUIRY'],
    ['zero duration', { reminderPolicy: { repeatEvery: '0h' } }, 'reminderPolicy.repeatEvery'],
    ['negative escalation', { reminderPolicy: { escalateAfter: -1 } }, 'reminderPolicy.escalateAfter'],
  ])('rejects %s', (_name, patch, path) => {
    expect(paths(newOrderSchema.safeParse({ ...newOrder(), ...patch }))).toContain(path);
  });

  it('requires accountManager and inquiry', () => {
    expect(paths(newOrderSchema.safeParse({}))).toEqual(['accountManager', 'inquiry']);
  });

  it('requires exactly one of customer and customerId', () => {
    const { customer, ...rest } = newOrder();
    expect(paths(newOrderSchema.safeParse(rest))).toEqual(['customer']);
    expect(paths(newOrderSchema.safeParse({ ...rest, customer, customerId: 'C-1234' }))).toEqual([
      'customerId',
    ]);
    expect(newOrderSchema.safeParse({ ...rest, customerId: 'C-1234' }).success).toBe(true);
  });
});

describe('orderEventSchema', () => {
  it.each(Object.values(EXAMPLE_EVENTS).map((e) => [e.type, e] as const))(
    'accepts a valid %s',
    (_t, event) => {
      expect(orderEventSchema.safeParse({ ...event, eventId: 'k-1' }).success).toBe(true);
    },
  );

  it('applies the documented defaults', () => {
    // QUOTATION_ACCEPTED's sampleRequired has no schema default: the order's template decides.
    expect(orderEventSchema.parse({ type: 'QUOTATION_ACCEPTED' })).toEqual({ type: 'QUOTATION_ACCEPTED' });
    expect(
      orderEventSchema.parse({ type: 'INSPECTION_RECORDED', result: 'PASSED', inspector: 'SGS' }),
    ).toMatchObject({ kind: 'DURING_PRODUCTION' });
  });

  it.each([
    ['unknown type', { type: 'STAGE_STALLED' }, 'type'],
    ['empty eventId', { ...EXAMPLE_EVENTS.NOTE_ADDED, eventId: '' }, 'eventId'],
    ['long eventId', { ...EXAMPLE_EVENTS.NOTE_ADDED, eventId: 'x'.repeat(129) }, 'eventId'],
    ['bad incoterm', { ...EXAMPLE_EVENTS.QUOTATION_SENT, incoterm: 'FOO' }, 'incoterm'],
    [
      'deposit percent over 100',
      { ...EXAMPLE_EVENTS.QUOTATION_SENT, paymentTerms: { method: 'TT', depositPercent: 101 } },
      'paymentTerms.depositPercent',
    ],
    [
      'deposit percent with 3 decimals',
      { ...EXAMPLE_EVENTS.CONTRACT_SIGNED, depositPercent: 33.333 },
      'depositPercent',
    ],
    [
      'float amount',
      { ...EXAMPLE_EVENTS.DEPOSIT_RECEIVED, amount: { amount: 10.5, currency: 'USD' } },
      'amount.amount',
    ],
    [
      'negative amount',
      { ...EXAMPLE_EVENTS.BALANCE_RECEIVED, amount: { amount: '-1.00', currency: 'USD' } },
      'amount.amount',
    ],
    ['percent over 100', { ...EXAMPLE_EVENTS.PRODUCTION_PROGRESS, percent: 101 }, 'percent'],
    ['unknown inspection result', { ...EXAMPLE_EVENTS.INSPECTION_RECORDED, result: 'OK' }, 'result'],
    ['unknown B/L type', { ...EXAMPLE_EVENTS.BILL_OF_LADING_ISSUED, blType: 'HOUSE' }, 'blType'],
    ['bad etd', { ...EXAMPLE_EVENTS.BOOKING_CONFIRMED, etd: 'next week' }, 'etd'],
    ['empty note text', { type: 'NOTE_ADDED', text: '   ' }, 'text'],
  ])('rejects %s', (_name, body, path) => {
    expect(paths(orderEventSchema.safeParse(body))).toContain(path);
  });

  it('describes itself for OpenAPI generation', () => {
    expect(z.globalRegistry.get(orderEventSchema)?.description).toMatch(/events/);
    expect(z.globalRegistry.get(newOrderSchema)?.description).toMatch(/POST \/orders/);
  });
});

describe('listOrdersQuerySchema', () => {
  it('parses query strings, with defaults', () => {
    expect(listOrdersQuerySchema.parse({})).toEqual({ pageSize: 50, sort: '-updatedAt', format: 'json' });
    expect(
      listOrdersQuerySchema.parse({
        stage: 'DEPOSIT',
        stalled: 'true',
        pageSize: '200',
        customer: 'Acme GmbH',
      }),
    ).toEqual({
      stage: 'DEPOSIT',
      stalled: true,
      pageSize: 200,
      customer: 'Acme GmbH',
      sort: '-updatedAt',
      format: 'json',
    });
    expect(listOrdersQuerySchema.parse({ stalled: 'false' }).stalled).toBe(false);
  });

  it.each([
    [{ stage: 'SHIPPED' }, 'stage'],
    [{ stalled: 'yes' }, 'stalled'],
    [{ pageSize: '0' }, 'pageSize'],
    [{ pageSize: '201' }, 'pageSize'],
    [{ pageSize: 'ten' }, 'pageSize'],
    [{ accountManager: 'li' }, 'accountManager'],
  ])('rejects %j', (query, path) => {
    expect(paths(listOrdersQuerySchema.safeParse(query))).toContain(path);
  });
});

describe('money amounts that are not decimal strings', () => {
  it.each(['1.234', '12,50', 'abc', '1e3'])('reports %s as a field error instead of throwing', (amount) => {
    const result = orderEventSchema.safeParse({
      type: 'DEPOSIT_RECEIVED',
      amount: { amount, currency: 'USD' },
      reference: 'TT-1',
    });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => issue.path.join('.'))).toEqual(['amount.amount']);
  });
});

describe('control characters in text', () => {
  it('refuses them in a company name and in the list filter, but allows line breaks in notes', () => {
    const order = newOrder();
    const company = 'Acme\u0000';
    expect(newOrderSchema.safeParse({ ...order, customer: { ...order.customer, company } }).success).toBe(
      false,
    );
    expect(listOrdersQuerySchema.safeParse({ customer: 'Acme\u0000' }).success).toBe(false);
    expect(
      orderEventSchema.safeParse({ type: 'NOTE_ADDED', text: 'line one\nline two\ttabbed' }).success,
    ).toBe(true);
  });
});

describe('the pattern the OpenAPI document gives a text field', () => {
  // Characters around the edges of what trimming and the character checks treat alike.
  const chars = [
    ...['a', '中', '\u{1F600}', ' ', '\t', '\n', '\r', '\v', '\f', '\u00a0', '\u2028', '\u2029', '\ufeff'],
    ...['\u0000', '\u0008', '\u001f', '\u007f', '\u0085', '\u0090', '\u009f', '\u00a0', '\u202a', '\u202e'],
    ...['\u2066', '\u2069', '\u200b', '\u3000', '\u1680'],
  ];
  const samples = chars.flatMap((c) => [c, `${c}a`, `a${c}`, `a${c}b`, `${c}${c}`, ` a ${c} `]);

  it.each([
    ['a one-line field', line(100, 'Name')],
    ['a multi-line field', text(100, 'Note')],
  ])(
    '%s: says what trimming and the character checks accept (control characters such as U+0090 refused)',
    (_kind, field) => {
      const pattern = new RegExp(String(z.globalRegistry.get(field)?.pattern));
      const mismatches = samples.filter((s) => pattern.test(s) !== field.safeParse(s).success);
      expect(mismatches.map((s) => JSON.stringify(s))).toEqual([]);
    },
  );

  it('counts maxLength before trimming, as the document does', () => {
    expect(line(3, 'Code').safeParse(' abc').success).toBe(false);
    expect(line(4, 'Code').safeParse(' abc').data).toBe('abc');
  });
});
