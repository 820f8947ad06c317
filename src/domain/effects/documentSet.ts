import { documentRevision, type DocumentOrder, type DocumentSetRevision } from '../documentOrder';
import { shipmentWords, type ShipmentLabel } from '../shipments/scope';
import { dictionary } from '../i18n';
import { html, safeToken } from '../letters/escape';
import { factsHtml, factsText, page, signOff, type Fact, type RenderedEmail } from '../letters/layout';
import type { Language } from '../schemas/common';
import { hasShipped } from '../shipment';
import type { OrderState } from '../types';
import {
  defineEffect,
  defineEmail,
  onBehalfOfAccountManager,
  type DocumentAttachment,
  type DocumentMark,
  type EmailDefinition,
  type Letterhead,
  type MessageKey,
  type RenderedDocument,
} from './define';
import { documentOrder, required } from './orderFacts';

/**
 * The document set of an order (commercial invoice and packing list): the order's fields that
 * documents read, passed by the workflow so every retry renders the same bytes.
 */
export interface DocumentSetInput extends MessageKey {
  order: DocumentOrder;
}

interface Words {
  subject: string;
  facts: Fact[];
  intro: string;
  lead: string;
  /** A revised set: what changed, and that it replaces the earlier one; empty for a first issue. */
  revised: string;
  /** What else the customer must know (payment before the originals, how the goods are released). */
  extra: string[];
  attached: string;
  track: string;
}

const RELEASE_WORDS: Record<
  Language,
  Record<'TELEX_RELEASE' | 'SEA_WAYBILL' | 'ORIGINAL', (blNo: string) => string>
> = {
  en: {
    TELEX_RELEASE: (blNo) =>
      `The bill of lading ${blNo} is telex released: no original B/L is needed to take delivery.`,
    SEA_WAYBILL: (blNo) =>
      `The goods travel under sea waybill ${blNo}: no original is needed to take delivery.`,
    ORIGINAL: (blNo) => `The original bill of lading ${blNo} follows separately.`,
  },
  'zh-CN': {
    TELEX_RELEASE: (blNo) => `提单 ${blNo} 已电放，提货无需正本提单。`,
    SEA_WAYBILL: (blNo) => `本批货物以海运单 ${blNo} 运输，提货无需正本。`,
    ORIGINAL: (blNo) => `正本提单 ${blNo} 将另行寄送。`,
  },
};

/** Telex release and sea waybill need no original; any other (or no) B/L type means the originals follow. */
function releaseBy(blType: string | null): 'TELEX_RELEASE' | 'SEA_WAYBILL' | 'ORIGINAL' {
  return blType === 'TELEX_RELEASE' || blType === 'SEA_WAYBILL' ? blType : 'ORIGINAL';
}

const REVISED_WORDS: Record<
  Language,
  {
    subject: string;
    replaces: (revision: number) => string;
    changed: string;
    colon: string;
    separator: string;
  }
> = {
  en: {
    subject: 'Revised: ',
    replaces: (r) =>
      `These documents are revision R${r}: they replace the documents we sent you earlier, which are no longer valid.`,
    changed: ' What changed: ',
    colon: ': ',
    separator: '; ',
  },
  'zh-CN': {
    subject: '更正：',
    replaces: (r) => `本套单据为更正版（R${r}），取代此前发给您的单据，原单据作废。`,
    changed: '更改内容：',
    colon: '：',
    separator: '；',
  },
};

/** What a revision changed, each field under its name in the customer's language; empty for a first issue. */
function revisedParagraph({ revision, changes }: DocumentSetRevision, language: Language): string {
  if (revision === 0) return '';
  const w = REVISED_WORDS[language];
  const labels: Partial<Record<string, string>> = dictionary(language).fields;
  const changed = changes.map((c) => `${labels[c.field] ?? c.field}${w.colon}${c.from} → ${c.to}`);
  return `${w.replaces(revision)}${changed.length > 0 ? `${w.changed}${changed.join(w.separator)}` : ''}`;
}

