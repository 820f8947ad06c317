import type { Money } from '../domain/money';

/**
 * What a trade document prints, as facts (not yet formatted). Built from the order by
 * `fromOrder.ts`; `model.ts` turns it into the printed strings. Optional trade data is `null` when
 * the order does not have it yet, and prints as "—": a document never shows an invented value.
 */

import { companyGateOf, type CompanyGate } from '../domain/companyGate';
import type { CompanyProfile } from '../domain/companyProfile';
import type { DocumentKind } from '../domain/documentKinds';
import type { BankDetails } from '../domain/effects';
import type { BlType, InsuranceCover } from '../domain/state';

/** The document kinds, as in URLs and lists (defined once in the domain, with their codes). */
export { DOCUMENT_KINDS, isDocumentKind, type DocumentKind } from '../domain/documentKinds';
export type { BlType, InsuranceCover };

/** The account customers pay to: the letters' and the documents' one definition. */
export type { BankDetails };

/** Which variant of the document set is rendered. */
export type DocumentMark = 'COPY' | 'ORIGINAL';

/** The seller: its company's profile (for `default`, seeded from EXPORTER_* variables). */
export type Exporter = CompanyProfile;

/** The document gate's view of the exporter. */
export function exporterGate(exporter: Exporter): CompanyGate {
  return companyGateOf(exporter);
}

export interface Buyer {
  company: string;
  contactName: string;
  /** Street address as it goes on the documents (lines separated by newlines). */
  address: string | null;
  /** ISO-3166 alpha-2. */
  country: string;
  email: string;
}

/** Packing of one line; every figure is optional until the factory has packed. */
export interface LinePacking {
  /** Number of packages (cartons). */
  packages: number | null;
  netWeightKg: number | null;
  grossWeightKg: number | null;
  volumeCbm: number | null;
}

export interface TradeLine {
  description: string;
  hsCode: string | null;
  quantity: number;
  /** Unit of measure as agreed (`pcs`, `sets`, `kg`); required, never guessed. */
  unit: string;
  /** Up to 4 fractional digits (USD 0.035). */
  unitPrice: Money;
  packing: LinePacking | null;
}

export interface Insurance {
  policyNo: string;
  insurer: string;
  cover: InsuranceCover;
  insuredAmount: Money;
}

export interface CustomsData {
  declarationNo: string;
  declaredOn?: string;
  tradeMode?: string;
  transportMode?: string;
  destinationCountry?: string;
  exitPort?: string;
  lines?: {
    lineNo: number;
    hsCode: string;
    declaredElements: string;
    quantity: number;
    value: Money;
    packages?: number;
    netWeightKg?: number;
    grossWeightKg?: number;
  }[];
}

export interface TradeDocumentInput {
  kind: DocumentKind;
  /** The document's own number, e.g. `CI-SC-2026-117` (`CI-SC-2026-117-R1` once revised). */
  number: string;
  /** A re-issue after a correction: its revision and the number it replaces. Absent: first issue. */
  revision?: { no: number; replaces: string };
  orderId: string;
  /** Issue time (ISO instant), taken from the order so the same order renders the same bytes. */
  issuedAt: string;
  exporter: Exporter;
  buyer: Buyer;
  /** Null before the contract is signed (a proforma invoice is issued from the quotation). */
  contract: { number: string; signedAt: string } | null;
  quotationNo: string | null;
  /** The commercial invoice's number, which the other documents refer to; null before a contract. */
  invoiceNo: string | null;
  incoterm: string;
  namedPlace: string;
  lines: TradeLine[];
  /** What the buyer owes in all: the contract total, or the quotation total before a contract. */
  total: Money;
  depositReceived: Money;
  balanceReceived: Money;
  /** Written off (short-payment tolerance, bank charges, a manager): documents agree with the ledger. */
  writtenOff: Money;
  /** The set's language: the Chinese set prints country names in Chinese and the amount in capitals (大写). */
  language: 'en' | 'zh-CN';
  /** Who the goods are consigned to, and whom the carrier notifies; null prints as the buyer. */
  consignee: string | null;
  notifyParty: string | null;
  /** The L/C's issuing bank and date of issue (31C), printed beside its number. */
  lcIssuingBank: string | null;
  lcIssueDate: string | null;
  /** C-terms: the freight and the insurance premium in the price (null where not given). */
  freight: Money | null;
  insuranceCost: Money | null;
  /** The export declaration as CUSTOMS_DECLARED gave it; null before customs. */
  customs: CustomsData | null;
  /** Payment terms as the contract words them (the lead prints it from the payment plan). */
  paymentTerms: string | null;
  lcNo: string | null;
  portOfLoading: string | null;
  portOfDischarge: string | null;
  vessel: string | null;
  voyage: string | null;
  /** A date (`2026-03-01`) or an instant, printed as the exporter's calendar day. */
  etd: string | null;
  blNo: string | null;
  blType: BlType | null;
  containerNos: string[];
  /** In the order of `containerNos` (fewer where a seal is not known). */
  sealNos: string[];
  /** ISO-3166 alpha-2 country the goods originate in. */
  originCountry: string | null;
  /** Shipping marks as printed on the cartons (lines separated by newlines). */
  marks: string | null;
  /** Package type of the `packages` counts, e.g. `CTNS`. */
  packageType: string | null;
  insurance: Insurance | null;
}
