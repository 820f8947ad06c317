/**
 * The console in Simplified Chinese, end to end in headless Chromium (browser language zh-CN, time
 * zone Asia/Shanghai) against a real API, worker, Temporal and PostgreSQL: sign-in, the list, an
 * order through its first stages, the report pages with their charts and CSV, a viewer's read-only
 * pages, the language switch, and an axe check of each main page.
 * Screenshots go to artifacts/; with UPDATE_DOCS_SCREENSHOTS=1 also to docs/img/ (README).
 */
import { copyFileSync, mkdirSync, readFileSync } from 'node:fs';
import type { Server } from 'node:http';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { newInquiry } from '../../harness/orderFixtures';
import type { SmtpSink } from '../../harness/smtp';
import { TOKENS, type Stack } from '../../harness/stack';
import { createOrder, orderWhen } from '../api/helpers';
import { orderRecord, batch } from '../readModel/records';
import {
  closeAll,
  describeBrowser,
  fillForm,
  launchChromium,
  refusedOnPurpose,
  seriousAxeViolations,
  watchedPage,
  serveConsole,
} from './browser';

const ROOT = path.resolve(__dirname, '..', '..');
const ARTIFACTS = path.join(ROOT, 'artifacts');
const run = `${Date.now().toString(36)}-${process.pid}`;
const BUYER = `汉堡灯具贸易公司 ${run}`;

