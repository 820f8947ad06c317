// Taking mistakes back on the order page: the warnings they leave, and the forms that correct an
// event, reverse a payment or undo a stage move, each opened beside what it takes back. Nothing is
// edited: each form records an event of its own, and the timeline keeps the original.
import { ApiError } from './api.js';
import { clear, el, uid } from './dom.js';
import { buildForm, joinForms, showFieldErrors, showMessage } from './forms.js';
import { eventName, formatTime, stageName, t, warningName } from './i18n.js';
import { describeError, handleAuth, say } from './shell.js';

/** The client events that take back an earlier one: offered only beside what they take back. */
export const CORRECTION_EVENTS = ['EVENT_CORRECTED', 'PAYMENT_REVERSED', 'EVENT_UNDONE'];

/** The earlier event a correction, reversal or undo names in its payload. */
export function takenBack(payload) {
  if (!payload || typeof payload !== 'object') return undefined;
  return payload.correctsEventId ?? payload.paymentEventId ?? payload.undoesEventId;
}

/** The entries that took each event back, oldest first (the view's timeline is in order), by the event's id. */
export function takenBackBy(timeline, payloads) {
  const by = new Map();
  for (const entry of timeline) {
    if (!CORRECTION_EVENTS.includes(entry.type)) continue;
    const target = takenBack(payloads.get(entry.eventId));
    if (target) by.set(target, [...(by.get(target) || []), entry]);
  }
  return by;
}

/** What the order asks people to see to, on top of the page: one banner per warning. */
export function warningsBanner(view) {
  const warnings = view.warnings || [];
  if (!warnings.length) return null;
  return el(
    'section',
    { class: 'warnings', 'aria-labelledby': 'warnings-title' },
    el('h2', { id: 'warnings-title' }, t('warnings.title')),
    el(
      'ul',
      {},
      warnings.map((w) =>
        el(
          'li',
          { class: 'warning', 'data-warning': w.code },
          el('strong', {}, warningName(w.code)),
          ' ',
          el('time', { datetime: w.since }, t('warnings.since', { when: formatTime(w.since) })),
          // The domain's own sentence (English): the details behind the dictionary's words.
          w.message ? el('span', { class: 'warning-message', lang: 'en' }, w.message) : null,
        ),
      ),
    ),
  );
}

/**
 * Buttons that open a form in a full-width row below their row (`slot`), one at a time.
 * actions: [{ key, label, about, open() -> Node }]
 */
export function actionButtons(actions, slot) {
  const cell = slot.firstChild;
  slot.id ||= uid('slot');
  const buttons = actions.map((action) => {
    const button = el(
      'button',
      {
        type: 'button',
        class: 'secondary compact',
        'aria-expanded': 'false',
        'aria-controls': slot.id,
        'data-action': action.key,
      },
      action.label,
      action.about ? el('span', { class: 'sr-only' }, ` ${action.about}`) : null,
    );
    button.addEventListener('click', () => {
      const wasOpen = button.getAttribute('aria-expanded') === 'true';
      for (const b of buttons) b.setAttribute('aria-expanded', 'false');
      clear(cell);
      slot.hidden = wasOpen;
      if (wasOpen) return;
      button.setAttribute('aria-expanded', 'true');
      cell.append(action.open());
      (cell.querySelector('input,select,textarea') || cell.querySelector('[tabindex]'))?.focus();
    });
    return button;
  });
  return buttons;
}

/** A hidden full-width row where an action's form opens. */
export function slotRow(columns) {
  return el('tr', { class: 'action-slot', hidden: true }, el('td', { colspan: columns }));
}

// ---------- the forms ----------

const REASON = {
  type: 'object',
  properties: { reason: { type: 'string', minLength: 1, maxLength: 2000 } },
  required: ['reason'],
};

/** The reason field, as the API's schema for `type` has it (the console's own until the API has one). */
function reasonForm(schemas, type) {
  const reason = schemas[type]?.properties?.reason;
  return buildForm(reason ? { ...REASON, properties: { reason } } : REASON);
}

/**
 * The values an event holds now: what it recorded, with the visible corrections applied in order.
 * `corrections` are its EVENT_CORRECTED entries, oldest first.
 */
export function currentValues(entry, corrections, payloads) {
  const values = { ...(payloads.get(entry.eventId) || {}) };
  for (const c of corrections)
    if (c.type === 'EVENT_CORRECTED') Object.assign(values, payloads.get(c.eventId)?.changes || {});
  return values;
}

const valueAt = (values, path) =>
  path.split('.').reduce((v, key) => (v && typeof v === 'object' ? v[key] : undefined), values);

/** JSON with sorted keys: money and other objects compare by content. */
const canonical = (v) =>
  JSON.stringify(v, (_k, x) =>
    x && typeof x === 'object' && !Array.isArray(x)
      ? Object.fromEntries(Object.entries(x).sort(([a], [b]) => a.localeCompare(b)))
      : x,
  );

/** Whether a collected field differs from what the event holds (blank and an unticked box are no change). */
function isChange(collected, current) {
  if (collected === undefined) return false;
  if (current === undefined && collected === false) return false;
  return canonical(collected) !== canonical(current);
}

