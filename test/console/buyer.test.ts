/**
 * The buyer's tracking page end to end in headless Chromium against the real stack, for a customer
 * whose language is zh-CN (the browser's is English: the page follows the customer): open the
 * emailed link, see the nine stages, download a document, confirm the copies, and an expired link
 * refused; axe checks both pages. The screenshot goes to artifacts/, with
 * UPDATE_DOCS_SCREENSHOTS=1 also to docs/img/buyer-tracking.png (README).
 */
import { copyFileSync, mkdirSync, readFileSync } from 'node:fs';
import type { Server } from 'node:http';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import request from 'supertest';
import { fullLife, newInquiry } from '../../harness/orderFixtures';
import type { SmtpSink } from '../../harness/smtp';
import { bearer, TOKENS, type Stack } from '../../harness/stack';
import { eventually } from '../../harness/temporal';
import { signTrackingToken } from '../../src/tracking/token';
import { createOrder, sendEvent } from '../api/helpers';
import {
  closeAll,
  describeBrowser,
  launchChromium,
  seriousAxeViolations,
  watchedPage,
  serveConsole,
} from './browser';

const ROOT = path.resolve(__dirname, '..', '..');
const ARTIFACTS = path.join(ROOT, 'artifacts');
const run = `${Date.now().toString(36)}-${process.pid}`;

describeBrowser("the buyer's tracking page in Chromium", () => {
  let smtp: SmtpSink;
  let stack: Stack;
  let server: Server;
  let base: string;
  let browser: Browser;
  let page: Page;
  const problems: string[] = [];
  const orderId = `PO-BUYER-${run}`;
  /** The path of a live link, as ops issue it. */
  let link: string;

  beforeAll(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    ({ smtp, stack, server, base } = await serveConsole());
    const inquiry = newInquiry();
    await createOrder(stack.app, {
      orderId,
      ...inquiry,
      customer: { ...inquiry.customer, language: 'zh-CN' },
    });
    // Up to the document copies sent for checking: the buyer has documents and may confirm them.
    const { documentsOk: _ok, balance: _b, originals: _o, released: _r, ...untilCopies } = fullLife;
    for (const event of Object.values(untilCopies))
      expect((await sendEvent(stack.app, orderId, event)).status).toBe(200);
    await eventually(
      async () => {
        const docs = await stack.readModel.documents(orderId);
        return docs.some((d) => d.status === 'COPY_SENT') ? docs : undefined;
      },
      { timeoutMs: 60_000 },
    );
    const issued = await request(stack.app).post(`/orders/${orderId}/tracking-link`).set(bearer(TOKENS.ops));
    expect(issued.status).toBe(201);
    link = new URL((issued.body as { url: string }).url).pathname;

    browser = await launchChromium();
    page = await watchedPage(
      browser,
      {
        viewport: { width: 900, height: 900 },
        locale: 'en-US',
        acceptDownloads: true,
      },
      problems,
      // The expired link answers 410 on purpose, and the page has no icon; the browser logs both.
      (msg) => /status of 410/.test(msg.text()) || msg.location().url.endsWith('/favicon.ico'),
    );
  }, 120_000);

  afterAll(async () => {
    await closeAll({ browser, server, stack, smtp });
  });

  async function expectAccessible(where: string): Promise<void> {
    expect({ where, violations: await seriousAxeViolations(page) }).toEqual({ where, violations: [] });
  }

  it("opens in the customer's language with the nine stages and the documents sent", async () => {
    const opened = await page.goto(`${base}${link}`);
    expect(opened?.status()).toBe(200);
    expect(await page.locator('html').getAttribute('lang')).toBe('zh-CN');
    await page.getByRole('heading', { name: `您的订单 ${orderId}`, level: 1 }).waitFor();
    const stages = page.locator('ol > li');
    expect(await stages.count()).toBe(9);
    const text = await page.locator('body').innerText();
    for (const stage of ['询盘', '报价', '合同', '预付款', '生产', '订舱/报关/提单', '尾款', '放单'])
      expect(text).toContain(stage);
    expect(await page.locator('ol > li.done').count()).toBeGreaterThan(0);
    expect(await page.locator('ol > li.current').count()).toBe(1);
    expect(text).toContain('商业发票');
    expect(text).not.toContain('Li Wei'); // nobody of the desk by name
    await expectAccessible('tracking page');
    const file = path.join(ARTIFACTS, 'buyer-tracking.png');
    await page.screenshot({ path: file, fullPage: true });
    if (process.env.UPDATE_DOCS_SCREENSHOTS) {
      mkdirSync(path.join(ROOT, 'docs', 'img'), { recursive: true });
      copyFileSync(file, path.join(ROOT, 'docs', 'img', 'buyer-tracking.png'));
    }
  });

  it('downloads a document as PDF', async () => {
    const invoice = page.getByRole('link', { name: /商业发票/ });
    const answer = await page.context().request.get(`${base}${await invoice.getAttribute('href')}`);
    expect(answer.status()).toBe(200);
    expect(answer.headers()['content-type']).toBe('application/pdf');
    const [download] = await Promise.all([page.waitForEvent('download'), invoice.click()]);
    expect(download.suggestedFilename()).toMatch(/^commercial-invoice-.+\.pdf$/);
    expect(
      readFileSync(await download.path())
        .subarray(0, 5)
        .toString(),
    ).toBe('%PDF-');
  });

  it('records DOCUMENTS_CONFIRMED with the actor "customer" when the buyer presses confirm', async () => {
    await Promise.all([
      page.waitForURL(`${base}${link}`),
      page.getByRole('button', { name: '确认单据副本无误' }).click(),
    ]);
    const confirmed = await eventually(async () => {
      const res = await request(stack.app).get(`/orders/${orderId}/timeline`).set(bearer(TOKENS.viewer));
      const entries = (res.body as { entries: { type: string; actor: string }[] }).entries;
      return entries.find((e) => e.type === 'DOCUMENTS_CONFIRMED');
    });
    expect(confirmed.actor).toBe('customer');
    // The page reads the read model, which follows the workflow within moments.
    await eventually(async () => {
      await page.reload();
      return (await page.getByRole('status').filter({ hasText: '您已确认单据副本' }).count()) || undefined;
    });
    expect(await page.getByRole('button', { name: '确认单据副本无误' }).count()).toBe(0);
  });

  it('refuses an expired link with a plain page that shows nothing of the order', async () => {
    const expired = signTrackingToken(
      { company: 'default', orderId, issuedAt: Date.now() - 2 * 86_400_000, expiresAt: Date.now() - 60_000 },
      stack.config.tracking.key,
    );
    const answer = await page.goto(`${base}/track/${expired}`);
    expect(answer?.status()).toBe(410);
    // The link is no key any more, so not even the customer's language is looked up.
    await page.getByRole('heading', { name: 'Link no longer valid', level: 1 }).waitFor();
    const text = await page.locator('body').innerText();
    expect(text).not.toContain(orderId);
    expect(await page.locator('ol, ul, form, a').count()).toBe(0);
    await expectAccessible('expired link');
  });

  it('keeps the pages free of script errors and CSP violations', () => {
    expect(problems).toEqual([]);
  });
});
