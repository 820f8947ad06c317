// The report pages: each a chart (Chart.js, served by the API from node_modules), the same figures
// as a table, and a CSV download. Amounts are never converted: one chart per currency.
import { api, download } from './api.js';
import { clear, el } from './dom.js';
import { bucketName, formatDay, formatTime, language, money, relative, stageName, t } from './i18n.js';
import {
  describeError,
  focusTitle,
  handleAuth,
  heading,
  main,
  pageTitle,
  say,
  section,
  table,
  view as page,
} from './shell.js';

const REPORTS = [
  {
    key: 'receivables',
    title: 'reports.receivables',
    intro: 'reports.receivablesIntro',
    draw: drawReceivables,
    // Money per currency (here and in the exposure): the others say nothing of currencies.
    money: true,
  },
  { key: 'stalled', title: 'reports.stalled', intro: 'reports.stalledIntro', draw: drawStalled },
  { key: 'stage-times', title: 'reports.stageTimes', intro: 'reports.stageTimesIntro', draw: drawStageTimes },
  // Money after shipment: in CNY, so one chart each.
  {
    key: 'rebates',
    title: 'reports.rebates',
    intro: 'reports.rebatesIntro',
    draw: drawRebates,
    note: 'reports.introCny',
  },
  {
    key: 'profit',
    title: 'reports.profit',
    intro: 'reports.profitIntro',
    draw: drawProfit,
    note: 'reports.introCny',
  },
  // Per currency, never converted: one chart per currency the limits are counted in.
  {
    key: 'exposure',
    title: 'reports.exposure',
    intro: 'reports.exposureIntro',
    draw: drawExposure,
    money: true,
  },
];
const BUCKETS = ['NOT_DUE', 'DAYS_1_30', 'DAYS_31_60', 'DAYS_61_90', 'OVER_90'];
// Green to red as money ages; each keeps 3:1 contrast against the white chart background.
const BUCKET_COLOURS = ['#2e7d32', '#8a6d00', '#c25e00', '#c62828', '#7b1fa2'];
const BAR_COLOUR = '#1f5fbf';
const SECOND_COLOUR = '#c25e00';

let chartLibrary;
/** Chart.js (UMD build), loaded once on the first report page. */
function loadChart() {
  chartLibrary ??= new Promise((resolve, reject) => {
    const script = document.createElement('script');
    script.src = '/console/vendor/chart.umd.min.js';
    script.onload = () => resolve(window.Chart);
    script.onerror = () => {
      chartLibrary = undefined;
      reject(new Error('the chart library did not load'));
    };
    document.head.append(script);
  });
  return chartLibrary;
}

export async function renderReport(key, token) {
  const report = REPORTS.find((r) => r.key === key);
  if (!report) return renderIndex();
  pageTitle(t(report.title));
  const csv = el('button', { type: 'button', class: 'secondary', id: 'download-csv' }, t('reports.csv'));
  const xlsx = el('button', { type: 'button', class: 'secondary', id: 'download-xlsx' }, t('xlsx.download'));
  const body = el(
    'div',
    { class: 'report', 'data-report': key },
    el('p', { 'aria-live': 'polite' }, t('reports.loading')),
  );
  clear(main).append(
    el(
      'div',
      { class: 'title-row' },
      heading(t(report.title)),
      el('div', { class: 'title-actions' }, csv, xlsx),
    ),
    el(
      'p',
      { class: 'hint' },
      `${t(report.intro)} ${t(report.note ?? (report.money ? 'reports.intro' : 'reports.introCounts'))}`,
    ),
    body,
  );
  csv.addEventListener('click', () =>
    download(`/reports/${key}?format=csv`, `${key}.csv`).catch((err) => {
      if (!handleAuth(err)) say(describeError(err), 'error');
    }),
  );
  xlsx.addEventListener('click', () =>
    download(`/reports/${key}?format=xlsx&lang=${language()}`, `${key}.xlsx`).catch((err) => {
      if (!handleAuth(err)) say(describeError(err), 'error');
    }),
  );
  focusTitle();
  const [data, Chart] = await Promise.all([api('GET', `/reports/${key}`), loadChart()]);
  if (token !== page.renderToken) return;
  clear(body);
  report.draw(body, data, Chart);
}