/** The covering letter's words in the customer's language; the documents themselves stay in English. */
function words(model: RenderedDocument, order: DocumentOrder, copy: boolean, language: Language): Words {
  const owes = copy && model.owesMoney;
  // How the buyer takes delivery, said with the final documents only.
  const release = copy ? '' : RELEASE_WORDS[language][releaseBy(model.blType)](model.blNo);
  const revision = documentRevision(order);
  const revised = revisedParagraph(revision, language);
  const prefix = revision.revision > 0 ? REVISED_WORDS[language].subject : '';
  const part = order.shipment
    ? `${language === 'zh-CN' ? ' ' : ', '}${shipmentWords(order.shipment, language)}`
    : '';
  if (language === 'zh-CN') {
    return {
      subject: copy
        ? `${prefix}单据核对：发票 ${model.number}，订单 ${order.orderId}${part}`
        : `${prefix}装运单据：发票 ${model.number}，订单 ${order.orderId}${part}`,
      facts: [
        ['订单', order.orderId],
        ['合同号', model.contractNo ?? '—'],
        ['发票号', model.number],
        ['交货条款', model.incoterm],
        ['船名/航次', model.vesselVoyage],
        ['预计开船日', model.etd],
        ['提单号', `${model.blNo}（${model.printedBlType}）`],
        ['总金额', model.total],
        ['未付金额', model.outstanding],
      ],
      intro: `${order.customer.name}，您好：`,
      lead: copy
        ? '随附商业发票和装箱单的副本，请核对。如无误请回复确认；如需修改，请直接回复本邮件告知。'
        : '随附本批货物的商业发票和装箱单正本。',
      revised,
      extra: [owes ? `我方收到未付余款 ${model.outstanding} 后即寄送正本单据。` : '', release].filter(
        Boolean,
      ),
      attached: '附件：商业发票、装箱单（PDF）。',
      track: '在此查看订单进度、下载单据并确认副本',
    };
  }
  return {
    subject: copy
      ? `${prefix}Documents for verification: invoice ${model.number}, order ${order.orderId}${part}`
      : `${prefix}Shipping documents: invoice ${model.number}, order ${order.orderId}${part}`,
    facts: [
      ['Order', order.orderId],
      ['Contract No.', model.contractNo ?? '—'],
      ['Invoice No.', model.number],
      ['Terms of delivery', model.incoterm],
      ['Vessel / Voyage', model.vesselVoyage],
      ['ETD', model.etd],
      ['B/L No.', `${model.blNo} (${model.printedBlType})`],
      ['Total amount', model.total],
      ['Amount outstanding', model.outstanding],
    ],
    intro: `Dear ${order.customer.name},`,
    lead: copy
      ? 'please find attached COPIES of the commercial invoice and the packing list for your verification. Please check them and confirm, or tell us what to correct, by replying to this email.'
      : 'please find attached the final commercial invoice and packing list for your shipment.',
    revised,
    extra: [
      owes
        ? `The original documents are released once the outstanding balance of ${model.outstanding} has been received.`
        : '',
      release,
    ].filter(Boolean),
    attached: 'Attached: commercial invoice, packing list (PDF).',
    track: 'Follow your order, download its documents and confirm the copies here',
  };
}

/** Covering email of the document set: copies to verify, or the final documents. */
export function documentSetEmail(
  model: RenderedDocument,
  order: DocumentOrder,
  exporter: Letterhead,
  mark: DocumentMark,
  trackingUrl?: string,
): RenderedEmail {
  const language = order.customer.language ?? 'en';
  const w = words(model, order, mark === 'COPY', language);
  const closing = signOff(order.accountManager.name, exporter.name, language);
  const text = [
    w.intro,
    '',
    w.lead,
    ...[w.revised, ...w.extra].filter(Boolean).flatMap((s) => ['', s]),
    '',
    factsText(w.facts),
    '',
    w.attached,
    ...(trackingUrl ? ['', `${w.track}: ${trackingUrl}`] : []),
    '',
    ...closing.text,
  ].join('\n');
  const htmlBody = html`<p>${w.intro}</p>
    <p>${w.lead}</p>
    ${w.revised ? html`<p><strong>${w.revised}</strong></p>` : ''}${w.extra.map(
      (s) => html`<p>${s}</p>`,
    )}${factsHtml(w.facts)}
    <p>${w.attached}</p>
    ${trackingUrl ? html`<p><a href="${trackingUrl}">${w.track}</a></p>` : ''} ${closing.html}`;
  return { subject: w.subject, text, html: page(w.subject, htmlBody, exporter.name, language) };
}

