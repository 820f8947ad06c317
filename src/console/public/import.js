// The import page: an XLSX of new orders (one per row) sent to POST /imports/orders, the answer
// shown row by row, and the template to start from (in the console's language).
import { ApiError, download, query, session } from './api.js';
import { clear, el } from './dom.js';
import { language, t } from './i18n.js';
import { describeError, focusTitle, handleAuth, heading, main, pageTitle, say, table } from './shell.js';

/** Sends the file as multipart (field `file`); api() speaks JSON only. */
async function upload(path, file) {
  const form = new window.FormData();
  form.append('file', file);
  let res;
  try {
    res = await fetch(path, {
      method: 'POST',
      headers: { Authorization: `Bearer ${session.token}`, Accept: 'application/json' },
      body: form,
    });
  } catch (err) {
    throw new ApiError(0, { error: { code: 'NETWORK', message: err.message } });
  }
  const body = await res.json().catch(() => undefined);
  if (!res.ok) throw new ApiError(res.status, body);
  return body;
}

function resultText(r) {
  if (r.outcome === 'created') return t('import.created');
  if (r.outcome === 'existing') return t('import.existing');
  return r.error || '';
}

export async function renderImport() {
  pageTitle(t('import.title'));
  const input = el('input', {
    id: 'import-file',
    name: 'file',
    type: 'file',
    accept: '.xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    required: true,
  });
  const submit = el('button', { type: 'submit' }, t('import.submit'));
  const status = el('p', { class: 'list-summary', 'aria-live': 'polite', id: 'import-status' });
  const results = el('div', { id: 'import-results' });
  const template = el(
    'button',
    { type: 'button', class: 'secondary', id: 'import-template' },
    t('import.template'),
  );
  const form = el(
    'form',
    { class: 'card', id: 'import-form', novalidate: true, 'aria-labelledby': 'page-title' },
    el('p', { class: 'hint' }, t('import.intro')),
    el('div', { class: 'field' }, el('label', { for: 'import-file' }, t('import.file')), input),
    el('div', { class: 'actions' }, submit, template),
  );
  template.addEventListener('click', () =>
    download(
      `/imports/orders/template.xlsx${query({ lang: language() })}`,
      `order-import-template-${language()}.xlsx`,
    ).catch((err) => {
      if (!handleAuth(err)) say(describeError(err), 'error');
    }),
  );
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    const file = input.files && input.files[0];
    if (!file) {
      say(t('import.noFile'), 'error');
      input.focus();
      return;
    }
    submit.disabled = true;
    clear(results);
    status.textContent = t('import.working');
    try {
      const answer = await upload(`/imports/orders${query({ lang: language() })}`, file);
      const count = (outcome) => answer.rows.filter((r) => r.outcome === outcome).length;
      status.textContent = t('import.summary', {
        created: count('created'),
        existing: count('existing'),
        failed: count('refused'),
      });
      results.append(
        table(
          t('import.caption'),
          [t('import.row'), t('import.order'), t('import.result')],
          answer.rows.map((r) => [
            String(r.row),
            r.orderId && r.outcome !== 'refused'
              ? el('a', { href: `#/orders/${encodeURIComponent(r.orderId)}` }, r.orderId)
              : r.orderId || '—',
            el('span', { class: r.outcome === 'refused' ? 'import-error' : '' }, resultText(r)),
          ]),
          t('reports.empty'),
          { numeric: [0] },
        ),
      );
    } catch (err) {
      status.textContent = '';
      if (!handleAuth(err)) say(`${t('import.refused')}: ${describeError(err)}`, 'error');
    } finally {
      submit.disabled = false;
    }
  });
  clear(main).append(heading(t('import.title')), form, status, results);
  focusTitle();
}
