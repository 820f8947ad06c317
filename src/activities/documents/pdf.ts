import PDFDocument from 'pdfkit';
import type { DocumentMark, ExporterProfile } from '../types';

/**
 * Deterministic PDF plumbing shared by the invoice and the packing list. pdfkit derives the trailer
 * /ID from the info dictionary, so fixing CreationDate/ModDate (and every other info value) makes the
 * whole file a pure function of the input; the built-in Helvetica needs no font file or subsetting.
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
  return new PDFDocument({
    size: 'A4',
    margin: MARGIN,
    compress: true,
    pdfVersion: '1.4',
    font: 'Helvetica',
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
    doc
      .font('Helvetica-Bold')
      .fontSize(120)
      .fillColor('#e6e6e6')
      .text('COPY', 0, height / 2 - 60, { width, align: 'center', lineBreak: false });
    doc.restore();
  }
  const savedBottom = doc.page.margins.bottom;
  doc.page.margins.bottom = 0;
  doc
    .font('Helvetica')
    .fontSize(8)
    .fillColor('#666666')
    .text(`${footer}  -  page ${pageNo}`, MARGIN, height - MARGIN, {
      width: width - 2 * MARGIN,
      align: 'center',
      lineBreak: false,
    });
  doc.page.margins.bottom = savedBottom;
  doc.fillColor('#000000').font('Helvetica').fontSize(10);
}

export interface HeaderInfo {
  title: string;
  mark: DocumentMark;
  exporter: ExporterProfile;
  refs: readonly (readonly [string, string])[];
}

/** Exporter letterhead on the left, document title, marking and reference numbers on the right. */
export function drawHeader(doc: Pdf, h: HeaderInfo): number {
  const width = contentWidth(doc);
  const half = width / 2 - 10;
  const right = MARGIN + width / 2 + 10;
  doc.font('Helvetica-Bold').fontSize(14).text(h.exporter.name, MARGIN, MARGIN, { width: half });
  doc.font('Helvetica').fontSize(9).text(h.exporter.address, { width: half });
  if (h.exporter.email) doc.text(h.exporter.email, { width: half });
  const leftBottom = doc.y;

  doc.font('Helvetica-Bold').fontSize(16).text(h.title, right, MARGIN, { width: half, align: 'right' });
  const marking = h.mark === 'COPY' ? 'COPY - FOR VERIFICATION ONLY' : 'ORIGINAL';
  doc
    .font('Helvetica-Bold')
    .fontSize(10)
    .fillColor(h.mark === 'COPY' ? '#b00000' : '#000000')
    .text(marking, right, doc.y + 2, { width: half, align: 'right' });
  doc.fillColor('#000000').moveDown(0.5);
  for (const [label, value] of h.refs) {
    doc
      .font('Helvetica')
      .fontSize(9)
      .text(`${label}: ${value}`, right, doc.y, { width: half, align: 'right' });
  }
  const y = Math.max(leftBottom, doc.y) + 12;
  doc
    .moveTo(MARGIN, y)
    .lineTo(MARGIN + width, y)
    .lineWidth(0.5)
    .stroke();
  return y + 10;
}

/** Two columns of labelled blocks (buyer on the left, shipment on the right). */
export function drawBlocks(
  doc: Pdf,
  y: number,
  left: { heading: string; lines: readonly string[] },
  right: { heading: string; facts: readonly (readonly [string, string])[] },
): number {
  const width = contentWidth(doc);
  const half = width / 2 - 10;
  const rightX = MARGIN + width / 2 + 10;
  doc.font('Helvetica-Bold').fontSize(10).text(left.heading, MARGIN, y, { width: half });
  doc.font('Helvetica').fontSize(9);
  for (const line of left.lines) doc.text(line, { width: half });
  const leftBottom = doc.y;
  doc.font('Helvetica-Bold').fontSize(10).text(right.heading, rightX, y, { width: half });
  for (const [label, value] of right.facts) {
    doc
      .font('Helvetica-Bold')
      .fontSize(9)
      .text(`${label}: `, rightX, doc.y, { width: half, continued: true });
    doc.font('Helvetica').text(value);
  }
  return Math.max(leftBottom, doc.y) + 16;
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
  const drawRow = (cells: readonly string[], y: number, bold: boolean): number => {
    doc.font(bold ? 'Helvetica-Bold' : 'Helvetica').fontSize(9);
    const heights = cells.map((cell, i) => doc.heightOfString(cell, { width: (widths[i] ?? 0) - 2 * pad }));
    const h = Math.max(...heights) + 2 * pad;
    let x = MARGIN;
    cells.forEach((cell, i) => {
      const w = widths[i] ?? 0;
      doc.text(cell, x + pad, y + pad, { width: w - 2 * pad, align: columns[i]?.align ?? 'left' });
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
    doc.font('Helvetica').fontSize(9);
    const needed =
      Math.max(...row.map((cell, i) => doc.heightOfString(cell, { width: (widths[i] ?? 0) - 2 * pad }))) +
      2 * pad;
    if (y + needed > bottomLimit(doc)) {
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
    doc.font(bold ? 'Helvetica-Bold' : 'Helvetica').fontSize(bold ? 10 : 9);
    doc.text(label, MARGIN + width * 0.45, cursor, { width: width * 0.3, align: 'right' });
    doc.text(value, MARGIN + width * 0.75, cursor, { width: width * 0.25, align: 'right' });
    cursor = doc.y + 3;
  }
  return cursor;
}

/** Moves to a new page when fewer than `needed` points are left. */
export function ensureSpace(doc: Pdf, y: number, needed: number, onNewPage: () => void): number {
  if (y + needed <= bottomLimit(doc)) return y;
  doc.addPage();
  onNewPage();
  return MARGIN;
}
