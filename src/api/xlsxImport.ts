import ExcelJS from 'exceljs';
import type { Language, ValidationDetail } from '../domain';
import { ApiError } from './errors';
import type { Sheet } from './xlsx';
import { words } from './xlsxTables';

/** Rows one import may hold (more: 413); each becomes a workflow start, so a file is a batch of minutes. */
export const MAX_IMPORT_ROWS = 1000;
/** The uploaded file's size limit (more: 413). */
export const MAX_IMPORT_BYTES = 5 * 1024 * 1024;

type CellKind = 'text' | 'number' | 'instant' | 'day';

interface ImportColumn {
  /** The field's path in the POST /orders body; `product.*` is the row's one product line. */
  path: string;
  kind: CellKind;
  required: boolean;
  example: string | number;
}

/** The columns an import may have, in the template's order. */
export const IMPORT_COLUMNS: readonly ImportColumn[] = [
  { path: 'orderId', kind: 'text', required: false, example: 'PO-2026-0001' },
  { path: 'customer.name', kind: 'text', required: true, example: 'Jane Doe' },
  { path: 'customer.company', kind: 'text', required: true, example: 'Acme GmbH' },
  { path: 'customer.email', kind: 'text', required: true, example: 'jane@acme.example' },
  { path: 'customer.country', kind: 'text', required: true, example: 'DE' },
  { path: 'customer.language', kind: 'text', required: false, example: 'en' },
  { path: 'accountManager.name', kind: 'text', required: true, example: 'Li Wei' },
  { path: 'accountManager.email', kind: 'text', required: true, example: 'li.wei@exporter.example' },
  { path: 'inquiry.channel', kind: 'text', required: false, example: 'EMAIL' },
  { path: 'inquiry.receivedAt', kind: 'instant', required: false, example: '2026-11-26T08:00:00Z' },
  { path: 'inquiry.requestedDelivery', kind: 'day', required: false, example: '2027-03-01' },
  { path: 'inquiry.notes', kind: 'text', required: false, example: 'needs CE marking' },
  { path: 'template', kind: 'text', required: false, example: 'standard-tt' },
  { path: 'product.sku', kind: 'text', required: false, example: 'LED-40W' },
  { path: 'product.description', kind: 'text', required: true, example: '40W LED panel' },
  { path: 'product.quantity', kind: 'number', required: true, example: 2000 },
  { path: 'product.unit', kind: 'text', required: false, example: 'pcs' },
];
const BY_PATH = new Map(IMPORT_COLUMNS.map((c) => [c.path, c]));

const label = (path: string, language: Language) => words(language).t(`xlsx.col.${path}`);

/** A template header: the path in English; in Chinese the word with the path it maps to, `客户公司 (customer.company)`. */
export function templateHeader(path: string, language: Language): string {
  return language === 'en' ? path : `${label(path, language)} (${path})`;
}

/** Headers people may write: the path, anything ending in `(path)`, or a column's word in either language. */
const BY_LABEL = new Map(
  IMPORT_COLUMNS.flatMap((c) =>
    (['en', 'zh-CN'] as const).map((language) => [label(c.path, language).toLowerCase(), c.path] as const),
  ),
);

function pathOfHeader(header: string): string | undefined {
  const named = /[(（]\s*([A-Za-z.]+)\s*[)）]\s*$/.exec(header);
  const candidate = named ? named[1] : header;
  if (BY_PATH.has(candidate)) return candidate;
  return BY_LABEL.get(header.toLowerCase());
}

