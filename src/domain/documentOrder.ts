import type { Money } from './money';
import type { ShipmentLabel } from './shipments/scope';
import type { DocumentRevision, FieldChange, InsurancePolicy, OrderState } from './state';

/**
 * What an order's documents read, as the workflow passes it to the activities that render them
 * (and the API's preview reads from the view): the order's fields plus the trade data.
 */

/**
 * Trade data the order view does not carry yet. Each is a slot the domain fills (contract lines,
 * ports, packing, payment plan, L/C, insurance); until then documents print "—" there.
 */
export interface OrderTradeData {
  /** The contract's lines (CONTRACT_SIGNED `lines[]`, CONTRACT_AMENDED); the quotation's until then. */
  contractLines?: {
    description: string;
    hsCode: string | null;
    quantity: number;
    unit: string;
    unitPrice: Money;
  }[];
  /** Packing per contract line, in line order. */
  packing?: {
    packages: number | null;
    netWeightKg: number | null;
    grossWeightKg: number | null;
    volumeCbm: number | null;
  }[];
  packageType?: string;
  buyerAddress?: string;
  portOfLoading?: string;
  portOfDischarge?: string;
  originCountry?: string;
  marks?: string;
  /** The payment plan in words, e.g. "30% T/T deposit, 70% against copy of B/L". */
  paymentTerms?: string;
  lcNo?: string;
  lcIssuingBank?: string;
  /** 31C of the MT700, when the credit came from one. */
  lcIssueDate?: string;
  consignee?: string;
  notifyParty?: string;
  /** The freight and the insurance premium in a C-term price, shown apart from the FOB value. */
  freight?: Money;
  insuranceCost?: Money;
  insurance?: Pick<InsurancePolicy, 'policyNo' | 'insurer' | 'cover' | 'insuredAmount'>;
}

/** The parts of the order documents read (the state's, which the stored view shares), plus the trade-data slots. */
export interface DocumentOrder extends Pick<
  OrderState,
  'orderId' | 'customer' | 'accountManager' | 'inquiry' | 'quotation' | 'contract' | 'shipping'
> {
  payments: Pick<OrderState['payments'], 'plan' | 'depositReceived' | 'balanceReceived'> &
    Partial<Pick<OrderState['payments'], 'depositWrittenOff' | 'balanceWrittenOff'>>;
  trade?: OrderTradeData;
  /** The revision the documents are at, once a correction re-issued them (absent: as first issued). */
  documents?: Pick<OrderState['documents'], 'revision' | 'revisions'>;
  /** Which of the order's several shipments the documents are for (numbered `-S2`); absent: the order's. */
  shipment?: ShipmentLabel;
}

/** A re-issue of the documents, as they print and announce it. */
export interface DocumentSetRevision {
  /** 0: as first issued. */
  revision: number;
  /** What the correction behind it changed (none for the first issue, or once out of the window). */
  changes: FieldChange[];
}

/** The revision the order's documents are at and what its correction changed. */
export function documentRevision(order: Pick<DocumentOrder, 'documents'>): DocumentSetRevision {
  const revision = order.documents?.revision ?? 0;
  const latest = order.documents?.revisions?.find((r: DocumentRevision) => r.revision === revision);
  return { revision, changes: revision > 0 ? (latest?.changes ?? []) : [] };
}
