import type { Response } from 'express';

type Cell = string | number | null;

/** One RFC 4180 field: quoted when it holds a comma, quote or line break; quotes doubled. */
function field(value: Cell): string {
  const text = value === null ? '' : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** RFC 4180 text (CRLF line ends) with a UTF-8 byte order mark, so Excel reads Chinese names right. */
export function toCsv(header: string[], rows: Cell[][]): string {
  return `\uFEFF${[header, ...rows].map((row) => row.map(field).join(',')).join('\r\n')}\r\n`;
}

/** Sends CSV text as a download named `filename`. */
export function sendCsv(res: Response, filename: string, header: string[], rows: Cell[][]): void {
  res.type('text/csv; charset=utf-8; header=present').attachment(filename).send(toCsv(header, rows));
}
