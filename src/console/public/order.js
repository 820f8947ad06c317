// The order page: where the order is in the nine stages, its terms, money, shipping, timeline and
// emails, and (for ops) a form for each event allowed now.
import { api, ApiError, eventSchemas } from './api.js';
import { attachmentsSection } from './attachments.js';
import { clear, el } from './dom.js';
import { CORRECTION_EVENTS, warningsBanner } from './corrections.js';
import { documentsSection } from './documents.js';
import { buildForm } from './forms.js';
import {
  actorName,
  countryName,
  enumName,
  eventHint,
  eventName,
  fieldName,
  formatTime,
  money,
  paymentTermsText,
  purposeName,
  relative,
  stageName,
  STAGES,
  statusName,
  stepTitle,
  t,
} from './i18n.js';
import { MONEY_PANEL_EVENTS, moneySection } from './money.js';
import { receiptsTable } from './receipts.js';
import { shipmentsSection } from './shipments.js';
import {
  canRecord,
  currentCaller,
  describeError,
  dl,
  focusTitle,
  heading,
  main,
  mayRecordEvent,
  pageTitle,
  say,
  section,
  submitsForm,
  table,
  view as page,
} from './shell.js';
import { timelineTable } from './timeline.js';
import { show } from './values.js';

function stepper(view) {
  const currentIndex = STAGES.indexOf(view.stage);
  const done = (i) => view.stage === 'COMPLETED' || (currentIndex >= 0 && i < currentIndex);
  return el(
    'ol',
    { class: `stepper ${view.stage === 'CANCELLED' ? 'cancelled' : ''}`, 'aria-label': t('order.stages') },
    STAGES.map((s, i) => {
      const state = i === currentIndex ? 'current' : done(i) ? 'done' : 'todo';
      return el(
        'li',
        { class: state, 'aria-current': state === 'current' ? 'step' : undefined, 'data-stage': s },
        el('span', { class: 'dot', 'aria-hidden': 'true' }, state === 'done' ? '✓' : String(i + 1)),
        el('span', { class: 'label' }, stageName(s)),
        el(
          'span',
          { class: 'sr-only' },
          state === 'done' ? t('order.stepDone') : state === 'current' ? t('order.stepCurrent') : '',
        ),
      );
    }),
  );
}

/** Rows of objects (contract lines, containers) as a table with a column per field. */
function rowsTable(name, rows) {
  const columns = [...new Set(rows.flatMap((r) => Object.keys(r)))];
  return table(
    fieldName(name),
    columns.map(fieldName),
    rows.map((r) => columns.map((c) => show(r[c]))),
    t('order.nothing'),
  );
}

/** A loose object from the view as a definition list; lists of objects as tables. */
function objectList(obj) {
  if (!obj) return el('p', { class: 'muted' }, t('order.nothing'));
  return dl(
    Object.entries(obj).map(([k, v]) => [
      fieldName(k),
      Array.isArray(v) && v.length && v.every((x) => x && typeof x === 'object' && !('amount' in x))
        ? rowsTable(k, v)
        : show(v),
    ]),
  );
}

/** The payloads of the latest timeline entries, by event id (the view's entries carry none). */
async function timelinePayloads(orderId, count) {
  if (!count) return new Map();
  const page = await api(
    'GET',
    `/orders/${encodeURIComponent(orderId)}/timeline?limit=${Math.min(200, Math.max(1, count))}`,
  );
  return new Map(page.entries.map((e) => [e.eventId, e.payload]));
}

export async function renderOrder(orderId, token, { afterRender } = {}) {
  pageTitle(orderId);
  if (!main.querySelector(`[data-order="${CSS.escape(orderId)}"]`)) {
    clear(main).append(heading(orderId), el('p', { 'aria-live': 'polite' }, t('order.loading')));
  }
  const [view, emails, schemas, me] = await Promise.all([
    api('GET', `/orders/${encodeURIComponent(orderId)}`),
    api('GET', `/orders/${encodeURIComponent(orderId)}/emails`).then((r) => r.emails),
    eventSchemas(),
    currentCaller(),
  ]);
  const payloads = await timelinePayloads(orderId, view.timeline.length).catch(() => new Map());
  if (token !== page.renderToken) return;
  paintOrder(view, emails, schemas, me, payloads);
  if (afterRender) afterRender();
  else focusTitle();
}

