// What every page shares: the message region, error sentences, headings, tables, and who is signed in.
import { api, ApiError, session } from './api.js';
import { clear, el } from './dom.js';
import { showFieldErrors, showMessage } from './forms.js';
import { eventName, t } from './i18n.js';

export const main = document.getElementById('main');
const flash = document.getElementById('flash');

/** The page being drawn; an answer for an older one is dropped. */
export const view = { renderToken: 0 };

let reroute = () => undefined;
/** The router registers itself, so a 401 anywhere can bring back the sign-in page. */
export function onReroute(fn) {
  reroute = fn;
}

/** Shows a message in the live region; kind: info | success | error. Focus moves there for errors. */
export function say(message, kind = 'info', { focus = kind === 'error' } = {}) {
  clear(flash);
  if (!message) {
    flash.hidden = true;
    return;
  }
  flash.hidden = false;
  flash.className = `flash ${kind}`;
  flash.append(...(Array.isArray(message) ? message : [message]));
  if (focus) flash.focus();
}

/** A readable sentence for an API error (used outside forms, and for form-level errors). */
export function describeError(err) {
  if (!(err instanceof ApiError)) return t('error.generic', { message: err.message });
  const params = { code: err.code, message: err.message, status: err.status ? `${err.status} ` : '' };
  switch (err.code) {
    case 'EVENT_NOT_ALLOWED': {
      const d = err.details || {};
      const allowed = (d.allowedEvents || []).map(eventName).join(', ') || t('error.noneAllowed');
      return t('error.notAllowed', { ...params, stage: d.stage, allowed });
    }
    case 'WORKERS_UNAVAILABLE':
      return t('error.workers', params);
    case 'TEMPORAL_UNAVAILABLE':
      return t('error.temporal', params);
    case 'DATABASE_UNAVAILABLE':
      return t('error.database', params);
    case 'UNAUTHENTICATED':
      return t('error.unauthenticated');
    case 'FORBIDDEN':
      return t('error.forbidden');
    case 'CORRECTION_NOT_ALLOWED':
      return t('error.correctionNotAllowed', params);
    case 'ORDER_NOT_FOUND':
      return t('error.notFound', params);
    case 'ORDER_EXISTS':
      return t('error.exists', params);
    case 'RATE_LIMITED':
      return t('error.rateLimited');
    case 'VALIDATION_FAILED':
      return t('error.validation', params);
    case 'NETWORK':
      return t('error.network', params);
    default:
      return t('error.other', params);
  }
}

/** A 401: the token is gone or was revoked; back to the sign-in page with the reason. */
export function handleAuth(err) {
  if (err instanceof ApiError && err.status === 401) {
    session.signOut();
    forgetCaller();
    reroute();
    say(describeError(err), 'error');
    return true;
  }
  return false;
}

// ---------- who is signed in ----------

let caller;
/** { name, role } of the session's token (GET /me, once per sign-in). */
export async function currentCaller() {
  caller ??= api('GET', '/me').catch((err) => {
    caller = undefined;
    throw err;
  });
  return caller;
}
export function forgetCaller() {
  caller = undefined;
}
const RANKS = ['viewer', 'ops', 'manager', 'admin'];
/** Viewers (and the platform's customer managers) read only: forms they could not submit are not shown. */
export const canRecord = (me) => Boolean(me) && RANKS.indexOf(me.role) >= 1;
/** A manager (or admin): sets a customer's credit limit and insurance. */
export const isManager = (me) => Boolean(me) && RANKS.indexOf(me.role) >= RANKS.indexOf('manager');
/** An event whose schema says `x-required-role: manager` (an approval) is offered to a manager (or admin) only. */
export const mayRecordEvent = (me, schema) =>
  canRecord(me) &&
  (!schema ||
    !schema['x-required-role'] ||
    RANKS.indexOf(me.role) >= RANKS.indexOf(schema['x-required-role']));

// ---------- page parts ----------

export function pageTitle(page) {
  document.title = t('app.pageTitle', { page });
}

export function heading(text) {
  return el('h1', { tabindex: '-1', id: 'page-title' }, text);
}

export function focusTitle() {
  const h = document.getElementById('page-title');
  if (h) h.focus();
}

/** A card with a heading; `key` names it for links and tests (id sec-<key>) in every language. */
export function section(key, title, ...content) {
  const id = `sec-${key}`;
  return el('section', { class: 'card', 'aria-labelledby': id }, el('h2', { id }, title), content);
}

export function dl(pairs) {
  const rows = pairs.filter(([, v]) => v !== undefined);
  if (!rows.length) return el('p', { class: 'muted' }, t('order.nothing'));
  return el(
    'dl',
    {},
    rows.map(([k, v]) => [el('dt', {}, k), el('dd', {}, v === null || v === '' ? '—' : v)]),
  );
}

/** A data table; `numeric` lists the columns to right-align. */
export function table(caption, headers, rows, empty, { numeric = [] } = {}) {
  if (!rows.length) return el('p', { class: 'muted' }, empty);
  const cls = (i) => (numeric.includes(i) ? 'num' : undefined);
  return el(
    'div',
    // A wide table scrolls sideways: keyboard users reach it by Tab and scroll it with the arrows.
    { class: 'table-wrap', tabindex: '0', role: 'region', 'aria-label': caption },
    el(
      'table',
      {},
      el('caption', { class: 'sr-only' }, caption),
      el(
        'thead',
        {},
        el(
          'tr',
          {},
          headers.map((h, i) => el('th', { scope: 'col', class: cls(i) }, h)),
        ),
      ),
      el(
        'tbody',
        {},
        rows.map((r) =>
          el(
            'tr',
            {},
            r.map((c, i) => el('td', { class: cls(i) }, c)),
          ),
        ),
      ),
    ),
  );
}

/**
 * Sends a form built from a schema: clears its errors and keeps its button busy while `send` runs.
 * A refusal is shown where it belongs: a sign-in problem by the shell, the fields the API names by
 * their inputs (`refused` words the outcome), one the caller knows by `otherwise(err)` (true: shown),
 * anything else in the form's message.
 */
export function submitsForm(form, { built, message, submit, refused, otherwise }, send) {
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    built.clearErrors();
    message.hidden = true;
    submit.disabled = true;
    submit.setAttribute('aria-busy', 'true');
    try {
      await send();
    } catch (err) {
      submit.disabled = false;
      submit.removeAttribute('aria-busy');
      if (handleAuth(err)) return;
      if (err instanceof ApiError && err.code === 'VALIDATION_FAILED') {
        showFieldErrors(built, message, err, refused);
        return;
      }
      if (otherwise && (await otherwise(err))) return;
      showMessage(message, describeError(err));
      message.focus();
    }
  });
}
