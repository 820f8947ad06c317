import { html, type SafeHtml } from '../domain/letters/escape';
import { formatDate } from '../domain/letters/format';
import type { BuyerDocumentCode, Language } from '../domain';
import { stageName } from '../domain/i18n/terms';
import type { StageProgress } from './progress';

/** A file the exporter marked for the buyer. */
export interface BuyerAttachment {
  id: string;
  fileName: string;
}

export interface BuyerDocument {
  kind: BuyerDocumentCode;
  number: string;
  copy: boolean;
}

const WORDS = {
  en: {
    title: (id: string) => `Your order ${id}`,
    where: 'Where your order is',
    done: 'done',
    current: 'in progress',
    next: 'next',
    later: '',
    documents: 'Documents',
    noDocuments: 'No documents yet.',
    files: 'Files from us',
    kinds: { COMMERCIAL_INVOICE: 'Commercial invoice', PACKING_LIST: 'Packing list' },
    copy: 'copy for verification',
    confirm: 'I confirm the document copies are correct',
    confirmed: 'You confirmed the document copies.',
    originals: (courier: string, trackingNo: string) =>
      `The original bills of lading were sent to you by ${courier}, tracking number ${trackingNo}.`,
    telex: 'Telex release confirmed: the carrier releases the goods to you without original bills of lading.',
    gone: 'This link has expired or was withdrawn. Please ask your contact for a new one.',
    goneTitle: 'Link no longer valid',
  },
  'zh-CN': {
    title: (id: string) => `您的订单 ${id}`,
    where: '订单进度',
    done: '已完成',
    current: '进行中',
    next: '下一步',
    later: '',
    documents: '单据',
    noDocuments: '暂无单据。',
    files: '我们提供的文件',
    kinds: { COMMERCIAL_INVOICE: '商业发票', PACKING_LIST: '装箱单' },
    copy: '副本，请核对',
    confirm: '确认单据副本无误',
    confirmed: '您已确认单据副本。',
    originals: (courier: string, trackingNo: string) =>
      `正本提单已由 ${courier} 寄出，快递单号 ${trackingNo}。`,
    telex: '已电放：无需正本提单即可提货。',
    gone: '此链接已过期或已撤销，请联系您的业务员获取新链接。',
    goneTitle: '链接已失效',
  },
} as const;

function frame(language: Language, title: string, body: SafeHtml): string {
  return html`<!doctype html>
    <html lang="${language}">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="robots" content="noindex" />
        <title>${title}</title>
        <style>
          body {
            font-family: system-ui, sans-serif;
            max-width: 40rem;
            margin: 2rem auto;
            padding: 0 1rem;
            color: #1d1d1f;
          }
          ol {
            list-style: none;
            padding: 0;
          }
          ol > li {
            padding: 0.5rem 0.75rem;
            border-left: 4px solid #ccc;
            margin: 0.25rem 0;
          }
          ol > li.done {
            border-color: #2e7d32;
          }
          ol > li.current {
            border-color: #1565c0;
            background: #e3f2fd;
            font-weight: 600;
          }
          ol > li.next {
            border-color: #90caf9;
          }
          .when {
            color: #555;
            font-weight: normal;
            margin-left: 0.5rem;
          }
          button {
            font-size: 1rem;
            padding: 0.6rem 1rem;
            background: #1565c0;
            color: #fff;
            border: 0;
            border-radius: 4px;
          }
        </style>
      </head>
      <body>
        <main>${body}</main>
      </body>
    </html>`.value;
}

export function trackingPage(input: {
  language: Language;
  orderId: string;
  stages: StageProgress[];
  documents: BuyerDocument[];
  documentUrl: (doc: BuyerDocument) => string;
  confirmUrl: string | null;
  confirmedAt: string | null;
  /** Files marked for the buyer (none when absent). */
  attachments?: BuyerAttachment[];
  attachmentUrl?: (attachment: BuyerAttachment) => string;
  /** How the buyer takes the goods: couriered originals, or the forwarder's telex release. */
  release: { telexConfirmedAt: string | null; originals: { courier: string; trackingNo: string } | null };
}): string {
  const w = WORDS[input.language];
  const stages = input.stages.map(
    (s) =>
      html`<li class="${s.state}">
        ${stageName(s.stage, input.language)}
        <span class="when">${w[s.state]}${s.at ? ` · ${formatDate(new Date(s.at))}` : ''}</span>
      </li>`,
  );
  const docs = input.documents.map(
    (d) =>
      html`<li>
        <a href="${input.documentUrl(d)}" download>${w.kinds[d.kind]} ${d.number}</a
        >${d.copy ? ` (${w.copy})` : ''}
      </li>`,
  );
  const files = (input.attachments ?? []).map(
    (a) =>
      html`<li>
        <a href="${input.attachmentUrl?.(a) ?? ''}" download>${a.fileName}</a>
      </li>`,
  );
  const confirm = input.confirmedAt
    ? html`<p role="status">${w.confirmed} ${formatDate(new Date(input.confirmedAt))}</p>`
    : input.confirmUrl
      ? html`<form method="post" action="${input.confirmUrl}">
          <button type="submit">${w.confirm}</button>
        </form>`
      : html``;
  const { originals, telexConfirmedAt } = input.release;
  const release = originals
    ? html`<p role="status">${w.originals(originals.courier, originals.trackingNo)}</p>`
    : telexConfirmedAt
      ? html`<p role="status">${w.telex}</p>`
      : html``;
  const title = w.title(input.orderId);
  return frame(
    input.language,
    title,
    html`<h1>${title}</h1>
      <h2>${w.where}</h2>
      <ol>
        ${stages}
      </ol>
      <h2>${w.documents}</h2>
      ${
        docs.length
          ? html`<ul>
              ${docs}
            </ul>`
          : html`<p>${w.noDocuments}</p>`
      }
      ${
        files.length
          ? html`<h2>${w.files}</h2>
              <ul class="files">
                ${files}
              </ul>`
          : html``
      }
      ${confirm} ${release}`,
  );
}

/** What an expired, revoked or forged link shows: nothing about the order. */
export function goneTrackingPage(language: Language = 'en'): string {
  const w = WORDS[language];
  return frame(
    language,
    w.goneTitle,
    html`<h1>${w.goneTitle}</h1>
      <p>${w.gone}</p>`,
  );
}
