/**
 * The order list's search box and filters in Chromium against the real stack: an order found by
 * its B/L number, then by part of its Chinese customer name and its account manager's name, which
 * the list shows instead of the email; the page in Chinese names the same controls.
 */
import type { Server } from 'node:http';
import type { Browser, Page } from 'playwright-core';
import { createOrder, orderWhen, sendEvent } from '../api/helpers';
import { planLife, newInquiry } from '../../harness/orderFixtures';
import type { SmtpSink } from '../../harness/smtp';
import { TOKENS, type Stack } from '../../harness/stack';
import {
  closeAll,
  describeBrowser,
  launchChromium,
  refusedOnPurpose,
  seriousAxeViolations,
  watchedPage,
  serveConsole,
} from './browser';

const run = `${Date.now().toString(36)}${process.pid}`.toUpperCase();
const BL_NO = `BL-${run}`;
const COMPANY = `宁波海港${run}贸易有限公司`;

describeBrowser('searching the order list', () => {
  let smtp: SmtpSink;
  let stack: Stack;
  let server: Server;
  let base: string;
  let browser: Browser;
  let page: Page;
  let shipped: string;
  let other: string;
  const problems: string[] = [];

  beforeAll(async () => {
    ({ smtp, stack, server, base } = await serveConsole());
    const customer = newInquiry().customer;
    shipped = (
      await createOrder(stack.app, {
        customer: { ...customer, company: COMPANY, name: '张伟' },
        accountManager: { name: '王芳', email: 'wang.fang@exporter.example' },
      })
    ).orderId;
    other = (await createOrder(stack.app, { customer: { ...customer, company: `Acme ${run}` } })).orderId;
    const life = planLife('TT');
    const upToBl = life.slice(0, life.findIndex((e) => e.type === 'BILL_OF_LADING_ISSUED') + 1);
    for (const event of upToBl) {
      await orderWhen(stack.app, shipped, (v) => v.allowedEvents.includes(event.type), 30_000);
      const sent = event.type === 'BILL_OF_LADING_ISSUED' ? { ...event, blNo: BL_NO } : event;
      expect((await sendEvent(stack.app, shipped, sent)).status).toBe(200);
    }
    await orderWhen(stack.app, shipped, (v) => v.shipping.billOfLading?.blNo === BL_NO);
    browser = await launchChromium();
    page = await watchedPage(browser, { viewport: { width: 1366, height: 900 } }, problems, refusedOnPurpose);
    await page.goto(`${base}/`);
    await page.getByLabel('API token').fill(TOKENS.viewer);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Orders', level: 1 }).waitFor();
  }, 120_000);

  afterAll(async () => {
    await closeAll({ browser, server, stack, smtp });
  });

  /** The order ids the list shows, top to bottom. */
  async function listedIds(): Promise<(string | null)[]> {
    const rows = await page.locator('table.orders tbody tr').all();
    return Promise.all(rows.map((row) => row.getAttribute('data-order-id')));
  }

  it('finds an order by its B/L number through the search box', async () => {
    await page.getByLabel('Search').fill(BL_NO.toLowerCase());
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await page.waitForURL(/q=bl-/);
    await page.locator(`tr[data-order-id="${shipped}"]`).waitFor();
    expect(await listedIds()).toEqual([shipped]);
    // The account manager by name, the email on hover.
    const manager = page.locator(`tr[data-order-id="${shipped}"] td`).nth(3);
    expect(await manager.textContent()).toBe('王芳');
    expect(await manager.locator('span').getAttribute('title')).toBe('wang.fang@exporter.example');
    // The stage strip's counts (not this page's search) are named apart from their text.
    const violations = await seriousAxeViolations(page);
    expect(violations.filter((v) => v.id !== 'label-content-name-mismatch')).toEqual([]);
  });

  it('filters by part of the customer and of the account manager name', async () => {
    await page.goto(`${base}/console/#/`);
    await page.getByLabel('Customer (part of the company name)').fill(`海港${run}`);
    await page.getByLabel('Account manager (part of the name)').fill('芳');
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await page.locator(`tr[data-order-id="${shipped}"]`).waitFor();
    expect(await listedIds()).toEqual([shipped]);
    await page.goto(`${base}/console/#/?customerPart=${encodeURIComponent(`acme ${run}`)}&overdue=false`);
    await page.locator(`tr[data-order-id="${other}"]`).waitFor();
    expect(await listedIds()).toEqual([other]);
    expect(await page.getByLabel('Payment overdue').inputValue()).toBe('false');
    expect(problems).toEqual([]);
  });

  it('names the search box and the filters in Chinese', async () => {
    await page.locator('#language').selectOption('zh-CN');
    await page.getByLabel('搜索').waitFor();
    for (const label of ['客户（公司名称的一部分）', '业务员（姓名的一部分）', '付款逾期', '流程模板'])
      await page.getByLabel(label).waitFor();
    await page.locator('#language').selectOption('en');
    expect(problems).toEqual([]);
  });
});
