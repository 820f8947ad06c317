import type { Response } from 'express';
import type { Language } from '../domain';
import type { OrderListEntry } from '../readModel/types';
import { sendCsv } from './csv';
import { sendXlsx } from './xlsx';
import { orderListCsv, orderListSheet } from './xlsxTables';

/** Rows one export holds at most; beyond them the answer says `X-Export-Truncated: true`. */
export const MAX_EXPORT_ROWS = 10_000;
/** Rows read from the read model per query while an export walks the list. */
export const EXPORT_PAGE_SIZE = 1_000;

export type ListPage = (
  pageSize: number,
  pageToken: string | undefined,
) => Promise<{ orders: OrderListEntry[]; nextPageToken: string | null }>;

/**
 * The filtered list as a file, every page of it (up to MAX_EXPORT_ROWS, in the list's sort order),
 * whatever pageSize and nextPageToken say: read whole first, so a database failure is still a 503.
 */
export async function sendOrderListExport(
  res: Response,
  format: 'csv' | 'xlsx',
  language: Language,
  page: ListPage,
): Promise<void> {
  const orders: OrderListEntry[] = [];
  let token: string | undefined;
  let more = true;
  while (more && orders.length < MAX_EXPORT_ROWS) {
    const next = await page(Math.min(EXPORT_PAGE_SIZE, MAX_EXPORT_ROWS - orders.length), token);
    orders.push(...next.orders);
    token = next.nextPageToken ?? undefined;
    more = token !== undefined;
  }
  res.set('X-Export-Truncated', String(more));
  if (format === 'csv') {
    const { header, rows } = orderListCsv(orders);
    sendCsv(res, 'orders.csv', header, rows);
    return;
  }
  await sendXlsx(res, 'orders.xlsx', [orderListSheet(orders, language)]);
}
