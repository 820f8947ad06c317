// The ops console: a hash-routed single page over the public API.
//   #/            order list (filters in the hash query: stage, stalled, customer, accountManager)
//   #/orders/:id  order page
//   #/new         new inquiry
import { api, ApiError, eventSchemas, newOrderSchema, query, session } from './api.js';
import { clear, el, formatTime, humanize, money, relative } from './dom.js';
import { buildForm } from './forms.js';

export const STAGES = [
  'INQUIRY',
  'QUOTATION',
  'SAMPLE',
  'CONTRACT',
  'DEPOSIT',
  'PRODUCTION',
  'SHIPPING',
  'BALANCE',
  'DOCUMENTS',
];
/** Counting a stage pages through GET /orders?stage=X at 200 a page; beyond this many pages it shows "N+". */
const COUNT_PAGE_LIMIT = 5;

const main = document.getElementById('main');
const flash = document.getElementById('flash');
const nav = document.getElementById('nav');
let renderToken = 0;
/** A message for the next page (set before a navigation). */
let pendingFlash;

// ---------- messages (aria-live) ----------

/** Shows a message in the live region; kind: info | success | error. Focus moves there for errors. */
function say(message, kind = 'info', { focus = kind === 'error' } = {}) {
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
function describeError(err) {
  if (!(err instanceof ApiError)) return `Something went wrong: ${err.message}`;
  switch (err.code) {
    case 'EVENT_NOT_ALLOWED': {
      const d = err.details || {};
      const allowed = (d.allowedEvents || []).map(humanize).join(', ') || 'none (the order is closed)';
      return `Not recorded: this event does not fit the order any more. The order is now in stage ${d.stage}; allowed now: ${allowed}. (${err.message})`;
    }
    case 'WORKERS_UNAVAILABLE':
      return `The order service did not answer in time (503 ${err.code}). The event may still be applied later; submitting the same form again is safe (same event id). ${err.message}`;
    case 'TEMPORAL_UNAVAILABLE':
      return `The order service is unavailable (503 ${err.code}); nothing was recorded. Try again in a moment.`;
    case 'UNAUTHENTICATED':
      return 'Your token was not accepted. Sign in again.';
    case 'FORBIDDEN':
      return 'Your token may only read (role viewer); recording needs an ops token.';
    case 'ORDER_NOT_FOUND':
      return `No such order. ${err.message}`;
    case 'ORDER_EXISTS':
      return `An order with this id exists already. ${err.message}`;
    case 'RATE_LIMITED':
      return 'Too many requests for this token; wait a minute.';
    case 'VALIDATION_FAILED':
      return `Some fields need attention: ${err.message}`;
    default:
      return `${err.status ? `${err.status} ` : ''}${err.code}: ${err.message}`;
  }
}

function handleAuth(err) {
  if (err instanceof ApiError && err.status === 401) {
    session.signOut();
    route();
    say(describeError(err), 'error');
    return true;
  }
  return false;
}

function heading(text) {
  const h = el('h1', { tabindex: '-1', id: 'page-title' }, text);
  return h;
}

function focusTitle() {
  const h = document.getElementById('page-title');
  if (h) h.focus();
}

// ---------- router ----------

function parseHash() {
  const raw = location.hash.replace(/^#/, '') || '/';
  const [path, qs = ''] = raw.split('?');
  return { path, params: new URLSearchParams(qs) };
}

async function route({ keepFlash = false } = {}) {
  const token = ++renderToken;
  const { path, params } = parseHash();
  const carried = pendingFlash;
  pendingFlash = undefined;
  if (!keepFlash) say('');
  nav.hidden = !session.token;
  for (const a of nav.querySelectorAll('a')) {
    const current =
      a.getAttribute('href') === `#${path}` || (path === '/' && a.getAttribute('href') === '#/');
    if (current) a.setAttribute('aria-current', 'page');
    else a.removeAttribute('aria-current');
  }
  if (!session.token) return renderSignIn();
  try {
    const m = /^\/orders\/(.+)$/.exec(path);
    if (m) await renderOrder(decodeURIComponent(m[1]), token);
    else if (path === '/new') await renderNewInquiry(token);
    else await renderList(params, token);
    if (carried && token === renderToken) say(carried[0], carried[1]);
  } catch (err) {
    if (!handleAuth(err)) say(describeError(err), 'error');
  }
}

window.addEventListener('hashchange', () => route());
document.getElementById('sign-out').addEventListener('click', () => {
  session.signOut();
  location.hash = '#/';
  route();
  say('Signed out.', 'info');
});

// ---------- sign in ----------

function renderSignIn() {
  document.title = 'Sign in · Order desk';
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
    el('div', { class: 'field' }, el('label', { for: 'token' }, 'API token'), input),
    el('span', { class: 'hint', id: 'token-hint' }, 'Kept in this browser tab only (session storage).'),
    el('button', { type: 'submit' }, 'Sign in'),
  );
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    const token = input.value.trim();
    if (!token) {
      say('Enter your API token.', 'error');
      input.focus();
      return;
    }
    try {
      await api('GET', '/orders?pageSize=1', { token });
    } catch (err) {
      say(describeError(err), 'error');
      input.focus();
      return;
    }
    session.signIn(token);
    await route();
    say('Signed in.', 'success');
  });
  clear(main).append(heading('Sign in'), form);
  input.focus();
}

