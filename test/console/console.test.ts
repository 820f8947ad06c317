/**
 * The ops console end to end: headless Chromium (Debian's /usr/bin/chromium via playwright-core)
 * against a real API + real worker + the jest run's Temporal dev server, SMTP to a local sink, in
 * English (the Chinese console: console-zh.test.ts).
 * Screenshots go to artifacts/; with UPDATE_DOCS_SCREENSHOTS=1 the order page also to docs/console-order.png (README).
 */
import { copyFileSync, mkdirSync } from 'node:fs';
import type { Server } from 'node:http';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import request from 'supertest';
import type { OrderSummary } from '../../src/api/orderView';
import { createOrder, orderWhen, sendEvent } from '../api/helpers';
import { fullLife, newInquiry } from '../../harness/orderFixtures';
import type { SmtpSink } from '../../harness/smtp';
import { bearer, TOKENS, type Stack } from '../../harness/stack';
import { eventually } from '../../harness/temporal';
import {
  closeAll,
  describeBrowser,
  launchChromium,
  refusedOnPurpose,
  watchedPage,
  serveConsole,
} from './browser';

const ROOT = path.resolve(__dirname, '..', '..');
const ARTIFACTS = path.join(ROOT, 'artifacts');
const run = `${Date.now().toString(36)}-${process.pid}`;

/** "PRODUCTION" -> "Production", as the console prints stages and events. */
/** The English label of an event type: its words, except where a trade abbreviation reads better. */
const LABELS: Record<string, string> = { ORIGINALS_COURIERED: 'Original B/Ls couriered' };
const human = (name: string) => {
  if (LABELS[name]) return LABELS[name];
  const s = name.replace(/_/g, ' ').toLowerCase();
  return s.charAt(0).toUpperCase() + s.slice(1);
};

