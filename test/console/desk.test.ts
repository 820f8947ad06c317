/**
 * The desk in one walk, in Chromium against the real stack (issue 34's "done when"): an attachment
 * uploaded, an order found by its B/L number, a 50-row XLSX with 2 bad rows imported, and a
 * document previewed in the page.
 */
import type { Server } from 'node:http';
import ExcelJS from 'exceljs';
import type { Browser, Page } from 'playwright-core';
import { newInquiry, planLife } from '../../harness/orderFixtures';
import type { SmtpSink } from '../../harness/smtp';
import { TOKENS, type Stack } from '../../harness/stack';
import { createOrder, orderWhen, sendEvent } from '../api/helpers';
import {
  closeAll,
  describeBrowser,
  launchChromium,
  refusedOnPurpose,
  watchedPage,
  signIn,
  serveConsole,
} from './browser';

const run = `${Date.now().toString(36)}-${process.pid}`;
const BL_NO = `DESK-BL-${run}`;
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');

/** 50 orders, one per row; rows 11 and 31 (the sheet's numbers) have a bad email and no quantity. */
async function fiftyRows(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Orders');
  ws.addRow([
    'orderId',
    'customer.name',
    'customer.company',
    'customer.email',
    'customer.country',
    'accountManager.name',
    'accountManager.email',
    'product.description',
    'product.quantity',
  ]);
  for (let n = 1; n <= 50; n++) {
    const sheetRow = n + 1;
    ws.addRow([
      `DESK-${run}-${n}`,
      'Jane Doe',
      `Desk Import ${run}`,
      sheetRow === 11 ? 'not an email' : 'jane@acme.example',
      'DE',
      'Li Wei',
      'li.wei@exporter.example',
      '40W LED panel',
      sheetRow === 31 ? null : 100,
    ]);
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describeBrowser('the desk in Chromium', () => {
  let smtp: SmtpSink;
  let stack: Stack;
  let server: Server;
  let base: string;
  let browser: Browser;
  let page: Page;
  let shipped: string;
  const problems: string[] = [];

  beforeAll(async () => {
    ({ smtp, stack, server, base } = await serveConsole());
    shipped = (
      await createOrder(stack.app, { customer: { ...newInquiry().customer, company: `Desk ${run}` } })
    ).orderId;
    const life = planLife('TT');
    for (const event of life.slice(0, life.findIndex((e) => e.type === 'BILL_OF_LADING_ISSUED') + 1)) {
      await orderWhen(stack.app, shipped, (v) => v.allowedEvents.includes(event.type), 30_000);
      const sent = event.type === 'BILL_OF_LADING_ISSUED' ? { ...event, blNo: BL_NO } : event;
      expect((await sendEvent(stack.app, shipped, sent)).status).toBe(200);
    }
    await orderWhen(stack.app, shipped, (v) => v.documents.copiesSentAt !== null, 30_000);
    browser = await launchChromium();
    page = await watchedPage(
      browser,
      { viewport: { width: 1366, height: 900 }, locale: 'en-US' },
      problems,
      refusedOnPurpose,
    );
    await signIn(page, base, TOKENS.ops, '/console/');
  }, 180_000);

  afterAll(async () => {
    await closeAll({ browser, server, stack, smtp });
  });

  it('finds the order by its B/L number, attaches its B/L scan, and previews its invoice', async () => {
    await page.getByLabel('Search').fill(BL_NO);
    await page.getByRole('button', { name: 'Apply filters' }).click();
    const row = page.locator(`tr[data-order-id="${shipped}"]`);
    await row.waitFor();
    expect(await page.locator('table.orders tbody tr').count()).toBe(1);

    await page.goto(`${base}/console/#/orders/${encodeURIComponent(shipped)}`);
    await page.locator('#sec-attachments').waitFor();
    await page
      .locator('#attachment-file')
      .setInputFiles({ name: 'BL scan.pdf', mimeType: 'application/pdf', buffer: PDF });
    await page.locator('#attachment-kind').selectOption('BL');
    await page
      .locator('section[aria-labelledby="sec-attachments"]')
      .getByRole('button', { name: 'Upload' })
      .click();
    await page.locator('section[aria-labelledby="sec-attachments"] tr', { hasText: 'BL scan.pdf' }).waitFor();

    const card = page.locator('#sec-order-documents').locator('..');
    await card.locator('button[data-preview="commercial-invoice"]').click();
    await card.locator('iframe.document-preview').waitFor();
    await page.waitForFunction(
      `document.querySelector('iframe.document-preview')?.contentDocument?.contentType === 'application/pdf'`,
    );
    expect(problems).toEqual([]);
  });

  it('imports 50 rows, 2 of them bad: 48 orders, and each bad row names its row and column', async () => {
    await page.locator('#nav-import').click();
    await page.locator('#import-form').waitFor();
    await page.locator('#import-file').setInputFiles({
      name: 'orders.xlsx',
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      buffer: await fiftyRows(),
    });
    await page.locator('#import-form button[type="submit"]').click();
    await page.locator('#import-results table').waitFor({ timeout: 120_000 });
    const text = await page.locator('main').innerText();
    expect(text).toContain('48 created, 0 already there, 2 with errors.');
    expect(text).toMatch(/Column customer\.email/);
    expect(text).toMatch(/Column product\.quantity/);
    const bad = await page.locator('#import-results tbody tr', { hasText: 'Column' }).allInnerTexts();
    expect(bad.map((r) => r.split(/\s/)[0])).toEqual(['11', '31']);
    expect(problems).toEqual([]);
  }, 180_000);
});