// ---------- list ----------

function listQuery(params) {
  const q = {};
  for (const k of ['stage', 'stalled', 'customer', 'accountManager']) if (params.get(k)) q[k] = params.get(k);
  return q;
}

async function countStage(stage, filters) {
  let count = 0;
  let pageToken;
  for (let page = 0; page < COUNT_PAGE_LIMIT; page += 1) {
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

async function renderList(params, token) {
  document.title = 'Orders · Order desk';
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
  const text = (name, label, type = 'text') =>
    el(
      'div',
      { class: 'field' },
      el('label', { for: `filter-${name}` }, label),
      el('input', { id: `filter-${name}`, name, type, value: filters[name] || '', autocomplete: 'off' }),
    );
  const form = el(
    'form',
    { class: 'filters', role: 'search', 'aria-label': 'Filter orders' },
    select('stage', 'Stage', [
      ['', 'Any stage'],
      ...[...STAGES, 'COMPLETED', 'CANCELLED'].map((s) => [s, humanize(s)]),
    ]),
    select('stalled', 'Stalled', [
      ['', 'Any'],
      ['true', 'Stalled only'],
      ['false', 'Moving only'],
    ]),
    text('customer', 'Customer (exact company)'),
    text('accountManager', 'Account manager (email)', 'email'),
    el(
      'div',
      { class: 'actions' },
      el('button', { type: 'submit' }, 'Apply filters'),
      el('a', { href: '#/', class: 'button secondary' }, 'Clear'),
    ),
  );
  form.elements.stage.value = filters.stage || '';
  form.elements.stalled.value = filters.stalled || '';
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const next = {};
    for (const k of ['stage', 'stalled', 'customer', 'accountManager']) {
      const v = form.elements[k].value.trim();
      if (v) next[k] = v;
    }
    const target = `#/${query(next)}`;
    if (location.hash === target) route();
    else location.hash = target;
  });

  const strip = el('ol', { class: 'stage-strip', 'aria-label': 'Open orders per stage' });
  const stripNote = el(
    'p',
    { class: 'hint' },
    'Counts per stage with the other filters applied (one request per 200 orders in each stage).',
  );
  const tableBody = el('tbody');
  const summary = el('p', { class: 'list-summary', 'aria-live': 'polite' }, 'Loading orders…');
  const prev = el('button', { type: 'button', class: 'secondary', disabled: true }, 'Previous page');
  const next = el('button', { type: 'button', class: 'secondary', disabled: true }, 'Next page');
  const table = el(
    'div',
    { class: 'table-wrap' },
    el(
      'table',
      { class: 'orders' },
      el('caption', { class: 'sr-only' }, 'Orders'),
      el(
        'thead',
        {},
        el(
          'tr',
          {},
          ['Order', 'Customer', 'Stage', 'Status', 'Account manager', 'Updated'].map((h) =>
            el('th', { scope: 'col' }, h),
          ),
        ),
      ),
      tableBody,
    ),
  );

  clear(main).append(
    el(
      'div',
      { class: 'title-row' },
      heading('Orders'),
      el('a', { href: '#/new', class: 'button' }, 'New inquiry'),
    ),
    form,
    el(
      'section',
      { 'aria-labelledby': 'strip-title' },
      el('h2', { id: 'strip-title', class: 'sr-only' }, 'Orders per stage'),
      strip,
      stripNote,
    ),
    summary,
    table,
    el('nav', { class: 'pager', 'aria-label': 'Pages' }, prev, next),
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
      el('span', { class: 'name' }, humanize(stage)),
      count,
    );
    strip.append(el('li', { 'data-stage': stage }, link));
    countStage(stage, otherFilters).then(
      ({ count: n, more }) => {
        count.textContent = `${n}${more ? '+' : ''}`;
        link.setAttribute('aria-label', `${humanize(stage)}: ${n}${more ? ' or more' : ''} orders`);
      },
      () => {
        count.textContent = '?';
      },
    );
  }

  async function load(pageToken) {
    summary.textContent = 'Loading orders…';
    const res = await api('GET', `/orders${query({ ...filters, pageSize: 25, nextPageToken: pageToken })}`);
    if (token !== renderToken) return;
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
          el('td', {}, o.stage ? humanize(o.stage) : '—'),
          el(
            'td',
            {},
            o.stalled
              ? el('span', { class: 'badge stalled' }, '⚠ Stalled')
              : el('span', { class: 'badge' }, 'On track'),
          ),
          el('td', {}, o.accountManager.email || '—'),
          el(
            'td',
            {},
            el('time', { datetime: o.updatedAt, title: formatTime(o.updatedAt) }, relative(o.updatedAt)),
          ),
        ),
      );
    }
    const stalled = res.orders.filter((o) => o.stalled).length;
    summary.textContent = res.orders.length
      ? `${res.orders.length} orders on this page${stalled ? `, ${stalled} stalled` : ''}. Page ${pageTokens.length + 1}.`
      : 'No orders match these filters (the list can lag a second or two behind new events).';
    prev.disabled = pageTokens.length === 0;
    next.disabled = !res.nextPageToken;
  }
  next.addEventListener('click', async () => {
    pageTokens.push(current.pageToken);
    await load(current.next).catch((err) => say(describeError(err), 'error'));
    tableBody.querySelector('a')?.focus();
  });
  prev.addEventListener('click', async () => {
    const t = pageTokens.pop();
    await load(t).catch((err) => say(describeError(err), 'error'));
    tableBody.querySelector('a')?.focus();
  });
  await load(undefined);
}

