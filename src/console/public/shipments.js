// Shipments in parts: each shipment with what it carries, its B/L, its release and its share of
// the balance; and, while the order may plan one, a form with a quantity per contract line.
import { el } from './dom.js';
import { eventName, formatTime, money, stageName, t } from './i18n.js';
import { canRecord, describeError, handleAuth, section, table } from './shell.js';

const lineText = (lines) =>
  lines.map((l) => t('shipment.line', { lineNo: l.lineNo, quantity: l.quantity })).join(', ');

function released(s) {
  const at = s.release.goodsReleasedAt;
  return at ? t('shipment.released', { when: formatTime(at) }) : t('shipment.notReleased');
}

function amount(s) {
  if (!s.amount) return '—';
  const left = s.outstanding && Number(s.outstanding.amount) > 0;
  return left
    ? `${money(s.amount)} (${t('shipment.outstanding', { amount: money(s.outstanding) })})`
    : money(s.amount);
}

/** ctx: { view, me, record } as the order page builds it. */
export function shipmentsSection(ctx) {
  const { view, me } = ctx;
  const list = view.shipments || [];
  const planning = canRecord(me) && (view.allowedEvents || []).includes('SHIPMENT_PLANNED');
  if (!list.length && !planning) return null;
  const rows = list.map((s) => [
    s.shipmentId,
    lineText(s.lines),
    s.billOfLading?.blNo ?? '—',
    released(s),
    amount(s),
  ]);
  return section(
    'shipments',
    t('order.shipments'),
    table(
      t('order.shipments'),
      [
        t('shipment.id'),
        t('shipment.lines'),
        t('shipment.billOfLading'),
        t('shipment.release'),
        t('shipment.amount'),
      ],
      rows,
      t('order.nothing'),
      { numeric: [4] },
    ),
    planning ? planForm(ctx) : null,
  );
}

function planForm({ view, record }) {
  const lines = view.contract?.lines || [];
  const field = (id, label, attrs) =>
    el('div', { class: 'field' }, el('label', { for: id }, label), el('input', { id, name: id, ...attrs }));
  const next = `S${(view.shipments || []).length + 1}`;
  const quantities = lines.map((line, i) =>
    field(
      `plan-line-${i + 1}`,
      `${t('shipment.quantity', { lineNo: i + 1 })} · ${line.description} (≤ ${line.quantity})`,
      {
        type: 'number',
        min: '0',
        step: '0.001',
        inputmode: 'decimal',
      },
    ),
  );
  const message = el('div', { class: 'form-message', role: 'alert', tabindex: '-1', hidden: true });
  const submit = el('button', { type: 'submit' }, t('shipment.submit'));
  const form = el(
    'form',
    { novalidate: true, 'aria-label': t('shipment.plan'), 'data-form': 'plan-shipment' },
    el('h3', {}, t('shipment.plan')),
    el('p', { class: 'hint' }, t('shipment.planHint')),
    field('plan-shipment-id', t('shipment.id'), {
      type: 'text',
      value: next,
      required: true,
      maxlength: '16',
    }),
    quantities,
    field('plan-etd', t('shipment.etd'), { type: 'date' }),
    message,
    submit,
  );
  // One client key per form: a resubmission after a 503 plans the shipment once.
  const eventId = `console-${crypto.randomUUID()}`;
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    const value = (id) => form.querySelector(`#${id}`).value.trim();
    const planned = lines
      .map((_line, i) => ({ lineNo: i + 1, quantity: Number(value(`plan-line-${i + 1}`) || 0) }))
      .filter((l) => l.quantity > 0);
    const etd = value('plan-etd');
    const body = {
      type: 'SHIPMENT_PLANNED',
      eventId,
      shipmentId: value('plan-shipment-id'),
      lines: planned,
      ...(etd ? { etd } : {}),
    };
    submit.disabled = true;
    message.hidden = true;
    try {
      await record(body, (after) =>
        t('record.done', { event: eventName('SHIPMENT_PLANNED'), stage: stageName(after.stage) }),
      );
    } catch (err) {
      submit.disabled = false;
      if (handleAuth(err)) return;
      message.textContent = describeError(err);
      message.hidden = false;
      message.focus();
    }
  });
  return form;
}
