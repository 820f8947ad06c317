// The ops console: a hash-routed single page over the public API.
//   #/             order list (search and filters in the hash query: q, stage, stalled, customerPart,
//                  accountManagerName, overdue, template)
//   #/orders/:id   order page
//   #/new          new inquiry (not for viewers)
//   #/reports/...  reports (receivables, stalled, stage-times, rebates, profit, exposure)
//   #/import       import orders from an XLSX (not for viewers)
//   #/customers    customer records (?q= finds by name or email); #/customers/:id a customer's page
import { api, download, loadCookieSession, newOrderSchema, query, session } from './api.js';
import { clear, el } from './dom.js';
import { customerPicker } from './customerPicker.js';
import { buildForm, joinForms } from './forms.js';
import {
  formatTime,
  language,
  LANGUAGES,
  relative,
  roleName,
  setLanguage,
  stageName,
  STAGES,
  t,
} from './i18n.js';
import { renderImport } from './import.js';
import { renderCustomer, renderCustomers } from './customers.js';
import { renderOrder } from './order.js';
import { renderReport } from './reports.js';
import {
  canRecord,
  currentCaller,
  describeError,
  focusTitle,
  forgetCaller,
  handleAuth,
  heading,
  main,
  onReroute,
  pageTitle,
  say,
  submitsForm,
  view as page,
} from './shell.js';

/** Counting a stage pages through GET /orders?stage=X at 200 a page; beyond this many pages it shows "N+". */
const COUNT_PAGE_LIMIT = 5;

const nav = document.getElementById('nav');
/** A message for the next page (set before a navigation). */
let pendingFlash;

// ---------- language ----------

/** The page's fixed texts (index.html, marked data-i18n) in the current language. */
function translateStatic() {
  for (const node of document.querySelectorAll('[data-i18n]')) node.textContent = t(node.dataset.i18n);
  for (const node of document.querySelectorAll('[data-i18n-label]'))
    node.setAttribute('aria-label', t(node.dataset.i18nLabel));
}

const languageSelect = document.getElementById('language');
for (const l of LANGUAGES) languageSelect.append(el('option', { value: l.code, lang: l.code }, l.name));
languageSelect.value = language();
languageSelect.addEventListener('change', () => {
  setLanguage(languageSelect.value);
  translateStatic();
  route();
});

// ---------- router ----------

