// Money after shipment (收汇与退税): the order's revenue in CNY, its FX gain or loss, the receipts
// still to settle, its costs, the export VAT rebate and the profit; with a form for each money
// event the order takes now (FX_SETTLED per receipt, COST_RECORDED, the rebate's steps).
import { el } from './dom.js';
import { buildForm } from './forms.js';
import { actorName, enumName, eventName, formatDay, money, t } from './i18n.js';
import { dl, mayRecordEvent, section, submitsForm, table } from './shell.js';

const COST_KINDS = ['PURCHASE', 'FREIGHT', 'INSURANCE', 'BANK', 'OTHER'];
const REBATE_EVENTS = [
  'REBATE_DOCUMENTS_RECORDED',
  'REBATE_FILED',
  'REBATE_RECEIVED',
  'REBATE_NOT_APPLICABLE',
];

/** The events this panel records: the order page's general chooser leaves them to it. */
export const MONEY_PANEL_EVENTS = ['FX_SETTLED', 'COST_RECORDED', ...REBATE_EVENTS];

/** ctx: { view, me, schemas, record } as the order page builds it. */
export function moneySection(ctx) {
  const { view } = ctx;
  const cny = view.cny;
  if (!cny) return null;
  const allowed = new Set(view.allowedEvents || []);
  const may = (type) => allowed.has(type) && mayRecordEvent(ctx.me, ctx.schemas[type]);
  return section(
    'money',
    t('money.title'),
    el('p', { class: 'hint' }, t('money.intro')),
    dl([
      [t('money.revenue'), money(cny.revenue)],
      [t('money.fxGainLoss'), cny.fxGainLoss ? money(cny.fxGainLoss) : t('money.noContractRate')],
      [t('money.rebateCounted'), `${money(cny.rebate)} (${t(`money.basis.${cny.rebateBasis}`)})`],
      [t('money.costs'), money(cny.costs)],
      [t('money.profit'), el('strong', { id: 'money-profit' }, money(cny.profit))],
    ]),
    unsettledPart(ctx, may('FX_SETTLED')),
    costsPart(ctx, may('COST_RECORDED')),
    rebatePart(ctx, REBATE_EVENTS.filter(may)),
  );
}

/** Receipts in a foreign currency the bank has not settled yet (as the domain counts them). */
const unsettledReceipts = (view) =>
  (view.payments.receipts || []).filter(
    (r) => r.amount.currency !== 'CNY' && !r.settlement && !r.reversed && r.eventId,
  );

function unsettledPart(ctx, canSettle) {
  const receipts = unsettledReceipts(ctx.view);
  const foreign = (ctx.view.payments.receipts || []).some((r) => r.amount.currency !== 'CNY');
  if (!foreign) return null;
  return [
    el('h3', {}, t('money.unsettled')),
    receipts.length
      ? el(
          'ul',
          { class: 'unsettled' },
          receipts.map((r) =>
            el(
              'li',
              { 'data-payment': r.eventId },
              `${r.reference} · ${money(r.amount)}`,
              canSettle
                ? moneyForm(ctx, 'FX_SETTLED', {
                    title: t('money.settleOf', { reference: r.reference, amount: money(r.amount) }),
                    fixed: { paymentEventId: r.eventId },
                  })
                : null,
            ),
          ),
        )
      : el('p', { class: 'muted' }, t('money.allSettled')),
  ];
}

function costsPart(ctx, canRecord) {
  const byKind = ctx.view.cny.costsByKind || {};
  const kinds = COST_KINDS.filter((k) => byKind[k]);
  return [
    el('h3', {}, t('money.costs')),
    kinds.length
      ? table(
          t('money.costs'),
          [t('money.costKind'), t('order.amount')],
          [
            ...kinds.map((k) => [enumName(k), money(byKind[k])]),
            [t('money.totalCosts'), money(ctx.view.cny.costs)],
          ],
          '',
          { numeric: [1] },
        )
      : el('p', { class: 'muted' }, t('money.noCosts')),
    canRecord ? moneyForm(ctx, 'COST_RECORDED', { title: eventName('COST_RECORDED') }) : null,
  ];
}