// ---------- order page ----------

function stepper(view) {
  const currentIndex = STAGES.indexOf(view.stage);
  const done = (i) => view.stage === 'COMPLETED' || (currentIndex >= 0 && i < currentIndex);
  return el(
    'ol',
    { class: `stepper ${view.stage === 'CANCELLED' ? 'cancelled' : ''}`, 'aria-label': 'Stages' },
    STAGES.map((s, i) => {
      const state = i === currentIndex ? 'current' : done(i) ? 'done' : 'todo';
      return el(
        'li',
        { class: state, 'aria-current': state === 'current' ? 'step' : undefined, 'data-stage': s },
        el('span', { class: 'dot', 'aria-hidden': 'true' }, state === 'done' ? '✓' : String(i + 1)),
        el('span', { class: 'label' }, humanize(s)),
        el(
          'span',
          { class: 'sr-only' },
          state === 'done' ? ' (done)' : state === 'current' ? ' (current)' : '',
        ),
      );
    }),
  );
}

function dl(pairs) {
  const rows = pairs.filter(([, v]) => v !== undefined);
  if (!rows.length) return el('p', { class: 'muted' }, 'Nothing yet.');
  return el(
    'dl',
    {},
    rows.map(([k, v]) => [el('dt', {}, k), el('dd', {}, v === null || v === '' ? '—' : v)]),
  );
}

/** A loose object from the view as a definition list (money, arrays and nested objects flattened). */
function objectList(obj) {
  if (!obj) return el('p', { class: 'muted' }, 'Nothing yet.');
  const show = (v) => {
    if (v === null || v === undefined) return '—';
    if (typeof v === 'object' && 'amount' in v && 'currency' in v) return money(v);
    if (Array.isArray(v))
      return v.map((x) => (typeof x === 'object' ? JSON.stringify(x) : String(x))).join(', ') || '—';
    if (typeof v === 'object')
      return Object.entries(v)
        .map(([k, x]) => `${humanize(k)}: ${show(x)}`)
        .join('; ');
    if (typeof v === 'string' && /^\d{4}-\d\d-\d\dT/.test(v)) return formatTime(v);
    return String(v);
  };
  return dl(Object.entries(obj).map(([k, v]) => [humanize(k), show(v)]));
}