function renderIndex() {
  pageTitle(t('reports.title'));
  clear(main).append(
    heading(t('reports.title')),
    el(
      'ul',
      { class: 'report-list' },
      REPORTS.map((r) =>
        el(
          'li',
          {},
          el('a', { href: `#/reports/${r.key}` }, t(r.title)),
          el('p', { class: 'hint' }, t(r.intro)),
        ),
      ),
    ),
  );
  focusTitle();
}

/** A canvas with its chart; screen readers get its name and the table that follows. */
function chart(Chart, title, config) {
  const canvas = el('canvas', { role: 'img', 'aria-label': t('reports.chartOf', { title }) });
  const box = el('div', { class: 'chart' }, canvas);
  new Chart(canvas, {
    ...config,
    options: {
      responsive: true,
      maintainAspectRatio: false,
      animation: false,
      locale: language(),
      ...config.options,
      plugins: { legend: { position: 'bottom' }, ...config.options?.plugins },
    },
  });
  return box;
}

function drawReceivables(body, data, Chart) {
  body.append(el('p', {}, t('reports.asOf', { date: formatDay(data.asOf) })));
  if (!data.totals.length) {
    body.append(el('p', { class: 'muted' }, t('reports.empty')));
    return;
  }
  for (const total of data.totals) {
    const { currency } = total;
    const rows = data.customers.filter((c) => c.currency === currency);
    const title = `${t('reports.receivables')} · ${currency}`;
    body.append(
      section(
        `receivables-${currency}`,
        title,
        el('p', { class: 'hint' }, t('reports.currency', { currency })),
        chart(Chart, title, {
          type: 'bar',
          data: {
            labels: rows.map((c) => c.customer),
            datasets: BUCKETS.map((b, i) => ({
              label: bucketName(b),
              data: rows.map((c) => Number(c.buckets[b].amount)),
              backgroundColor: BUCKET_COLOURS[i],
            })),
          },
          options: {
            indexAxis: rows.length > 8 ? 'y' : 'x',
            scales: { x: { stacked: true }, y: { stacked: true } },
          },
        }),
        table(
          title,
          [t('reports.customer'), ...BUCKETS.map(bucketName), t('reports.total'), t('reports.orders')],
          [...rows, { ...total, customer: t('reports.allCustomers') }].map((c) => [
            c.customer,
            ...BUCKETS.map((b) => money(c.buckets[b])),
            money(c.total),
            String(c.orders),
          ]),
          t('reports.empty'),
          { numeric: [1, 2, 3, 4, 5, 6, 7] },
        ),
      ),
    );
  }
}

/** People know their colleagues by name; the email (the report's key) stays in the tooltip. */
const managerName = (m) => m.name || m.accountManager;

function drawStalled(body, data, Chart) {
  if (!data.accountManagers.length) {
    body.append(el('p', { class: 'muted' }, t('reports.empty')));
    return;
  }
  const title = t('reports.stalled');
  body.append(
    chart(Chart, title, {
      type: 'bar',
      data: {
        labels: data.accountManagers.map(managerName),
        datasets: [
          {
            label: t('reports.stalledCount'),
            data: data.accountManagers.map((m) => m.stalled),
            backgroundColor: BAR_COLOUR,
          },
        ],
      },
      options: { scales: { y: { beginAtZero: true, ticks: { precision: 0 } } } },
    }),
    table(
      title,
      [
        t('reports.accountManager'),
        t('reports.stalledCount'),
        t('reports.byStage'),
        t('reports.stalledSince'),
      ],
      data.accountManagers.map((m) => [
        el('span', { title: m.accountManager }, managerName(m)),
        String(m.stalled),
        Object.entries(m.byStage)
          .map(([stage, n]) => `${stageName(stage)} ${n}`)
          .join(', '),
        formatTime(m.stalledSince),
      ]),
      t('reports.empty'),
      { numeric: [1] },
    ),
  );
}

function drawStageTimes(body, data, Chart) {
  const title = t('reports.stageTimes');
  const days = (v) => (v === null ? '—' : v.toLocaleString(language(), { maximumFractionDigits: 2 }));
  body.append(
    chart(Chart, title, {
      type: 'bar',
      data: {
        labels: data.stages.map((s) => stageName(s.stage)),
        datasets: [
          {
            label: t('reports.median'),
            data: data.stages.map((s) => s.medianDays),
            backgroundColor: BAR_COLOUR,
          },
          {
            label: t('reports.p90'),
            data: data.stages.map((s) => s.p90Days),
            backgroundColor: SECOND_COLOUR,
          },
        ],
      },
      options: { scales: { y: { beginAtZero: true, title: { display: true, text: t('reports.days') } } } },
    }),
    table(
      title,
      [t('reports.stage'), t('reports.count'), t('reports.median'), t('reports.p90')],
      data.stages.map((s) => [stageName(s.stage), String(s.count), days(s.medianDays), days(s.p90Days)]),
      t('reports.empty'),
      { numeric: [1, 2, 3] },
    ),
  );
}