/**
 * The fields of the order its documents read (src/documents/fromOrder.ts maps them), taken
 * from the state at the B/L, so copies and originals are the same documents. A revised set
 * carries its revision and what changed, and is a new message (sequence: revision + 1).
 */
export function documentSetInput(state: OrderState, now: string, shipment?: ShipmentLabel): DocumentSetInput {
  required(state, 'documents');
  if (!hasShipped(state)) throw new Error(`order ${state.orderId} has not shipped: no documents yet`);
  const revision = state.documents.revision ?? 0;
  const latest = state.documents.revisions?.filter((r) => r.revision === revision) ?? [];
  // A first issue's input stays as it always was.
  const revised = revision > 0 ? { documents: { revision, revisions: latest } } : {};
  return {
    orderId: state.orderId,
    sequence: revision + 1,
    requestedAt: now,
    order: { ...documentOrder(state), ...revised, ...(shipment ? { shipment } : {}) },
    ...(shipment ? { shipment } : {}),
  };
}

/** The commercial invoice and the packing list, marked as copies or originals. */
function documentSet(input: DocumentSetInput, mark: DocumentMark): DocumentAttachment[] {
  const suffix = mark === 'COPY' ? '-COPY' : '';
  return [
    {
      kind: 'commercial-invoice',
      order: input.order,
      mark,
      fileName: (number) => `Commercial-Invoice-${safeToken(number)}${suffix}.pdf`,
    },
    {
      kind: 'packing-list',
      order: input.order,
      mark,
      fileName: (number) => `Packing-List-${safeToken(number)}${suffix}.pdf`,
    },
  ];
}

/** The covering letter speaks of the invoice, the first document attached. */
function invoiceOf(documents: readonly RenderedDocument[]): RenderedDocument {
  const [invoice] = documents;
  if (!invoice) throw new Error('the document set has no invoice');
  return invoice;
}

/** One email per mark: copies to verify, then the originals. */
function documentSetEmailOf<const A extends string, const P extends string>(
  activity: A,
  purpose: P,
  mark: DocumentMark,
): EmailDefinition<A, DocumentSetInput, P> {
  return defineEmail({
    activity,
    purpose,
    recipients: (input: DocumentSetInput) =>
      onBehalfOfAccountManager(input.order.customer.email, input.order),
    attachments: (input) => documentSet(input, mark),
    // Documents carry their own issue time; using it keeps the whole message stable across retries.
    datedByDocuments: true,
    letter: (input, ctx) =>
      documentSetEmail(invoiceOf(ctx.documents), input.order, ctx.exporter, mark, ctx.trackingUrl()),
  });
}

export const sendDocumentCopies = documentSetEmailOf('sendDocumentCopies', 'document-copies', 'COPY');
export const dispatchDocuments = documentSetEmailOf('dispatchDocuments', 'document-dispatch', 'ORIGINAL');

export const documentCopies = defineEffect({
  kind: 'sendDocumentCopies',
  summary: 'document copies to the customer',
  email: sendDocumentCopies,
  input: (state, { now, shipment }) => documentSetInput(state, now, shipment),
  done: (state, at) => ({ ...state, documents: { ...state.documents, copiesSentAt: at } }),
});

export const documentDispatch = defineEffect({
  kind: 'dispatchDocuments',
  summary: 'final document set to the customer',
  email: dispatchDocuments,
  input: (state, { now, shipment }) => documentSetInput(state, now, shipment),
  done: (state, at) => ({ ...state, documents: { ...state.documents, dispatchedAt: at } }),
});
