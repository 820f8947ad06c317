import { documentRevision, type DocumentOrder } from '../domain/documentOrder';
import { documentNumber as numberOf, revisedNumber } from '../domain/documentNumbers';
import { paymentTermsText, resolvePaymentPlan } from '../domain/paymentPlan';
import { shipmentNumberSuffix } from '../domain/shipments/scope';
import { addMoney, type Money } from '../domain/money';
import { invalidInput } from '../text/invalidInput';
import type { DocumentKind, Exporter, TradeDocumentInput, TradeLine } from './input';

/**
 * The one mapping from an order to what its documents print, used by the activity that emails
 * documents and by the preview endpoint. It reads the order view (the workflow passes the same
 * fields from its state), so a preview shows exactly what would be sent.
 */

export type { DocumentOrder, OrderTradeData } from '../domain/documentOrder';

const INSURED_TERMS = ['CIF', 'CIP'];

/** The proforma is issued from the contract before shipment: a correction does not re-issue it. */
const revises = (kind: DocumentKind): boolean => kind !== 'proforma-invoice';

/**
 * The proforma is what the customer pays against: once sent, its original is kept as it was sent,
 * and its download is that version, not one re-rendered with today's data.
 */
export const keptAsIssued = (kind: DocumentKind): boolean => kind === 'proforma-invoice';

/** The number as first issued (the domain's series, so stored items and PDFs agree). */
function firstNumber(order: DocumentOrder, kind: DocumentKind): string | null {
  const first = numberOf(kind, order.contract?.contractNo, order.quotation?.quotationNo);
  // A shipment's documents, of several: numbered per shipment (CI-C-1-S2).
  const perShipment = kind === 'proforma-invoice' ? '' : shipmentNumberSuffix(order.shipment);
  return first === null ? null : `${first}${perShipment}`;
}

/** The revision a document of this kind is at: the order's, except for a proforma (always 0). */
export function revisionOf(order: DocumentOrder, kind: DocumentKind): number {
  return revises(kind) ? documentRevision(order).revision : 0;
}

/** The document's number at its revision (`CI-C-1-R1` once a correction re-issued it). */
export function documentNumber(order: DocumentOrder, kind: DocumentKind): string | null {
  const first = firstNumber(order, kind);
  return first === null ? null : revisedNumber(first, revisionOf(order, kind));
}

/** The revision a document prints, and the number it replaces; undefined for a first issue. */
function printedRevision(
  order: DocumentOrder,
  kind: DocumentKind,
  first: string,
): TradeDocumentInput['revision'] {
  const revision = revisionOf(order, kind);
  return revision > 0 ? { no: revision, replaces: revisedNumber(first, revision - 1) } : undefined;
}

/** Unit of each line: the contract line's own, else the one the inquiry gave for the same product. */
function tradeLines(order: DocumentOrder): { lines: TradeLine[]; missing: string[] } {
  const packing = order.trade?.packing ?? [];
  const base: Omit<TradeLine, 'packing'>[] =
    order.trade?.contractLines ??
    (order.quotation?.lines ?? []).map((line) => ({
      description: line.description,
      hsCode: null,
      quantity: line.quantity,
      unit: order.inquiry.products.find((p) => p.description === line.description)?.unit ?? '',
      unitPrice: line.unitPrice,
    }));
  const missing = base.flatMap((line, i) =>
    line.unit.trim() === '' ? [`line ${i + 1} (${line.description}) has no unit of measure`] : [],
  );
  return { lines: base.map((line, i) => ({ ...line, packing: packing[i] ?? null })), missing };
}

/** Why the order cannot have this document now; empty when it can. */
export function missingFor(order: DocumentOrder, kind: DocumentKind): string[] {
  const missing: string[] = [];
  if (!order.quotation) missing.push('the order has no quotation yet');
  if (kind !== 'proforma-invoice' && !order.contract) missing.push('the order has no contract yet');
  if (
    kind === 'insurance-declaration' &&
    order.quotation &&
    !INSURED_TERMS.includes(order.quotation.incoterm)
  )
    missing.push(`the seller insures only under CIF or CIP, not ${order.quotation.incoterm}`);
  if (kind === 'customs-declaration' && !order.shipping.customs?.declaration?.lines)
    missing.push('the order has no declaration data yet (CUSTOMS_DECLARED with its lines)');
  if (order.quotation) missing.push(...tradeLines(order).missing);
  return missing;
}

/** The kinds the order could have rendered now. */
export function availableKinds(order: DocumentOrder, kinds: readonly DocumentKind[]): DocumentKind[] {
  return kinds.filter((kind) => missingFor(order, kind).length === 0);
}

