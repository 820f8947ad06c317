import { invalidInput } from '../text/invalidInput';
import { atLeastPercentOf, lineTotalMinor, toMinor, type Money } from '../domain/money';
import { formatDayIn, formatMinor, formatPrice, formatUnitPrice, parseIso } from '../text/format';
import { formatQuantity } from '../domain/letters/format';
import { amountInCapitals, amountInWordsEn } from '../domain/amountInWords';
import { countryName } from '../text/countries';
import type { DocumentKind, Exporter, InsuranceCover, TradeDocumentInput, TradeLine } from './input';

/** What a document prints where the order has no value yet. */
export const MISSING = '—';

export type Fact = readonly [label: string, value: string];

export interface PrintedLine {
  no: string;
  description: string;
  hsCode: string;
  quantity: string;
  unit: string;
  unitPrice: string;
  amount: string;
  packages: string;
  netWeight: string;
  grossWeight: string;
  volume: string;
}

/**
 * Every figure a document prints, computed once from the input: integer arithmetic for money,
 * quantities and weights, dates in the exporter's time zone, "—" for what is not known yet.
 */
export interface DocumentModel {
  input: TradeDocumentInput;
  kind: DocumentKind;
  title: string;
  number: string;
  /** The mark of a re-issue after a correction, e.g. `REVISED (R1)`; null for a first issue. */
  revised: string | null;
  issuedAt: Date;
  issueDate: string;
  currency: string;
  exporter: Exporter;
  buyerLines: string[];
  /** Number, date, contract and order references (top right). */
  refs: Fact[];
  /** Terms and transport (right-hand block). */
  shipment: Fact[];
  lines: PrintedLine[];
  /** Sum of quantities per unit, e.g. `2,000 pcs`. */
  quantityTotals: string[];
  packingTotals: { packages: string; netWeight: string; grossWeight: string; volume: string };
  marks: string;
  origin: string;
  incoterm: string;
  paymentTerms: string;
  etd: string;
  vesselVoyage: string;
  portOfLoading: string;
  portOfDischarge: string;
  blNo: string;
  blType: string;
  linesTotal: string;
  linesTotalDiffers: boolean;
  total: string;
  depositReceived: string;
  balanceReceived: string;
  writtenOff: string;
  writtenOffMinor: bigint;
  outstanding: string;
  /** The total in words: "SAY US DOLLARS ... ONLY", and in capitals (大写) on the Chinese set. */
  totalInWords: string;
  totalInCapitals: string | null;
  consigneeLines: string[];
  notifyLines: string[];
  /** The exporter's registration: USCC and customs code, printed under the letterhead. */
  registration: string[];
  /** C-terms: FOB value, freight and insurance apart (a customs value and a bank's check); empty otherwise. */
  priceBreakdown: [label: string, value: string][];
  /** The chop on originals: the exporter's PNG, or null when it has none. */
  chopPng: Buffer | null;
  outstandingMinor: bigint;
  bank: Fact[] | null;
  insurance: {
    minimumInsured: string;
    insuredAmount: string;
    cover: string;
    requiredCover: string;
    policyNo: string;
    insurer: string;
  };
}

export const DOCUMENT_TITLES: Record<DocumentKind, string> = {
  'commercial-invoice': 'COMMERCIAL INVOICE',
  'packing-list': 'PACKING LIST',
  'proforma-invoice': 'PROFORMA INVOICE',
  'certificate-of-origin': 'CERTIFICATE OF ORIGIN - DATA SHEET',
  'insurance-declaration': 'INSURANCE DECLARATION',
  'customs-declaration': 'EXPORT DECLARATION - DATA SHEET',
};

const BL_TYPES: Record<string, string> = {
  ORIGINAL: 'Original B/L',
  TELEX_RELEASE: 'Telex release',
  SEA_WAYBILL: 'Sea waybill',
};

const COVERS: Record<InsuranceCover, string> = {
  ICC_A: 'Institute Cargo Clauses (A)',
  ICC_B: 'Institute Cargo Clauses (B)',
  ICC_C: 'Institute Cargo Clauses (C)',
};

