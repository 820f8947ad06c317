import PDFDocument from 'pdfkit';
import type { DocumentMark } from './input';
import { fontFor, registerFonts, type FontStyle } from './fonts';
import type { Exporter } from './input';
import type { Fact } from './model';

/**
 * Deterministic PDF plumbing shared by every document. pdfkit derives the trailer /ID from the info
 * dictionary and names font subsets from their ids, so fixing CreationDate/ModDate (and every other
 * info value) makes the whole file a pure function of the input.
 */
export type Pdf = PDFKit.PDFDocument;

export const MARGIN = 50;
const FOOTER_HEIGHT = 30;

export interface PdfMeta {
  title: string;
  subject: string;
  author: string;
  issuedAt: Date;
}

export function createPdf(meta: PdfMeta): Pdf {
  const doc = new PDFDocument({
    size: 'A4',
    margin: MARGIN,
    compress: true,
    pdfVersion: '1.4',
    info: {
      Title: meta.title,
      Subject: meta.subject,
      Author: meta.author,
      Creator: 'Export order desk',
      Producer: 'PDFKit',
      CreationDate: meta.issuedAt,
      ModDate: meta.issuedAt,
    },
  });
  registerFonts(doc);
  return doc;
}

/** Runs `draw` and collects the finished file. */
export function renderPdf(meta: PdfMeta, draw: (doc: Pdf) => void): Promise<Buffer> {
  return new Promise<Buffer>((resolve, reject) => {
    const doc = createPdf(meta);
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    try {
      draw(doc);
      doc.end();
    } catch (err) {
      reject(err instanceof Error ? err : new Error(String(err)));
    }
  });
}

/** Selects the font that has the glyphs of `value` (see fonts.ts) at `size`; chain `.text(value, ...)`. */
export function styled(doc: Pdf, value: string, style: FontStyle, size: number): Pdf {
  return doc.font(fontFor(value, style)).fontSize(size);
}

export function contentWidth(doc: Pdf): number {
  return doc.page.width - 2 * MARGIN;
}

/** Lowest y that content may reach before the footer band. */
export function bottomLimit(doc: Pdf): number {
  return doc.page.height - MARGIN - FOOTER_HEIGHT;
}

/**
 * Page furniture: the COPY watermark and the footer line. Text below the bottom margin would make
 * pdfkit start a new page, so the margin is lifted while the footer is written.
 */
export function decoratePage(doc: Pdf, mark: DocumentMark, footer: string, pageNo: number): void {
  const { width, height } = doc.page;
  if (mark === 'COPY') {
    doc.save();
    doc.rotate(-35, { origin: [width / 2, height / 2] });
    styled(doc, 'COPY', 'bold', 120)
      .fillColor('#e6e6e6')
      .text('COPY', 0, height / 2 - 60, { width, align: 'center', lineBreak: false });
    doc.restore();
  }
  const savedBottom = doc.page.margins.bottom;
  doc.page.margins.bottom = 0;
  const line = `${footer}  -  page ${pageNo}`;
  styled(doc, line, 'regular', 8)
    .fillColor('#666666')
    .text(line, MARGIN, height - MARGIN, { width: width - 2 * MARGIN, align: 'center', lineBreak: false });
  doc.page.margins.bottom = savedBottom;
  doc.fillColor('#000000');
}

export interface HeaderInfo {
  title: string;
  mark: DocumentMark;
  /** `REVISED (R1)` under the marking of a re-issue; null for a first issue. */
  revised: string | null;
  exporter: Exporter;
  refs: readonly Fact[];
  /** The exporter's registration (USCC, customs code), under its address. */
  registration?: readonly string[];
}

/** Exporter letterhead (English and Chinese name) on the left; title, marking and references on the right. */
export function drawHeader(doc: Pdf, h: HeaderInfo): number {
  const width = contentWidth(doc);
  const half = width / 2 - 10;
  const right = MARGIN + width / 2 + 10;
  styled(doc, h.exporter.name, 'bold', 13).text(h.exporter.name, MARGIN, MARGIN, { width: half });
  if (h.exporter.localName)
    styled(doc, h.exporter.localName, 'bold', 11).text(h.exporter.localName, { width: half });
  styled(doc, h.exporter.address, 'regular', 9).text(h.exporter.address, { width: half });
  if (h.exporter.email) styled(doc, h.exporter.email, 'regular', 9).text(h.exporter.email, { width: half });
  for (const line of h.registration ?? []) styled(doc, line, 'regular', 9).text(line, { width: half });
  const leftBottom = doc.y;

  styled(doc, h.title, 'bold', 15).text(h.title, right, MARGIN, { width: half, align: 'right' });
  const marking = h.mark === 'COPY' ? 'COPY - FOR VERIFICATION ONLY' : 'ORIGINAL';
  styled(doc, marking, 'bold', 10)
    .fillColor(h.mark === 'COPY' ? '#b00000' : '#000000')
    .text(marking, right, doc.y + 2, { width: half, align: 'right' });
  if (h.revised)
    styled(doc, h.revised, 'bold', 10)
      .fillColor('#b00000')
      .text(h.revised, right, doc.y, { width: half, align: 'right' });
  doc.fillColor('#000000').moveDown(0.5);
  for (const [label, value] of h.refs) {
    const line = `${label}: ${value}`;
    styled(doc, line, 'regular', 9).text(line, right, doc.y, { width: half, align: 'right' });
  }
  const y = Math.max(leftBottom, doc.y) + 12;
  doc
    .moveTo(MARGIN, y)
    .lineTo(MARGIN + width, y)
    .lineWidth(0.5)
    .stroke();
  return y + 10;
}

