// The payments received, each with what became of it: counted, or reversed by a manager (with the
// reason). A manager may reverse those the view lists as reversible, from the receipt's own row.
import { el } from './dom.js';
import { actorName, formatDay, formatTime, money, t } from './i18n.js';
import { actionButtons, reversalForm, slotRow } from './corrections.js';

/** FX settlement (结汇): the CNY credited and its rate; nothing to settle for a receipt in CNY. */
function settlementText(r) {
  if (r.amount.currency === 'CNY') return '—';
  const s = r.settlement;
  if (!s) return t('receipts.notSettled');
  return t('receipts.settledLine', {
    amount: money(s.cnyAmount),
    rate: s.rate,
    date: formatDay(s.settledOn),
  });
}

/** ctx: { view, me, schemas, payloads, record } as the correction forms take it. */
export function receiptsTable(ctx) {
  const { view, me } = ctx;
  const receipts = view.payments.receipts || [];
  if (!receipts.length) return null;
  const reversible = new Map((view.corrections?.reversiblePayments || []).map((p) => [p.eventId, p]));
  const acting = me?.role === 'manager' && receipts.some((r) => r.eventId && reversible.has(r.eventId));
  const headers = [
    t('receipts.receivedAt'),
    t('receipts.part'),
    t('order.amount'),
    t('receipts.reference'),
    t('receipts.settlement'),
    t('receipts.state'),
  ];
  const rows = receipts.flatMap((r) => {
    const slot = slotRow(headers.length);
    const payment = r.eventId ? reversible.get(r.eventId) : undefined;
    const actions =
      acting && payment && !r.reversed
        ? [
            {
              key: 'reverse',
              label: t('reverse.action'),
              about: r.reference,
              open: () => reversalForm(ctx, { ...payment, reference: payment.reference ?? r.reference }),
            },
          ]
        : [];
    const state = r.reversed
      ? t('receipts.reversed', {
          by: actorName(r.reversed.by),
          when: formatTime(r.reversed.at),
          reason: r.reversed.reason,
        })
      : t('receipts.counted');
    const row = el(
      'tr',
      { class: r.reversed ? 'reversed' : undefined, 'data-payment': r.eventId },
      el('td', {}, el('time', { datetime: r.receivedAt }, formatTime(r.receivedAt))),
      el('td', {}, r.kind === 'DEPOSIT' ? t('order.deposit') : t('order.balance')),
      el('td', { class: 'num' }, money(r.amount)),
      el('td', {}, r.reference),
      el('td', { class: 'settlement' }, settlementText(r)),
      // The reversal's button beside the status it would change: the table stays narrow.
      el('td', {}, state, actions.length ? [' ', actionButtons(actions, slot)] : null),
    );
    return [row, slot];
  });
  return [
    el('h3', {}, t('receipts.title')),
    el(
      'div',
      { class: 'table-wrap', tabindex: '0', role: 'region', 'aria-label': t('receipts.caption') },
      el(
        'table',
        { class: 'receipts' },
        el('caption', { class: 'sr-only' }, t('receipts.caption')),
        el(
          'thead',
          {},
          el(
            'tr',
            {},
            headers.map((h, i) => el('th', { scope: 'col', class: i === 2 ? 'num' : undefined }, h)),
          ),
        ),
        el('tbody', {}, rows),
      ),
    ),
  ];
}
