import ExcelJS from 'exceljs';
import type { Request, Response } from 'express';
import { languageSchema, LANGUAGES, type Language } from '../domain';
import { describe, z } from '../domain/zod';
import { parseOr400 } from './validate';

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** How a column's cells are written: money as numbers (its currency in a column of its own), times as dates. */
export type ColumnKind = 'text' | 'count' | 'amount' | 'decimal' | 'instant';
export type Cell = string | number | Date | null;

export interface Column {
  /** The header in the reader's language. */
  header: string;
  kind: ColumnKind;
}

export interface Sheet {
  name: string;
  columns: Column[];
  rows: Cell[][];
}

const NUMBER_FORMATS: Record<ColumnKind, string | undefined> = {
  text: '@',
  count: '0',
  amount: '#,##0.00',
  decimal: '0.00',
  // Excel's dates have no zone: they are written in UTC, and the headers say so.
  instant: 'yyyy-mm-dd hh:mm',
};

const WIDTHS: Record<ColumnKind, number> = { text: 24, count: 10, amount: 14, decimal: 12, instant: 18 };

/** `?lang=` of every export and of the import's sentences. */
export const exportLanguageQuerySchema = describe(
  z.object({
    lang: describe(
      z.optional(languageSchema),
      "Language of an XLSX file's headers and words (and of the import's sentences): en or zh-CN; else the Accept-Language header's, else en",
    ),
  }),
  'Language of a spreadsheet',
);

/**
 * The reader's language: `?lang=` when given (validated), else the best of Accept-Language that
 * the desk writes in (any `zh` reads Simplified Chinese), else English.
 */
export function readerLanguage(req: Request): Language {
  const { lang } = parseOr400(exportLanguageQuerySchema, req.query, 'query');
  if (lang) return lang;
  const best = req.acceptsLanguages(...LANGUAGES, 'zh');
  return best && best.toLowerCase().startsWith('zh') ? 'zh-CN' : 'en';
}

/** A day or instant string as a date cell (UTC); null stays empty. */
export const dateCell = (iso: string | null | undefined): Date | null => (iso ? new Date(iso) : null);

/** A money amount (a decimal string) as a number cell. */
export const amountCell = (amount: string | null | undefined): number | null =>
  amount === null || amount === undefined ? null : Number(amount);

/** Sheet names: at most 31 characters, none of : \ / ? * [ ]. */
const sheetName = (name: string) => name.replace(/[:\\/?*[\]]/g, ' ').slice(0, 31);

export function workbookOf(sheets: Sheet[]): ExcelJS.Workbook {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Order desk';
  for (const sheet of sheets) {
    const ws = workbook.addWorksheet(sheetName(sheet.name), { views: [{ state: 'frozen', ySplit: 1 }] });
    ws.columns = sheet.columns.map((c) => ({
      header: c.header,
      width: Math.max(WIDTHS[c.kind], Math.min(40, c.header.length + 2)),
      style: { numFmt: NUMBER_FORMATS[c.kind] },
    }));
    ws.getRow(1).font = { bold: true };
    for (const row of sheet.rows) ws.addRow(row);
    if (sheet.columns.length)
      ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: sheet.columns.length } };
  }
  return workbook;
}

export async function workbookBytes(workbook: ExcelJS.Workbook): Promise<Buffer> {
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** Sends the sheets as an XLSX download named `filename`. */
export async function sendXlsx(res: Response, filename: string, sheets: Sheet[]): Promise<void> {
  const bytes = await workbookBytes(workbookOf(sheets));
  res.type(XLSX_TYPE).attachment(filename).send(bytes);
}