/** The template: the header row (no example row, which would be imported), and a sheet saying what each column holds. */
export function importTemplate(language: Language): Sheet[] {
  const w = words(language);
  return [
    {
      name: w.t('list.title'),
      columns: IMPORT_COLUMNS.map((c) => ({
        header: templateHeader(c.path, language),
        kind: c.kind === 'number' ? 'count' : 'text',
      })),
      rows: [],
    },
    {
      name: w.t('xlsx.help.sheet'),
      columns: [
        { header: w.t('xlsx.help.column'), kind: 'text' },
        { header: w.t('xlsx.help.label'), kind: 'text' },
        { header: w.t('xlsx.help.required'), kind: 'text' },
        { header: w.t('xlsx.help.example'), kind: 'text' },
      ],
      rows: IMPORT_COLUMNS.map((c) => [
        templateHeader(c.path, language),
        label(c.path, language),
        w.t(c.required ? 'order.yes' : 'order.no'),
        String(c.example),
      ]),
    },
  ];
}

type Plain = string | number | boolean | Date | undefined;

/** A cell's value as typed: rich text and links as their text, formulas as their result, blanks as undefined. */
function plain(value: ExcelJS.CellValue): Plain {
  if (value === null || value === undefined) return undefined;
  if (typeof value === 'string') return value.trim() === '' ? undefined : value.trim();
  if (typeof value !== 'object' || value instanceof Date) return value;
  if ('richText' in value) return plain(value.richText.map((r) => r.text).join(''));
  if ('hyperlink' in value) return plain(value.text);
  if ('result' in value) return value.result === undefined ? undefined : plain(value.result);
  if ('error' in value) return value.error;
  return undefined;
}

const isMidnightUtc = (d: Date) =>
  d.getUTCHours() === 0 && d.getUTCMinutes() === 0 && d.getUTCSeconds() === 0 && d.getUTCMilliseconds() === 0;

/** What goes into the body for a cell of `kind`: dates as ISO text, numbers typed as text read as numbers. */
function bodyValue(value: Plain, kind: CellKind): unknown {
  if (value === undefined) return undefined;
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) return String(value);
    if (kind === 'day' || (kind === 'text' && isMidnightUtc(value))) return value.toISOString().slice(0, 10);
    return value.toISOString();
  }
  if (kind === 'number') {
    if (typeof value === 'number') return value;
    const text = String(value).replace(/,/g, '');
    return /^[+-]?\d+(\.\d+)?$/.test(text) ? Number(text) : value;
  }
  return String(value);
}

export interface ImportRow {
  /** The sheet's row number (the header is row 1). */
  row: number;
  /** The POST /orders body the row makes (unvalidated). */
  body: Record<string, unknown>;
}

export interface ImportSheet {
  rows: ImportRow[];
  /** A column as the file names it (its header), for sentences; the path when the file has no such column. */
  headerOf(path: string): string;
}

const refused =
  (status: number, code: 'VALIDATION_FAILED' | 'UNSUPPORTED_MEDIA_TYPE' | 'PAYLOAD_TOO_LARGE') =>
  (message: string, details?: ValidationDetail[]) =>
    new ApiError(
      status,
      code,
      message,
      code === 'VALIDATION_FAILED' ? (details ?? [{ path: 'file', message }]) : details,
    );
const badFile = refused(400, 'VALIDATION_FAILED');
const notXlsx = refused(415, 'UNSUPPORTED_MEDIA_TYPE');

const ZIP = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
const OLE = Buffer.from([0xd0, 0xcf, 0x11, 0xe0]);

async function workbookOf(bytes: Buffer): Promise<ExcelJS.Workbook> {
  if (bytes.subarray(0, 4).equals(OLE))
    throw notXlsx('the file is an old Excel 97-2003 workbook (.xls): save it as .xlsx and import that');
  if (!bytes.subarray(0, 4).equals(ZIP))
    throw notXlsx('the file is not an XLSX workbook (judged by its content)');
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  } catch {
    throw notXlsx('the file is a ZIP archive but not a readable XLSX workbook');
  }
  return workbook;
}

/** Body fields set from `path` (`customer.email` -> body.customer.email). */
function setPath(target: Record<string, unknown>, path: string, value: unknown): void {
  const keys = path.split('.');
  let node = target;
  for (const key of keys.slice(0, -1)) {
    node[key] ??= {};
    node = node[key] as Record<string, unknown>;
  }
  node[keys[keys.length - 1]] = value;
}

