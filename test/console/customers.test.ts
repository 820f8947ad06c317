/**
 * The customer page in Simplified Chinese, in Chromium against the real stack: reached from the
 * order page, it lists the customer's orders, what they still owe, its exposure against the credit
 * and insured limits as bars, and its contacts; the customer list finds it by name. A manager
 * creates a customer through the form, edits it, and is refused a duplicate; ops (who do not see the
 * credit fields) start an order for it through the new inquiry's customer picker.
 * Screenshots go to artifacts/; with UPDATE_DOCS_SCREENSHOTS=1 also to docs/img/ (README).
 */
import { copyFileSync, mkdirSync } from 'node:fs';
import type { Server } from 'node:http';
import path from 'node:path';
import request from 'supertest';
import type { Browser, Page } from 'playwright-core';
import { sendEvent } from '../api/helpers';
import { fullLife, newInquiry } from '../../harness/orderFixtures';
import type { SmtpSink } from '../../harness/smtp';
import { bearer, TOKENS, type Stack } from '../../harness/stack';
import { eventually } from '../../harness/temporal';
import {
  closeAll,
  describeBrowser,
  fillForm,
  launchChromium,
  refusedOnPurpose,
  seriousAxeViolations,
  watchedPage,
  signIn,
  CHINESE_PAGE,
  serveConsole,
} from './browser';

const ROOT = path.resolve(__dirname, '..', '..');
const ARTIFACTS = path.join(ROOT, 'artifacts');
const run = `${Date.now().toString(36)}-${process.pid}`;
const ORDER = `PO-CUSTOMER-${run}`;
const usd = (amount: string) => ({ amount, currency: 'USD' });
/** A card of the page by its key (its heading's id is sec-<key>). */
const card = (key: string) => `section[aria-labelledby="sec-${key}"]`;