/** Incoterms 2020: CIP asks for ICC (A), CIF for at least ICC (C). */
const REQUIRED_COVER: Record<string, string> = { CIP: COVERS.ICC_A, CIF: `${COVERS.ICC_C} at least` };

/** The domain's money math; an amount it cannot take is a bug upstream and fails without retries. */
function exactly<T>(field: string, compute: () => T): T {
  try {
    return compute();
  } catch (err) {
    throw invalidInput(`${field}: ${err instanceof Error ? err.message : String(err)}`);
  }
}

function sameCurrency(money: Money, currency: string, field: string): void {
  if (money.currency !== currency) {
    throw invalidInput(`${field}: currency ${money.currency} differs from the invoice currency ${currency}`);
  }
}

const orMissing = (value: string | null | undefined): string =>
  value === null || value === undefined || value.trim() === '' ? MISSING : value;

/** Thousandths, so weights and volumes add up exactly (12.5 kg + 0.1 kg). */
const milli = (value: number): bigint => BigInt(Math.round(value * 1000));
const fromMilli = (value: bigint): string => formatQuantity(Number(value) / 1000);

/** The sum of one packing figure over all lines, or "—" unless every line has it. */
function packingTotal(lines: readonly TradeLine[], pick: (l: TradeLine) => number | null): string {
  let sum = 0n;
  for (const line of lines) {
    const value = pick(line);
    if (value === null) return MISSING;
    sum += milli(value);
  }
  return lines.length > 0 ? fromMilli(sum) : MISSING;
}

function packingFigure(value: number | null | undefined): string {
  return value === null || value === undefined ? MISSING : formatQuantity(value);
}

/** FOB value = total less freight less insurance, for a C-term price that names them. */
function breakdown(
  input: TradeDocumentInput,
  total: bigint,
  minor: (money: Money, field: string) => bigint,
): [string, string][] {
  if (input.freight === null && input.insuranceCost === null) return [];
  const currency = input.total.currency;
  const freight = input.freight === null ? 0n : minor(input.freight, 'freight');
  const insurance = input.insuranceCost === null ? 0n : minor(input.insuranceCost, 'insuranceCost');
  if (input.freight) sameCurrency(input.freight, currency, 'freight');
  if (input.insuranceCost) sameCurrency(input.insuranceCost, currency, 'insuranceCost');
  const fob = total - freight - insurance;
  if (fob < 0n) throw invalidInput('freight and insurance exceed the total');
  return [
    ['FOB value', formatPrice(fob, currency)],
    ...(input.freight === null ? [] : [['Freight', formatPrice(freight, currency)] as [string, string]]),
    ...(input.insuranceCost === null
      ? []
      : [['Insurance', formatPrice(insurance, currency)] as [string, string]]),
  ];
}

/** Each container as a B/L and a customs broker read it: its number, and its seal where known. */
export function containersWithSeals(input: Pick<TradeDocumentInput, 'containerNos' | 'sealNos'>): string[] {
  return input.containerNos.map((no, i) => (input.sealNos[i] ? `${no} / SEAL ${input.sealNos[i]}` : no));
}

