// The order's documents: each previewed in the page and downloaded, with its earlier revisions.
// The API wants the bearer token, so a PDF is fetched and shown as a blob: URL (a plain link or
// frame could not send the Authorization header).
import { api, download, session } from './api.js';
import { clear, el } from './dom.js';
import { enumName, formatTime, t } from './i18n.js';
import { describeError, section, table } from './shell.js';

const pdfPath = (orderId, kind) =>
  `/orders/${encodeURIComponent(orderId)}/documents/${encodeURIComponent(kind)}.pdf`;

/** The blob URL on show: revoked when the next preview (or a repaint) replaces it. */
let shownUrl;

async function pdfBlob(path) {
  const res = await fetch(path, { headers: { Authorization: `Bearer ${session.token}` } });
  if (!res.ok) {
    const body = await res.json().catch(() => undefined);
    throw new Error(body?.error?.message || `HTTP ${res.status}`);
  }
  const blob = await res.blob();
  // The frame shows it as a PDF whatever the server's header said.
  return blob.type === 'application/pdf' ? blob : blob.slice(0, blob.size, 'application/pdf');
}

/** Shows `kind`'s current revision in the preview area. */
async function preview(orderId, doc, area) {
  clear(area).append(el('p', { 'aria-live': 'polite' }, t('documentFiles.loading')));
  try {
    const url = URL.createObjectURL(await pdfBlob(pdfPath(orderId, doc.kind)));
    if (shownUrl) URL.revokeObjectURL(shownUrl);
    shownUrl = url;
    const name = `${enumName(doc.kind)}${doc.number ? ` ${doc.number}` : ''}`;
    clear(area).append(
      el('h3', {}, t('documentFiles.previewOf', { name })),
      el('iframe', { class: 'document-preview', src: url, title: t('documentFiles.previewOf', { name }) }),
    );
  } catch (err) {
    clear(area).append(el('p', { class: 'error', role: 'alert' }, describeError(err)));
  }
}

function actions(orderId, doc, area) {
  // Only the current revision can be rendered; earlier ones went out by email as they were.
  if (doc.status === 'SUPERSEDED') return '—';
  const previewButton = el(
    'button',
    { type: 'button', class: 'secondary', 'data-preview': doc.kind },
    t('documentFiles.preview'),
  );
  previewButton.addEventListener('click', () => preview(orderId, doc, area));
  const downloadButton = el(
    'button',
    { type: 'button', class: 'secondary', 'data-download': doc.kind },
    t('documentFiles.download'),
  );
  downloadButton.addEventListener('click', () =>
    download(pdfPath(orderId, doc.kind), `${doc.number || doc.kind}.pdf`).catch((err) =>
      clear(area).append(el('p', { class: 'error', role: 'alert' }, describeError(err))),
    ),
  );
  return el('span', { class: 'document-actions' }, previewButton, ' ', downloadButton);
}

/** What the document's original still lacks (the document gate), in words; the issue is refused until it is complete. */
function gaps(doc) {
  if (!doc.missing) return '—';
  if (doc.missing.length === 0) return t('documentFiles.complete');
  const words = doc.missing.map(({ field }) => {
    const line = /^lines\[(\d+)\]\.(\w+)$/.exec(field);
    return line
      ? t('documentFiles.lineGap', { no: String(Number(line[1]) + 1), field: t(`gap.${line[2]}`) })
      : t(`gap.${field}`);
  });
  return el('span', { class: 'document-gaps', 'data-gaps': doc.kind }, words.join('; '));
}

/** The documents card: filled once GET /orders/{id}/documents answers. */
export function documentsSection(orderId) {
  if (shownUrl) URL.revokeObjectURL(shownUrl);
  shownUrl = undefined;
  const body = el('div', {}, el('p', { class: 'muted' }, t('documentFiles.loading')));
  const area = el('div', { class: 'document-preview-area' });
  api('GET', `/orders/${encodeURIComponent(orderId)}/documents`).then(
    ({ documents }) => {
      // Each kind's revisions together, the latest first.
      const sorted = [...documents].sort(
        (a, b) => a.kind.localeCompare(b.kind) || (b.revision ?? 0) - (a.revision ?? 0),
      );
      clear(body).append(
        table(
          t('documentFiles.title'),
          [
            t('documentFiles.kind'),
            t('documentFiles.number'),
            t('documentFiles.revision'),
            t('documentFiles.status'),
            t('documentFiles.created'),
            t('documentFiles.missing'),
            '',
          ],
          sorted.map((doc) => [
            enumName(doc.kind),
            doc.number || '—',
            String(doc.revision ?? 0),
            t(`documentFiles.status.${doc.status}`),
            doc.createdAt ? formatTime(doc.createdAt) : '—',
            gaps(doc),
            actions(orderId, doc, area),
          ]),
          t('documentFiles.none'),
        ),
      );
    },
    (err) => clear(body).append(el('p', { class: 'error', role: 'alert' }, describeError(err))),
  );
  return section('order-documents', t('documentFiles.title'), body, area);
}