describeBrowser('ops console in Chromium', () => {
  let smtp: SmtpSink;
  let stack: Stack;
  let server: Server;
  let base: string;
  let browser: Browser;
  let page: Page;
  const problems: string[] = [];
  const stalledCompany = `Stall Test GmbH ${run}`;
  let stalledOrderId: string;
  let movingOrderId: string;

  beforeAll(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    ({ smtp, stack, server, base } = await serveConsole());
    // An order that stalls in INQUIRY after 2 s, and one of the same customer that does not.
    stalledOrderId = (
      await createOrder(stack.app, {
        orderId: `PO-STALL-${run}`,
        ...newInquiry(),
        customer: { ...newInquiry().customer, company: stalledCompany },
        stageTimeLimits: { INQUIRY: '2s' },
      })
    ).orderId;
    movingOrderId = (
      await createOrder(stack.app, {
        orderId: `PO-MOVING-${run}`,
        ...newInquiry(),
        customer: { ...newInquiry().customer, company: stalledCompany },
      })
    ).orderId;
    browser = await launchChromium();
    page = await watchedPage(
      browser,
      { viewport: { width: 1366, height: 900 }, locale: 'en-US' },
      problems,
      refusedOnPurpose,
    );
  }, 60_000);

  afterAll(async () => {
    await closeAll({ browser, server, stack, smtp });
  });

  async function shot(name: string): Promise<string> {
    const file = path.join(ARTIFACTS, name);
    await page.screenshot({ path: file, fullPage: true });
    return file;
  }

  async function waitStage(stage: string): Promise<void> {
    await page
      .locator('#order-stage')
      .filter({ hasText: new RegExp(`^${human(stage)}$`) })
      .waitFor();
  }

  /** Reloads the order page until the event is offered (some wait for an email to go out first). */
  async function waitOffered(type: string): Promise<void> {
    const deadline = Date.now() + 20_000;
    while ((await page.locator(`#event-type option[value="${type}"]`).count()) === 0) {
      if (Date.now() > deadline)
        throw new Error(`${type} not offered; order page says ${await page.locator('main').innerText()}`);
      await page.waitForTimeout(300);
      await page.reload();
      await page.locator('#event-type').waitFor();
    }
  }

  /** Picks the event, fills its form (name = the API's field path) and submits it. */
  async function fillEvent(type: string, fields: Record<string, string | boolean> = {}): Promise<string> {
    await waitOffered(type);
    await page.selectOption('#event-type', type);
    const form = `form[data-event="${type}"]`;
    await page.locator(form).waitFor();
    for (const [name, value] of Object.entries(fields)) {
      const field = page.locator(`${form} [name="${name}"]`);
      const isSelect = (await page.locator(`${form} select[name="${name}"]`).count()) > 0;
      const tag = isSelect ? 'select' : `input:${(await field.getAttribute('type')) ?? ''}`;
      if (tag.startsWith('select')) await field.selectOption(String(value));
      else if (tag === 'input:checkbox') await field.setChecked(Boolean(value));
      else await field.fill(String(value));
    }
    return form;
  }

  async function record(type: string, fields: Record<string, string | boolean> = {}, stage?: string) {
    const form = await fillEvent(type, fields);
    await page.locator(`${form} button[type=submit]`).click();
    await page.locator(form).waitFor({ state: 'detached' });
    await page
      .locator('#flash')
      .filter({ hasText: `Recorded: ${human(type)}.` })
      .waitFor();
    if (stage) await waitStage(stage);
  }

  it('serves the console with a strict CSP and redirects / to it', async () => {
    const root = await request(stack.app).get('/');
    expect(root.status).toBe(302);
    expect(root.headers.location).toBe('/console/');
    const html = await request(stack.app).get('/console/');
    expect(html.status).toBe(200);
    expect(html.text).toContain('<script type="module" src="/console/app.js">');
    expect(html.headers['content-security-policy']).toMatch(/script-src 'self'/);
    expect((await request(stack.app).get('/console')).headers.location).toBe('/console/');
    const js = await request(stack.app).get('/console/forms.js');
    expect(js.headers['content-type']).toMatch(/javascript/);
    // Chart.js comes from the installed package, not a CDN.
    const chart = await request(stack.app).get('/console/vendor/chart.umd.min.js');
    expect(chart.status).toBe(200);
    expect(chart.headers['content-type']).toMatch(/^text\/javascript/);
    expect(chart.text).toContain('Chart.js v4.6.1');
  });

  it('signs in with a token, refusing an unknown one', async () => {
    await page.goto(`${base}/`);
    await page.getByLabel('API token').fill('not-a-token');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.locator('#flash').filter({ hasText: 'was not accepted' }).waitFor();
    await page.getByLabel('API token').fill(TOKENS.ops);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Orders', level: 1 }).waitFor();
    expect(await page.evaluate<string | null>("sessionStorage.getItem('orderDesk.token')")).toBe(TOKENS.ops);
  });

  it('creates an inquiry through the form and walks the order through all nine stages', async () => {
    const orderId = `PO-UI-${run}`;
    await page.getByRole('link', { name: 'New inquiry' }).first().click();
    await page.getByRole('heading', { name: 'New inquiry' }).waitFor();
    const inquiry: Record<string, string> = {
      orderId,
      'customer.name': 'Jane Doe',
      'customer.company': `Console Buyer GmbH ${run}`,
      'customer.email': 'jane@buyer.example',
      'customer.country': 'DE',
      'accountManager.name': 'Li Wei',
      'accountManager.email': 'li.wei@exporter.example',
      'inquiry.products.0.sku': 'LED-40W',
      'inquiry.products.0.description': '40W LED panel',
      'inquiry.products.0.quantity': '500',
      'inquiry.products.0.unit': 'pcs',
      'inquiry.notes': 'needs CE marking',
    };
    for (const [name, value] of Object.entries(inquiry)) await page.locator(`[name="${name}"]`).fill(value);
    await page.locator('[name="inquiry.channel"]').selectOption('EXHIBITION');
    await page.getByRole('button', { name: 'Create order' }).click();
    await page.getByRole('heading', { name: `Order ${orderId}` }).waitFor();
    await waitStage('INQUIRY');
    await page
      .locator('#flash')
      .filter({ hasText: `Order ${orderId} created` })
      .waitFor();

    await record(
      'QUOTATION_SENT',
      {
        quotationNo: 'Q-UI-1',
        incoterm: 'FOB',
        namedPlace: 'Ningbo',
        'lines.0.description': '40W LED panel',
        'lines.0.quantity': '500',
        'lines.0.unitPrice.amount': '12.50',
        'paymentTerms.method': 'TT',
        validUntil: '2099-01-31',
        leadTimeDays: '30',
      },
      'QUOTATION',
    );
    await record('QUOTATION_ACCEPTED', { sampleRequired: true }, 'SAMPLE');
    await record('SAMPLE_SENT', { courier: 'DHL', trackingNo: 'DHL-UI-1' }, 'SAMPLE');
    await record('SAMPLE_APPROVED', { note: 'looks right' }, 'CONTRACT');
    await record('CONTRACT_SIGNED', { contractNo: 'C-UI-1', 'totalAmount.amount': '6250.00' }, 'DEPOSIT');

    // A bad amount: the API's 400 details land on the amount field.
    const form = await fillEvent('DEPOSIT_RECEIVED', { 'amount.amount': '12.345', reference: 'TT-UI-1' });
    await page.locator(`${form} button[type=submit]`).click();
    const amount = page.locator(`${form} [name="amount.amount"]`);
    await page.locator(`${form} [aria-invalid="true"][name="amount.amount"]`).waitFor();
    const errorId = (await amount.getAttribute('aria-describedby'))!.split(' ').pop()!;
    expect(await page.locator(`#${errorId}`).innerText()).toMatch(/decimal|fractional|invalid/i);
    expect(await page.evaluate<string | null>("document.activeElement.getAttribute('name')")).toBe(
      'amount.amount',
    );
    await page.locator(`${form} .form-message`).filter({ hasText: 'Not recorded' }).waitFor();
    await shot('console-field-errors.png');
    await amount.fill('1875.00');
    await page.locator(`${form} button[type=submit]`).click();
    await waitStage('PRODUCTION');

    await record('PRODUCTION_PROGRESS', { percent: '80' }, 'PRODUCTION');
    await record('INSPECTION_RECORDED', { result: 'PASSED', inspector: 'SGS' }, 'PRODUCTION');
    await record('PRODUCTION_COMPLETED', {}, 'SHIPPING');
    await record(
      'BOOKING_CONFIRMED',
      {
        forwarder: 'Blue Ocean Logistics',
        vessel: 'MSC Aurora',
        voyage: 'AU123W',
        etd: '2027-02-01',
        containerNos: 'MSCU1234567',
      },
      'SHIPPING',
    );
    await record('CUSTOMS_DECLARED', { declarationNo: 'CD-UI-1' }, 'SHIPPING');
    await record('BILL_OF_LADING_ISSUED', { blNo: 'BL-UI-1', blType: 'ORIGINAL' }, 'BALANCE');
    await record('DOCUMENTS_CONFIRMED', {}, 'BALANCE');
    await record('BALANCE_RECEIVED', { 'amount.amount': '4375.00', reference: 'TT-UI-2' }, 'DOCUMENTS');

    // The originals of an ORIGINAL B/L go by courier before the buyer can take the goods.
    await waitOffered('ORIGINALS_COURIERED');
    await record('ORIGINALS_COURIERED', { courier: 'DHL', trackingNo: 'DHL-UI-1' }, 'DOCUMENTS');
    // The order page with the emails sent so far (the document set goes out on entering DOCUMENTS).
    await waitOffered('GOODS_RELEASED');
    const main = page.locator('main');
    expect(await main.innerText()).toContain('Open in Temporal UI');
    expect(await page.locator('.stepper li[aria-current="step"]').getAttribute('data-stage')).toBe(
      'DOCUMENTS',
    );
    expect(await page.locator('.stepper li.done').count()).toBe(8);
    const timeline = await page.locator('#sec-timeline').locator('..').innerText();
    expect(timeline).toContain('alice');
    expect(timeline).toContain('Balance received');
    // What the workflow sent reaches the read model a few seconds after the order shows it
    // (decision 0009): the page shows it on a reload, as a user would see it.
    const emails = await eventually(async () => {
      const text = await page.locator('#sec-emails-sent').locator('..').innerText();
      if (text.includes('jane@buyer.example')) return text;
      await page.reload();
      await page.locator('#event-type').waitFor();
      return undefined;
    });
    expect(emails).toContain('jane@buyer.example');
    expect(await page.getByRole('link', { name: /Open in Temporal UI/ }).getAttribute('href')).toBe(
      `http://localhost:8233/namespaces/default/workflows/${encodeURIComponent(`default:${orderId}`)}`,
    );
    const file = await shot('console-order.png');
    // The README's picture is refreshed on request, so a plain test run leaves the work tree clean.
    if (process.env.UPDATE_DOCS_SCREENSHOTS) copyFileSync(file, path.join(ROOT, 'docs', 'console-order.png'));
    await page.setViewportSize({ width: 820, height: 1180 });
    await shot('console-order-tablet.png');
    await page.setViewportSize({ width: 1366, height: 900 });

    await record('GOODS_RELEASED', { note: 'picked up in Hamburg' }, 'COMPLETED');
    expect(await page.locator('.stepper li.done').count()).toBe(9);
    // A completed order's tail: it still takes notes (corrections open beside what they correct).
    await page.waitForSelector('#event-type option[value="NOTE_ADDED"]', { state: 'attached' });
    const options = page.locator('#event-type option');
    const offered = await Promise.all(
      Array.from({ length: await options.count() }, (_, n) => options.nth(n).getAttribute('value')),
    );
    expect(offered).toEqual(['', 'NOTE_ADDED']);
    await shot('console-order-completed.png');
  });

  it('shows a 409 with the stage and the allowed events when the order moved under a stale form', async () => {
    const order = await createOrder(stack.app, { orderId: `PO-STALE-${run}`, ...newInquiry() });
    expect((await sendEvent(stack.app, order.orderId, fullLife.quotation)).status).toBe(200);
    // The page reads the read model, which follows the answer within moments.
    await orderWhen(stack.app, order.orderId, (v) => v.stage === 'QUOTATION');
    await page.goto(`${base}/console/#/orders/${encodeURIComponent(order.orderId)}`);
    await waitStage('QUOTATION');
    const form = await fillEvent('QUOTATION_ACCEPTED', { sampleRequired: true });
    // Someone else (another tab, another desk) accepts it without a sample: -> CONTRACT.
    const moved = await sendEvent(
      stack.app,
      order.orderId,
      { type: 'QUOTATION_ACCEPTED', sampleRequired: false },
      TOKENS.ops2,
    );
    expect(moved.status).toBe(200);
    await page.locator(`${form} button[type=submit]`).click();
    const flash = page.locator('#flash');
    await flash.filter({ hasText: 'now in stage CONTRACT' }).waitFor();
    expect(await flash.innerText()).toMatch(/allowed now: .*Contract signed/);
    expect(await page.evaluate<string>('document.activeElement.id')).toBe('flash');
    await waitStage('CONTRACT');
    await shot('console-409.png');
  });

  it('filters the list to stalled orders', async () => {
    // Visibility is eventually consistent: wait until the API lists the stall, then use the page.
    await eventually(
      async () => {
        const res = await request(stack.app)
          .get('/orders')
          .query({ stalled: 'true', customer: stalledCompany })
          .set(bearer(TOKENS.viewer));
        return (res.body as { orders: OrderSummary[] }).orders.some((o) => o.orderId === stalledOrderId)
          ? true
          : undefined;
      },
      { timeoutMs: 30_000 },
    );
    await page.goto(`${base}/console/#/`);
    await page.getByRole('heading', { name: 'Orders', level: 1 }).waitFor();
    await page.getByLabel('Customer (part of the company name)').fill(stalledCompany);
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await page.locator(`tr[data-order-id="${movingOrderId}"]`).waitFor();
    await page.locator(`tr[data-order-id="${stalledOrderId}"].stalled`).waitFor();
    await shot('console-list.png');

    await page.getByLabel('Stalled').selectOption('true');
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await page.waitForFunction("location.hash.includes('stalled=true')");
    const row = page.locator(`tr[data-order-id="${stalledOrderId}"]`);
    await row.waitFor();
    expect(await row.getAttribute('class')).toContain('stalled');
    expect(await row.innerText()).toContain('Stalled');
    await page.locator('.list-summary').filter({ hasText: '1 orders on this page, 1 stalled' }).waitFor();
    expect(await page.locator(`tr[data-order-id="${movingOrderId}"]`).count()).toBe(0);
    // The strip counts the stage with the other filters applied.
    await page.locator('.stage-strip li[data-stage="INQUIRY"] .count').filter({ hasText: /^1$/ }).waitFor();
    await shot('console-list-stalled.png');
  });

  it('offers the approvals (x-required-role: manager) to a manager only', async () => {
    const order = await createOrder(stack.app, { orderId: `PO-ROLE-${run}`, ...newInquiry() });
    for (const event of [
      fullLife.quotation,
      { type: 'QUOTATION_ACCEPTED', sampleRequired: false },
      fullLife.contract,
      fullLife.deposit1,
      fullLife.deposit2,
    ])
      expect((await sendEvent(stack.app, order.orderId, event)).status).toBe(200);
    const approvals = ['PAYMENT_WRITTEN_OFF', 'RELEASE_APPROVED'];
    const view = await orderWhen(stack.app, order.orderId, (v) => v.stage === 'PRODUCTION');
    expect(view.allowedEvents).toEqual(expect.arrayContaining(approvals));
    const offered = async (on: Page) => {
      await on.goto(`${base}/console/#/orders/${encodeURIComponent(order.orderId)}`);
      await on.locator('#event-type option[value="PRODUCTION_PROGRESS"]').waitFor({ state: 'attached' });
      const values: (string | null)[] = [];
      for (const option of await on.locator('#event-type option').all())
        values.push(await option.getAttribute('value'));
      return values;
    };
    const asOps = await offered(page);
    for (const type of approvals) expect(asOps).not.toContain(type);

    const managerPage = await (await browser.newContext({ locale: 'en-US' })).newPage();
    await managerPage.goto(`${base}/`);
    await managerPage.getByLabel('API token').fill(TOKENS.manager);
    await managerPage.getByRole('button', { name: 'Sign in' }).click();
    await managerPage.getByRole('heading', { name: 'Orders', level: 1 }).waitFor();
    const asManager = await offered(managerPage);
    expect(asManager).toEqual(expect.arrayContaining([...approvals, 'PRODUCTION_PROGRESS']));
    await managerPage.context().close();
  });

  it('keeps the page free of script errors and CSP violations', () => {
    expect(problems).toEqual([]);
  });
});
