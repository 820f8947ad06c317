import { invalidInput } from '../errors';
import { lineTotalMinor, toMinor } from '../../domain/money';
import { formatDate, formatMinor, formatPrice, formatQuantity, parseIso } from '../format';
import type { DocumentSetInput, Money } from '../types';

/**
 * Everything the invoice, the packing list and the covering email print, computed once from the
 * input: integer arithmetic for money, fixed UTC dates, so all three always agree.
 */
export interface DocumentModel {
  input: DocumentSetInput;
  issuedAt: Date;
  issueDate: string;
  etd: string;
  currency: string;
  lines: {
    no: string;
    description: string;
    quantity: string;
    unit: string;
    unitPrice: string;
    amount: string;
  }[];
  /** Sum of quantities per unit, e.g. `2,000 pcs`; the packing list's total. */
  quantityTotals: string[];
  linesTotal: string;
  total: string;
  depositReceived: string;
  balanceReceived: string;
  outstanding: string;
  outstandingMinor: bigint;
  paymentTerms: string;
  incoterm: string;
  blType: string;
}

const BL_TYPES: Record<string, string> = {
  ORIGINAL: 'Original B/L',
  TELEX_RELEASE: 'Telex release',
  SEA_WAYBILL: 'Sea waybill',
};

function sameCurrency(money: Money, currency: string, field: string): void {
  if (money.currency !== currency) {
    throw invalidInput(`${field}: currency ${money.currency} differs from the invoice currency ${currency}`);
  }
}

/**
 * The domain's money math, so the invoice prints what the order computed. An amount it cannot take
 * is a bug upstream: it fails without retries, naming the field.
 */
function exactly<T>(field: string, compute: () => T): T {
  try {
    return compute();
  } catch (err) {
    throw invalidInput(`${field}: ${err instanceof Error ? err.message : String(err)}`);
  }
}

const minorOf = (money: Money, field: string) => exactly(field, () => toMinor(money));

export function buildDocumentModel(input: DocumentSetInput): DocumentModel {
  if (input.lines.length === 0) throw invalidInput('lines: a commercial invoice needs at least one line');
  const currency = input.total.currency;
  const issuedAt = parseIso(input.issuedAt, 'issuedAt');
  let linesTotal = 0n;
  const quantities = new Map<string, number>();
  const lines = input.lines.map((line, i) => {
    const field = `lines[${i}]`;
    sameCurrency(line.unitPrice, currency, `${field}.unitPrice`);
    const amount = exactly(field, () => lineTotalMinor(line.unitPrice, line.quantity));
    linesTotal += amount;
    // Quantities are summed per unit in micro-units so 0.1 + 0.2 stays exact.
    quantities.set(line.unit, (quantities.get(line.unit) ?? 0) + Math.round(line.quantity * 1e6));
    return {
      no: String(i + 1),
      description: line.description,
      quantity: formatQuantity(line.quantity),
      unit: line.unit,
      unitPrice: formatMinor(minorOf(line.unitPrice, `${field}.unitPrice`)),
      amount: formatMinor(amount),
    };
  });
  sameCurrency(input.depositReceived, currency, 'depositReceived');
  sameCurrency(input.balanceReceived, currency, 'balanceReceived');
  const total = minorOf(input.total, 'total');
  const deposit = minorOf(input.depositReceived, 'depositReceived');
  const balance = minorOf(input.balanceReceived, 'balanceReceived');
  const outstanding = total - deposit - balance;
  const paymentTerms = input.paymentTerms.text;
  return {
    input,
    issuedAt,
    issueDate: formatDate(issuedAt),
    etd: formatDate(parseIso(input.etd, 'etd')),
    currency,
    lines,
    quantityTotals: [...quantities].map(([unit, micro]) => `${formatQuantity(micro / 1e6)} ${unit}`),
    linesTotal: formatPrice(linesTotal, currency),
    total: formatPrice(total, currency),
    depositReceived: formatPrice(deposit, currency),
    balanceReceived: formatPrice(balance, currency),
    outstanding: formatPrice(outstanding, currency),
    outstandingMinor: outstanding,
    paymentTerms,
    incoterm: `${input.incoterm} ${input.namedPlace} (Incoterms 2020)`,
    blType: BL_TYPES[input.blType] ?? input.blType,
  };
}