function section(title, ...content) {
  const id = `sec-${title.toLowerCase().replace(/[^a-z]+/g, '-')}`;
  return el('section', { class: 'card', 'aria-labelledby': id }, el('h2', { id }, title), content);
}

function table(caption, headers, rows, empty) {
  if (!rows.length) return el('p', { class: 'muted' }, empty);
  return el(
    'div',
    { class: 'table-wrap' },
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
          headers.map((h) => el('th', { scope: 'col' }, h)),
        ),
      ),
      el(
        'tbody',
        {},
        rows.map((r) =>
          el(
            'tr',
            {},
            r.map((c) => el('td', {}, c)),
          ),
        ),
      ),
    ),
  );
}

async function renderOrder(orderId, token, { afterRender } = {}) {
  document.title = `${orderId} · Order desk`;
  if (!main.querySelector(`[data-order="${CSS.escape(orderId)}"]`)) {
    clear(main).append(heading(orderId), el('p', { 'aria-live': 'polite' }, 'Loading order…'));
  }
  const [view, emails, schemas] = await Promise.all([
    api('GET', `/orders/${encodeURIComponent(orderId)}`),
    api('GET', `/orders/${encodeURIComponent(orderId)}/emails`).then((r) => r.emails),
    eventSchemas(),
  ]);
  if (token !== renderToken) return;
  paintOrder(view, emails, schemas);
  if (afterRender) afterRender();
  else focusTitle();
}

