import type { DocumentMark } from './input';
import { renderCertificateOfOrigin } from './certificate-of-origin';
import { renderCommercialInvoice } from './commercial-invoice';
import { renderCustomsDeclaration } from './customs-declaration';
import type { DocumentKind } from './input';
import { renderInsuranceDeclaration } from './insurance-declaration';
import type { DocumentModel } from './model';
import { renderPackingList } from './packing-list';
import { renderProformaInvoice } from './proforma-invoice';

const RENDERERS: Record<DocumentKind, (model: DocumentModel, mark: DocumentMark) => Promise<Buffer>> = {
  'commercial-invoice': renderCommercialInvoice,
  'packing-list': renderPackingList,
  'proforma-invoice': renderProformaInvoice,
  'certificate-of-origin': renderCertificateOfOrigin,
  'insurance-declaration': renderInsuranceDeclaration,
  'customs-declaration': renderCustomsDeclaration,
};

/** The PDF of one document; the same model and mark always give the same bytes. */
export function renderDocument(model: DocumentModel, mark: DocumentMark): Promise<Buffer> {
  return RENDERERS[model.kind](model, mark);
}
