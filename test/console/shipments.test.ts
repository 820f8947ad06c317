/**
 * Shipments in parts on the order page, in Chromium against the real stack: the page plans a
 * shipment through its form (a quantity per contract line), lists each shipment with what it
 * carries, its B/L, its release and its share of the balance, in English and in Chinese.
 */
import type { Server } from 'node:http';
import type { Browser, Page } from 'playwright-core';
import { createOrder, orderWhen, sendEvent } from '../api/helpers';
import { fullLife, newInquiry } from '../../harness/orderFixtures';
import type { SmtpSink } from '../../harness/smtp';
import { TOKENS, type Stack } from '../../harness/stack';
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
const ORDER = `PO-SHIP-${run}`;

describeBrowser('shipments on the order page', () => {
  let smtp: SmtpSink;
  let stack: Stack;
  let server: Server;
  let base: string;
  let browser: Browser;
  const problems: string[] = [];

  beforeAll(async () => {
    ({ smtp, stack, server, base } = await serveConsole());
    await createOrder(stack.app, { orderId: ORDER, ...newInquiry() });
    for (const event of [
      fullLife.quotation,
      { type: 'QUOTATION_ACCEPTED', sampleRequired: false },
      fullLife.contract,
      { ...fullLife.deposit1, amount: { amount: '7500.00', currency: 'USD' } },
      { type: 'SHIPMENT_PLANNED', shipmentId: 'S1', lines: [{ lineNo: 1, quantity: 1200 }] },
    ])
      expect((await sendEvent(stack.app, ORDER, event)).status).toBe(200);
    await orderWhen(
      stack.app,
      ORDER,
      (v) => v.shipments.length === 1 && v.allowedEvents.includes('SHIPMENT_PLANNED'),
    );
    browser = await launchChromium();
  }, 60_000);

  afterAll(async () => {
    await closeAll({ browser, server, stack, smtp });
  });

  async function openOrder(locale: string): Promise<Page> {
    const page = await watchedPage(
      browser,
      { viewport: { width: 1366, height: 900 }, locale },
      problems,
      refusedOnPurpose,
    );
    await signIn(page, base, TOKENS.ops);
    await page.goto(`${base}/console/#/orders/${encodeURIComponent(ORDER)}`);
    await page.locator('#sec-shipments').waitFor();
    return page;
  }

  it('plans the second shipment through its form and lists both', async () => {
    const page = await openOrder('en-US');
    const form = 'form[data-form="plan-shipment"]';
    expect(await page.locator(`${form} #plan-shipment-id`).inputValue()).toBe('S2');
    await page.locator(`${form} #plan-line-1`).fill('800');
    await page.locator(`${form} button[type=submit]`).click();
    await page.locator('#flash').filter({ hasText: 'Recorded: Shipment planned.' }).waitFor();
    const table = page.locator('section[aria-labelledby="sec-shipments"] table');
    await table.locator('tbody tr').nth(1).waitFor();
    const rows = await table.locator('tbody tr').allInnerTexts();
    expect(rows[0]).toContain('line 1 × 1200');
    expect(rows[1]).toContain('line 1 × 800');
    expect(rows[1]).toContain('not released yet');
    const view = await orderWhen(stack.app, ORDER, (v) => v.shipments.length === 2);
    expect(view.shipments[1].lines).toEqual([{ lineNo: 1, quantity: 800 }]);
    await page.close();
  }, 60_000);

  it('refuses more than the contract with the API’s reason', async () => {
    const page = await openOrder('en-US');
    const form = 'form[data-form="plan-shipment"]';
    await page.locator(`${form} #plan-shipment-id`).fill('S3');
    await page.locator(`${form} #plan-line-1`).fill('1');
    await page.locator(`${form} button[type=submit]`).click();
    await page
      .locator(`${form} .form-message`)
      .filter({ hasText: /exceeds the contract/ })
      .waitFor();
    await page.close();
  }, 60_000);

  it('speaks Chinese', async () => {
    const page = await openOrder('zh-CN');
    const text = await page.locator('section[aria-labelledby="sec-shipments"]').innerText();
    expect(text).toContain('分批出运');
    expect(text).toContain('第 1 行 × 1200');
    expect(text).not.toMatch(/\bline\b|Shipments|not released/);
    await page.close();
  }, 60_000);

  it('had no script errors or CSP violations', () => {
    expect(problems).toEqual([]);
  });
});
