/**
 * Every word the Chinese console shows is Chinese: headless Chromium (zh-CN) walks an L/C order
 * (created through the new-inquiry form) and a template order through several stages, opening the
 * order page (checklist, payments, contract, documents, timeline), the event forms and the reports,
 * and fails on any run of two Latin letters outside the allow-list below and the test's own data
 * (order ids, the template's name, container, B/L and document numbers, email addresses and the tokens' user
 * names: data, not words).
 */
import { mkdirSync } from 'node:fs';
import type { Server } from 'node:http';
import path from 'node:path';
import request from 'supertest';
import type { Browser, Page } from 'playwright-core';
import type { SmtpSink } from '../../harness/smtp';
import { API_TOKENS, TOKENS, type Stack } from '../../harness/stack';
import {
  closeAll,
  describeBrowser,
  fillForm,
  launchChromium,
  refusedOnPurpose,
  watchedPage,
  CHINESE_PAGE,
  serveConsole,
} from './browser';

/**
 * Codes people use as codes, and names that are not translated:
 * trade codes (Incoterms 2020, payment methods, container types, cover, HS, B/L, ETD, the AQL of
 * quality checks), currency
 * codes and the browser's "US$", the time-zone name Intl prints ("GMT+8"), file and product names
 * (CSV, Excel, XLSX, API, Temporal UI), the language switch's own "English", units people type (pcs, CTNS) and
 * the duration units of stage limits (wd, wh), ISO (the standard's name).
 */
const ALLOWED = new Set(
  [
    'EXW FCA FAS FOB CFR CIF CPT CIP DAP DPU DDP',
    'GP HQ RF LCL ICC HS ETD AQL USD CNY US GMT CSV API Temporal UI English pcs CTNS wd wh ISO YYYY MM DD',
    'Excel XLSX',
    // The SWIFT message type an L/C arrives as.
    'MT',
    // The file types attachments take, and sizes.
    'PDF PNG JPEG XLSX DOCX KB MB',
  ]
    .join(' ')
    .split(' '),
);

const run = `${Date.now().toString(36)}-${process.pid}`;
const LC_ORDER = `PO-LC-${run}`;
const TPL_ORDER = `PO-TPL-${run}`;
const TEMPLATE = `zh-words-${run}`;
/** A container and a B/L number as carriers print them (ISO 6346: four letters, seven digits). */
const CONTAINER = 'COSU1234567';
const BL_NO = 'COSU8800123';
/** The names the test's tokens carry (who is signed in, who recorded an event): data, not words. */
const ARTIFACTS = path.resolve(__dirname, '..', '..', 'artifacts');
const PEOPLE = API_TOKENS.split(',').map((entry) => entry.split(':')[0]);

