/**
 * The money reports as spreadsheets and CSV rows: the same figures as their JSON. Rebates and
 * profit are in CNY; the exposure per currency, never converted.
 */
import type { Language } from '../domain';
import type { Money } from '../domain/money';
import type { ExposureReport } from '../readModel/exposureReport';
import {
  REBATE_BUCKETS,
  type ProfitFigures,
  type ProfitReport,
  type RebateFigures,
  type RebatesReport,
} from '../readModel/moneyReports';
import { amountCell, type Cell, type Sheet } from './xlsx';
import { column, words } from './xlsxTables';

type CsvCell = string | number | null;
export interface CsvTable {
  header: string[];
  rows: CsvCell[][];
}

/** Totals rows say so in the month column (CSV: a code scripts can match). */
const ALL_MONTHS = '(all months)';
const ALL_CUSTOMERS = '(all customers)';

const rebateCells = (f: RebateFigures): Cell[] => [f.count, amountCell(f.expected.amount)];

export function rebatesSheets(report: RebatesReport, language: Language): Sheet[] {
  const w = words(language);
  const bucket = (b: string) => w.t(`reports.bucket.${b}`);
  const monthRow = (month: string, m: Record<(typeof REBATE_BUCKETS)[number], RebateFigures>): Cell[] => [
    month,
    ...REBATE_BUCKETS.flatMap((b) => rebateCells(m[b])),
    amountCell(m.RECEIVED.received.amount),
    REBATE_BUCKETS.reduce((n, b) => n + m[b].withoutExpected, 0),
  ];
  return [
    {
      name: w.t('reports.rebatesByMonth'),
      columns: [
        column(w.t('reports.month'), 'text'),
        ...REBATE_BUCKETS.flatMap((b) => [
          column(w.t('reports.rebateCount', { bucket: bucket(b) }), 'count'),
          column(w.t('reports.rebateExpected', { bucket: bucket(b) }), 'amount'),
        ]),
        column(w.t('reports.rebateReceived'), 'amount'),
        column(w.t('reports.withoutExpected'), 'count'),
      ],
      rows: [
        ...report.months.map((m) => monthRow(m.month, m)),
        monthRow(w.t('reports.allMonths'), report.totals),
      ],
    },
    {
      name: w.t('reports.openRebates'),
      columns: [
        column(w.t('reports.order'), 'text'),
        column(w.t('reports.customer'), 'text'),
        column(w.t('reports.status'), 'text'),
        column(w.t('reports.exportDate'), 'text'),
        column(w.t('reports.deadline'), 'text'),
        column(w.t('reports.expected'), 'amount'),
      ],
      rows: report.open.map((o) => [
        o.orderId,
        o.customer,
        w.t(`rebate.status.${o.status}`),
        o.exportDate,
        o.deadline,
        amountCell(o.expected?.amount),
      ]),
    },
  ];
}

/** `table`: months (one row per month, then the totals) or open (the rebates still to file). */
export function rebatesCsv(report: RebatesReport, table: 'months' | 'open'): CsvTable {
  if (table === 'open')
    return {
      header: ['orderId', 'customer', 'status', 'exportDate', 'deadline', 'deadlineAt', 'expectedCny'],
      rows: report.open.map((o) => [
        o.orderId,
        o.customer,
        o.status,
        o.exportDate,
        o.deadline,
        o.deadlineAt,
        o.expected?.amount ?? null,
      ]),
    };
  const row = (month: string, m: Record<(typeof REBATE_BUCKETS)[number], RebateFigures>): CsvCell[] => [
    month,
    ...REBATE_BUCKETS.flatMap((b) => [m[b].count, m[b].expected.amount]),
    m.RECEIVED.received.amount,
    REBATE_BUCKETS.reduce((n, b) => n + m[b].withoutExpected, 0),
  ];
  return {
    header: [
      'month',
      'pendingCount',
      'pendingExpectedCny',
      'filedCount',
      'filedExpectedCny',
      'receivedCount',
      'receivedExpectedCny',
      'receivedCny',
      'withoutExpected',
    ],
    rows: [...report.months.map((m) => row(m.month, m)), row(ALL_MONTHS, report.totals)],
  };
}

const profitKeys = ['revenue', 'rebate', 'costs', 'profit'] as const;

export function profitSheets(report: ProfitReport, language: Language): Sheet[] {
  const w = words(language);
  const figureColumns = [
    column(w.t('reports.orders'), 'count'),
    column(w.t('reports.revenue'), 'amount'),
    column(w.t('reports.rebate'), 'amount'),
    column(w.t('reports.costs'), 'amount'),
    column(w.t('reports.profitAmount'), 'amount'),
    column(w.t('reports.unsettledOrders'), 'count'),
  ];
  const cells = (f: ProfitFigures): Cell[] => [
    f.orders,
    ...profitKeys.map((k) => amountCell(f[k].amount)),
    f.unsettledOrders,
  ];
  return [
    {
      name: w.t('reports.profitByMonth'),
      columns: [column(w.t('reports.month'), 'text'), ...figureColumns],
      rows: [
        ...report.months.map((m) => [m.month, ...cells(m)]),
        [w.t('reports.allMonths'), ...cells(report.totals)],
      ],
    },
    {
      name: w.t('reports.profitByCustomer'),
      columns: [column(w.t('reports.customer'), 'text'), ...figureColumns],
      rows: [
        ...report.customers.map((c) => [c.customer, ...cells(c)]),
        [w.t('reports.allCustomers'), ...cells(report.totals)],
      ],
    },
  ];
}

