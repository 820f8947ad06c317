/**
 * The document gate: each document kind declares the fields an original needs, and an original is
 * not issued while one is missing (`409 DOCUMENTS_INCOMPLETE`, `missing[]` in the document list).
 * Drafts and copies may go with gaps; they print "—" there.
 */
import type { CompanyGate, GateProfile } from './companyGate';
import type { DocumentKind } from './documentKinds';
import type { DocumentOrder } from './documentOrder';
import { incotermFamily, sellerInsures } from './incoterms';
import { tradeData } from './tradeData';
import type { OrderState } from './types';

/** Kinds the gate knows: the rendered documents and the customs declaration's data sheet. */
export type { CompanyGate, GateProfile };

export type GatedDocument = DocumentKind;

export interface MissingField {
  document: GatedDocument;
  /** A path in the profile (`company.uscc`), the order (`contract.portOfLoading`) or a line (`lines[0].hsCode`). */
  field: string;
}

/** What the gate reads: the order as documents see it, the exporter's profile, the customs data. */
export interface GateInput {
  order: DocumentOrder;
  profile: GateProfile;
  /** The declaration's lines (10-digit HS codes) once CUSTOMS_DECLARED carried them. */
  customs?: { lines?: { hsCode: string }[] } | null;
}

type Check = (input: GateInput) => boolean;
type LineCheck = (input: GateInput, index: number) => boolean;

const trade = (i: GateInput) => i.order.trade ?? {};
const present = (value: string | null | undefined): boolean =>
  value !== undefined && value !== null && value.trim() !== '';
const packing = (i: GateInput, n: number) => trade(i).packing?.[n];
const under = (i: GateInput, method: string) => i.order.payments.plan?.balanceMethod === method;

/** Order- and profile-level fields, by the path the API reports. */
const FIELDS = {
  'company.localName': (i) => present(i.profile.localName),
  'company.uscc': (i) => present(i.profile.uscc),
  'company.customsCode': (i) => present(i.profile.customsCode),
  'company.chopPng': (i) => i.profile.hasChop,
  'company.placeOfIssue': (i) => present(i.profile.placeOfIssue),
  'contract.buyerAddress': (i) => present(trade(i).buyerAddress),
  'contract.portOfLoading': (i) => present(trade(i).portOfLoading),
  'contract.portOfDischarge': (i) => present(trade(i).portOfDischarge),
  'contract.originCountry': (i) => present(trade(i).originCountry),
  'contract.marks': (i) => present(trade(i).marks),
  'contract.packageType': (i) => present(trade(i).packageType),
  'letterOfCredit.lcNo': (i) => !under(i, 'LC') || present(trade(i).lcNo),
  // A C-term price is shown apart: FOB value, freight and (CIF/CIP) insurance.
  'contract.freight': (i) => !cTerm(i) || trade(i).freight !== undefined,
  'contract.insuranceCost': (i) => !sellerInsuresOrder(i) || trade(i).insuranceCost !== undefined,
  'shipping.booking': (i) => i.order.shipping.booking.confirmed !== null,
  'shipping.customs': (i) => i.order.shipping.customs !== null,
  'shipping.insurance': (i) => !sellerInsuresOrder(i) || Boolean(trade(i).insurance),
} satisfies Record<string, Check>;

const LINE_FIELDS = {
  hsCode: (i, n) => /^\d{10}$/.test(trade(i).contractLines?.[n]?.hsCode ?? ''),
  packages: (i, n) => packing(i, n)?.packages != null,
  netWeightKg: (i, n) => packing(i, n)?.netWeightKg != null,
  grossWeightKg: (i, n) => packing(i, n)?.grossWeightKg != null,
  customsHsCode: (i, n) => /^\d{10}$/.test(i.customs?.lines?.[n]?.hsCode ?? ''),
} satisfies Record<string, LineCheck>;

export type GateField = keyof typeof FIELDS;
export type GateLineField = keyof typeof LINE_FIELDS;

const sellerInsuresOrder = (i: GateInput): boolean => sellerInsures(i.order);
const cTerm = (i: GateInput): boolean =>
  i.order.quotation !== null && incotermFamily(i.order.quotation.incoterm) === 'C';

export interface GateDeclaration {
  fields: readonly GateField[];
  lines: readonly GateLineField[];
}