function parseHash() {
  const raw = location.hash.replace(/^#/, '') || '/';
  const [path, qs = ''] = raw.split('?');
  return { path, params: new URLSearchParams(qs) };
}

/** People of several companies work in one at a time: the switch sets X-Company for every call. */
async function callerInCompany() {
  let me = await currentCaller();
  const ids = me.companies.map((c) => c.id);
  if (ids.length > 1 && !ids.includes(session.company)) {
    session.chooseCompany(ids[0]);
    forgetCaller();
    me = await currentCaller();
  }
  const select = document.getElementById('company');
  select.hidden = ids.length < 2;
  document.getElementById('company-label').hidden = ids.length < 2;
  clear(select).append(...me.companies.map((c) => el('option', { value: c.id }, c.name)));
  select.value = me.company || '';
  return me;
}

async function showCaller() {
  const who = document.getElementById('who');
  const newLink = document.getElementById('nav-new');
  const me = await callerInCompany();
  who.textContent = t('nav.signedInAs', { name: me.name, role: roleName(me.role) });
  newLink.hidden = !canRecord(me);
  document.getElementById('nav-import').hidden = !canRecord(me);
  return me;
}

async function route({ keepFlash = false } = {}) {
  const token = ++page.renderToken;
  const { path, params } = parseHash();
  const carried = pendingFlash;
  pendingFlash = undefined;
  if (!keepFlash) say('');
  nav.hidden = !session.signedIn;
  for (const a of nav.querySelectorAll('a')) {
    const href = a.getAttribute('href');
    const current =
      href === `#${path}` ||
      (href === '#/reports' && path.startsWith('/reports/')) ||
      (href === '#/customers' && path.startsWith('/customers/'));
    if (current) a.setAttribute('aria-current', 'page');
    else a.removeAttribute('aria-current');
  }
  if (!session.signedIn) return renderSignIn();
  try {
    const me = await showCaller();
    const order = /^\/orders\/(.+)$/.exec(path);
    const report = /^\/reports(?:\/([a-z-]+))?$/.exec(path);
    const customer = /^\/customers\/(.+)$/.exec(path);
    if (order) await renderOrder(decodeURIComponent(order[1]), token);
    else if (customer) await renderCustomer(decodeURIComponent(customer[1]), token);
    else if (path === '/customers') await renderCustomers(params, token);
    else if (report) await renderReport(report[1], token);
    else if (path === '/new' && canRecord(me)) await renderNewInquiry(token);
    else if (path === '/import' && canRecord(me)) await renderImport();
    else await renderList(params, token, me);
    if (carried && token === page.renderToken) say(carried[0], carried[1]);
  } catch (err) {
    if (!handleAuth(err)) say(describeError(err), 'error');
  }
}
onReroute(() => route());

window.addEventListener('hashchange', () => route());
document.getElementById('company').addEventListener('change', (e) => {
  session.chooseCompany(e.target.value);
  forgetCaller();
  window.history.replaceState(null, '', '#/');
  route();
});
document.getElementById('sign-out').addEventListener('click', async () => {
  // A session at the identity provider's sign-in ends on the server too.
  if (session.cookie && !session.token) await api('POST', '/auth/sign-out').catch(() => undefined);
  session.signOut();
  forgetCaller();
  // Without a hashchange: its late second render would empty a token already being typed.
  window.history.replaceState(null, '', '#/');
  route();
  say(t('signIn.signedOut'), 'info');
});

// ---------- sign in ----------

function renderSignIn() {
  pageTitle(t('signIn.title'));
  const input = el('input', {
    id: 'token',
    name: 'token',
    type: 'password',
    autocomplete: 'off',
    required: true,
    'aria-describedby': 'token-hint',
  });
  const form = el(
    'form',
    { class: 'card narrow', novalidate: true },
    el('div', { class: 'field' }, el('label', { for: 'token' }, t('signIn.token')), input),
    el('span', { class: 'hint', id: 'token-hint' }, t('signIn.hint')),
    el('button', { type: 'submit' }, t('signIn.submit')),
  );
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    const token = input.value.trim();
    if (!token) {
      say(t('signIn.empty'), 'error');
      input.focus();
      return;
    }
    try {
      await api('GET', '/me', { token });
    } catch (err) {
      say(describeError(err), 'error');
      input.focus();
      return;
    }
    session.signIn(token);
    forgetCaller();
    await route();
    say(t('signIn.done'), 'success');
  });
  const provider = signInUrl
    ? el(
        'p',
        {},
        el(
          'a',
          {
            class: 'button',
            id: 'sign-in-provider',
            href: `${signInUrl}?returnTo=${encodeURIComponent('/console/')}`,
          },
          t('signIn.withProvider'),
        ),
      )
    : null;
  clear(main).append(
    heading(t('signIn.title')),
    ...(provider ? [provider, el('p', {}, t('signIn.orToken'))] : []),
    form,
  );
  input.focus();
}

// ---------- list ----------

const FILTERS = ['q', 'stage', 'stalled', 'customerPart', 'accountManagerName', 'overdue', 'template'];

function listQuery(params) {
  const q = {};
  for (const k of FILTERS) if (params.get(k)) q[k] = params.get(k);
  return q;
}

async function countStage(stage, filters) {
  let count = 0;
  let pageToken;
  for (let n = 0; n < COUNT_PAGE_LIMIT; n += 1) {
    const res = await api(
      'GET',
      `/orders${query({ ...filters, stage, pageSize: 200, nextPageToken: pageToken })}`,
    );
    count += res.orders.length;
    if (!res.nextPageToken) return { count, more: false };
    pageToken = res.nextPageToken;
  }
  return { count, more: true };
}

