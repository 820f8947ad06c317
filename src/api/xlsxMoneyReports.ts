/** The money reports as spreadsheets and CSV rows: the same figures as their JSON, amounts in CNY. */
import type { Language } from '../domain';
import {
  REBATE_BUCKETS,
  type ProfitFigures,
  type ProfitReport,
  type RebateFigures,
  type RebatesReport,
} from '../readModel/moneyReports';
import { amountCell, type Cell, type Column, type ColumnKind, type Sheet } from './xlsx';
import { words } from './xlsxTables';

type CsvCell = string | number | null;
export interface CsvTable {
  header: string[];
  rows: CsvCell[][];
}

const column = (header: string, kind: ColumnKind): Column => ({ header, kind });
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
