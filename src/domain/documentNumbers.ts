import type { DocumentKind } from './documentKinds';

const PREFIX: Record<DocumentKind, string> = {
  'commercial-invoice': 'CI',
  'packing-list': 'PL',
  'proforma-invoice': 'PI',
  'certificate-of-origin': 'CO',
  'insurance-declaration': 'INS',
  'customs-declaration': 'CD',
};

/**
 * A document's number: one series per kind, keyed by the contract (the quotation for an early
 * proforma). The domain stores it with the issued documents; the PDFs print the same.
 */
export function documentNumber(
  kind: DocumentKind,
  contractNo: string | undefined,
  quotationNo: string | undefined,
): string | null {
  const key = contractNo ?? (kind === 'proforma-invoice' ? quotationNo : undefined);
  return key === undefined ? null : `${PREFIX[kind]}-${key}`;
}

/** A re-issued document's number: the first issue's, suffixed with its revision (`CI-C-1-R1`). */
export function revisedNumber(number: string, revision: number): string {
  return revision > 0 ? `${number}-R${revision}` : number;
}