describeBrowser('ops console in Simplified Chinese', () => {
  let smtp: SmtpSink;
  let stack: Stack;
  let server: Server;
  let base: string;
  let browser: Browser;
  let page: Page;
  const problems: string[] = [];
  const orderId = `PO-ZH-${run}`;

  beforeAll(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    ({ smtp, stack, server, base } = await serveConsole());
    await createOrder(stack.app, {
      orderId,
      ...newInquiry(),
      customer: { ...newInquiry().customer, company: BUYER },
    });
    // Receivables with due dates (the payment plans that set them are the lead's): rows as the
    // projection writes them, so the chart has every age bucket.
    const customers = ['宁波进出口有限公司', 'Acme GmbH', 'Globex Ltd'];
    const dueDaysAgo = [-10, 12, 45, 75, 120];
    let n = 0;
    for (const [c, customer] of customers.entries())
      for (const [b, days] of dueDaysAgo.entries()) {
        if ((c + b) % 2 === 1 && b !== 0) continue;
        n += 1;
        await stack.readModel.project(
          batch(
            orderRecord({
              orderId: `PO-AR-${run}-${n}`,
              customerCompany: customer,
              stage: 'BALANCE',
              amountOutstanding: { amount: `${(c + 1) * 1000 + b * 750}.00`, currency: 'USD' },
              nextDueAt: new Date(Date.now() - days * 86_400_000).toISOString(),
            }),
          ),
        );
      }
    browser = await launchChromium();
    page = await watchedPage(
      browser,
      {
        viewport: { width: 1366, height: 900 },
        locale: 'zh-CN',
        timezoneId: 'Asia/Shanghai',
        acceptDownloads: true,
      },
      problems,
      refusedOnPurpose,
    );
  }, 60_000);

  afterAll(async () => {
    await closeAll({ browser, server, stack, smtp });
  });

  async function shot(name: string, docsName?: string): Promise<void> {
    const file = path.join(ARTIFACTS, name);
    await page.screenshot({ path: file, fullPage: true });
    if (docsName && process.env.UPDATE_DOCS_SCREENSHOTS) {
      mkdirSync(path.join(ROOT, 'docs', 'img'), { recursive: true });
      copyFileSync(file, path.join(ROOT, 'docs', 'img', docsName));
    }
  }

  async function expectAccessible(where: string): Promise<void> {
    expect({ where, violations: await seriousAxeViolations(page) }).toEqual({ where, violations: [] });
  }

  async function signIn(token: string): Promise<void> {
    await page.getByLabel('API 令牌').fill(token);
    await page.getByRole('button', { name: '登录' }).click();
    await page.getByRole('heading', { name: '订单', level: 1 }).waitFor();
  }

  /** Picks the event by its Chinese name, fills its form, submits it and waits for the stage. */
  async function record(type: string, name: string, fields: Record<string, string | boolean>, stage: string) {
    await page.locator(`#event-type option[value="${type}"]`).waitFor({ state: 'attached' });
    expect(await page.locator(`#event-type option[value="${type}"]`).innerText()).toBe(name);
    await page.selectOption('#event-type', type);
    const form = `form[data-event="${type}"]`;
    await page.locator(form).waitFor();
    await fillForm(page, form, fields);
    await page.locator(`${form} button[type=submit]`).click();
    await page
      .locator('#flash')
      .filter({ hasText: `已记录：${name}。订单现处于 ${stage} 阶段。` })
      .waitFor();
    await page.locator('#order-stage').filter({ hasText: stage }).waitFor();
  }

  it('opens in Chinese (the browser language), signs in, and lists orders with Chinese stage names', async () => {
    await page.goto(`${base}/`);
    expect(await page.locator('html').getAttribute('lang')).toBe('zh-CN');
    expect(await page.locator('#language').inputValue()).toBe('zh-CN');
    await page.getByRole('heading', { name: '登录' }).waitFor();
    await expectAccessible('sign-in');
    await page.getByLabel('API 令牌').fill('not-a-token');
    await page.getByRole('button', { name: '登录' }).click();
    await page.locator('#flash').filter({ hasText: '令牌无效' }).waitFor();
    await signIn(TOKENS.ops);
    await page.locator('#who').filter({ hasText: '已登录：alice（运营）' }).waitFor();
    const strip = await page.locator('.stage-strip').innerText();
    for (const stage of ['询盘', '报价', '打样', '合同', '预付款', '生产', '订舱/报关/提单', '尾款', '放单'])
      expect(strip).toContain(stage);
    await page.getByLabel('客户（公司名称的一部分）').fill(BUYER);
    await page.getByRole('button', { name: '筛选' }).click();
    const row = page.locator(`tr[data-order-id="${orderId}"]`);
    await row.waitFor();
    expect(await row.innerText()).toContain('询盘');
    await expectAccessible('list');
  });

  it('walks an order from inquiry to production in Chinese, times in the browser zone', async () => {
    await page.locator(`tr[data-order-id="${orderId}"] a`).click();
    await page.getByRole('heading', { name: `订单 ${orderId}` }).waitFor();
    await page.locator('#order-stage').filter({ hasText: '询盘' }).waitFor();
    await record(
      'QUOTATION_SENT',
      '已报价',
      {
        quotationNo: 'Q-ZH-1',
        incoterm: 'FOB',
        namedPlace: '宁波',
        'lines.0.description': '40W LED 面板灯',
        'lines.0.quantity': '1000',
        'lines.0.unitPrice.amount': '12.50',
        'paymentTerms.method': 'TT',
        validUntil: '2099-01-31',
        leadTimeDays: '30',
      },
      '报价',
    );
    await record('QUOTATION_ACCEPTED', '客户接受报价', { sampleRequired: false }, '合同');
    await record(
      'CONTRACT_SIGNED',
      '合同签订',
      { contractNo: 'C-ZH-1', 'totalAmount.amount': '12500.00' },
      '预付款',
    );
    // Labels of the form are Chinese too.
    await page.selectOption('#event-type', 'DEPOSIT_RECEIVED');
    const deposit = page.locator('form[data-event="DEPOSIT_RECEIVED"]');
    expect(await deposit.innerText()).toContain('水单号/参考号');
    await record(
      'DEPOSIT_RECEIVED',
      '收到预付款',
      { 'amount.amount': '3750.00', reference: 'TT-ZH-1' },
      '生产',
    );

    const timeline = await page.locator('#sec-timeline').locator('..').innerText();
    for (const name of ['收到询盘', '已报价', '合同签订', '收到预付款']) expect(timeline).toContain(name);
    // Shanghai is UTC+8: the times carry that zone, never "UTC".
    expect(timeline).toMatch(/GMT\+8/);
    expect(timeline).not.toMatch(/UTC/);
    expect(await page.locator('.stepper li.done').count()).toBe(5);
    await expectAccessible('order');
    await shot('console-zh-order.png', 'console-zh.png');
  });

  it('shows the receivables as a stacked bar chart with a CSV download, and the other reports', async () => {
    await orderWhen(stack.app, orderId, (v) => v.stage === 'PRODUCTION');
    await page.getByRole('link', { name: '报表' }).click();
    await page.getByRole('heading', { name: '报表', level: 1 }).waitFor();
    await expectAccessible('reports');
    await page.getByRole('link', { name: '应收账款' }).click();
    await page.getByRole('heading', { name: '应收账款', level: 1 }).waitFor();
    const report = page.locator('[data-report="receivables"]');
    await report.locator('canvas').waitFor();
    const text = await report.innerText();
    for (const bucket of ['未到期', '逾期 1–30 天', '逾期 31–60 天', '逾期 61–90 天', '逾期 90 天以上'])
      expect(text).toContain(bucket);
    expect(text).toContain('宁波进出口有限公司');
    expect(text).toContain(BUYER); // the order above owes 8,750.00, not yet due
    // The chart was drawn: Chart.js registered it, stacked, with one dataset per bucket.
    const chart = await page.evaluate(`(() => {
      const c = window.Chart.getChart(document.querySelector('[data-report="receivables"] canvas'));
      return { type: c.config.type, stacked: c.options.scales.y.stacked, datasets: c.data.datasets.length };
    })()`);
    expect(chart).toEqual({ type: 'bar', stacked: true, datasets: 5 });
    await expectAccessible('receivables');
    await shot('report-receivables.png', 'report-receivables.png');

    const [file] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: '下载 CSV' }).click(),
    ]);
    expect(file.suggestedFilename()).toMatch(/^receivables-\d{4}-\d{2}-\d{2}\.csv$/);
    const csv = readFileSync(await file.path(), 'utf8');
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(csv).toContain('宁波进出口有限公司,USD,');

    for (const [hash, title] of [
      ['stalled', '超时订单'],
      ['stage-times', '阶段耗时'],
    ]) {
      await page.goto(`${base}/console/#/reports/${hash}`);
      await page.getByRole('heading', { name: title, level: 1 }).waitFor();
      await page.locator(`[data-report="${hash}"] :is(canvas, p.muted)`).first().waitFor();
      await expectAccessible(hash);
      await shot(`report-${hash}.png`);
    }
    // The stage-times chart has the order's stays: inquiry, quotation, contract, deposit.
    expect(await page.locator('[data-report="stage-times"] table').innerText()).toContain('预付款');
  });

  it('shows a viewer no forms, and switches to English and back, remembering the choice', async () => {
    await page.getByRole('button', { name: '退出' }).click();
    await signIn(TOKENS.viewer);
    expect(await page.getByRole('link', { name: '新询盘' }).count()).toBe(0);
    await page.goto(`${base}/console/#/orders/${encodeURIComponent(orderId)}`);
    await page.locator('#order-stage').filter({ hasText: '生产' }).waitFor();
    expect(await page.locator('#event-type').count()).toBe(0);
    await page.goto(`${base}/console/#/new`);
    await page.getByRole('heading', { name: '订单', level: 1 }).waitFor();
    expect(await page.locator('#new-inquiry').count()).toBe(0);

    await page.getByLabel('语言').selectOption('en');
    await page.getByRole('heading', { name: 'Orders', level: 1 }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    await page.reload();
    await page.getByRole('heading', { name: 'Orders', level: 1 }).waitFor();
    expect(await page.evaluate<string | null>("localStorage.getItem('orderDesk.language')")).toBe('en');
    await page.getByLabel('Language').selectOption('zh-CN');
    await page.getByRole('heading', { name: '订单', level: 1 }).waitFor();
  });

  it('keeps the pages free of script errors and CSP violations', () => {
    expect(problems).toEqual([]);
  });
});