/** A row's cells as a POST /orders body: one product line; a missing channel is EMAIL. */
function orderBody(cells: Map<string, unknown>): Record<string, unknown> {
  const body: Record<string, unknown> = { customer: {}, accountManager: {}, inquiry: { channel: 'EMAIL' } };
  const product: Record<string, unknown> = {};
  for (const [path, value] of cells) {
    if (path.startsWith('product.')) product[path.slice('product.'.length)] = value;
    else setPath(body, path, value);
  }
  (body.inquiry as Record<string, unknown>).products = [product];
  return body;
}

/**
 * The first sheet of an uploaded workbook as order bodies, one per non-blank row. A file that is
 * not an XLSX by its bytes is 415; no header row, an unknown, repeated or missing required column
 * 400 (naming them); more than MAX_IMPORT_ROWS rows 413.
 */
export async function readImportFile(bytes: Buffer): Promise<ImportSheet> {
  const sheet = (await workbookOf(bytes)).worksheets[0];
  if (!sheet) throw badFile('the workbook has no sheet');
  const headers = new Map<number, { path: string; header: string }>();
  const unknown: ValidationDetail[] = [];
  const seen = new Map<string, string>();
  sheet.getRow(1).eachCell((cell, col) => {
    const header = plain(cell.value);
    if (header === undefined) return;
    const text = String(header);
    const path = pathOfHeader(text);
    const where = `${cell.address}`;
    if (!path) unknown.push({ path: where, message: `unknown column "${text}"` });
    else if (seen.has(path))
      unknown.push({ path: where, message: `column "${text}" repeats ${seen.get(path)} (${path})` });
    else {
      seen.set(path, where);
      headers.set(col, { path, header: text });
    }
  });
  if (!headers.size && !unknown.length)
    throw badFile(
      'the first row names no columns: it must name them as the template does (GET /imports/orders/template.xlsx)',
    );
  if (unknown.length)
    throw badFile(
      `the header row has columns the import does not know; use the template's (${IMPORT_COLUMNS.map((c) => c.path).join(', ')})`,
      unknown,
    );
  const missing = IMPORT_COLUMNS.filter((c) => c.required && !seen.has(c.path));
  if (missing.length)
    throw badFile(
      `the header row lacks required columns: ${missing.map((c) => c.path).join(', ')}`,
      missing.map((c) => ({ path: c.path, message: 'required column missing from the header row' })),
    );

  const rows: ImportRow[] = [];
  sheet.eachRow((row, number) => {
    if (number === 1) return;
    const cells = new Map<string, unknown>();
    for (const [col, { path }] of headers) {
      const value = bodyValue(plain(row.getCell(col).value), BY_PATH.get(path)?.kind ?? 'text');
      if (value !== undefined) cells.set(path, value);
    }
    if (!cells.size) return;
    if (rows.length >= MAX_IMPORT_ROWS)
      throw new ApiError(
        413,
        'PAYLOAD_TOO_LARGE',
        `the file has more than ${MAX_IMPORT_ROWS} order rows: split it`,
      );
    rows.push({ row: number, body: orderBody(cells) });
  });
  const headerByPath = new Map([...headers.values()].map((h) => [h.path, h.header]));
  return { rows, headerOf: (path) => headerByPath.get(path) ?? path };
}

/** The import column a body path falls in (`inquiry.products.0.quantity` -> `product.quantity`). */
export function columnOfPath(path: string): string | undefined {
  const product = /^inquiry\.products(?:\.\d+)?(?:\.(\w+))?/.exec(path);
  if (product) return `product.${product[1] ?? 'description'}`;
  const exact = IMPORT_COLUMNS.find((c) => path === c.path || path.startsWith(`${c.path}.`));
  if (exact) return exact.path;
  return IMPORT_COLUMNS.find((c) => c.path.startsWith(`${path}.`))?.path;
}