export function buildDocumentModel(input: TradeDocumentInput): DocumentModel {
  if (input.lines.length === 0) throw invalidInput('lines: a trade document needs at least one line');
  const currency = input.total.currency;
  const zone = input.exporter.timeZone;
  const issuedAt = parseIso(input.issuedAt, 'issuedAt');
  const day = (value: string | null, field: string) =>
    value === null ? MISSING : formatDayIn(value, zone, field);
  let linesTotal = 0n;
  const quantities = new Map<string, bigint>();
  const lines = input.lines.map((line, i): PrintedLine => {
    const field = `lines[${i}]`;
    if (line.unit.trim() === '') throw invalidInput(`${field}.unit: a line needs its unit of measure`);
    sameCurrency(line.unitPrice, currency, `${field}.unitPrice`);
    const amount = exactly(field, () => lineTotalMinor(line.unitPrice, line.quantity));
    linesTotal += amount;
    quantities.set(line.unit, (quantities.get(line.unit) ?? 0n) + milli(line.quantity));
    return {
      no: String(i + 1),
      description: line.description,
      hsCode: orMissing(line.hsCode),
      quantity: formatQuantity(line.quantity),
      unit: line.unit,
      unitPrice: exactly(`${field}.unitPrice`, () => formatUnitPrice(line.unitPrice)),
      amount: formatMinor(amount),
      packages: packingFigure(line.packing?.packages),
      netWeight: packingFigure(line.packing?.netWeightKg),
      grossWeight: packingFigure(line.packing?.grossWeightKg),
      volume: packingFigure(line.packing?.volumeCbm),
    };
  });
  sameCurrency(input.depositReceived, currency, 'depositReceived');
  sameCurrency(input.balanceReceived, currency, 'balanceReceived');
  sameCurrency(input.writtenOff, currency, 'writtenOff');
  const minor = (money: Money, field: string) => exactly(field, () => toMinor(money));
  const total = minor(input.total, 'total');
  const writtenOff = minor(input.writtenOff, 'writtenOff');
  // The ledger's outstanding: total less received less written off, never below zero.
  const owed =
    total -
    minor(input.depositReceived, 'depositReceived') -
    minor(input.balanceReceived, 'balanceReceived') -
    writtenOff;
  const outstanding = owed > 0n ? owed : 0n;
  const language = input.language;
  const country = (code: string) => countryName(code, language);

  const packages = packingTotal(input.lines, (l) => l.packing?.packages ?? null);
  const incoterm = `${input.incoterm} ${input.namedPlace} (Incoterms 2020)`;
  const paymentTerms = orMissing(input.paymentTerms);
  const etd = day(input.etd, 'etd');
  const vesselVoyage =
    input.vessel === null && input.voyage === null
      ? MISSING
      : `${orMissing(input.vessel)} / ${orMissing(input.voyage)}`;
  const blNo = orMissing(input.blNo);
  const blType = input.blType === null ? MISSING : (BL_TYPES[input.blType] ?? input.blType);
  const origin = input.originCountry === null ? MISSING : country(input.originCountry);
  const portOfLoading = orMissing(input.portOfLoading);
  const portOfDischarge = orMissing(input.portOfDischarge);
  const insurance = input.insurance;
  if (insurance) sameCurrency(insurance.insuredAmount, currency, 'insurance.insuredAmount');
  const { buyer, exporter } = input;
  return {
    input,
    kind: input.kind,
    title: DOCUMENT_TITLES[input.kind],
    number: input.number,
    revised: input.revision ? `REVISED (R${input.revision.no})` : null,
    issuedAt,
    issueDate: day(input.issuedAt, 'issuedAt'),
    currency,
    exporter,
    buyerLines: [
      buyer.company,
      ...(buyer.address ?? MISSING).split('\n'),
      `Country: ${country(buyer.country)}`,
      `Attn. ${buyer.contactName}, ${buyer.email}`,
    ],
    refs: [
      ['No.', input.number],
      ...(input.revision
        ? [['Revision', `R${input.revision.no}, replaces ${input.revision.replaces}`] as const]
        : []),
      ['Date', day(input.issuedAt, 'issuedAt')],
      ['Contract No.', orMissing(input.contract?.number)],
      ['Contract date', input.contract ? day(input.contract.signedAt, 'contract.signedAt') : MISSING],
      ...(input.quotationNo !== null && input.kind === 'proforma-invoice'
        ? [['Quotation No.', input.quotationNo] as const]
        : []),
      ...(input.invoiceNo !== null && input.kind !== 'commercial-invoice' && input.kind !== 'proforma-invoice'
        ? [['Invoice No.', input.invoiceNo] as const]
        : []),
      ['Order No.', input.orderId],
      ...(exporter.placeOfIssue ? [['Place of issue', exporter.placeOfIssue] as const] : []),
    ],
    shipment: [
      ['Terms of delivery', incoterm],
      ['Payment terms', paymentTerms],
      ...(input.lcNo !== null ? [['L/C No.', input.lcNo] as const] : []),
      ...(input.lcIssuingBank !== null ? [['Issuing bank', input.lcIssuingBank] as const] : []),
      ...(input.lcIssueDate !== null ? [['L/C date', input.lcIssueDate] as const] : []),
      ['Port of loading', portOfLoading],
      ['Port of discharge', portOfDischarge],
      ['Vessel / Voyage', vesselVoyage],
      ['ETD', etd],
      ['B/L No.', input.blNo === null ? MISSING : `${blNo} (${blType})`],
      ['Containers', input.containerNos.length > 0 ? containersWithSeals(input).join(', ') : MISSING],
      ['Country of origin', origin],
    ],
    lines,
    quantityTotals: [...quantities].map(([unit, q]) => `${fromMilli(q)} ${unit}`),
    packingTotals: {
      packages: packages === MISSING ? MISSING : `${packages} ${input.packageType ?? ''}`.trim(),
      netWeight: packingTotal(input.lines, (l) => l.packing?.netWeightKg ?? null),
      grossWeight: packingTotal(input.lines, (l) => l.packing?.grossWeightKg ?? null),
      volume: packingTotal(input.lines, (l) => l.packing?.volumeCbm ?? null),
    },
    marks: orMissing(input.marks),
    origin,
    incoterm,
    paymentTerms,
    etd,
    vesselVoyage,
    portOfLoading,
    portOfDischarge,
    blNo,
    blType,
    linesTotal: formatPrice(linesTotal, currency),
    linesTotalDiffers: linesTotal !== total,
    total: formatPrice(total, currency),
    depositReceived: formatPrice(minor(input.depositReceived, 'depositReceived'), currency),
    balanceReceived: formatPrice(minor(input.balanceReceived, 'balanceReceived'), currency),
    writtenOff: formatPrice(writtenOff, currency),
    writtenOffMinor: writtenOff,
    outstanding: formatPrice(outstanding, currency),
    totalInWords: exactly('total', () => amountInWordsEn(input.total)),
    totalInCapitals: language === 'zh-CN' ? exactly('total', () => amountInCapitals(input.total)) : null,
    consigneeLines: input.consignee === null ? ['Same as buyer'] : input.consignee.split('\n'),
    notifyLines: input.notifyParty === null ? ['Same as buyer'] : input.notifyParty.split('\n'),
    registration: [
      ...(exporter.uscc ? [`USCC: ${exporter.uscc}`] : []),
      ...(exporter.customsCode ? [`Customs code: ${exporter.customsCode}`] : []),
    ],
    priceBreakdown: breakdown(input, total, minor),
    chopPng: exporter.chopPng ? Buffer.from(exporter.chopPng, 'base64') : null,
    outstandingMinor: outstanding,
    bank: exporter.bank
      ? [
          ['Beneficiary', exporter.bank.beneficiary],
          ['Bank', exporter.bank.bankName],
          ...(exporter.bank.bankAddress ? [['Bank address', exporter.bank.bankAddress] as const] : []),
          ['Account No.', exporter.bank.accountNo],
          ['SWIFT', exporter.bank.swift],
        ]
      : null,
    insurance: {
      minimumInsured: formatPrice(toMinor(atLeastPercentOf(input.total, 110)), currency),
      insuredAmount: insurance
        ? formatPrice(minor(insurance.insuredAmount, 'insurance.insuredAmount'), currency)
        : MISSING,
      cover: insurance ? COVERS[insurance.cover] : MISSING,
      requiredCover: REQUIRED_COVER[input.incoterm] ?? MISSING,
      policyNo: orMissing(insurance?.policyNo),
      insurer: orMissing(insurance?.insurer),
    },
  };
}
