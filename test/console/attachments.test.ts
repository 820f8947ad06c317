/**
 * Attachments on the order page, in Chromium against the real stack: ops upload a file with the
 * file picker and another by drag and drop, see them listed with who added them, download one as
 * it was, and read why a file of another type is refused; a viewer sees the list without the upload.
 */
import { readFileSync } from 'node:fs';
import type { Server } from 'node:http';
import type { Browser, ConsoleMessage, Page } from 'playwright-core';
import { createOrder } from '../api/helpers';
import { startStack, TOKENS, type Stack } from '../../harness/stack';
import { eventually } from '../../harness/temporal';
import {
  closeAll,
  describeBrowser,
  launchChromium,
  refusedOnPurpose,
  seriousAxeViolations,
  serve,
  watchedPage,
  signIn,
} from './browser';

const PDF = Buffer.from('%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');

describeBrowser('attachments in the console', () => {
  let stack: Stack;
  let server: Server;
  let base: string;
  let browser: Browser;
  let orderId: string;
  const problems: string[] = [];
  // The refused upload (415) is logged by the browser as a failed load.
  const expected = (msg: ConsoleMessage) => refusedOnPurpose(msg) || /status of 415/.test(msg.text());

  beforeAll(async () => {
    stack = await startStack();
    ({ server, base } = await serve(stack.app));
    orderId = (await createOrder(stack.app)).orderId;
    browser = await launchChromium();
  }, 60_000);

  afterAll(async () => {
    await closeAll({ browser, server, stack });
  });

  afterEach(() => {
    expect(problems).toEqual([]);
  });

  async function openOrder(token: string): Promise<Page> {
    const page = await watchedPage(
      browser,
      { viewport: { width: 1366, height: 900 }, locale: 'en-US', acceptDownloads: true },
      problems,
      expected,
    );
    await signIn(page, base, token);
    await page.goto(`${base}/console/#/orders/${encodeURIComponent(orderId)}`);
    await page.locator('#sec-attachments').waitFor();
    return page;
  }

  const section = (page: Page) => page.locator('section[aria-labelledby="sec-attachments"]');

  it('uploads with the picker and by drag and drop, lists who added them, and downloads the bytes', async () => {
    const page = await openOrder(TOKENS.ops);
    await section(page).getByText('No attachments yet.').waitFor();

    await page.locator('#attachment-file').setInputFiles({
      name: 'signed contract.pdf',
      mimeType: 'application/pdf',
      buffer: PDF,
    });
    await page.locator('#attachment-kind').selectOption('CONTRACT');
    await page.locator('#attachment-for-buyer').check();
    await section(page).getByRole('button', { name: 'Upload' }).click();
    await page.locator('.flash.success').getByText('signed contract.pdf was attached.').waitFor();
    const row = section(page).locator('tr', { hasText: 'signed contract.pdf' });
    await row.waitFor();
    expect(await row.innerText()).toMatch(/Contract[\s\S]*alice[\s\S]*yes/);

    // Dropped onto the zone: a PNG whatever its name.
    const dropped = await page.evaluateHandle(`(() => {
      const data = new DataTransfer();
      const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
      data.items.add(new File([png], 'B-L scan.png', { type: 'image/png' }));
      return data;
    })()`);
    await page.locator('[data-dropzone]').dispatchEvent('drop', { dataTransfer: dropped });
    await page.locator('#attachment-picked').getByText('B-L scan.png').waitFor();
    await page.locator('#attachment-kind').selectOption('BL');
    await section(page).getByRole('button', { name: 'Upload' }).click();
    await section(page).locator('tr', { hasText: 'B-L scan.png' }).waitFor();
    expect(await section(page).locator('tr', { hasText: 'B-L scan.png' }).innerText()).toContain(
      'Bill of lading',
    );

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      section(page).getByRole('button', { name: 'Download: signed contract.pdf' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('signed contract.pdf');
    expect(await seriousAxeViolations(page)).toEqual([]);
    expect(Buffer.compare(readFileSync(await download.path()), PDF)).toBe(0);

    // The timeline has both, by the order's own record.
    await eventually(async () => {
      const res = await fetch(`${base}/orders/${orderId}/timeline`, {
        headers: { Authorization: `Bearer ${TOKENS.viewer}` },
      });
      const { entries } = (await res.json()) as { entries: { type: string }[] };
      return entries.filter((e) => e.type === 'ATTACHMENT_ADDED').length === 2 ? true : undefined;
    });
  });

  it('says why a file of another type is refused, and keeps the form', async () => {
    const page = await openOrder(TOKENS.ops);
    await page.locator('#attachment-file').setInputFiles({
      name: 'looks like.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.from('just text'),
    });
    await section(page).getByRole('button', { name: 'Upload' }).click();
    const message = section(page).locator('.form-message');
    await message
      .getByText(/not a PDF, PNG, JPEG, XLSX or DOCX/)
      .first()
      .waitFor();
    expect(await section(page).getByRole('button', { name: 'Upload' }).isEnabled()).toBe(true);
  });

  it('shows a viewer the list and the downloads, without the upload', async () => {
    const page = await openOrder(TOKENS.viewer);
    await section(page).locator('tr', { hasText: 'signed contract.pdf' }).waitFor();
    expect(await page.locator('#attachment-file').count()).toBe(0);
  });
});
