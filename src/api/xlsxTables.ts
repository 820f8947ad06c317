import { AGE_BUCKET_KEYS } from '../domain/receivables';
import { OPEN_STAGES } from '../domain/stages';
import { dictionary, fill } from '../domain/i18n';
import type { Language } from '../domain';
import type { OrderListEntry, ReceivablesReport, StageTimesReport, StalledReport } from '../readModel/types';
import { amountCell, dateCell, type Cell, type Column, type ColumnKind, type Sheet } from './xlsx';

/** A console word from the dictionary (the key itself if it is missing, which the type check prevents). */
export function words(language: Language) {
  const d = dictionary(language);
  const ui = d.ui as Record<string, string | undefined>;
  const section = (s: Record<string, string>) => (key: string) =>
    Object.prototype.hasOwnProperty.call(s, key) ? s[key] : key;
  return {
    t: (key: string, params?: Record<string, string | number>) => fill(ui[key] ?? key, params),
    stage: section(d.stages),
    status: section(d.statuses),
    bucket: section(d.buckets),
  };
}

/** One column of a sheet: its header and how its cells are written. */
export const column = (header: string, kind: ColumnKind): Column => ({ header, kind });

/** The order list as one sheet: what the console's list shows, money as a number with its currency. */
export function orderListSheet(orders: OrderListEntry[], language: Language): Sheet {
  const w = words(language);
  return {
    name: w.t('list.title'),
    columns: [
      column(w.t('list.colOrder'), 'text'),
      column(w.t('xlsx.customerCompany'), 'text'),
      column(w.t('xlsx.customerName'), 'text'),
      column(w.t('list.colStage'), 'text'),
      column(w.t('list.colStatus'), 'text'),
      column(w.t('list.stalled'), 'text'),
      column(w.t('xlsx.accountManagerEmail'), 'text'),
      column(w.t('xlsx.updatedAt'), 'instant'),
      column(w.t('xlsx.outstanding'), 'amount'),
      column(w.t('xlsx.currency'), 'text'),
      column(w.t('xlsx.nextDueAt'), 'instant'),
      column(w.t('xlsx.stageDeadline'), 'instant'),
    ],
    rows: orders.map((o) => [
      o.orderId,
      o.customer.company,
      o.customer.name,
      w.stage(o.stage),
      w.status(o.status),
      w.t(o.stalled ? 'order.yes' : 'order.no'),
      o.accountManager.email,
      dateCell(o.updatedAt),
      amountCell(o.amountOutstanding?.amount),
      o.amountOutstanding?.currency ?? null,
      dateCell(o.nextDueAt),
      dateCell(o.stageDeadline),
    ]),
  };
}

/** The same list as CSV rows: codes and ISO strings, for scripts (headers are field names). */
export function orderListCsv(orders: OrderListEntry[]): {
  header: string[];
  rows: (string | number | null)[][];
} {
  return {
    header: [
      'orderId',
      'customerCompany',
      'customerName',
      'stage',
      'status',
      'stalled',
      'accountManagerEmail',
      'updatedAt',
      'amountOutstanding',
      'currency',
      'nextDueAt',
      'stageDeadline',
    ],
    rows: orders.map((o) => [
      o.orderId,
      o.customer.company,
      o.customer.name,
      o.stage,
      o.status,
      String(o.stalled),
      o.accountManager.email,
      o.updatedAt,
      o.amountOutstanding?.amount ?? null,
      o.amountOutstanding?.currency ?? null,
      o.nextDueAt,
      o.stageDeadline,
    ]),
  };
}

export function receivablesSheet(report: ReceivablesReport, language: Language): Sheet {
  const w = words(language);
  const row = (customer: string, r: ReceivablesReport['totals'][number]): Cell[] => [
    customer,
    r.currency,
    ...AGE_BUCKET_KEYS.map((k) => amountCell(r.buckets[k].amount)),
    amountCell(r.total.amount),
    r.orders,
  ];
  return {
    name: `${w.t('reports.receivables')} ${report.asOf}`,
    columns: [
      column(w.t('reports.customer'), 'text'),
      column(w.t('xlsx.currency'), 'text'),
      ...AGE_BUCKET_KEYS.map((k) => column(w.bucket(k), 'amount')),
      column(w.t('reports.total'), 'amount'),
      column(w.t('reports.orders'), 'count'),
    ],
    rows: [
      ...report.customers.map((c) => row(c.customer, c)),
      ...report.totals.map((t) => row(w.t('reports.allCustomers'), t)),
    ],
  };
}

export function stalledSheet(report: StalledReport, language: Language): Sheet {
  const w = words(language);
  return {
    name: w.t('reports.stalled'),
    columns: [
      column(w.t('reports.accountManager'), 'text'),
      column(w.t('reports.stalledCount'), 'count'),
      ...OPEN_STAGES.map((s) => column(w.stage(s), 'count')),
      column(w.t('xlsx.stalledSince'), 'instant'),
    ],
    rows: report.accountManagers.map((m) => [
      m.accountManager,
      m.stalled,
      ...OPEN_STAGES.map((s) => m.byStage[s] ?? 0),
      dateCell(m.stalledSince),
    ]),
  };
}

export function stageTimesSheet(report: StageTimesReport, language: Language): Sheet {
  const w = words(language);
  return {
    name: w.t('reports.stageTimes'),
    columns: [
      column(w.t('reports.stage'), 'text'),
      column(w.t('reports.count'), 'count'),
      column(w.t('reports.median'), 'decimal'),
      column(w.t('reports.p90'), 'decimal'),
    ],
    rows: report.stages.map((s) => [w.stage(s.stage), s.count, s.medianDays, s.p90Days]),
  };
}
