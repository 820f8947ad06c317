/**
 * Page 1 of an order's invoice, packing list and customs declaration data sheet as PNGs in docs/img,
 * taken from a running stack's document previews (the README's gate session), so the pictures show
 * what the desk really renders, not a fixture. Chromium draws the PDF with pdf.js.
 *
 *   API=http://localhost:3000 TOKEN=local-ops-token npx tsx scripts/render-document-pages.ts PO-2026-12345
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';

const root = resolve(__dirname, '..');
const api = process.env.API ?? 'http://localhost:3000';
const token = process.env.TOKEN ?? 'local-ops-token';
const orderId = process.argv[2];
const kinds = ['commercial-invoice', 'packing-list', 'customs-declaration'] as const;

async function preview(kind: string): Promise<Buffer> {
  const res = await fetch(`${api}/orders/${encodeURIComponent(orderId)}/documents/${kind}.pdf`, {
    headers: { authorization: `Bearer ${token}` },
  });
  if (!res.ok) throw new Error(`${kind}: ${res.status} ${await res.text()}`);
  return Buffer.from(await res.arrayBuffer());
}

/** Browser-side code (a string: the project's types have no DOM): page 1 on a canvas, as base64 PNG. */
const drawFirstPage = (pdfBase64: string): string => `(async () => {
  const lib = await import('http://pdf.local/pdf.mjs');
  lib.GlobalWorkerOptions.workerSrc = 'http://pdf.local/pdf.worker.mjs';
  const bytes = Uint8Array.from(atob(${JSON.stringify(pdfBase64)}), (c) => c.charCodeAt(0));
  const first = await (await lib.getDocument({ data: bytes }).promise).getPage(1);
  const viewport = first.getViewport({ scale: 1.5 });
  const canvas = document.getElementById('page');
  canvas.width = viewport.width;
  canvas.height = viewport.height;
  const context = canvas.getContext('2d');
  context.fillStyle = '#fff';
  context.fillRect(0, 0, canvas.width, canvas.height);
  await first.render({ canvas, canvasContext: context, viewport }).promise;
  return canvas.toDataURL('image/png').split(',')[1];
})()`;

async function main(): Promise<void> {
  if (!orderId) throw new Error('usage: render-document-pages.ts <orderId>');
  const pdfjs = join(root, 'node_modules', 'pdfjs-dist', 'build');
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: ['--no-sandbox'],
  });
  try {
    const page = await browser.newPage();
    // pdf.js served from node_modules under a made-up origin, so the module and its worker load.
    await page.route('http://pdf.local/**', (route) => {
      const file = new URL(route.request().url()).pathname.slice(1);
      if (file === '')
        return route.fulfill({ contentType: 'text/html', body: '<canvas id="page"></canvas>' });
      return route.fulfill({ contentType: 'text/javascript', body: readFileSync(join(pdfjs, file)) });
    });
    await page.goto('http://pdf.local/');
    for (const kind of kinds) {
      const pdf = (await preview(kind)).toString('base64');
      const png = await page.evaluate<string>(drawFirstPage(pdf));
      const out = join(root, 'docs', 'img', `${kind}-page-1.png`);
      writeFileSync(out, Buffer.from(png, 'base64'));
      console.log(`${kind}: ${out}`);
    }
  } finally {
    await browser.close();
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
