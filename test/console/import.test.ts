/**
 * The import page in Chromium against the real stack: a small XLSX (one bad row) uploaded through
 * the page, the per-row results shown in English and in Chinese, and the list's Excel download.
 */
import type { Server } from 'node:http';
import ExcelJS from 'exceljs';
import type { Browser, Page } from 'playwright-core';
import { startStack, TOKENS, type Stack } from '../../harness/stack';
import {
  closeAll,
  describeBrowser,
  launchChromium,
  refusedOnPurpose,
  serve,
  watchedPage,
  signIn,
} from './browser';

const run = `${Date.now().toString(36)}-${process.pid}`;
const HEADER = [
  'orderId',
  'customer.name',
  'customer.company',
  'customer.email',
  'customer.country',
  'accountManager.name',
  'accountManager.email',
  'product.description',
  'product.quantity',
];

async function file(prefix: string): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Orders');
  ws.addRow(HEADER);
  const row = (n: number, email: string) => [
    `${prefix}-${n}`,
    'Jane Doe',
    `Browser Import ${run}`,
    email,
    'DE',
    'Li Wei',
    'li.wei@exporter.example',
    '40W LED panel',
    100,
  ];
  ws.addRow(row(1, 'jane@acme.example'));
  ws.addRow(row(2, 'no email'));
  ws.addRow(row(3, 'jane@acme.example'));
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describeBrowser('the import page', () => {
  let stack: Stack;
  let server: Server;
  let base: string;
  let browser: Browser;
  const problems: string[] = [];

  beforeAll(async () => {
    stack = await startStack();
    ({ server, base } = await serve(stack.app));
    browser = await launchChromium();
  }, 60_000);

  afterAll(async () => {
    await closeAll({ browser, server, stack });
  });

  async function signedIn(locale: string): Promise<Page> {
    const page = await watchedPage(
      browser,
      { viewport: { width: 1280, height: 900 }, locale, acceptDownloads: true },
      problems,
      refusedOnPurpose,
    );
    await signIn(page, base, TOKENS.ops, '/console/');
    return page;
  }

  async function importThrough(page: Page, prefix: string): Promise<string> {
    await page.locator('#nav-import').click();
    await page.locator('#import-form').waitFor();
    await page.locator('#import-file').setInputFiles({
      name: 'orders.xlsx',
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      buffer: await file(prefix),
    });
    await page.locator('#import-form button[type="submit"]').click();
    await page.locator('#import-results table').waitFor();
    return page.locator('main').innerText();
  }

  it('imports a small XLSX and shows each row: two created, one naming its column', async () => {
    const page = await signedIn('en-US');
    const text = await importThrough(page, `BI-${run}`);
    expect(text).toContain('2 created, 0 already there, 1 with errors.');
    expect(text).toContain(`BI-${run}-1`);
    expect(text).toMatch(/Column customer\.email: .*email/i);
    const rows = page.locator('#import-results tbody tr');
    expect(await rows.count()).toBe(3);
    expect(await rows.nth(1).innerText()).toMatch(/^3\s/);
    // The created order opens from its row.
    await page.locator(`#import-results a[href="#/orders/BI-${run}-1"]`).waitFor();

    // The list's Excel download: the whole filtered list as an XLSX.
    await page.goto(`${base}/console/#/?customerPart=${encodeURIComponent(`Browser Import ${run}`)}`);
    await page.locator('table.orders').waitFor();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.locator('#download-xlsx').click(),
    ]);
    expect(download.suggestedFilename()).toBe('orders.xlsx');
    expect(problems).toEqual([]);
  });

  it('speaks Chinese: the page, the template link and the results', async () => {
    const page = await signedIn('zh-CN');
    const text = await importThrough(page, `BZ-${run}`);
    expect(text).toContain('导入订单');
    expect(text).toContain('下载模板（XLSX）');
    expect(text).toContain('已创建 2 个，已存在 0 个，出错 1 行。');
    expect(text).toMatch(/列 customer\.email：/);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.locator('#import-template').click(),
    ]);
    expect(download.suggestedFilename()).toBe('order-import-template-zh-CN.xlsx');
    expect(problems).toEqual([]);
  });
});
