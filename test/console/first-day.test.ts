/**
 * What a first day on the order page turned up, in Chromium against the real stack: the payments
 * table fits its card at 1,400 px, a waived sample says so, one way to record the deposit is offered,
 * and each document can be previewed in the page and downloaded, with its revisions.
 */
import { mkdirSync } from 'node:fs';
import type { Server } from 'node:http';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { createOrder, orderWhen, sendEvent } from '../api/helpers';
import { fullLife, newInquiry } from '../../harness/orderFixtures';
import type { SmtpSink } from '../../harness/smtp';
import request from 'supertest';
import { bearer, TOKENS, type Stack } from '../../harness/stack';
import { eventually } from '../../harness/temporal';
import {
  closeAll,
  describeBrowser,
  launchChromium,
  refusedOnPurpose,
  watchedPage,
  signIn,
  serveConsole,
} from './browser';

const ARTIFACTS = path.resolve(__dirname, '..', '..', 'artifacts');
const run = `${Date.now().toString(36)}-${process.pid}`;
const ORDER = `PO-DAY1-${run}`;
const WAIVER = 'repeat order of an approved model';
const STALLED = `PO-DAY1-STALL-${run}`;
const MANAGER = { name: `Mei Lin ${run}`, email: `mei.lin.${run}@exporter.example` };