function paintOrder(view, emails, schemas) {
  const p = view.payments;
  const deadline =
    view.stageDeadline && view.status === 'OPEN'
      ? [
          el('time', { datetime: view.stageDeadline }, formatTime(view.stageDeadline)),
          ` (${relative(view.stageDeadline)})`,
        ]
      : '—';
  const header = el(
    'div',
    { class: 'order-head' },
    el(
      'div',
      { class: 'title-row' },
      heading(`Order ${view.orderId}`),
      el(
        'a',
        {
          href: view.links.temporalUi,
          target: '_blank',
          rel: 'noopener noreferrer',
          class: 'button secondary',
        },
        'Open in Temporal UI',
        el('span', { class: 'sr-only' }, ' (opens in a new tab)'),
      ),
    ),
    el(
      'p',
      { class: 'order-meta' },
      el(
        'span',
        { class: `badge status-${view.status.toLowerCase()}`, id: 'order-stage' },
        humanize(view.stage),
      ),
      ' ',
      view.stalled
        ? el('span', { class: 'badge stalled' }, '⚠ Stalled: the stage is past its time limit')
        : null,
      ' ',
      `${view.customer.company} · ${view.customer.name} · ${view.customer.country}`,
      ' · Account manager ',
      view.accountManager.email,
    ),
  );
  const stageBox = section(
    'Current stage',
    dl([
      ['Stage', humanize(view.stage)],
      ['Entered', formatTime(view.stageEnteredAt)],
      ['Deadline', deadline],
      ['Reminders sent', String(view.remindersSent)],
      ['Status', humanize(view.status)],
    ]),
  );
  // The schedule from the contract's payment plan; before the contract there is nothing owed yet.
  const schedule = p.schedule || [];
  const payments = section(
    'Payments',
    p.terms ? el('p', { class: 'muted' }, p.terms) : null,
    schedule.length
      ? table(
          'Payment schedule',
          ['', 'Due', 'Amount', 'Received', 'Written off', 'Outstanding'],
          schedule.map((s) => [
            `${humanize(s.part)} (${s.method})`,
            s.dueDate ? `${humanize(s.dueWhen)}, by ${s.dueDate}` : humanize(s.dueWhen),
            money(s.amount),
            money(s.received),
            money(s.writtenOff),
            money(s.outstanding),
          ]),
          '',
        )
      : el('p', { class: 'muted' }, 'No contract yet: nothing is owed.'),
    p.outstanding ? el('p', {}, `Outstanding in all: ${money(p.outstanding)}`) : null,
    p.letterOfCredit
      ? el(
          'p',
          {},
          `L/C ${p.letterOfCredit.lcNo} (${p.letterOfCredit.issuingBank}), ${money(p.letterOfCredit.amount)}, expires ${p.letterOfCredit.expiryDate}` +
            (p.presentationDeadline ? `; present documents by ${p.presentationDeadline}` : ''),
        )
      : null,
    p.releaseApproval
      ? el(
          'p',
          {},
          `Release before payment approved by ${p.releaseApproval.approvedBy}: ${p.releaseApproval.reason}`,
        )
      : null,
  );
  const q = view.quotation;
  const deal = section(
    'Quotation and contract',
    el('h3', {}, 'Quotation'),
    q
      ? dl([
          ['Number', q.quotationNo],
          ['Incoterm', `${q.incoterm ?? ''} ${q.namedPlace ?? ''}`],
          [
            'Lines',
            (q.lines || []).map((l) => `${l.quantity} × ${l.description} @ ${money(l.unitPrice)}`).join('; '),
          ],
          ['Valid until', q.validUntil],
        ])
      : el('p', { class: 'muted' }, 'No quotation yet.'),
    el('h3', {}, 'Sample'),
    dl([
      ['Rounds', String(view.sample.rounds)],
      ['Approved', view.sample.approved ? 'yes' : 'no'],
    ]),
    el('h3', {}, 'Contract'),
    objectList(view.contract),
    el('h3', {}, 'Production'),
    dl([
      ['Progress', `${view.production.percent} %`],
      [
        'Inspections',
        view.production.inspections.map((i) => `${i.result} by ${i.inspector}`).join('; ') || '—',
      ],
    ]),
  );
  const shipping = section(
    'Shipping and documents',
    el('h3', {}, 'Booking'),
    objectList(view.shipping.booking),
    el('h3', {}, 'Customs'),
    objectList(view.shipping.customs),
    el('h3', {}, 'Bill of lading'),
    objectList(view.shipping.billOfLading),
    el('h3', {}, 'Documents'),
    dl([
      ['Copies sent', formatTime(view.documents.copiesSentAt)],
      ['Dispatched', formatTime(view.documents.dispatchedAt)],
      [
        'Items',
        view.documents.items.map((d) => humanize(d.kind || d.type || d.name || 'document')).join(', ') || '—',
      ],
    ]),
  );
  // The view carries the latest entries; GET /orders/{id}/timeline pages through all of them.
  const shown = view.timeline.length;
  const total = view.timelineTotal ?? shown;
  const timeline = section(
    total > shown ? `Timeline (latest ${shown} of ${total})` : 'Timeline',
    table(
      'Timeline',
      ['When', 'Event', 'Actor', 'Summary'],
      [...view.timeline]
        .reverse()
        .map((t) => [
          el('time', { datetime: t.at }, formatTime(t.at)),
          humanize(t.type),
          t.actor,
          t.summary || '',
        ]),
      'No events yet.',
    ),
  );
  const mails = section(
    'Emails sent',
    table(
      'Emails sent',
      ['Sent', 'Purpose', 'To', 'Cc', 'Subject'],
      emails.map((m) => [
        formatTime(m.sentAt),
        humanize(m.purpose),
        m.to.join(', '),
        m.cc.join(', ') || '—',
        m.subject,
      ]),
      'No emails sent yet.',
    ),
  );
  clear(main).append(
    el(
      'div',
      { 'data-order': view.orderId },
      header,
      stepper(view),
      el(
        'div',
        { class: 'order-grid' },
        el('div', { class: 'col' }, eventPanel(view, schemas), stageBox, payments),
        el('div', { class: 'col' }, deal, shipping),
      ),
      timeline,
      mails,
    ),
  );
}

function currencyOf(view) {
  return (
    view.payments.depositRequired?.currency ||
    view.contract?.totalAmount?.currency ||
    view.quotation?.lines?.[0]?.unitPrice?.currency ||
    'USD'
  );
}

function eventPanel(view, schemas) {
  const allowed = view.allowedEvents || [];
  if (!allowed.length)
    return section(
      'Record an event',
      el('p', { class: 'muted' }, `The order is ${humanize(view.status).toLowerCase()}: no events fit now.`),
    );
  const chooser = el(
    'select',
    { id: 'event-type', name: 'event-type' },
    el('option', { value: '' }, 'Choose an event…'),
    allowed.map((t) => el('option', { value: t }, humanize(t))),
  );
  const holder = el('div', { class: 'event-form' });
  chooser.addEventListener('change', () => {
    clear(holder);
    if (chooser.value) holder.append(eventForm(view, chooser.value, schemas[chooser.value]));
  });
  return section(
    'Record an event',
    el(
      'div',
      { class: 'field' },
      el('label', { for: 'event-type' }, 'Event'),
      chooser,
      el('span', { class: 'hint' }, `Only the events that fit stage ${humanize(view.stage)} now.`),
    ),
    holder,
  );
}