/**
 * A form that records one event, in a row of the page: errors land on its fields or in its
 * message as in the event forms; `ctx.record(body, done)` posts it and repaints the order.
 */
function actionForm(ctx, { kind, title, intro, parts, collect, done, submitText }) {
  const message = el('div', { class: 'form-message', role: 'alert', tabindex: '-1', hidden: true });
  const submit = el('button', { type: 'submit' }, submitText);
  const built = joinForms(...parts);
  // One client key per form: resubmitting after a 503 cannot record it twice.
  const eventId = `console-${crypto.randomUUID()}`;
  const form = el(
    'form',
    { novalidate: true, class: 'action-form', 'data-action': kind, 'aria-label': title },
    el('h3', {}, title),
    intro.filter(Boolean).map((text) => el('p', { class: 'hint' }, text)),
    parts.map((p) => p.node),
    message,
    submit,
  );
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    say('');
    built.clearErrors();
    message.hidden = true;
    const body = collect();
    if (body.problem) {
      const { first } = built.showErrors(body.details || []);
      showMessage(message, body.problem);
      (first || message).focus();
      return;
    }
    submit.disabled = true;
    submit.setAttribute('aria-busy', 'true');
    try {
      await ctx.record({ ...body, eventId }, done);
    } catch (err) {
      submit.disabled = false;
      submit.removeAttribute('aria-busy');
      if (handleAuth(err)) return;
      if (err instanceof ApiError && err.code === 'VALIDATION_FAILED') {
        showFieldErrors(built, message, err, t('action.refused'));
        return;
      }
      showMessage(
        message,
        err instanceof ApiError && err.code === 'FORBIDDEN'
          ? t('error.managerOnly', { message: err.message })
          : describeError(err),
      );
      message.focus();
    }
  });
  return form;
}

/** The reason, or a problem to show on its field. */
function reasonOf(reason) {
  const text = reason.collect().reason;
  if (text) return { reason: text };
  const problem = t('action.reasonMissing');
  return { problem, details: [{ path: 'reason', message: problem }] };
}

/**
 * EVENT_CORRECTED for `entry`: the correctable fields of its type, filled with what it holds now;
 * only the changed ones are sent. `target` is the view's `corrections.correctable` entry.
 */
export function correctionForm(ctx, entry, target, corrections) {
  const { me, schemas, payloads } = ctx;
  const title = t('correct.title', { event: eventName(entry.type) });
  if (target.needsManager && me.role !== 'manager')
    return el(
      'div',
      { class: 'action-form', 'data-action': 'correct', tabindex: '-1' },
      el('h3', {}, title),
      el('p', { class: 'notice' }, t('correct.askManager')),
    );
  const current = currentValues(entry, corrections, payloads);
  const own = schemas[entry.type]?.properties || {};
  const properties = Object.fromEntries(target.fields.map((f) => [f, own[f] ?? { type: 'string' }]));
  const changes = buildForm(
    { type: 'object', properties, required: [] },
    { prefix: 'changes', valueFor: (path) => valueAt(current, path.slice('changes.'.length)) },
  );
  const reason = reasonForm(schemas, 'EVENT_CORRECTED');
  return actionForm(ctx, {
    kind: 'correct',
    title,
    intro: [t('correct.intro'), target.needsManager ? t('correct.needsManager') : null],
    parts: [changes, reason],
    submitText: t('correct.submit'),
    collect() {
      const collected = changes.collect();
      const changed = {};
      for (const f of target.fields) if (isChange(collected[f], current[f])) changed[f] = collected[f];
      if (!Object.keys(changed).length) return { problem: t('correct.nothingChanged') };
      const why = reasonOf(reason);
      if (why.problem) return why;
      return { type: 'EVENT_CORRECTED', correctsEventId: entry.eventId, changes: changed, ...why };
    },
    done: () => t('correct.done', { event: eventName(entry.type) }),
  });
}

/** EVENT_UNDONE for the latest stage move (a manager's). */
export function undoForm(ctx, entry) {
  const reason = reasonForm(ctx.schemas, 'EVENT_UNDONE');
  return actionForm(ctx, {
    kind: 'undo',
    title: t('undo.title', { event: eventName(entry.type) }),
    intro: [t('undo.intro')],
    parts: [reason],
    submitText: t('undo.submit'),
    collect() {
      const why = reasonOf(reason);
      return why.problem ? why : { type: 'EVENT_UNDONE', undoesEventId: entry.eventId, ...why };
    },
    done: (next) => t('undo.done', { event: eventName(entry.type), stage: stageName(next.stage) }),
  });
}

/** PAYMENT_REVERSED for a receipt (a manager's). */
export function reversalForm(ctx, payment) {
  const reason = reasonForm(ctx.schemas, 'PAYMENT_REVERSED');
  const reference = payment.reference ?? '';
  return actionForm(ctx, {
    kind: 'reverse',
    title: t('reverse.title', { reference }),
    intro: [t('reverse.intro')],
    parts: [reason],
    submitText: t('reverse.submit'),
    collect() {
      const why = reasonOf(reason);
      return why.problem ? why : { type: 'PAYMENT_REVERSED', paymentEventId: payment.eventId, ...why };
    },
    done: () => t('reverse.done', { reference }),
  });
}