/** What each original needs, declared once. */
export const DOCUMENT_REQUIREMENTS: Record<GatedDocument, GateDeclaration> = {
  'commercial-invoice': {
    fields: [
      'company.uscc',
      'company.customsCode',
      'company.chopPng',
      'company.placeOfIssue',
      'contract.buyerAddress',
      'contract.portOfLoading',
      'contract.portOfDischarge',
      'contract.originCountry',
      'contract.marks',
      'contract.freight',
      'contract.insuranceCost',
      'letterOfCredit.lcNo',
      'shipping.booking',
    ],
    lines: ['hsCode'],
  },
  'packing-list': {
    fields: [
      'company.chopPng',
      'company.placeOfIssue',
      'contract.buyerAddress',
      'contract.marks',
      'contract.packageType',
      'contract.portOfLoading',
      'contract.portOfDischarge',
      'shipping.booking',
    ],
    lines: ['packages', 'netWeightKg', 'grossWeightKg'],
  },
  'proforma-invoice': { fields: ['company.chopPng', 'contract.buyerAddress'], lines: [] },
  'certificate-of-origin': {
    fields: [
      'company.localName',
      'company.uscc',
      'company.chopPng',
      'contract.buyerAddress',
      'contract.originCountry',
      'contract.marks',
      'contract.portOfLoading',
      'contract.portOfDischarge',
      'shipping.booking',
    ],
    lines: ['hsCode', 'packages'],
  },
  'insurance-declaration': {
    fields: ['company.chopPng', 'contract.portOfLoading', 'contract.portOfDischarge', 'shipping.insurance'],
    lines: [],
  },
  'customs-declaration': {
    fields: [
      'company.localName',
      'company.uscc',
      'company.customsCode',
      'contract.portOfLoading',
      'contract.originCountry',
      'contract.packageType',
      'shipping.customs',
    ],
    lines: ['customsHsCode', 'packages', 'netWeightKg', 'grossWeightKg'],
  },
};

/** The fields the original of `document` lacks, in the declared order; empty when it may be issued. */
export function missingFields(document: GatedDocument, input: GateInput): MissingField[] {
  const declared = DOCUMENT_REQUIREMENTS[document];
  const missing: MissingField[] = declared.fields
    .filter((field) => !FIELDS[field](input))
    .map((field) => ({ document, field }));
  const lineCount = trade(input).contractLines?.length ?? input.order.quotation?.lines.length ?? 0;
  for (let n = 0; n < lineCount; n += 1) {
    for (const field of declared.lines) {
      if (!LINE_FIELDS[field](input, n)) {
        missing.push({ document, field: `lines[${n}].${field === 'customsHsCode' ? 'hsCode' : field}` });
      }
    }
  }
  return missing;
}

/** Everything the originals of `documents` lack, for the 409's `details.missing`. */
export function missingForOriginals(documents: readonly GatedDocument[], input: GateInput): MissingField[] {
  return documents.flatMap((document) => missingFields(document, input));
}

/** Effects that hand originals out: to the buyer, to our bank for collection, or for presentation under the L/C. */
const ISSUES_ORIGINALS: readonly string[] = [
  'dispatchDocuments',
  'sendCollectionInstructions',
  'sendPresentationChecklist',
];

/** The originals an order's set holds: invoice and packing list, and the insurance where we insure. */
export function originalDocuments(order: DocumentOrder): GatedDocument[] {
  return [
    'commercial-invoice',
    'packing-list',
    ...(sellerInsures(order) ? (['insurance-declaration'] as const) : []),
  ];
}

/**
 * What the originals an accepted event would issue lack, where the company's gate is on: the event
 * is then refused (`DOCUMENTS_INCOMPLETE`). Empty when the gate is off or nothing issues originals.
 */
export function originalsBlocked(
  state: OrderState,
  effects: readonly { type: string }[],
  company: CompanyGate | undefined,
): MissingField[] {
  // Most events issue no originals: the documents' view of the order is built only for those that do.
  if (!company?.documentGate || !effects.some((e) => ISSUES_ORIGINALS.includes(e.type))) return [];
  const order: DocumentOrder = { ...state, trade: tradeData(state) };
  return missingForOriginals(originalDocuments(order), { order, profile: company });
}