function eventForm(view, type, schema) {
  if (!schema) return el('p', { class: 'flash error' }, `The API document has no schema for ${type}.`);
  const currency = currencyOf(view);
  const built = buildForm(schema, {
    skip: ['type', 'eventId'],
    valueFor: (_path, name) => (name === 'currency' ? currency : undefined),
  });
  // One client key per form: resubmitting after a 503 cannot record the event twice.
  const eventId = `console-${crypto.randomUUID()}`;
  const message = el('div', { class: 'form-message', role: 'alert', tabindex: '-1', hidden: true });
  const submit = el('button', { type: 'submit' }, `Record ${humanize(type).toLowerCase()}`);
  const form = el(
    'form',
    { novalidate: true, 'aria-describedby': 'event-desc', 'data-event': type },
    el('p', { class: 'hint', id: 'event-desc' }, schema.description || ''),
    built.node,
    message,
    submit,
  );
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    say('');
    built.clearErrors();
    message.hidden = true;
    submit.disabled = true;
    submit.setAttribute('aria-busy', 'true');
    try {
      const body = { type, eventId, ...built.collect() };
      const next = await api('POST', `/orders/${encodeURIComponent(view.orderId)}/events`, { body });
      const emails = await api('GET', `/orders/${encodeURIComponent(view.orderId)}/emails`).then(
        (r) => r.emails,
        () => [],
      );
      paintOrder(next, emails, await eventSchemas());
      say(`Recorded: ${humanize(type)}. The order is in stage ${humanize(next.stage)}.`, 'success', {
        focus: true,
      });
    } catch (err) {
      submit.disabled = false;
      submit.removeAttribute('aria-busy');
      if (handleAuth(err)) return;
      if (err instanceof ApiError && err.code === 'VALIDATION_FAILED') {
        showFieldErrors(built, message, err, 'Not recorded');
        return;
      }
      if (err instanceof ApiError && err.code === 'EVENT_NOT_ALLOWED') {
        // Someone else moved the order: show the order as it is now, with the reason on top.
        const text = describeError(err);
        await renderOrder(view.orderId, renderToken, {
          afterRender: () => say(text, 'error', { focus: true }),
        }).catch(() => say(text, 'error', { focus: true }));
        return;
      }
      showMessage(message, describeError(err));
      message.focus();
    }
  });
  return form;
}

function showMessage(node, text) {
  node.textContent = text;
  node.hidden = false;
}

/** A 400 on a form: each bad field marked, the ones without a field named in the message. */
function showFieldErrors(built, message, err, outcome) {
  const { first, unplaced } = built.showErrors(err.details);
  const rest = unplaced.map((d) => `${d.path || 'body'}: ${d.message}`).join('; ');
  showMessage(message, `${outcome}: ${err.message}.${rest ? ` ${rest}` : ''} See the marked fields.`);
  (first || message).focus();
}

// ---------- new inquiry ----------

async function renderNewInquiry(token) {
  document.title = 'New inquiry · Order desk';
  const schema = await newOrderSchema();
  if (token !== renderToken) return;
  const built = buildForm(schema);
  const message = el('div', { class: 'form-message', role: 'alert', tabindex: '-1', hidden: true });
  const submit = el('button', { type: 'submit' }, 'Create order');
  const form = el(
    'form',
    { novalidate: true, class: 'card', id: 'new-inquiry' },
    el('p', { class: 'hint' }, schema.description || ''),
    built.node,
    message,
    submit,
  );
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    built.clearErrors();
    message.hidden = true;
    submit.disabled = true;
    try {
      const view = await api('POST', '/orders', { body: built.collect() });
      // The hashchange re-renders; the message is shown after it.
      pendingFlash = [`Order ${view.orderId} created in stage ${humanize(view.stage)}.`, 'success'];
      location.hash = `#/orders/${encodeURIComponent(view.orderId)}`;
    } catch (err) {
      submit.disabled = false;
      if (handleAuth(err)) return;
      if (err instanceof ApiError && err.code === 'VALIDATION_FAILED') {
        showFieldErrors(built, message, err, 'Not created');
        return;
      }
      showMessage(message, describeError(err));
      message.focus();
    }
  });
  clear(main).append(heading('New inquiry'), form);
  focusTitle();
}

route();
