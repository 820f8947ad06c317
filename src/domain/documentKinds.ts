/**
 * The documents an order deals with, defined once. Each has a code, as the order view, the read
 * model and the buyer's page spell it (`COMMERCIAL_INVOICE`), and the documents we render also go
 * by a kind, as URLs, templates and the documents API spell it (`commercial-invoice`). The kind is
 * derived from the code, so the two spellings cannot drift apart.
 */

/** Documents we render from the order (PDFs), in the order the API lists them. */
export const RENDERED_DOCUMENTS = [
  'COMMERCIAL_INVOICE',
  'PACKING_LIST',
  'PROFORMA_INVOICE',
  'CERTIFICATE_OF_ORIGIN',
  'INSURANCE_DECLARATION',
  // The export declaration's data sheet for the broker.
  'CUSTOMS_DECLARATION',
] as const;

/** Every document code: ours, and the carrier's bill of lading. */
export const DOCUMENT_CODES = [...RENDERED_DOCUMENTS, 'BILL_OF_LADING'] as const;
export type DocumentCode = (typeof DOCUMENT_CODES)[number];
export type RenderedDocumentCode = (typeof RENDERED_DOCUMENTS)[number];

/** The shipment's document set the order lists (`documents.items`): invoice, packing list, the B/L. */
export const SHIPMENT_DOCUMENTS = [
  'COMMERCIAL_INVOICE',
  'PACKING_LIST',
  'BILL_OF_LADING',
] as const satisfies readonly DocumentCode[];

/** The documents the buyer receives from us (copies, then originals) and may download. */
export const BUYER_DOCUMENTS = [
  'COMMERCIAL_INVOICE',
  'PACKING_LIST',
] as const satisfies readonly RenderedDocumentCode[];
export type BuyerDocumentCode = (typeof BUYER_DOCUMENTS)[number];

export const isBuyerDocument = (code: string): code is BuyerDocumentCode =>
  (BUYER_DOCUMENTS as readonly string[]).includes(code);

/** `COMMERCIAL_INVOICE` as a kind: `commercial-invoice`. */
type KindOf<C extends string> = C extends `${infer Head}_${infer Tail}`
  ? `${Lowercase<Head>}-${KindOf<Tail>}`
  : Lowercase<C>;
type KindsOf<T extends readonly string[]> = { -readonly [K in keyof T]: KindOf<T[K]> };

/** A rendered document's kind, as URLs and templates spell it. */
export type DocumentKind = KindOf<RenderedDocumentCode>;

export function documentKind<C extends RenderedDocumentCode>(code: C): KindOf<C> {
  return code.toLowerCase().replace(/_/g, '-') as KindOf<C>;
}

/** The kinds of the rendered documents: `commercial-invoice`, `packing-list`, ... */
export const DOCUMENT_KINDS = RENDERED_DOCUMENTS.map(documentKind) as KindsOf<typeof RENDERED_DOCUMENTS>;

export const isDocumentKind = (value: string): value is DocumentKind =>
  (DOCUMENT_KINDS as readonly string[]).includes(value);

/** Whether a stored code names a document we render. */
export const isRenderedDocument = (code: string): code is RenderedDocumentCode =>
  (RENDERED_DOCUMENTS as readonly string[]).includes(code);

/** A kind's code: `commercial-invoice` is `COMMERCIAL_INVOICE`. */
export function documentCode(kind: DocumentKind): RenderedDocumentCode {
  const code = RENDERED_DOCUMENTS.find((c) => documentKind(c) === kind);
  if (!code) throw new Error(`unknown document kind ${kind}`);
  return code;
}