const REBATE_BUCKETS = ['PENDING', 'FILED', 'RECEIVED'];
const REBATE_COLOURS = ['#8a6d00', '#1f5fbf', '#2e7d32'];
const PROFIT_COLOURS = { revenue: '#1f5fbf', rebate: '#2e7d32', costs: '#c62828', profit: '#7b1fa2' };
/** A bucket's money in the chart: the expectation until the rebate is received, then what came in. */
const rebateAmount = (figures, bucket) =>
  Number((bucket === 'RECEIVED' ? figures.received : figures.expected).amount);

function drawRebates(body, data, Chart) {
  const title = t('reports.rebatesByMonth');
  const bucket = (b) => t(`reports.bucket.${b}`);
  const row = (month, m) => [
    month,
    ...REBATE_BUCKETS.flatMap((b) => [String(m[b].count), money(m[b].expected)]),
    money(m.RECEIVED.received),
  ];
  body.append(
    section(
      'rebates-by-month',
      title,
      data.months.length
        ? chart(Chart, title, {
            type: 'bar',
            data: {
              labels: data.months.map((m) => m.month),
              datasets: REBATE_BUCKETS.map((b, i) => ({
                label: bucket(b),
                data: data.months.map((m) => rebateAmount(m[b], b)),
                backgroundColor: REBATE_COLOURS[i],
              })),
            },
            options: { scales: { x: { stacked: true }, y: { stacked: true, beginAtZero: true } } },
          })
        : null,
      table(
        title,
        [
          t('reports.month'),
          ...REBATE_BUCKETS.flatMap((b) => [
            t('reports.rebateCount', { bucket: bucket(b) }),
            t('reports.rebateExpected', { bucket: bucket(b) }),
          ]),
          t('reports.rebateReceived'),
        ],
        data.months.length
          ? [...data.months.map((m) => row(m.month, m)), row(t('reports.allMonths'), data.totals)]
          : [],
        t('reports.empty'),
        { numeric: [1, 2, 3, 4, 5, 6, 7] },
      ),
    ),
    section(
      'rebates-open',
      t('reports.openRebates'),
      data.openCount > data.open.length
        ? el(
            'p',
            { class: 'hint' },
            t('reports.openShown', { shown: data.open.length, total: data.openCount }),
          )
        : null,
      table(
        t('reports.openRebates'),
        [
          t('reports.order'),
          t('reports.customer'),
          t('reports.status'),
          t('reports.exportDate'),
          t('reports.deadline'),
          t('reports.expected'),
        ],
        data.open.map((o) => [
          el('a', { href: `#/orders/${encodeURIComponent(o.orderId)}` }, o.orderId),
          o.customer,
          t(`rebate.status.${o.status}`),
          formatDay(o.exportDate),
          el('time', { datetime: o.deadlineAt, title: relative(o.deadlineAt) }, formatDay(o.deadline)),
          money(o.expected),
        ]),
        t('reports.empty'),
        { numeric: [5] },
      ),
    ),
  );
}

function drawProfit(body, data, Chart) {
  const keys = ['revenue', 'rebate', 'costs', 'profit'];
  const names = {
    revenue: t('reports.revenue'),
    rebate: t('reports.rebate'),
    costs: t('reports.costs'),
    profit: t('reports.profitAmount'),
  };
  const headers = [t('reports.orders'), ...keys.map((k) => names[k]), t('reports.unsettledOrders')];
  const cells = (f) => [String(f.orders), ...keys.map((k) => money(f[k])), String(f.unsettledOrders)];
  const bars = (labels, rows, options = {}) => ({
    type: 'bar',
    data: {
      labels,
      datasets: keys.map((k) => ({
        label: names[k],
        data: rows.map((r) => Number(r[k].amount)),
        backgroundColor: PROFIT_COLOURS[k],
      })),
    },
    options: { scales: { y: { beginAtZero: true } }, ...options },
  });
  const byMonth = t('reports.profitByMonth');
  const byCustomer = t('reports.profitByCustomer');
  body.append(
    section(
      'profit-by-month',
      byMonth,
      data.months.length
        ? chart(
            Chart,
            byMonth,
            bars(
              data.months.map((m) => m.month),
              data.months,
            ),
          )
        : null,
      table(
        byMonth,
        [t('reports.month'), ...headers],
        data.months.length
          ? [
              ...data.months.map((m) => [m.month, ...cells(m)]),
              [t('reports.allMonths'), ...cells(data.totals)],
            ]
          : [],
        t('reports.empty'),
        { numeric: [1, 2, 3, 4, 5, 6] },
      ),
    ),
    section(
      'profit-by-customer',
      byCustomer,
      data.customers.length
        ? chart(
            Chart,
            byCustomer,
            bars(
              data.customers.map((c) => c.customer),
              data.customers,
              data.customers.length > 8 ? { indexAxis: 'y' } : {},
            ),
          )
        : null,
      table(
        byCustomer,
        [t('reports.customer'), ...headers],
        data.customers.map((c) => [c.customer, ...cells(c)]),
        t('reports.empty'),
        { numeric: [1, 2, 3, 4, 5, 6] },
      ),
    ),
  );
}

