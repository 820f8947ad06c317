/**
 * Every word the Chinese console shows is Chinese: headless Chromium (zh-CN) walks an L/C order
 * (created through the new-inquiry form) and a template order through several stages, opening the
 * order page (checklist, payments, contract, documents, timeline), the event forms and the reports,
 * and fails on any run of two Latin letters outside the allow-list below and the test's own data
 * (order ids and email addresses, which are data, not words).
 */
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import request from 'supertest';
import type { Browser, Page } from 'playwright-core';
import { SmtpSink } from '../../harness/smtp';
import { startStack, TOKENS, type Stack } from '../../harness/stack';
import { closeAll, describeBrowser, launchChromium, refusedOnPurpose, watchedPage } from './browser';

/**
 * Codes people use as codes, and names that are not translated:
 * trade codes (Incoterms 2020, payment methods, container types, cover, HS, B/L, ETD), currency
 * codes and the browser's "US$", the time-zone name Intl prints ("GMT+8"), file and product names
 * (CSV, API, Temporal UI), the language switch's own "English", units people type (pcs, CTNS) and
 * the duration units of stage limits (wd, wh), ISO (the standard's name).
 */
const ALLOWED = new Set(
  [
    'EXW FCA FAS FOB CFR CIF CPT CIP DAP DPU DDP',
    'GP HQ RF LCL ICC HS ETD USD CNY US GMT CSV API Temporal UI English pcs CTNS wd wh ISO YYYY MM DD',
  ]
    .join(' ')
    .split(' '),
);

const run = `${Date.now().toString(36)}-${process.pid}`;
const LC_ORDER = `PO-LC-${run}`;
const TPL_ORDER = `PO-TPL-${run}`;
const TEMPLATE = `zh-words-${run}`;