describeBrowser('the customer page in Chinese', () => {
  let smtp: SmtpSink;
  let stack: Stack;
  let server: Server;
  let base: string;
  let browser: Browser;
  let page: Page;
  let customerId: string;
  const problems: string[] = [];
  /** A page of the same browser signed in with another token, in Chinese. */
  async function signedIn(token: string): Promise<Page> {
    const other = await watchedPage(browser, CHINESE_PAGE, problems, refusedOnPurpose);
    await signIn(other, base, token);
    return other;
  }

  beforeAll(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    ({ smtp, stack, server, base } = await serveConsole());
    const created = await request(stack.app)
      .post('/customers')
      .set(bearer(TOKENS.manager))
      .send({
        company: `Hamburg Lighting ${run} GmbH`,
        companyLocal: '汉堡灯具贸易公司',
        email: `buying-${run}@hamburg-lighting.example`,
        country: 'DE',
        language: 'zh-CN',
        contacts: [
          {
            name: 'Jana Keller',
            email: 'jana@hamburg-lighting.example',
            title: 'Head of buying',
            phone: '+49 40 555 01',
          },
        ],
        addresses: [{ kind: 'SHIPPING', text: 'Speicherstadt 1, 20457 Hamburg', country: 'DE' }],
        defaultTerms: { incoterm: 'CFR', paymentMethod: 'OA', currency: 'USD' },
        creditLimit: usd('40000.00'),
        insurance: {
          insurer: 'Sinosure',
          policyNo: 'SIN-2027-88',
          limit: usd('25000.00'),
          declarationDays: 15,
        },
      });
    expect(created.status).toBe(201);
    customerId = (created.body as { id: string }).id;
    const { customer: _typed, ...inquiry } = newInquiry();
    const order = await request(stack.app)
      .post('/orders')
      .set(bearer(TOKENS.ops))
      .send({ orderId: ORDER, ...inquiry, customerId });
    expect(order.status).toBe(201);
    for (const event of [
      { ...fullLife.quotation, paymentTerms: { method: 'OA', depositPercent: 0 } },
      { type: 'QUOTATION_ACCEPTED', sampleRequired: false },
      {
        ...fullLife.contract,
        totalAmount: usd('22000.00'),
        paymentPlan: { depositPercent: 0, tenorDays: 30 },
      },
    ])
      expect((await sendEvent(stack.app, ORDER, event)).status).toBe(200);
    await eventually(async () => {
      const res = await request(stack.app).get(`/customers/${customerId}`).set(bearer(TOKENS.viewer));
      const body = res.body as { credit: { exposure: { amount: string } } | null };
      return body.credit?.exposure.amount === '22000.00' ? true : undefined;
    });
    browser = await launchChromium();
    page = await watchedPage(browser, CHINESE_PAGE, problems, refusedOnPurpose);
    await signIn(page, base, TOKENS.viewer);
  }, 90_000);

  afterAll(async () => {
    await closeAll({ browser, server, stack, smtp });
    expect(problems).toEqual([]);
  });

  it('opens from the order page and shows orders, money, the limits as bars and the contacts', async () => {
    await page.goto(`${base}/console/#/orders/${encodeURIComponent(ORDER)}`);
    await page.locator('#order-customer').click();
    await page.locator('#sec-credit').waitFor();
    expect(await page.locator('#page-title').textContent()).toContain('汉堡灯具贸易公司');
    expect(await page.locator(card('credit')).textContent()).toContain('信用额度');
    expect(await page.locator('#credit-limit progress').getAttribute('value')).toBe('55');
    // 22,000 of an insured 25,000: near the limit.
    expect(await page.locator('#credit-insured progress').getAttribute('class')).toContain('near');
    expect(await page.locator(card('customer-orders')).textContent()).toContain(ORDER);
    expect(await page.locator(card('contacts')).textContent()).toContain('Jana Keller');
    expect(await page.locator(card('outstanding')).textContent()).toMatch(/22,000/);
    expect(await seriousAxeViolations(page)).toEqual([]);
    const file = path.join(ARTIFACTS, 'customer-page-zh.png');
    await page.screenshot({ path: file, fullPage: true });
    if (process.env.UPDATE_DOCS_SCREENSHOTS)
      copyFileSync(file, path.join(ROOT, 'docs', 'img', 'customer-page-zh.png'));
  });

  it('finds the customer in the list by name', async () => {
    await page.goto(`${base}/console/#/customers`);
    await page.locator('#customer-q').fill('Hamburg Lighting');
    await page.keyboard.press('Enter');
    await page.locator(`a[href="#/customers/${customerId}"]`).waitFor();
    expect(await page.locator('nav a[aria-current="page"]').textContent()).toBe('客户');
  });

  describe('customer forms', () => {
    const company = `Ningbo Tools ${run} Co`;
    let created: string;

    it('a manager creates a customer through the form, with its credit limit and a contact', async () => {
      const desk = await signedIn(TOKENS.manager);
      await desk.goto(`${base}/console/#/customers`);
      await desk.locator('#customer-new').click();
      const form = '#customer-new-form';
      await fillForm(desk, form, {
        company,
        companyLocal: '宁波工具进出口公司',
        email: `buying-${run}@ningbo-tools.example`,
        country: 'AU',
        language: 'zh-CN',
        'creditLimit.amount': '30000.00',
        'creditLimit.currency': 'USD',
      });
      await desk.locator(`${form} button`, { hasText: '添加：联系人' }).click();
      await fillForm(desk, form, {
        'contacts.0.name': 'Mia Chen',
        'contacts.0.email': `mia-${run}@ningbo-tools.example`,
      });
      await desk.locator(`${form} button[type="submit"]`).click();
      await desk.locator('#sec-credit').waitFor();
      expect(await desk.locator('#page-title').textContent()).toContain('宁波工具进出口公司');
      created = decodeURIComponent(new URL(desk.url()).hash.replace('#/customers/', ''));
      expect(created).toMatch(/^C-/);
      expect(await desk.locator('#credit-limit progress').count()).toBe(1);
      expect(await desk.locator(card('contacts')).textContent()).toContain('Mia Chen');
      expect(await seriousAxeViolations(desk)).toEqual([]);
      await desk.context().close();
    });

    it('edits it: the form starts with the record, and the page shows what was saved', async () => {
      const desk = await signedIn(TOKENS.manager);
      await desk.goto(`${base}/console/#/customers/${encodeURIComponent(created)}`);
      await desk.locator('#customer-edit').click();
      const form = '#customer-edit-form';
      expect(await desk.locator(`${form} [name="contacts.0.name"]`).inputValue()).toBe('Mia Chen');
      expect(await desk.locator(`${form} [name="creditLimit.amount"]`).inputValue()).toBe('30000.00');
      await fillForm(desk, form, { 'contacts.0.phone': '+61 2 5550 1234', 'creditLimit.amount': '45000.00' });
      await desk.locator(`${form} button[type="submit"]`).click();
      await desk.locator('#flash.success', { hasText: `客户 ${company} 已保存` }).waitFor();
      expect(await desk.locator(card('contacts')).textContent()).toContain('+61 2 5550 1234');
      const stored = await request(stack.app).get(`/customers/${created}`).set(bearer(TOKENS.viewer));
      expect((stored.body as { creditLimit: unknown }).creditLimit).toEqual(usd('45000.00'));
      await desk.context().close();
    });

    it('refuses a duplicate with a link to the existing customer; ops see no credit fields', async () => {
      const ops = await signedIn(TOKENS.ops);
      await ops.goto(`${base}/console/#/customers`);
      await ops.locator('#customer-new').click();
      const form = '#customer-new-form';
      expect(await ops.locator(`${form} [name="creditLimit.amount"]`).count()).toBe(0);
      expect(await ops.locator(`${form} [name="insurance.insurer"]`).count()).toBe(0);
      await fillForm(ops, form, {
        company: company.toUpperCase(),
        email: `other-${run}@ningbo-tools.example`,
        country: 'AU',
      });
      await ops.locator(`${form} button[type="submit"]`).click();
      const existing = ops.locator('#customer-existing');
      await existing.waitFor();
      expect(await ops.locator(`${form} .form-message`).textContent()).toContain('该客户已有档案');
      expect(await existing.getAttribute('href')).toBe(`#/customers/${created}`);
      await existing.click();
      await ops.locator('#sec-credit').waitFor();
      expect(await ops.locator('#page-title').textContent()).toContain('宁波工具进出口公司');
      await ops.context().close();
    });

    it("ops start an order for it through the new inquiry's customer picker", async () => {
      const ops = await signedIn(TOKENS.ops);
      const orderId = `PO-PICKED-${run}`;
      await ops.goto(`${base}/console/#/new`);
      const form = '#new-inquiry';
      await ops.locator('#customer-pick-q').fill(`Ningbo Tools ${run}`);
      await ops.keyboard.press('Enter');
      await ops.locator(`#customer-pick option[value="${created}"]`).waitFor({ state: 'attached' });
      await ops.locator('#customer-pick').selectOption(created);
      // The customer is the record: nothing of it is typed in.
      await ops.locator(`${form} [name="customer.company"]`).waitFor({ state: 'hidden' });
      await fillForm(ops, form, {
        orderId,
        'accountManager.name': '李伟',
        'accountManager.email': 'li.wei@exporter.example',
        'inquiry.channel': 'B2B_PLATFORM',
        'inquiry.products.0.sku': '40',
        'inquiry.products.0.description': '扳手',
        'inquiry.products.0.quantity': '500',
        'inquiry.products.0.unit': '件',
      });
      await ops.locator(`${form} button[type="submit"]`).click();
      await ops.locator('#order-customer').waitFor();
      expect(await ops.locator('#order-customer').getAttribute('href')).toBe(
        `#/customers/${encodeURIComponent(created)}`,
      );
      const order = await request(stack.app).get(`/orders/${orderId}`).set(bearer(TOKENS.viewer));
      expect((order.body as { customer: { company: string } }).customer.company).toBe(company);
      await ops.context().close();
    });
  });
});
