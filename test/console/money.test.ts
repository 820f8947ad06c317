/**
 * Money after shipment in the Chinese console, in Chromium against the real stack: an order of a
 * company that claims the export VAT rebate as a trader is walked through shipment over the API;
 * then, from the order's 收汇与退税 panel, a receipt is settled into CNY, a cost recorded and the
 * rebate's documents, filing and receipt recorded; the profit follows to the fen, and the reports
 * page draws the rebates, the profit and, for a customer with limits and an open-account contract,
 * the exposure. Screenshots go to artifacts/; with UPDATE_DOCS_SCREENSHOTS=1 also to docs/img/
 * (money-panel-zh.png, reports-money-zh.png, reports-exposure-zh.png).
 */
import { copyFileSync, mkdirSync } from 'node:fs';
import type { Server } from 'node:http';
import path from 'node:path';
import request from 'supertest';
import type { Browser, Locator, Page } from 'playwright-core';
import { createOrder, orderWhen, sendEvent } from '../api/helpers';
import { fullLife, newInquiry, planLife } from '../../harness/orderFixtures';
import type { SmtpSink } from '../../harness/smtp';
import { bearer, TOKENS, type Stack } from '../../harness/stack';
import { eventually } from '../../harness/temporal';
import {
  closeAll,
  describeBrowser,
  launchChromium,
  refusedOnPurpose,
  watchedPage,
  signIn,
  CHINESE_PAGE,
  serveConsole,
} from './browser';

const ROOT = path.resolve(__dirname, '..', '..');
const ARTIFACTS = path.join(ROOT, 'artifacts');
const run = `${Date.now().toString(36)}-${process.pid}`;
const ORDER = `PO-MONEY-${run}`;