/** Posts an event, repaints the order with the answer and says `done(next)`. */
async function recordEvent(orderId, me, body, done) {
  const next = await api('POST', `/orders/${encodeURIComponent(orderId)}/events`, { body });
  const emails = await api('GET', `/orders/${encodeURIComponent(orderId)}/emails`).then(
    (r) => r.emails,
    () => [],
  );
  const payloads = await timelinePayloads(orderId, next.timeline.length).catch(() => new Map());
  paintOrder(next, emails, await eventSchemas(), me, payloads);
  say(done(next), 'success', { focus: true });
}

function paintOrder(view, emails, schemas, me, payloads = new Map()) {
  // What the correction forms need: the order as shown, and how to record and repaint.
  const ctx = {
    view,
    me,
    schemas,
    payloads,
    record: (body, done) => recordEvent(view.orderId, me, body, done),
  };
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
      heading(t('order.title', { id: view.orderId })),
      el(
        'a',
        {
          href: view.links.temporalUi,
          target: '_blank',
          rel: 'noopener noreferrer',
          class: 'button secondary',
        },
        t('order.temporalUi'),
        el('span', { class: 'sr-only' }, t('order.newTab')),
      ),
    ),
    el(
      'p',
      { class: 'order-meta' },
      el(
        'span',
        { class: `badge status-${view.status.toLowerCase()}`, id: 'order-stage' },
        stageName(view.stage),
      ),
      ' ',
      view.stalled ? el('span', { class: 'badge stalled' }, t('order.stalled')) : null,
      ' ',
      view.customerId
        ? el(
            'a',
            {
              href: `#/customers/${encodeURIComponent(view.customerId)}`,
              id: 'order-customer',
              title: t('order.customerRecord'),
            },
            view.customer.company,
          )
        : view.customer.company,
      ` · ${view.customer.name} · `,
      el('span', { title: view.customer.country }, countryName(view.customer.country)),
      ` · ${t('order.accountManager')} `,
      el('span', { title: view.accountManager.email }, view.accountManager.name || view.accountManager.email),
    ),
  );
  const stageBox = section(
    'current-stage',
    t('order.currentStage'),
    dl([
      [t('order.stage'), stageName(view.stage)],
      [t('order.entered'), formatTime(view.stageEnteredAt)],
      [t('order.deadline'), deadline],
      [t('order.remindersSent'), String(view.remindersSent)],
      [t('order.status'), statusName(view.status)],
    ]),
  );
  // The order's own checklist: what its terms and template call for, with the key points of each step.
  const steps = view.processList || [];
  const checklist = section(
    'checklist',
    t('order.checklist'),
    steps.length
      ? el(
          'ol',
          { class: 'checklist' },
          steps.map((step) =>
            el(
              'li',
              { class: `step step-${step.status.toLowerCase()}`, 'data-step': step.key },
              el('span', { class: 'step-status' }, t(`step.${step.status}`)),
              ' ',
              el('strong', {}, stepTitle(step)),
              ` · ${stageName(step.stage)}`,
              step.doneAt
                ? ` · ${formatTime(step.doneAt)}${step.actor ? ` (${actorName(step.actor)})` : ''}`
                : '',
              step.dueAt && step.status !== 'DONE'
                ? ` · ${t('order.dueAt', { when: formatTime(step.dueAt) })}`
                : '',
              step.guidance ? el('p', { class: 'hint' }, step.guidance) : null,
            ),
          ),
        )
      : el('p', { class: 'muted' }, t('order.nothing')),
  );
  // The schedule from the contract's payment plan; before the contract nothing is owed yet.
  const schedule = p.schedule || [];
  const lc = p.letterOfCredit;
  const payments = section(
    'payments',
    t('order.payments'),
    p.plan ? el('p', { class: 'muted' }, paymentTermsText(p.plan)) : null,
    schedule.length
      ? table(
          t('order.paymentsCaption'),
          [
            '',
            t('order.due'),
            t('order.amount'),
            t('order.received'),
            t('order.writtenOff'),
            t('order.outstanding'),
          ],
          schedule.map((s) => [
            `${s.part === 'DEPOSIT' ? t('order.deposit') : t('order.balance')} (${enumName(s.method)})`,
            el(
              'span',
              { class: 'keep-words' },
              s.dueDate
                ? t('order.dueBy', { when: enumName(s.dueWhen), date: s.dueDate })
                : enumName(s.dueWhen),
            ),
            money(s.amount),
            money(s.received),
            money(s.writtenOff),
            money(s.outstanding),
          ]),
          '',
          { numeric: [2, 3, 4, 5] },
        )
      : el('p', { class: 'muted' }, t('order.noContract')),
    p.outstanding ? el('p', {}, t('order.outstandingAll', { amount: money(p.outstanding) })) : null,
    receiptsTable(ctx),
    lc
      ? el(
          'p',
          {},
          t('order.letterOfCredit', {
            lcNo: lc.lcNo,
            bank: lc.issuingBank,
            amount: money(lc.amount),
            expiry: lc.expiryDate,
          }) + (p.presentationDeadline ? ` ${t('order.presentBy', { date: p.presentationDeadline })}` : ''),
        )
      : null,
    p.releaseApproval
      ? el(
          'p',
          {},
          t('order.releaseApproved', { by: p.releaseApproval.approvedBy, reason: p.releaseApproval.reason }),
        )
      : null,
  );
  const q = view.quotation;
  const deal = section(
    'deal',
    t('order.deal'),
    el('h3', {}, t('order.quotation')),
    q
      ? dl([
          [t('order.number'), q.quotationNo],
          [t('order.incoterm'), `${q.incoterm ?? ''} ${q.namedPlace ?? ''}`],
          [
            t('order.lines'),
            (q.lines || []).map((l) => `${l.quantity} × ${l.description} @ ${money(l.unitPrice)}`).join('; '),
          ],
          [t('order.validUntil'), q.validUntil],
        ])
      : el('p', { class: 'muted' }, t('order.noQuotation')),
    el('h3', {}, t('order.sample')),
    dl([
      [t('order.rounds'), String(view.sample.rounds)],
      view.sample.waiver
        ? [
            t('order.approved'),
            t('order.sampleWaived', {
              by: actorName(view.sample.waiver.by),
              reason: view.sample.waiver.reason,
            }),
          ]
        : [t('order.approved'), view.sample.approved ? t('order.yes') : t('order.no')],
    ]),
    el('h3', {}, t('order.contract')),
    objectList(view.contract),
    el('h3', {}, t('order.production')),
    dl([
      [t('order.progress'), `${view.production.percent} %`],
      [
        t('order.inspections'),
        view.production.inspections
          .map((i) => t('order.inspectionBy', { result: enumName(i.result), inspector: i.inspector }))
          .join('; ') || '—',
      ],
    ]),
  );
  const shipping = section(
    'shipping',
    t('order.shipping'),
    el('h3', {}, t('order.booking')),
    objectList(view.shipping.booking),
    el('h3', {}, t('order.customs')),
    objectList(view.shipping.customs),
    el('h3', {}, t('order.billOfLading')),
    objectList(view.shipping.billOfLading),
    el('h3', {}, t('order.documents')),
    dl([
      [t('order.copiesSent'), formatTime(view.documents.copiesSentAt)],
      [t('order.dispatched'), formatTime(view.documents.dispatchedAt)],
      [
        t('order.items'),
        view.documents.items
          .map((d) => `${enumName(d.kind)}${d.reference ? ` ${d.reference}` : ''}`)
          .join(', ') || '—',
      ],
      // Once a correction re-issued them: the revision their numbers carry.
      [
        t('documents.revision'),
        view.documents.revision
          ? t('documents.revisionNo', { revision: view.documents.revision })
          : undefined,
      ],
    ]),
    documentRevisions(view.documents.revisions || []),
  );
  // The view carries the latest entries; GET /orders/{id}/timeline pages through all of them.
  const shown = view.timeline.length;
  const total = view.timelineTotal ?? shown;
  const timeline = section(
    'timeline',
    total > shown ? t('order.timelinePartial', { shown, total }) : t('order.timeline'),
    timelineTable(ctx),
  );
  const mails = section(
    'emails-sent',
    t('order.emails'),
    table(
      t('order.emails'),
      [t('order.sent'), t('order.purpose'), t('order.to'), t('order.cc'), t('order.subject')],
      emails.map((m) => [
        formatTime(m.sentAt),
        purposeName(m.purpose),
        m.to.join(', '),
        m.cc.join(', ') || '—',
        m.subject,
      ]),
      t('order.noEmails'),
    ),
  );
  clear(main).append(
    el(
      'div',
      { 'data-order': view.orderId },
      header,
      warningsBanner(view),
      stepper(view),
      el(
        'div',
        { class: 'order-grid' },
        el(
          'div',
          { class: 'col' },
          canRecord(me) ? eventPanel(view, schemas, me) : null,
          stageBox,
          checklist,
        ),
        el('div', { class: 'col' }, deal, shipping),
      ),
      // Shipments in parts: each shipment, and the form to plan one.
      shipmentsSection(ctx),
      // Six columns of money need the page's width: in a half column they were clipped.
      payments,
      // Money after shipment: revenue in CNY, costs, the rebate and the profit.
      moneySection(ctx),
      documentsSection(view.orderId),
      attachmentsSection(view, me, (added) =>
        renderOrder(view.orderId, page.renderToken, {
          afterRender: () =>
            say(t('attachments.uploaded', { fileName: added.fileName }), 'success', { focus: true }),
        }),
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

function eventPanel(view, schemas, me) {
  // Corrections, reversals and undo name what they take back: they open beside it, not here; the
  // money after shipment has its own panel.
  const offered = view.allowedEvents || [];
  // One way to record the same money: where the stage's own payment event fits, the general one
  // (which the API still takes) is not offered beside it.
  const specificPayment = offered.includes('DEPOSIT_RECEIVED') || offered.includes('BALANCE_RECEIVED');
  const allowed = offered.filter(
    (type) =>
      !CORRECTION_EVENTS.includes(type) &&
      !MONEY_PANEL_EVENTS.includes(type) &&
      !(specificPayment && type === 'PAYMENT_RECEIVED') &&
      mayRecordEvent(me, schemas[type]),
  );
  if (!allowed.length)
    return section(
      'record',
      t('record.title'),
      el('p', { class: 'muted' }, t('record.closed', { status: statusName(view.status).toLowerCase() })),
    );
  const chooser = el(
    'select',
    { id: 'event-type', name: 'event-type', 'aria-describedby': 'event-type-hint' },
    el('option', { value: '' }, t('record.choose')),
    allowed.map((type) => el('option', { value: type }, eventName(type))),
  );
  const holder = el('div', { class: 'event-form' });
  chooser.addEventListener('change', () => {
    clear(holder);
    if (chooser.value) holder.append(eventForm(view, chooser.value, schemas[chooser.value], me));
  });
  return section(
    'record',
    t('record.title'),
    el(
      'div',
      { class: 'field' },
      el('label', { for: 'event-type' }, t('record.event')),
      chooser,
      el(
        'span',
        { class: 'hint', id: 'event-type-hint' },
        t('record.onlyFit', { stage: stageName(view.stage) }),
      ),
    ),
    holder,
  );
}

function eventForm(view, type, schema, me) {
  if (!schema) return el('p', { class: 'flash error' }, t('record.noSchema', { type }));
  const currency = currencyOf(view);
  const built = buildForm(schema, {
    skip: ['type', 'eventId'],
    valueFor: (_path, name) => (name === 'currency' ? currency : undefined),
  });
  // One client key per form: resubmitting after a 503 cannot record the event twice.
  const eventId = `console-${crypto.randomUUID()}`;
  const message = el('div', { class: 'form-message', role: 'alert', tabindex: '-1', hidden: true });
  const submit = el('button', { type: 'submit' }, t('record.submit', { event: eventName(type) }));
  const form = el(
    'form',
    { novalidate: true, 'aria-label': eventName(type), 'data-event': type },
    eventHint(type) ? el('p', { class: 'hint' }, eventHint(type)) : null,
    built.node,
    message,
    submit,
  );
  form.addEventListener('submit', () => say(''));
  submitsForm(
    form,
    {
      built,
      message,
      submit,
      refused: t('record.refused'),
      otherwise: async (err) => {
        if (!(err instanceof ApiError && err.code === 'EVENT_NOT_ALLOWED')) return false;
        // Someone else moved the order: show the order as it is now, with the reason on top.
        const text = describeError(err);
        await renderOrder(view.orderId, page.renderToken, {
          afterRender: () => say(text, 'error', { focus: true }),
        }).catch(() => say(text, 'error', { focus: true }));
        return true;
      },
    },
    () =>
      recordEvent(view.orderId, me, { type, eventId, ...built.collect() }, (next) =>
        t('record.done', { event: eventName(type), stage: stageName(next.stage) }),
      ),
  );
  return form;
}

/** The documents' revisions after corrections: when, by whom, why, and what each changed. */
function documentRevisions(revisions) {
  if (!revisions.length) return null;
  return [
    el('h3', {}, t('documents.revisions')),
    el(
      'ul',
      { class: 'revisions' },
      [...revisions].reverse().map((r) =>
        el(
          'li',
          { 'data-revision': r.revision },
          t('documents.revisionLine', {
            revision: r.revision,
            when: formatTime(r.at),
            by: actorName(r.by),
            reason: r.reason,
          }),
          r.changes?.length
            ? el(
                'ul',
                { class: 'changes' },
                r.changes.map((c) =>
                  el('li', {}, t('timeline.change', { field: fieldName(c.field), from: c.from, to: c.to })),
                ),
              )
            : null,
        ),
      ),
    ),
  ];
}