/** `table`: months or customers, each followed by the totals. */
export function profitCsv(report: ProfitReport, table: 'months' | 'customers'): CsvTable {
  const cells = (f: ProfitFigures): CsvCell[] => [
    f.orders,
    ...profitKeys.map((k) => f[k].amount),
    f.unsettledOrders,
  ];
  const figures = ['orders', 'revenueCny', 'rebateCny', 'costsCny', 'profitCny', 'unsettledOrders'];
  if (table === 'customers')
    return {
      header: ['customer', 'customerId', ...figures],
      rows: [
        ...report.customers.map((c) => [c.customer, c.customerId, ...cells(c)]),
        [ALL_CUSTOMERS, null, ...cells(report.totals)],
      ],
    };
  return {
    header: ['month', ...figures],
    rows: [...report.months.map((m) => [m.month, ...cells(m)]), [ALL_MONTHS, ...cells(report.totals)]],
  };
}

/** An amount in the row's currency as a number; in another currency as text with its code. */
const amountIn = (currency: string | null, m: Money | null): Cell =>
  m === null ? null : m.currency === currency ? amountCell(m.amount) : `${m.currency} ${m.amount}`;
const inCurrency = (exposure: Money[], currency: string | null) =>
  exposure.find((m) => m.currency === currency) ?? null;
const otherCurrencies = (exposure: Money[], currency: string | null) =>
  exposure
    .filter((m) => m.currency !== currency)
    .map((m) => `${m.currency} ${m.amount}`)
    .join('; ');

export function exposureSheets(report: ExposureReport, language: Language): Sheet[] {
  const w = words(language);
  return [
    {
      name: w.t('reports.exposureByCustomer'),
      columns: [
        column(w.t('reports.customer'), 'text'),
        column(w.t('reports.customerId'), 'text'),
        column(w.t('xlsx.currency'), 'text'),
        column(w.t('reports.exposureAmount'), 'amount'),
        column(w.t('reports.exposureOther'), 'text'),
        column(w.t('reports.creditOrders'), 'count'),
        column(w.t('reports.limit.CREDIT'), 'amount'),
        column(w.t('reports.limit.INSURED'), 'amount'),
        column(w.t('reports.insurer'), 'text'),
        column(w.t('reports.tightestLimit'), 'text'),
        column(w.t('reports.headroom'), 'amount'),
        column(w.t('reports.utilisation'), 'decimal'),
        column(w.t('reports.beyondLimit'), 'text'),
      ],
      rows: [
        ...report.customers.map((c) => [
          c.customer,
          c.customerId,
          c.currency,
          amountCell(inCurrency(c.exposure, c.currency)?.amount ?? (c.currency ? '0.00' : null)),
          otherCurrencies(c.exposure, c.currency) || null,
          c.orders,
          amountIn(c.currency, c.creditLimit),
          amountIn(c.currency, c.insurance?.limit ?? null),
          c.insurance?.insurer ?? null,
          c.tightestLimit ? w.t(`reports.limit.${c.tightestLimit}`) : null,
          amountIn(c.currency, c.headroom),
          amountCell(c.utilisation),
          w.t(c.beyondLimit ? 'order.yes' : 'order.no'),
        ]),
        ...report.totals.exposure.map((m) => [
          w.t('reports.allCustomers'),
          null,
          m.currency,
          amountCell(m.amount),
        ]),
      ],
    },
  ];
}

/** One row per customer, then a totals row per currency owed: codes and plain decimals, for scripts. */
export function exposureCsv(report: ExposureReport): CsvTable {
  const header = [
    'customerId',
    'customer',
    'currency',
    'exposure',
    'otherExposure',
    'orders',
    'creditLimit',
    'creditLimitCurrency',
    'insuredLimit',
    'insuredLimitCurrency',
    'insurer',
    'tightestLimit',
    'headroom',
    'headroomCurrency',
    'utilisationPercent',
    'beyondLimit',
  ];
  return {
    header,
    rows: [
      ...report.customers.map((c) => [
        c.customerId,
        c.customer,
        c.currency,
        inCurrency(c.exposure, c.currency)?.amount ?? (c.currency ? '0.00' : null),
        otherCurrencies(c.exposure, c.currency) || null,
        c.orders,
        c.creditLimit?.amount ?? null,
        c.creditLimit?.currency ?? null,
        c.insurance?.limit.amount ?? null,
        c.insurance?.limit.currency ?? null,
        c.insurance?.insurer ?? null,
        c.tightestLimit,
        c.headroom?.amount ?? null,
        c.headroom?.currency ?? null,
        c.utilisation,
        c.beyondLimit ? 'true' : 'false',
      ]),
      ...report.totals.exposure.map((m) => [
        null,
        ALL_CUSTOMERS,
        m.currency,
        m.amount,
        ...Array<null>(header.length - 4).fill(null),
      ]),
    ],
  };
}