describeBrowser('money after shipment in the Chinese console', () => {
  let smtp: SmtpSink;
  let stack: Stack;
  let server: Server;
  let base: string;
  let browser: Browser;
  let page: Page;
  const problems: string[] = [];

  beforeAll(async () => {
    ({ smtp, stack, server, base } = await serveConsole());
    const profile = {
      name: 'Ningbo Lights Co., Ltd.',
      address: 'No. 1 Harbour Road, Ningbo',
      timeZone: 'Asia/Shanghai',
      rebateMethod: 'TRADING',
    };
    expect(
      (await request(stack.app).put('/company').set(bearer(TOKENS.admin)).send({ profile })).status,
    ).toBe(200);
    await createOrder(stack.app, { orderId: ORDER, ...newInquiry() });
    // T/T with a 30 % deposit: 7,500.00 USD before production and 17,500.00 USD after the B/L.
    for (const event of planLife('TT')) {
      const sent = event.type === 'CONTRACT_SIGNED' ? { ...event, fxRate: '7.1000' } : event;
      await orderWhen(stack.app, ORDER, (v) => v.allowedEvents.includes(event.type), 30_000);
      expect({ type: event.type, status: (await sendEvent(stack.app, ORDER, sent)).status }).toEqual({
        type: event.type,
        status: 200,
      });
    }
    const done = await orderWhen(stack.app, ORDER, (v) => v.status === 'COMPLETED' && v.rebate !== null);
    expect(done.rebate).toMatchObject({ status: 'PENDING' });
    browser = await launchChromium();
    page = await watchedPage(browser, CHINESE_PAGE, problems, refusedOnPurpose);
    await signIn(page, base, TOKENS.manager);
  }, 120_000);

  afterAll(async () => {
    await closeAll({ browser, server, stack, smtp });
  });

  async function shot(target: Page | Locator, name: string): Promise<void> {
    mkdirSync(ARTIFACTS, { recursive: true });
    const file = path.join(ARTIFACTS, name);
    await target.screenshot({ path: file, ...('goto' in target ? { fullPage: true } : {}) });
    if (process.env.UPDATE_DOCS_SCREENSHOTS) copyFileSync(file, path.join(ROOT, 'docs', 'img', name));
  }

  const panel = () => page.locator('section[aria-labelledby="sec-money"]');
  const form = (type: string) => panel().locator(`form[data-money-event="${type}"]`);
  /** Submits the form; resolves once the page repainted the order (the form is gone), fails with its message. */
  async function submit(type: string, within: Locator = form(type)): Promise<void> {
    const before = await within.elementHandle();
    await within.locator('button[type=submit]').click();
    const refused = within.locator('.form-message');
    await Promise.race([
      before?.waitForElementState('hidden'),
      refused.waitFor({ state: 'visible' }).then(async () => {
        throw new Error(`${type} refused: ${await refused.innerText()}`);
      }),
    ]);
  }

  it('settles a receipt, records a cost and the rebate from the panel, and shows the profit', async () => {
    await page.goto(`${base}/console/#/orders/${encodeURIComponent(ORDER)}`);
    await panel().waitFor();
    expect(await panel().locator('h2').innerText()).toBe('收汇与退税');
    expect(await panel().innerText()).toContain('待收集单据');

    // The deposit (TT-1, 7,500.00 USD) at 7.2000: 54,000.00 CNY, a gain of 750.00 against 7.1000.
    const deposit = panel().locator('li', { hasText: 'TT-1' }).locator('form');
    await deposit.locator('[name="rate"]').fill('7.2000');
    await deposit.locator('[name="cnyAmount.amount"]').fill('54000.00');
    await deposit.locator('[name="settledOn"]').fill('2027-02-01');
    await submit('FX_SETTLED', deposit);
    await panel().locator('li', { hasText: 'TT-1' }).waitFor({ state: 'detached' });

    await form('COST_RECORDED').locator('[name="kind"]').selectOption('PURCHASE');
    await form('COST_RECORDED').locator('[name="amount.amount"]').fill('40000.33');
    await submit('COST_RECORDED');

    const documents = form('REBATE_DOCUMENTS_RECORDED');
    await documents.locator('[name="vatInvoices.0.number"]').fill('VAT-0001');
    await documents.locator('[name="vatInvoices.0.amount.amount"]').fill('30000.00');
    await documents.locator('[name="vatInvoices.0.taxAmount.amount"]').fill('3900.00');
    await submit('REBATE_DOCUMENTS_RECORDED');
    await form('REBATE_FILED').locator('[name="batchNo"]').fill('2027-03-01');
    await form('REBATE_FILED').locator('[name="filedOn"]').fill('2027-03-05');
    await submit('REBATE_FILED');
    await form('REBATE_RECEIVED').locator('[name="cnyAmount.amount"]').fill('3900.00');
    await submit('REBATE_RECEIVED');

    await panel().locator('#rebate-status', { hasText: '已到账' }).waitFor();
    const view = await orderWhen(stack.app, ORDER, (v) => v.rebate?.status === 'RECEIVED');
    // 54,000.00 revenue + 3,900.00 rebate − 40,000.33 costs.
    expect(view.cny).toMatchObject({
      revenue: { amount: '54000.00', currency: 'CNY' },
      fxGainLoss: { amount: '750.00', currency: 'CNY' },
      costs: { amount: '40000.33', currency: 'CNY' },
      profit: { amount: '17899.67', currency: 'CNY' },
      unsettled: [{ amount: '17500.00', currency: 'USD' }],
    });
    expect(await panel().locator('#money-profit').innerText()).toMatch(/17,899\.67/);
    const text = await panel().innerText();
    expect(text).toContain('待结汇收款');
    expect(text).toContain('采购');
    expect(await page.locator('table.receipts').innerText()).toMatch(/54,000\.00.*7\.2000/s);
    await shot(panel(), 'money-panel-zh.png');
  }, 120_000);

  it('draws the rebates and the profit on the reports page', async () => {
    await page.goto(`${base}/console/#/reports/rebates`);
    await page.locator('section[aria-labelledby="sec-rebates-by-month"] canvas').waitFor();
    const rebates = await page.locator('.report').innerText();
    expect(rebates).toContain('按月退税');
    expect(rebates).toContain('已到账');
    expect(rebates).toMatch(/3,900\.00/);

    await page.goto(`${base}/console/#/reports/profit`);
    await page.locator('section[aria-labelledby="sec-profit-by-customer"] canvas').waitFor();
    expect(await page.locator('section[aria-labelledby="sec-profit-by-month"] canvas').count()).toBe(1);
    const profit = await page.locator('.report').innerText();
    expect(profit).toContain('按客户利润');
    expect(profit).toMatch(/17,899\.67/);
    await shot(page, 'reports-money-zh.png');
  }, 60_000);

  it('draws the customers’ exposure against their limits on the reports page', async () => {
    const usd = (amount: string) => ({ amount, currency: 'USD' });
    const buyer = await request(stack.app)
      .post('/customers')
      .set(bearer(TOKENS.manager))
      .send({
        company: 'Hamburg Lights GmbH',
        email: 'ap@hamburg-lights.example',
        country: 'DE',
        creditLimit: usd('40000.00'),
        insurance: { insurer: '中信保', policyNo: 'SIN-7', limit: usd('30000.00'), declarationDays: 15 },
      });
    expect(buyer.status).toBe(201);
    const customerId = (buyer.body as { id: string }).id;
    // A second customer with a credit limit and nothing open: listed at 0.00 %.
    const lyon = { company: 'Lyon Trading SARL', email: 'achats@lyon-trading.example', country: 'FR' };
    const second = await request(stack.app)
      .post('/customers')
      .set(bearer(TOKENS.manager))
      .send({ ...lyon, creditLimit: usd('10000.00') });
    expect(second.status).toBe(201);
    const oaOrder = `PO-OA-${run}`;
    const { customer: _inline, ...inquiry } = newInquiry();
    const created = await request(stack.app)
      .post('/orders')
      .set(bearer(TOKENS.ops))
      .send({ orderId: oaOrder, ...inquiry, customerId });
    expect(created.status).toBe(201);
    // An open-account contract of 25,000.00 USD: 83.33 % of the insured limit.
    for (const event of [
      { ...fullLife.quotation, paymentTerms: { method: 'OA', depositPercent: 0 } },
      { type: 'QUOTATION_ACCEPTED', sampleRequired: false },
      {
        type: 'CONTRACT_SIGNED',
        contractNo: `C-OA-${run}`,
        totalAmount: usd('25000.00'),
        paymentPlan: { depositPercent: 0, tenorDays: 30 },
      },
    ] as const) {
      await orderWhen(stack.app, oaOrder, (v) => v.allowedEvents.includes(event.type), 30_000);
      expect({ type: event.type, status: (await sendEvent(stack.app, oaOrder, event)).status }).toEqual({
        type: event.type,
        status: 200,
      });
    }
    // The report reads the read model: wait until the projection shows the contract.
    await eventually(async () => {
      const res = await request(stack.app).get('/reports/exposure').set(bearer(TOKENS.viewer));
      const body = res.body as { customers: { customerId: string; utilisation: string | null }[] };
      return body.customers.find((c) => c.customerId === customerId)?.utilisation === '83.33' || undefined;
    });

    await page.goto(`${base}/console/#/reports/exposure`);
    await page.locator('section[aria-labelledby="sec-exposure-USD"] canvas').waitFor();
    const report = await page.locator('.report').innerText();
    expect(report).toContain('按客户信用敞口');
    expect(report).toContain('Hamburg Lights GmbH');
    expect(report).toMatch(/Lyon Trading SARL.*0\.00 %/s);
    expect(report).toMatch(/25,000\.00/);
    expect(report).toMatch(/83\.33 %/);
    expect(report).toContain('保险限额');
    await shot(page, 'reports-exposure-zh.png');
  }, 90_000);

  it('had no script errors or CSP violations', () => {
    expect(problems).toEqual([]);
  });
});