async function renderList(params, token, me) {
  pageTitle(t('list.title'));
  const filters = listQuery(params);
  const pageTokens = [];
  let current;

  const select = (name, label, options) =>
    el(
      'div',
      { class: 'field' },
      el('label', { for: `filter-${name}` }, label),
      el(
        'select',
        { id: `filter-${name}`, name },
        options.map(([value, text]) => el('option', { value }, text)),
      ),
    );
  const text = (name, label, type = 'text', extra = {}) =>
    el(
      'div',
      { class: name === 'q' ? 'field search' : 'field' },
      el('label', { for: `filter-${name}` }, label),
      el('input', {
        id: `filter-${name}`,
        name,
        type,
        value: filters[name] || '',
        autocomplete: 'off',
        ...extra,
      }),
    );
  const templateSelect = select('template', t('list.template'), [['', t('list.anyTemplate')]]);
  const form = el(
    'form',
    { class: 'filters', role: 'search', 'aria-label': t('list.filters') },
    text('q', t('list.search'), 'search', { placeholder: t('list.searchHint') }),
    select('stage', t('list.stage'), [
      ['', t('list.anyStage')],
      ...[...STAGES, 'COMPLETED', 'CANCELLED'].map((s) => [s, stageName(s)]),
    ]),
    select('stalled', t('list.stalled'), [
      ['', t('list.any')],
      ['true', t('list.stalledOnly')],
      ['false', t('list.movingOnly')],
    ]),
    text('customerPart', t('list.customer')),
    text('accountManagerName', t('list.accountManager')),
    select('overdue', t('list.overdue'), [
      ['', t('list.any')],
      ['true', t('list.overdueOnly')],
      ['false', t('list.notOverdue')],
    ]),
    templateSelect,
    el(
      'div',
      { class: 'actions' },
      el('button', { type: 'submit' }, t('list.apply')),
      el('a', { href: '#/', class: 'button secondary' }, t('list.clear')),
    ),
  );
  form.elements.stage.value = filters.stage || '';
  form.elements.stalled.value = filters.stalled || '';
  form.elements.overdue.value = filters.overdue || '';
  const templateInput = form.elements.template;
  if (filters.template) templateInput.append(el('option', { value: filters.template }, filters.template));
  templateInput.value = filters.template || '';
  api('GET', '/templates').then(
    ({ templates }) => {
      for (const { name } of templates)
        if (name !== filters.template) templateInput.append(el('option', { value: name }, name));
    },
    () => undefined,
  );
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const next = {};
    for (const k of FILTERS) {
      const v = form.elements[k].value.trim();
      if (v) next[k] = v;
    }
    const target = `#/${query(next)}`;
    if (location.hash === target) route();
    else location.hash = target;
  });

  // The whole filtered list (every page), in the console's language.
  const xlsxButton = el(
    'button',
    { type: 'button', class: 'secondary', id: 'download-xlsx' },
    t('xlsx.download'),
  );
  xlsxButton.addEventListener('click', () =>
    download(`/orders${query({ ...filters, format: 'xlsx', lang: language() })}`, 'orders.xlsx').catch(
      (err) => {
        if (!handleAuth(err)) say(describeError(err), 'error');
      },
    ),
  );
  const strip = el('ol', { class: 'stage-strip', 'aria-label': t('list.strip') });
  const stripNote = el('p', { class: 'hint' }, t('list.stripHint'));
  const tableBody = el('tbody');
  const summary = el('p', { class: 'list-summary', 'aria-live': 'polite' }, t('list.loading'));
  const prev = el('button', { type: 'button', class: 'secondary', disabled: true }, t('list.previous'));
  const next = el('button', { type: 'button', class: 'secondary', disabled: true }, t('list.next'));
  const headers = ['colOrder', 'colCustomer', 'colStage', 'colStatus', 'colManager', 'colUpdated'];
  const table = el(
    'div',
    { class: 'table-wrap' },
    el(
      'table',
      { class: 'orders' },
      el('caption', { class: 'sr-only' }, t('list.caption')),
      el(
        'thead',
        {},
        el(
          'tr',
          {},
          headers.map((h) => el('th', { scope: 'col' }, t(`list.${h}`))),
        ),
      ),
      tableBody,
    ),
  );

  clear(main).append(
    el(
      'div',
      { class: 'title-row' },
      heading(t('list.title')),
      el(
        'div',
        { class: 'title-actions' },
        xlsxButton,
        canRecord(me) ? el('a', { href: '#/new', class: 'button' }, t('nav.new')) : null,
      ),
    ),
    form,
    el(
      'section',
      { 'aria-labelledby': 'strip-title' },
      el('h2', { id: 'strip-title', class: 'sr-only' }, t('list.stripTitle')),
      strip,
      stripNote,
    ),
    summary,
    table,
    el('nav', { class: 'pager', 'aria-label': t('list.pages') }, prev, next),
  );
  focusTitle();

  const { stage: _ignored, ...otherFilters } = filters;
  for (const stage of STAGES) {
    const count = el('span', { class: 'count' }, '…');
    const link = el(
      'a',
      {
        href: `#/${query({ ...otherFilters, stage })}`,
        class: filters.stage === stage ? 'active' : '',
        'aria-current': filters.stage === stage ? 'true' : undefined,
      },
      el('span', { class: 'name' }, stageName(stage)),
      count,
    );
    strip.append(el('li', { 'data-stage': stage }, link));
    countStage(stage, otherFilters).then(
      ({ count: n, more }) => {
        count.textContent = `${n}${more ? '+' : ''}`;
        link.setAttribute(
          'aria-label',
          t(more ? 'list.stageCountMore' : 'list.stageCount', { stage: stageName(stage), count: n }),
        );
      },
      () => {
        count.textContent = '?';
      },
    );
  }

  async function load(pageToken) {
    summary.textContent = t('list.loading');
    const res = await api('GET', `/orders${query({ ...filters, pageSize: 25, nextPageToken: pageToken })}`);
    if (token !== page.renderToken) return;
    current = { pageToken, next: res.nextPageToken };
    clear(tableBody);
    for (const o of res.orders) {
      tableBody.append(
        el(
          'tr',
          { class: o.stalled ? 'stalled' : '', 'data-order-id': o.orderId },
          el(
            'th',
            { scope: 'row' },
            el('a', { href: `#/orders/${encodeURIComponent(o.orderId)}` }, o.orderId),
          ),
          el(
            'td',
            {},
            o.customer.company || '—',
            o.customer.name ? el('span', { class: 'sub' }, o.customer.name) : null,
          ),
          el('td', {}, o.stage ? stageName(o.stage) : '—'),
          el(
            'td',
            {},
            o.stalled
              ? el('span', { class: 'badge stalled' }, t('list.badgeStalled'))
              : el('span', { class: 'badge' }, t('list.badgeOnTrack')),
          ),
          el(
            'td',
            {},
            el(
              'span',
              { title: o.accountManager.email },
              o.accountManager.name || o.accountManager.email || '—',
            ),
          ),
          el(
            'td',
            {},
            el('time', { datetime: o.updatedAt, title: formatTime(o.updatedAt) }, relative(o.updatedAt)),
          ),
        ),
      );
    }
    const stalled = res.orders.filter((o) => o.stalled).length;
    const params = { count: res.orders.length, stalled, page: pageTokens.length + 1 };
    summary.textContent = res.orders.length
      ? t(stalled ? 'list.summaryStalled' : 'list.summary', params)
      : t('list.empty');
    prev.disabled = pageTokens.length === 0;
    next.disabled = !res.nextPageToken;
  }
  next.addEventListener('click', async () => {
    pageTokens.push(current.pageToken);
    await load(current.next).catch((err) => say(describeError(err), 'error'));
    tableBody.querySelector('a')?.focus();
  });
  prev.addEventListener('click', async () => {
    const previous = pageTokens.pop();
    await load(previous).catch((err) => say(describeError(err), 'error'));
    tableBody.querySelector('a')?.focus();
  });
  await load(undefined);
}

