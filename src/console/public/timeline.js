// The order's timeline: every accepted event, newest first. An event taken back keeps its row,
// marked, with what took it back right under it (what changed, why, who and when); the events the
// view says can be corrected or undone carry the buttons that open those forms in place.
import { el } from './dom.js';
import { actorName, eventName, fieldName, formatTime, t, timelineSummary } from './i18n.js';
import { canRecord } from './shell.js';
import { actionButtons, correctionForm, slotRow, takenBack, takenBackBy, undoForm } from './corrections.js';
import { show } from './values.js';

const MARKS = {
  EVENT_CORRECTED: 'timeline.corrected',
  PAYMENT_REVERSED: 'timeline.reversed',
  EVENT_UNDONE: 'timeline.undone',
};
const BY = {
  EVENT_CORRECTED: 'timeline.correctedBy',
  PAYMENT_REVERSED: 'timeline.reversedBy',
  EVENT_UNDONE: 'timeline.undoneBy',
};

/** What took `entry` back, oldest first: each correction's changes (from → to), reason, actor and time. */
function takenBackNote(entry, corrections, payloads, columns) {
  const running = { ...(payloads.get(entry.eventId) || {}) };
  const items = corrections.map((c) => {
    const payload = payloads.get(c.eventId) || {};
    const changes = Object.entries(payload.changes || {}).map(([field, to]) => {
      const from = running[field];
      running[field] = to;
      return el('li', {}, t('timeline.change', { field: fieldName(field), from: show(from), to: show(to) }));
    });
    return el(
      'li',
      { 'data-correction': c.eventId, 'data-type': c.type },
      el(
        'span',
        { class: 'by' },
        t(BY[c.type] || BY.EVENT_CORRECTED, { actor: actorName(c.actor), when: formatTime(c.at) }),
      ),
      changes.length ? el('ul', { class: 'changes' }, changes) : null,
      payload.reason ? el('p', { class: 'reason' }, t('timeline.reason', { reason: payload.reason })) : null,
    );
  });
  return el(
    'tr',
    { class: 'correction-note', 'data-corrects': entry.eventId },
    el(
      'td',
      { colspan: columns },
      items.length ? el('ul', { class: 'corrections' }, items) : t('timeline.takenBackLater'),
    ),
  );
}

/** ctx: { view, me, schemas, payloads, record } as the correction forms take it. */
export function timelineTable(ctx) {
  const { view, me, payloads } = ctx;
  const entries = [...view.timeline].reverse();
  if (!entries.length) return el('p', { class: 'muted' }, t('order.noEvents'));
  const correctable = new Map((view.corrections?.correctable || []).map((c) => [c.eventId, c]));
  const undoable = view.corrections?.undoable;
  const mayUndo = (e) => me?.role === 'manager' && undoable?.eventId === e.eventId;
  // The actions column is there when some entry can be taken back by whoever is signed in.
  const acting = canRecord(me) && entries.some((e) => correctable.has(e.eventId) || mayUndo(e));
  const columns = acting ? 5 : 4;
  const typeOf = new Map(view.timeline.map((e) => [e.eventId, e.type]));
  const byTarget = takenBackBy(view.timeline, payloads);

  const rows = entries.flatMap((e) => {
    const corrections = byTarget.get(e.eventId) || [];
    const latest = e.correctedBy ?? corrections.at(-1)?.eventId;
    const mark = latest ? t(MARKS[typeOf.get(latest)] || MARKS.EVENT_CORRECTED) : null;
    const target = takenBack(payloads.get(e.eventId));
    const summary = timelineSummary(e, payloads.get(e.eventId), ctx.view, {
      target: target && typeOf.has(target) ? eventName(typeOf.get(target)) : t('timeline.earlierEvent'),
    });
    const slot = slotRow(columns);
    const actions = [];
    if (acting && correctable.has(e.eventId))
      actions.push({
        key: 'correct',
        label: t('correct.action'),
        about: eventName(e.type),
        open: () => correctionForm(ctx, e, correctable.get(e.eventId), corrections),
      });
    if (acting && mayUndo(e))
      actions.push({
        key: 'undo',
        label: t('undo.action'),
        about: eventName(e.type),
        open: () => undoForm(ctx, e),
      });
    const row = el(
      'tr',
      { class: latest ? 'corrected' : undefined, 'data-event-id': e.eventId, 'data-type': e.type },
      el('td', {}, el('time', { datetime: e.at }, formatTime(e.at))),
      el('td', {}, eventName(e.type), mark ? [' ', el('span', { class: 'badge corrected' }, mark)] : null),
      el('td', {}, actorName(e.actor)),
      el('td', {}, summary),
      acting ? el('td', { class: 'actions' }, actionButtons(actions, slot)) : null,
    );
    return [row, latest ? takenBackNote(e, corrections, payloads, columns) : null, slot].filter(Boolean);
  });
  const headers = [t('order.when'), t('order.event'), t('order.actor'), t('order.summary')];
  if (acting) headers.push(t('timeline.actions'));
  return el(
    'div',
    { class: 'table-wrap', tabindex: '0', role: 'region', 'aria-label': t('order.timeline') },
    el(
      'table',
      { class: 'timeline' },
      el('caption', { class: 'sr-only' }, t('order.timeline')),
      el(
        'thead',
        {},
        el(
          'tr',
          {},
          headers.map((h) => el('th', { scope: 'col' }, h)),
        ),
      ),
      el('tbody', {}, rows),
    ),
  );
}