/** The payment terms as the contract's plan words them; before the contract, as the quotation's would. */
function paymentTermsOf(order: DocumentOrder): string | null {
  if (order.payments.plan) return paymentTermsText(order.payments.plan);
  const quoted = order.quotation?.paymentTerms;
  if (!quoted) return null;
  const resolved = resolvePaymentPlan({
    input: undefined,
    depositPercent: undefined,
    quotation: quoted,
    total: order.quotation?.total ?? { amount: '0.00', currency: 'USD' },
  });
  return 'plan' in resolved ? paymentTermsText(resolved.plan) : null;
}

/** Everything written off, so the documents' outstanding agrees with the view's. */
function writtenOffOf(payments: DocumentOrder['payments'], zero: Money): Money {
  const parts = [payments.depositWrittenOff, payments.balanceWrittenOff].filter(
    (m): m is Money => m !== null && m !== undefined,
  );
  return parts.reduce((sum, m) => addMoney(sum, m), zero);
}

/**
 * The input of one document. Dated at the B/L once there is one (so copies and originals are the
 * same documents), else at the contract; a proforma at the contract, else the quotation. No clock:
 * the same order gives the same bytes. Throws (non-retryable) when `missingFor` is not empty.
 */
export function documentInput(
  order: DocumentOrder,
  kind: DocumentKind,
  exporter: Exporter,
): TradeDocumentInput {
  const missing = missingFor(order, kind);
  const { quotation, contract, shipping, payments, customer, trade } = order;
  const first = firstNumber(order, kind);
  const number = documentNumber(order, kind);
  if (missing.length > 0 || !quotation || number === null || first === null)
    throw invalidInput(`order ${order.orderId} cannot have a ${kind}: ${missing.join('; ')}`);
  const revision = printedRevision(order, kind, first);
  const total = contract?.totalAmount ?? quotation.total;
  const zero = { amount: '0.00', currency: total.currency };
  const booking = shipping.booking.confirmed;
  const bl = shipping.billOfLading;
  const issuedAt =
    kind === 'proforma-invoice'
      ? (contract?.signedAt ?? quotation.sentAt)
      : (bl?.issuedAt ?? contract?.signedAt ?? quotation.sentAt);
  return {
    kind,
    number,
    ...(revision ? { revision } : {}),
    orderId: order.orderId,
    issuedAt,
    exporter,
    buyer: {
      company: customer.company,
      contactName: customer.name,
      address: trade?.buyerAddress ?? null,
      country: customer.country,
      email: customer.email,
    },
    contract: contract ? { number: contract.contractNo, signedAt: contract.signedAt } : null,
    quotationNo: quotation.quotationNo,
    invoiceNo: documentNumber(order, 'commercial-invoice'),
    incoterm: quotation.incoterm,
    namedPlace: quotation.namedPlace,
    lines: tradeLines(order).lines,
    total,
    depositReceived: payments.depositReceived ?? zero,
    balanceReceived: payments.balanceReceived ?? zero,
    writtenOff: writtenOffOf(payments, zero),
    language: customer.language === 'zh-CN' ? 'zh-CN' : 'en',
    consignee: trade?.consignee ?? (trade?.lcIssuingBank ? `TO ORDER OF ${trade.lcIssuingBank}` : null),
    notifyParty: trade?.notifyParty ?? null,
    lcIssuingBank: trade?.lcIssuingBank ?? null,
    lcIssueDate: trade?.lcIssueDate ?? null,
    freight: trade?.freight ?? null,
    insuranceCost: trade?.insuranceCost ?? null,
    customs: shipping.customs
      ? { declarationNo: shipping.customs.declarationNo, ...(shipping.customs.declaration ?? {}) }
      : null,
    paymentTerms: trade?.paymentTerms ?? paymentTermsOf(order),
    lcNo: trade?.lcNo ?? null,
    portOfLoading: trade?.portOfLoading ?? null,
    portOfDischarge: trade?.portOfDischarge ?? null,
    vessel: booking?.vessel ?? null,
    voyage: booking?.voyage ?? null,
    etd: booking?.etd ?? null,
    blNo: bl?.blNo ?? null,
    blType: bl?.blType ?? null,
    containerNos: booking?.containerNos ?? [],
    sealNos: booking?.sealNos ?? [],
    originCountry: trade?.originCountry ?? null,
    marks: trade?.marks ?? null,
    packageType: trade?.packageType ?? null,
    insurance: trade?.insurance ?? null,
  };
}