function rebateFacts(rebate) {
  const invoices = rebate.invoices || [];
  const sum = (key) =>
    invoices.length
      ? money({
          // Fen as integers: the sum is exact for any number of invoices.
          amount: (invoices.reduce((n, i) => n + Math.round(Number(i[key].amount) * 100), 0) / 100).toFixed(
            2,
          ),
          currency: 'CNY',
        })
      : '—';
  return dl([
    [t('money.rebateStatus'), el('span', { id: 'rebate-status' }, t(`rebate.status.${rebate.status}`))],
    [t('money.exportDate'), formatDay(rebate.exportDate)],
    [t('money.deadline'), formatDay(rebate.deadline)],
    [
      t('money.lineRates'),
      (rebate.lines || [])
        .map((l) =>
          t('money.lineRate', {
            lineNo: l.lineNo,
            hsCode: l.hsCode ?? '—',
            rate: l.rate === null ? t('money.noRate') : percent(l.rate),
          }),
        )
        .join('; ') || undefined,
    ],
    [
      t('money.invoices'),
      invoices.length
        ? t('money.invoicesLine', {
            count: invoices.reduce((n, i) => n + i.count, 0),
            amount: sum('amount'),
            tax: sum('taxAmount'),
          })
        : undefined,
    ],
    [t('money.expected'), rebate.expected ? money(rebate.expected) : t('money.unknown')],
    [t('money.formula'), formula(rebate)],
    [
      t('money.filed'),
      rebate.filed
        ? t('money.filedLine', { batchNo: rebate.filed.batchNo, filedOn: formatDay(rebate.filed.filedOn) })
        : undefined,
    ],
    [t('money.received'), rebate.received ? money(rebate.received) : undefined],
    [
      t('rebate.status.NOT_APPLICABLE'),
      rebate.notApplicable
        ? t('money.notApplicable', {
            reason: rebate.notApplicable.reason,
            by: actorName(rebate.notApplicable.by),
          })
        : undefined,
    ],
  ]);
}

function rebatePart(ctx, types) {
  const rebate = ctx.view.rebate;
  return [
    el('h3', {}, t('money.rebate')),
    rebate ? rebateFacts(rebate) : el('p', { class: 'muted' }, t('money.noRebate')),
    types.map((type) => moneyForm(ctx, type, { title: eventName(type) })),
  ];
}

/** A form for one money event from its request schema; `fixed` fields are sent as they are. */
function moneyForm(ctx, type, { title, fixed = {} }) {
  const schema = ctx.schemas[type];
  if (!schema) return null;
  const built = buildForm(schema, {
    skip: ['type', 'eventId', ...Object.keys(fixed)],
    // Costs, settlements and rebates are mostly in CNY.
    valueFor: (_path, name) => (name === 'currency' ? 'CNY' : undefined),
  });
  // One client key per form: resubmitting after a 503 cannot record the event twice.
  const eventId = `console-${crypto.randomUUID()}`;
  const message = el('div', { class: 'form-message', role: 'alert', tabindex: '-1', hidden: true });
  const submit = el('button', { type: 'submit' }, t('record.submit', { event: eventName(type) }));
  const form = el(
    'form',
    { novalidate: true, class: 'money-form', 'aria-label': title, 'data-money-event': type },
    el('h4', {}, title),
    built.node,
    message,
    submit,
  );
  submitsForm(form, { built, message, submit, refused: t('record.refused') }, () =>
    ctx.record({ type, eventId, ...fixed, ...built.collect() }, () =>
      t('money.saved', { event: eventName(type) }),
    ),
  );
  return form;
}

/** "0.13" -> "13%". */
const percent = (rate) => `${(Number(rate) * 100).toFixed(2).replace(/\.?0+$/, '')}%`;

/** The expected rebate's formula in the reader's words, from its figures (the view's English text else). */
function formula(rebate) {
  const e = rebate.explanation;
  if (!e) return rebate.formula ? el('span', { class: 'formula' }, rebate.formula) : undefined;
  const terms = (e.terms || []).map((term) => `${money(term.base)} × ${percent(term.rate)}`).join(' + ');
  const text = t(`rebate.formula.${e.kind}`, {
    terms,
    expected: money(rebate.expected),
    lineNo: e.lineNo,
    fob: e.fob ? money(e.fob) : '',
    fx: e.fx,
    fobCny: e.fobCny ? money(e.fobCny) : '',
  });
  return el('span', { class: 'formula' }, text);
}