// ---------- new inquiry ----------

async function renderNewInquiry(token) {
  pageTitle(t('new.title'));
  const schema = await newOrderSchema();
  if (token !== page.renderToken) return;
  // Exactly one of customer (typed in) and customerId (a record chosen in the picker) is sent.
  const typed = buildForm({
    type: 'object',
    properties: { customer: schema.properties.customer },
    required: ['customer'],
  });
  const built = buildForm(schema, { skip: ['customer'] });
  const picker = customerPicker((id) => {
    typed.node.hidden = Boolean(id);
  });
  const both = joinForms(typed, built);
  const message = el('div', { class: 'form-message', role: 'alert', tabindex: '-1', hidden: true });
  const submit = el('button', { type: 'submit' }, t('new.create'));
  const form = el(
    'form',
    { novalidate: true, class: 'card', id: 'new-inquiry', 'aria-labelledby': 'page-title' },
    el('p', { class: 'hint' }, t('new.intro')),
    picker.node,
    typed.node,
    built.node,
    message,
    submit,
  );
  submitsForm(form, { built: both, message, submit, refused: t('new.refused') }, async () => {
    const customerId = picker.chosen();
    const body = customerId ? { customerId, ...built.collect() } : { ...typed.collect(), ...built.collect() };
    const view = await api('POST', '/orders', { body });
    // The hashchange re-renders; the message is shown after it.
    pendingFlash = [t('new.created', { id: view.orderId, stage: stageName(view.stage) }), 'success'];
    location.hash = `#/orders/${encodeURIComponent(view.orderId)}`;
  });
  clear(main).append(heading(t('new.title')), form);
  focusTitle();
}

translateStatic();
/** Where the identity provider's sign-in starts (GET /auth/session), or null when there is none. */
let signInUrl = null;
loadCookieSession()
  .then((answer) => {
    signInUrl = answer.signInUrl || null;
  })
  .catch(() => undefined)
  .finally(() => route());