describeBrowser('the Chinese console has no English words', () => {
  let smtp: SmtpSink;
  let stack: Stack;
  let server: Server;
  let base: string;
  let browser: Browser;
  let page: Page;
  const problems: string[] = [];

  beforeAll(async () => {
    ({ smtp, stack, server, base } = await serveConsole());
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
    page = await watchedPage(browser, CHINESE_PAGE, problems, refusedOnPurpose);
  }, 60_000);

  afterAll(async () => {
    await closeAll({ browser, server, stack, smtp });
  });

  /** A full-page picture in artifacts/, to look at what the words do to the layout. */
  async function shot(name: string): Promise<void> {
    mkdirSync(ARTIFACTS, { recursive: true });
    await page.screenshot({ path: path.join(ARTIFACTS, `console-zh-words-${name}.png`), fullPage: true });
  }

  /** The Latin words on the page that are neither codes nor the test's data. */
  async function englishWords(where: string): Promise<void> {
    // Option texts of selects too (a closed select shows one, but each is a word on the page).
    const text = await page.evaluate<string>(
      "document.body.innerText + '\\n' + [...document.querySelectorAll('select')].map((s) => s.innerText).join('\\n')",
    );
    const cleaned = text
      .replace(/[\w.+-]+@[\w.-]+/g, ' ')
      // Document numbers: the kind's prefix on the contract's number (CI-C-1), as the PDFs print them.
      .replace(/\b(CI|PL|PI|CO|INS)-[CQ]-\d\b/g, ' ')
      .replace(new RegExp(`${LC_ORDER}|${TPL_ORDER}|${TEMPLATE}|${CONTAINER}|${BL_NO}`, 'g'), ' ')
      .replace(new RegExp(`\\b(${PEOPLE.join('|')})\\b`, 'g'), ' ')
      // The company's name in the switch is data (the default company's as the migration named it).
      .replace(/Default company/g, ' ');
    // Each word with the text around it, so a failure says where on the page it is.
    const english = [...cleaned.matchAll(/[A-Za-z]{2,}/g)]
      .filter(([w]) => !ALLOWED.has(w))
      .map(
        (m) =>
          `${m[0]}: …${cleaned.slice(Math.max(0, m.index - 30), m.index + m[0].length + 30).replace(/\s+/g, ' ')}…`,
      );
    expect({ where, english: [...new Set(english)] }).toEqual({
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
    await fillForm(page, form, fields);
    await page.locator(`${form} button[type=submit]`).click();
    await page
      .locator('#flash.success, #flash[data-kind="success"], #flash')
      .filter({ hasText: '已记录' })
      .waitFor()
      .catch(async (err: unknown) => {
        await shot(`refused-${type}`); // what the console answered instead
        throw err;
      });
    await page
      .locator('#order-stage')
      .filter({ hasText: stage })
      .waitFor()
      .catch(async (err: unknown) => {
        await shot(`stuck-after-${type}`); // where the order stopped instead
        throw err;
      });
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
    await shot('lc-new');
  });

  it('walks the L/C order through shipping, presentation and honour', async () => {
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
        'amount.amount': '8750.00',
        latestShipmentDate: '2099-03-01',
        expiryDate: '2099-03-31',
      },
      '预付款', // the quotation's plan keeps its 30 % deposit by T/T: production waits for it too
    );
    await record('DEPOSIT_RECEIVED', { 'amount.amount': '3750.00', reference: 'R-3' }, '生产');
    await record('INSPECTION_RECORDED', { result: 'PASSED', inspector: '质检部' }, '生产');
    await record('PRODUCTION_COMPLETED', {}, '订舱/报关/提单');
    const checklist = await page.locator('[data-step="LC_RECEIVED"]').innerText();
    expect(checklist).toContain('收到并审核信用证');
    await record(
      'BOOKING_CONFIRMED',
      {
        forwarder: '宁波货代',
        vessel: '中远之星',
        voyage: '021E',
        // Within the year a booking may sail in (an ETD decades away is refused).
        etd: new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10),
        containerNos: CONTAINER,
      },
      '订舱/报关/提单',
    );
    await record('CUSTOMS_DECLARED', { declarationNo: '310420990001' }, '订舱/报关/提单');
    await record('BILL_OF_LADING_ISSUED', { blNo: BL_NO, blType: 'ORIGINAL' }, '尾款');
    await record('DOCUMENTS_PRESENTED', { bank: '宁波银行', reference: 'P-1' }, '尾款');
    await record('DISCREPANCY_NOTICED', { items: '发票金额与信用证不符' }, '尾款');
    await record('DISCREPANCY_RESOLVED', { note: '已更正发票' }, '尾款');
    await shot('lc-presented');
    await record('LC_HONOURED', { 'amount.amount': '8750.00', reference: 'H-1' }, '放单');
    expect(await page.locator('[data-step="DOCUMENTS_PRESENTED"]').innerText()).toContain('已完成');
    await shot('lc-honoured');
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
    await shot('template-production');
    expect(await page.locator('#sec-payments').locator('..').innerText()).toContain('出运前电汇（T/T）付清');
  });

  it('shows the order list and the reports in Chinese', async () => {
    await page.goto(`${base}/console/#/`);
    await page.locator('main table').filter({ hasText: LC_ORDER }).waitFor();
    await englishWords('list with both orders');
    await page.goto(`${base}/console/#/reports`);
    await page.locator('.report-list').waitFor();
    await englishWords('reports');
    for (const hash of ['receivables', 'stalled', 'stage-times', 'rebates', 'profit', 'exposure']) {
      await page.goto(`${base}/console/#/reports/${hash}`);
      await page.locator(`[data-report="${hash}"] :is(canvas, p.muted, table)`).first().waitFor();
      await englishWords(`report ${hash}`);
      await shot(`report-${hash}`);
    }
  });

  it('keeps the pages free of script errors', () => {
    expect(problems).toEqual([]);
  });
});