describeBrowser('the Chinese console has no English words', () => {
  let smtp: SmtpSink;
  let stack: Stack;
  let server: Server;
  let base: string;
  let browser: Browser;
  let page: Page;
  const problems: string[] = [];

  beforeAll(async () => {
    smtp = await SmtpSink.start();
    stack = await startStack({ smtpUrl: smtp.url });
    server = stack.app.listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const template = await request(stack.app)
      .put(`/templates/${TEMPLATE}`)
      .set('Authorization', `Bearer ${TOKENS.manager}`)
      .send({
        sampleRequired: false,
        paymentPlan: { depositPercent: 30, balanceMethod: 'TT', balanceDue: 'BEFORE_SHIPMENT' },
        incoterm: 'FOB',
        inspectionsRequired: ['PRE_PRODUCTION', 'PRE_SHIPMENT'],
        documentsRequired: ['commercial-invoice', 'packing-list', 'certificate-of-origin'],
        guidance: { CONTRACT_SIGNED: '核对唛头和装运港。', INSPECTION_PRE_SHIPMENT: '抽检 AQL 二级。' },
      });
    expect(template.status).toBeLessThan(300);
    const created = await request(stack.app)
      .post('/orders')
      .set('Authorization', `Bearer ${TOKENS.ops}`)
      .send({
        orderId: TPL_ORDER,
        template: TEMPLATE,
        customer: {
          name: '王先生',
          company: '宁波灯具进口商',
          email: 'wang@buyer.example',
          country: 'CN',
          language: 'zh-CN',
        },
        accountManager: { name: '李伟', email: 'li.wei@exporter.example', language: 'zh-CN' },
        forwarder: { name: '宁波货代', email: 'bookings@forwarder.example', language: 'zh-CN' },
        inquiry: {
          channel: 'EXHIBITION',
          products: [{ sku: '1', description: '面板灯', quantity: 500, unit: '件' }],
        },
      });
    expect(created.status).toBe(201);
    browser = await launchChromium();
    page = await watchedPage(
      browser,
      { viewport: { width: 1366, height: 900 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' },
      problems,
      refusedOnPurpose,
    );
  }, 60_000);

  afterAll(async () => {
    await closeAll({ browser, server, stack, smtp });
  });

  /** The Latin words on the page that are neither codes nor the test's data. */
  async function englishWords(where: string): Promise<void> {
    // Option texts of selects too (a closed select shows one, but each is a word on the page).
    const text = await page.evaluate<string>(
      "document.body.innerText + '\\n' + [...document.querySelectorAll('select')].map((s) => s.innerText).join('\\n')",
    );
    const words = text
      .replace(/[\w.+-]+@[\w.-]+/g, ' ')
      .replace(new RegExp(`${LC_ORDER}|${TPL_ORDER}|${TEMPLATE}`, 'g'), ' ')
      .match(/[A-Za-z]{2,}/g);
    expect({ where, english: [...new Set(words ?? [])].filter((w) => !ALLOWED.has(w)) }).toEqual({
      where,
      english: [],
    });
  }

  /** Picks an event, checks its form, fills it, submits it and waits for the stage. */
  async function record(type: string, fields: Record<string, string | boolean>, stage: string) {
    await page.locator(`#event-type option[value="${type}"]`).waitFor({ state: 'attached' });
    await page.selectOption('#event-type', type);
    const form = `form[data-event="${type}"]`;
    await page.locator(form).waitFor();
    await englishWords(`form ${type}`);
    for (const [field, value] of Object.entries(fields)) {
      const control = page.locator(`${form} [name="${field}"]`);
      if (typeof value === 'boolean') await control.setChecked(value);
      else if ((await page.locator(`${form} select[name="${field}"]`).count()) > 0)
        await control.selectOption(value);
      else await control.fill(value);
    }
    await page.locator(`${form} button[type=submit]`).click();
    await page
      .locator('#flash.success, #flash[data-kind="success"], #flash')
      .filter({ hasText: '已记录' })
      .waitFor();
    await page.locator('#order-stage').filter({ hasText: stage }).waitFor();
    await englishWords(`order page after ${type}`);
  }

  it('signs in and creates an L/C order through the new-inquiry form', async () => {
    await page.goto(`${base}/`);
    await page.getByLabel('API 令牌').fill(TOKENS.manager);
    await page.getByRole('button', { name: '登录' }).click();
    await page.getByRole('heading', { name: '订单', level: 1 }).waitFor();
    await englishWords('list');
    await page.goto(`${base}/console/#/new`);
    const form = page.locator('#new-inquiry');
    await form.waitFor();
    await englishWords('new inquiry');
    const fill = async (name: string, value: string) => {
      const control = form.locator(`[name="${name}"]`);
      if ((await form.locator(`select[name="${name}"]`).count()) > 0) await control.selectOption(value);
      else await control.fill(value);
    };
    await fill('orderId', LC_ORDER);
    await fill('customer.name', '张经理');
    await fill('customer.company', '汉堡灯具贸易公司');
    await fill('customer.email', 'zhang@buyer.example');
    await fill('customer.country', 'DE');
    await fill('customer.language', 'zh-CN');
    await fill('accountManager.name', '李伟');
    await fill('accountManager.email', 'li.wei@exporter.example');
    await fill('accountManager.language', 'zh-CN');
    await fill('inquiry.channel', 'B2B_PLATFORM');
    await fill('inquiry.products.0.sku', '40');
    await fill('inquiry.products.0.description', '面板灯');
    await fill('inquiry.products.0.quantity', '1000');
    await fill('inquiry.products.0.unit', '件');
    await page.getByRole('button', { name: '创建订单' }).click();
    await page.getByRole('heading', { name: `订单 ${LC_ORDER}` }).waitFor();
    await englishWords('new L/C order');
  });

  it('walks the L/C order to shipping', async () => {
    await record(
      'QUOTATION_SENT',
      {
        quotationNo: 'Q-1',
        incoterm: 'FOB',
        namedPlace: '宁波',
        'lines.0.description': '面板灯',
        'lines.0.quantity': '1000',
        'lines.0.unitPrice.amount': '12.50',
        'paymentTerms.method': 'LC',
        validUntil: '2099-01-31',
        leadTimeDays: '30',
      },
      '报价',
    );
    await record('QUOTATION_ACCEPTED', { sampleRequired: false }, '合同');
    await record('CONTRACT_SIGNED', { contractNo: 'C-1', 'totalAmount.amount': '12500.00' }, '预付款');
    await record(
      'LC_RECEIVED',
      {
        lcNo: 'L-1',
        issuingBank: '汉堡银行',
        'amount.amount': '12500.00',
        latestShipmentDate: '2099-03-01',
        expiryDate: '2099-03-31',
      },
      '生产',
    );
    await record('INSPECTION_RECORDED', { result: 'PASSED', inspector: '质检部' }, '生产');
    await record('PRODUCTION_COMPLETED', {}, '订舱/报关/提单');
    const checklist = await page.locator('[data-step="LC_RECEIVED"]').innerText();
    expect(checklist).toContain('收到并审核信用证');
  });

  it('walks the template order to production, with its inspection steps and guidance', async () => {
    await page.goto(`${base}/console/#/orders/${encodeURIComponent(TPL_ORDER)}`);
    await page.locator('#order-stage').filter({ hasText: '询盘' }).waitFor();
    await englishWords('template order');
    await record(
      'QUOTATION_SENT',
      {
        quotationNo: 'Q-2',
        incoterm: 'FOB',
        namedPlace: '宁波',
        'lines.0.description': '面板灯',
        'lines.0.quantity': '500',
        'lines.0.unitPrice.amount': '10.00',
        'paymentTerms.method': 'TT',
        validUntil: '2099-01-31',
        leadTimeDays: '30',
      },
      '报价',
    );
    await record('QUOTATION_ACCEPTED', {}, '合同');
    await record('CONTRACT_SIGNED', { contractNo: 'C-2', 'totalAmount.amount': '5000.00' }, '预付款');
    await record('DEPOSIT_RECEIVED', { 'amount.amount': '1500.00', reference: 'R-1' }, '生产');
    await record(
      'INSPECTION_RECORDED',
      { result: 'PASSED', inspector: '质检部', kind: 'PRE_PRODUCTION' },
      '生产',
    );
    expect(await page.locator('[data-step="INSPECTION_PRE_SHIPMENT"]').innerText()).toContain(
      '出货前验货通过',
    );
    expect(await page.locator('#sec-payments').locator('..').innerText()).toContain('出运前电汇（T/T）付清');
  });

  it('shows the reports in Chinese', async () => {
    for (const hash of ['receivables', 'stalled', 'stage-times']) {
      await page.goto(`${base}/console/#/reports/${hash}`);
      await page.locator(`[data-report="${hash}"] :is(canvas, p.muted, table)`).first().waitFor();
      await englishWords(`report ${hash}`);
    }
  });

  it('keeps the pages free of script errors', () => {
    expect(problems).toEqual([]);
  });
});