/** `Label: value` lines, the label bold; each part in the font that has its glyphs. */
export function drawFacts(doc: Pdf, x: number, y: number, width: number, facts: readonly Fact[]): number {
  doc.y = y;
  for (const [label, value] of facts) {
    styled(doc, `${label}: `, 'bold', 9).text(`${label}: `, x, doc.y, { width, continued: true });
    styled(doc, value, 'regular', 9).text(value);
  }
  return doc.y;
}

export interface Block {
  heading: string;
  lines?: readonly string[];
  facts?: readonly Fact[];
}

/** Two columns of labelled blocks (buyer on the left, shipment on the right). */
export function drawBlocks(doc: Pdf, y: number, left: Block, right: Block): number {
  const width = contentWidth(doc);
  const half = width / 2 - 10;
  const bottoms = [left, right].map((block, i) => {
    const x = i === 0 ? MARGIN : MARGIN + width / 2 + 10;
    styled(doc, block.heading, 'bold', 10).text(block.heading, x, y, { width: half });
    for (const line of block.lines ?? [])
      styled(doc, line, 'regular', 9).text(line, x, doc.y, { width: half });
    return block.facts ? drawFacts(doc, x, doc.y, half, block.facts) : doc.y;
  });
  return Math.max(...bottoms) + 16;
}

export interface Column {
  header: string;
  /** Share of the content width. */
  weight: number;
  align?: 'left' | 'right';
}

/**
 * A table that breaks across pages, repeating its header; `onNewPage` adds the page furniture.
 * Returns the y below the last row.
 */
export function drawTable(
  doc: Pdf,
  startY: number,
  columns: readonly Column[],
  rows: readonly (readonly string[])[],
  onNewPage: () => void,
): number {
  const width = contentWidth(doc);
  const totalWeight = columns.reduce((sum, c) => sum + c.weight, 0);
  const widths = columns.map((c) => (c.weight / totalWeight) * width);
  const pad = 3;
  const style = (bold: boolean): FontStyle => (bold ? 'bold' : 'regular');
  const heightOf = (cells: readonly string[], bold: boolean): number =>
    Math.max(
      ...cells.map((cell, i) =>
        styled(doc, cell, style(bold), 8.5).heightOfString(cell, { width: (widths[i] ?? 0) - 2 * pad }),
      ),
    ) +
    2 * pad;
  const drawRow = (cells: readonly string[], y: number, bold: boolean): number => {
    const h = heightOf(cells, bold);
    let x = MARGIN;
    cells.forEach((cell, i) => {
      const w = widths[i] ?? 0;
      styled(doc, cell, style(bold), 8.5).text(cell, x + pad, y + pad, {
        width: w - 2 * pad,
        align: columns[i]?.align ?? 'left',
      });
      x += w;
    });
    doc
      .moveTo(MARGIN, y + h)
      .lineTo(MARGIN + width, y + h)
      .lineWidth(bold ? 0.8 : 0.3)
      .stroke();
    return y + h;
  };
  const header = columns.map((c) => c.header);
  let y = drawRow(header, startY, true);
  for (const row of rows) {
    if (y + heightOf(row, false) > bottomLimit(doc)) {
      doc.addPage();
      onNewPage();
      y = drawRow(header, MARGIN, true);
    }
    y = drawRow(row, y, false);
  }
  return y;
}

/** Right-aligned label/value lines under a table (totals). */
export function drawTotals(
  doc: Pdf,
  y: number,
  totals: readonly (readonly [string, string, boolean])[],
): number {
  const width = contentWidth(doc);
  let cursor = y + 8;
  for (const [label, value, bold] of totals) {
    const style = bold ? 'bold' : 'regular';
    const size = bold ? 10 : 9;
    styled(doc, label, style, size).text(label, MARGIN + width * 0.4, cursor, {
      width: width * 0.35,
      align: 'right',
    });
    styled(doc, value, style, size).text(value, MARGIN + width * 0.75, cursor, {
      width: width * 0.25,
      align: 'right',
    });
    cursor = doc.y + 3;
  }
  return cursor;
}

/** A paragraph across the content width; returns the y below it. */
export function drawParagraph(
  doc: Pdf,
  y: number,
  value: string,
  style: FontStyle = 'regular',
  size = 9,
): number {
  styled(doc, value, style, size).text(value, MARGIN, y, { width: contentWidth(doc) });
  return doc.y;
}

/** Moves to a new page when fewer than `needed` points are left. */
export function ensureSpace(doc: Pdf, y: number, needed: number, onNewPage: () => void): number {
  if (y + needed <= bottomLimit(doc)) return y;
  doc.addPage();
  onNewPage();
  return MARGIN;
}