describeBrowser('the order page after a first day', () => {
  let smtp: SmtpSink;
  let stack: Stack;
  let server: Server;
  let base: string;
  let browser: Browser;
  const problems: string[] = [];

  beforeAll(async () => {
    ({ smtp, stack, server, base } = await serveConsole());
    await createOrder(stack.app, { orderId: ORDER, ...newInquiry() });
    // An order of its own account manager that stalls in INQUIRY after 2 s.
    await createOrder(stack.app, {
      orderId: STALLED,
      ...newInquiry({ accountManager: MANAGER }),
      stageTimeLimits: { INQUIRY: '2s' },
    });
    for (const [event, token] of [
      [fullLife.quotation, TOKENS.ops],
      [{ type: 'QUOTATION_ACCEPTED', sampleRequired: true }, TOKENS.ops],
      [{ type: 'SAMPLE_WAIVED', reason: WAIVER }, TOKENS.manager],
      [fullLife.contract, TOKENS.ops],
    ] as const)
      expect((await sendEvent(stack.app, ORDER, event, token)).status).toBe(200);
    await orderWhen(stack.app, ORDER, (v) => v.stage === 'DEPOSIT');
    browser = await launchChromium();
  }, 60_000);

  afterAll(async () => {
    await closeAll({ browser, server, stack, smtp });
  });

  async function openOrder(width: number, locale = 'en-US'): Promise<Page> {
    const page = await watchedPage(
      browser,
      { viewport: { width, height: 900 }, locale, acceptDownloads: true },
      problems,
      refusedOnPurpose,
    );
    await signIn(page, base, TOKENS.manager);
    await page.goto(`${base}/console/#/orders/${encodeURIComponent(ORDER)}`);
    await page.locator('#sec-payments').waitFor();
    return page;
  }

  it.each(['en-US', 'zh-CN'])(
    'fits the payments table in its card at 1,400 px, the due column on one line (%s)',
    async (locale) => {
      const page = await openOrder(1400, locale);
      const measured = await page.evaluate<{ table: number; wrap: number; dueLines: number[] }>(`(() => {
      const card = document.getElementById('sec-payments').parentElement;
      const wrap = card.querySelector('.table-wrap');
      const table = wrap.querySelector('table');
      const dues = [...table.querySelectorAll('tbody tr td:nth-child(2) .keep-words')];
      return {
        table: table.getBoundingClientRect().width,
        wrap: wrap.clientWidth,
        dueLines: dues.map((d) => d.getClientRects().length),
      };
    })()`);
      expect(measured.table).toBeLessThanOrEqual(measured.wrap);
      expect(measured.dueLines.length).toBe(2);
      for (const lines of measured.dueLines) expect(lines).toBe(1);
      await page.close();
    },
  );

  it('says that the sample was waived, by whom and why', async () => {
    const page = await openOrder(1400);
    // The account manager by name, as people know each other.
    expect(await page.locator('.order-meta').innerText()).toContain('Account manager Li Wei');
    const deal = await page.locator('#sec-deal').locator('..').innerText();
    expect(deal).toContain(`Waived by max: ${WAIVER}`);
    expect(deal).not.toMatch(/Approved\s+no/);
    await page.close();
  });

  it('offers one way to record the deposit', async () => {
    const page = await openOrder(1400);
    await page.locator('#event-type').waitFor();
    const options = page.locator('#event-type option');
    const offered = await Promise.all(
      Array.from({ length: await options.count() }, (_, n) => options.nth(n).getAttribute('value')),
    );
    expect(offered.filter((v) => v === 'DEPOSIT_RECEIVED' || v === 'PAYMENT_RECEIVED')).toHaveLength(1);
    await page.close();
  });

  it('previews a document in the page and downloads it, listing its revisions', async () => {
    const page = await openOrder(1400);
    const documentsPath = `/orders/${encodeURIComponent(ORDER)}/documents`;
    // An earlier revision, as a correction leaves it: listed, marked superseded.
    await page.route(
      (url) => url.pathname === documentsPath,
      async (route) => {
        const real = (await (await route.fetch()).json()) as { documents: Record<string, unknown>[] };
        const old = {
          kind: 'proforma-invoice',
          number: 'PI-OLD-1',
          status: 'SUPERSEDED',
          createdAt: '2026-12-01T08:00:00Z',
          revision: 0,
        };
        await route.fulfill({ json: { documents: [old, ...real.documents] } });
      },
    );
    await page.reload();
    const card = page.locator('#sec-order-documents').locator('..');
    await card.locator('button[data-preview="proforma-invoice"]').waitFor();
    expect(await card.innerText()).toMatch(/PI-OLD-1[\s\S]*Superseded/);
    // What the original still lacks, in words, before anyone tries to issue it.
    expect(await card.innerText()).toContain('Missing for the original');
    expect(await card.locator('[data-gaps="proforma-invoice"]').innerText()).toContain('company chop');
    await card.locator('button[data-preview="proforma-invoice"]').click();
    const frame = card.locator('iframe.document-preview');
    await frame.waitFor();
    const src = (await frame.getAttribute('src')) ?? '';
    expect(src).toMatch(/^blob:/);
    // The frame holds the blob as a PDF (the page's CSP governs it; fetching the blob would not pass).
    await page.waitForFunction(
      `document.querySelector('iframe.document-preview')?.contentDocument?.contentType === 'application/pdf'`,
    );

    mkdirSync(ARTIFACTS, { recursive: true });
    await page.screenshot({ path: path.join(ARTIFACTS, 'console-order-documents.png'), fullPage: true });
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      card.locator('button[data-download="proforma-invoice"]').click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/\.pdf$/);
    await page.close();
  });

  it('names account managers by name in the stalled report, and speaks of money only where it shows some', async () => {
    await eventually(
      async () => {
        const res = await request(stack.app).get('/reports/stalled').set(bearer(TOKENS.viewer));
        const rows = (res.body as { accountManagers: { accountManager: string }[] }).accountManagers;
        return rows.some((m) => m.accountManager === MANAGER.email) || undefined;
      },
      { timeoutMs: 30_000 },
    );
    const page = await openOrder(1400);
    await page.goto(`${base}/console/#/reports/stalled`);
    const table = page.locator('main table');
    await table.waitFor();
    const text = await table.innerText();
    expect(text).toContain(MANAGER.name);
    expect(text).not.toContain(MANAGER.email);
    expect(await page.locator('main .hint').first().innerText()).not.toMatch(/amount|currency/i);
    await page.goto(`${base}/console/#/reports/stage-times`);
    await page.locator('main table').waitFor();
    expect(await page.locator('main .hint').first().innerText()).not.toMatch(/amount|currency/i);
    await page.goto(`${base}/console/#/reports/receivables`);
    await page.locator('main p', { hasText: 'As of' }).waitFor();
    expect(await page.locator('main .hint').first().innerText()).toMatch(/never converted/);
    await page.close();
  });

  it('keeps the page free of script errors and CSP violations', () => {
    expect(problems).toEqual([]);
  });
});