const EXPOSURE_COLOURS = { exposure: '#c62828', credit: '#1f5fbf', insured: '#2e7d32' };
/** A money amount as a bar in `currency`'s chart; null (no bar) in another currency. */
const barIn = (currency, m) => (m && m.currency === currency ? Number(m.amount) : null);
const percentText = (p) =>
  p === null
    ? '—'
    : `${Number(p).toLocaleString(language(), { minimumFractionDigits: 2, maximumFractionDigits: 2 })} %`;

function drawExposure(body, data, Chart) {
  if (!data.customers.length) {
    body.append(el('p', { class: 'muted' }, t('reports.empty')));
    return;
  }
  const currencies = [...new Set(data.customers.map((c) => c.currency).filter(Boolean))].sort();
  for (const currency of currencies) {
    const rows = data.customers.filter((c) => c.currency === currency);
    const title = `${t('reports.exposure')} · ${currency}`;
    const owed = (c) => Number(c.exposure.find((m) => m.currency === currency)?.amount ?? 0);
    body.append(
      section(
        `exposure-${currency}`,
        title,
        el('p', { class: 'hint' }, t('reports.currency', { currency })),
        chart(Chart, title, {
          type: 'bar',
          data: {
            labels: rows.map((c) => c.customer),
            datasets: [
              {
                label: t('reports.exposureAmount'),
                data: rows.map(owed),
                backgroundColor: EXPOSURE_COLOURS.exposure,
              },
              {
                label: t('reports.limit.CREDIT'),
                data: rows.map((c) => barIn(currency, c.creditLimit)),
                backgroundColor: EXPOSURE_COLOURS.credit,
              },
              {
                label: t('reports.limit.INSURED'),
                data: rows.map((c) => barIn(currency, c.insurance?.limit)),
                backgroundColor: EXPOSURE_COLOURS.insured,
              },
            ],
          },
          options: { indexAxis: 'y', scales: { x: { beginAtZero: true } } },
        }),
      ),
    );
  }
  const title = t('reports.exposureByCustomer');
  body.append(
    section(
      'exposure-by-customer',
      title,
      table(
        title,
        [
          t('reports.customer'),
          t('reports.exposureAmount'),
          t('reports.creditOrders'),
          t('reports.limit.CREDIT'),
          t('reports.limit.INSURED'),
          t('reports.insurer'),
          t('reports.headroom'),
          t('reports.utilisation'),
          t('reports.beyondLimit'),
        ],
        [
          ...data.customers.map((c) => [
            el('a', { href: `#/customers/${encodeURIComponent(c.customerId)}` }, c.customer),
            c.exposure.length ? c.exposure.map(money).join(' · ') : '—',
            String(c.orders),
            money(c.creditLimit),
            money(c.insurance?.limit),
            c.insurance?.insurer ?? '—',
            money(c.headroom),
            percentText(c.utilisation),
            c.beyondLimit ? el('span', { class: 'badge stalled' }, t('reports.beyond')) : '',
          ]),
          [
            t('reports.allCustomers'),
            data.totals.exposure.length ? data.totals.exposure.map(money).join(' · ') : '—',
            String(data.totals.orders),
            '',
            '',
            '',
            '',
            '',
            String(data.totals.beyondLimit),
          ],
        ],
        t('reports.empty'),
        { numeric: [1, 2, 3, 4, 6, 7] },
      ),
    ),
  );
}
