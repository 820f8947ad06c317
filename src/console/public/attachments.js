// The order's attachments: the files kept with it (who added them, a download for each) and, for
// ops, an upload by drag and drop or a file picker. The bytes go to POST /orders/{id}/attachments
// as multipart; the server judges their type, so the picker's filter is only a convenience.
import { ApiError, session } from './api.js';
import { clear, el } from './dom.js';
import { showMessage } from './forms.js';
import { actorName, formatTime, t } from './i18n.js';
import { canRecord, describeError, handleAuth, section, table } from './shell.js';

const KINDS = ['CONTRACT', 'BL', 'LC', 'QC_REPORT', 'INVOICE', 'OTHER'];
const ACCEPT = '.pdf,.png,.jpg,.jpeg,.xlsx,.docx';
/** What the server takes by default (API_ATTACHMENT_LIMIT_MB); its 413 says the real limit. */
const LIMIT_TEXT = '20 MB';

const path = (orderId, id) =>
  `/orders/${encodeURIComponent(orderId)}/attachments${id ? `/${encodeURIComponent(id)}` : ''}`;

async function send(method, url, body) {
  const headers = { Accept: 'application/json' };
  if (session.token) headers.Authorization = `Bearer ${session.token}`;
  let res;
  try {
    res = await fetch(url, { method, headers, body });
  } catch (err) {
    throw new ApiError(0, { error: { code: 'NETWORK', message: err.message } });
  }
  if (!res.ok) throw new ApiError(res.status, await res.json().catch(() => undefined));
  return res;
}

function sizeText(bytes) {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 102.4) / 10} KB`;
  return `${Math.round(bytes / 104857.6) / 10} MB`;
}

/** Fetches the file with the session's token and saves it under its own name (a link cannot carry the token). */
async function saveFile(orderId, attachment) {
  const res = await send('GET', path(orderId, attachment.id));
  const url = URL.createObjectURL(await res.blob());
  const link = el('a', { href: url, download: attachment.fileName, hidden: true });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

function listTable(orderId, attachments, message) {
  return table(
    t('attachments.title'),
    [
      t('attachments.file'),
      t('attachments.kind'),
      t('attachments.size'),
      t('attachments.addedBy'),
      t('attachments.addedAt'),
      t('attachments.forBuyer'),
    ],
    attachments.map((a) => [
      el(
        'button',
        {
          type: 'button',
          class: 'link',
          'data-attachment': a.id,
          'aria-label': `${t('attachments.download')}: ${a.fileName}`,
          onclick: () =>
            saveFile(orderId, a).catch((err) => {
              if (handleAuth(err)) return;
              showMessage(message, describeError(err));
            }),
        },
        a.fileName,
      ),
      t(`attachments.kind.${a.kind}`),
      sizeText(a.size),
      actorName(a.addedBy),
      formatTime(a.addedAt),
      a.forBuyer ? t('attachments.yes') : '',
    ]),
    t('attachments.none'),
    { numeric: [2] },
  );
}

function errorText(err) {
  if (err instanceof ApiError && err.status === 415)
    return t('attachments.unsupported', { message: err.message });
  if (err instanceof ApiError && err.status === 413)
    return t('attachments.tooLarge', { message: err.message });
  return describeError(err);
}

function uploadForm(orderId, message, onAdded) {
  let chosen = null;
  const input = el('input', { type: 'file', id: 'attachment-file', name: 'file', accept: ACCEPT });
  const picked = el('span', { class: 'hint', id: 'attachment-picked', 'aria-live': 'polite' });
  const choose = (file) => {
    chosen = file || null;
    picked.textContent = chosen ? `${chosen.name} (${sizeText(chosen.size)})` : '';
  };
  input.addEventListener('change', () => choose(input.files[0]));
  const zone = el(
    'div',
    { class: 'dropzone', 'data-dropzone': true },
    el('p', { class: 'hint', id: 'attachment-drop-hint' }, t('attachments.drop', { limit: LIMIT_TEXT })),
    el('label', { for: 'attachment-file' }, t('attachments.choose')),
    ' ',
    input,
    ' ',
    picked,
  );
  zone.addEventListener('dragover', (e) => {
    e.preventDefault();
    zone.classList.add('over');
  });
  zone.addEventListener('dragleave', () => zone.classList.remove('over'));
  zone.addEventListener('drop', (e) => {
    e.preventDefault();
    zone.classList.remove('over');
    if (e.dataTransfer?.files?.length) choose(e.dataTransfer.files[0]);
  });
  const kind = el(
    'select',
    { id: 'attachment-kind', name: 'kind' },
    KINDS.map((k) => el('option', { value: k }, t(`attachments.kind.${k}`))),
  );
  const forBuyer = el('input', {
    type: 'checkbox',
    id: 'attachment-for-buyer',
    name: 'forBuyer',
    'aria-describedby': 'attachment-for-buyer-hint',
  });
  const submit = el('button', { type: 'submit' }, t('attachments.upload'));
  const form = el(
    'form',
    { class: 'attachment-upload', novalidate: true, 'aria-label': t('attachments.upload') },
    zone,
    el('div', { class: 'field' }, el('label', { for: 'attachment-kind' }, t('attachments.kind')), kind),
    el(
      'div',
      { class: 'field checkbox' },
      forBuyer,
      ' ',
      el('label', { for: 'attachment-for-buyer' }, t('attachments.forBuyer')),
      el('span', { class: 'hint', id: 'attachment-for-buyer-hint' }, t('attachments.forBuyerHint')),
    ),
    submit,
  );
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    message.hidden = true;
    message.className = 'form-message';
    if (!chosen) {
      showMessage(message, t('attachments.noFile'));
      message.focus();
      return;
    }
    const body = new window.FormData();
    body.append('kind', kind.value);
    body.append('forBuyer', forBuyer.checked ? 'true' : 'false');
    body.append('file', chosen, chosen.name);
    submit.disabled = true;
    submit.setAttribute('aria-busy', 'true');
    picked.textContent = t('attachments.uploading', { fileName: chosen.name });
    try {
      const added = await (await send('POST', path(orderId), body)).json();
      await onAdded(added);
    } catch (err) {
      submit.disabled = false;
      submit.removeAttribute('aria-busy');
      choose(chosen);
      if (handleAuth(err)) return;
      showMessage(message, errorText(err));
      message.focus();
    }
  });
  return form;
}

/**
 * The "Attachments" section: painted at once, its list filled when it arrives. `onAdded(attachment)`
 * runs after an upload (the order page repaints, so the timeline shows it too).
 */
export function attachmentsSection(view, me, onAdded) {
  const message = el('div', { class: 'form-message', role: 'alert', tabindex: '-1', hidden: true });
  const holder = el('div', { class: 'attachments-list' }, el('p', { class: 'muted' }, t('order.loading')));
  send('GET', path(view.orderId))
    .then((res) => res.json())
    .then(({ attachments }) => clear(holder).append(listTable(view.orderId, attachments, message)))
    .catch((err) => {
      if (handleAuth(err)) return;
      clear(holder);
      showMessage(message, describeError(err));
    });
  return section(
    'attachments',
    t('attachments.title'),
    holder,
    message,
    canRecord(me) ? uploadForm(view.orderId, message, onAdded) : null,
  );
}
