/**
 * Corrections on the order page, in Chromium against the real stack: an order recorded through the
 * API is served with what the corrections core adds to the view (warnings, the correctable events,
 * a correction on the timeline, document revisions) layered onto the real answer by the browser's
 * request routing, so the page is tested on the contract's shapes whatever the core answers today.
 * The forms' requests are caught on their way out: the test checks what they send and answers with
 * the contract's refusals (409 CORRECTION_NOT_ALLOWED, 403 FORBIDDEN) or the order view.
 */
import { mkdirSync } from 'node:fs';
import type { Server } from 'node:http';
import path from 'node:path';
import type { Browser, ConsoleMessage, Page, Route } from 'playwright-core';
import type { OrderView } from '../../src/api/orderView';
import { createOrder, orderWhen, sendEvent } from '../api/helpers';
import { fullLife, newInquiry } from '../../harness/orderFixtures';
import type { SmtpSink } from '../../harness/smtp';
import { TOKENS, type Stack } from '../../harness/stack';
import {
  closeAll,
  describeBrowser,
  fillForm,
  launchChromium,
  refusedOnPurpose,
  seriousAxeViolations,
  watchedPage,
  signIn,
  serveConsole,
} from './browser';

const run = `${Date.now().toString(36)}-${process.pid}`;
const ORDER = `PO-CORR-${run}`;
const CORRECTION_ID = `correction-${run}`;
const CORRECTION_EVENTS = ['EVENT_CORRECTED', 'PAYMENT_REVERSED', 'EVENT_UNDONE'];
const SINCE = '2026-12-01T08:00:00Z';
const ARTIFACTS = path.resolve(__dirname, '..', '..', 'artifacts');

/** A full-page picture in artifacts/, to look at the page. */
async function shot(page: Page, name: string): Promise<void> {
  mkdirSync(ARTIFACTS, { recursive: true });
  await page.screenshot({ path: path.join(ARTIFACTS, `console-corrections-${name}.png`), fullPage: true });
}

/** A timeline entry as GET /orders/{id}/timeline answers it. */
type Entry = OrderView['timeline'][number] & { seq: number; payload?: unknown };
/** The view as the corrections core serves it (typed loosely: the core lands in parallel). */
type CorrectedView = Record<string, unknown>;

const idOf = (view: OrderView, type: string): string => {
  const entry = view.timeline.find((e) => e.type === type);
  if (!entry) throw new Error(`no ${type} on the timeline`);
  return entry.eventId;
};

/** The real view with a correction of the quotation number and what the core lists as takeable back. */
function corrected(real: OrderView): CorrectedView {
  const quotation = idOf(real, 'QUOTATION_SENT');
  const contract = idOf(real, 'CONTRACT_SIGNED');
  const deposit = idOf(real, 'DEPOSIT_RECEIVED');
  const last = real.timeline.at(-1)!;
  const correction = {
    eventId: CORRECTION_ID,
    type: 'EVENT_CORRECTED',
    at: last.at,
    actor: 'max',
    summary: 'Corrected QUOTATION_SENT',
  };
  return {
    ...real,
    timeline: [
      ...real.timeline.map((e) => (e.eventId === quotation ? { ...e, correctedBy: CORRECTION_ID } : e)),
      correction,
    ],
    timelineTotal: (real.timelineTotal ?? real.timeline.length) + 1,
    allowedEvents: [...real.allowedEvents, ...CORRECTION_EVENTS],
    warnings: [
      {
        code: 'PAYMENT_REVERSED',
        message: 'Payment TT-0 was reversed: 100.00 USD is owed again',
        since: SINCE,
        eventId: 'reversal-0',
      },
    ],
    corrections: {
      correctable: [
        {
          eventId: contract,
          type: 'CONTRACT_SIGNED',
          at: last.at,
          fields: ['contractNo'],
          needsManager: false,
        },
        {
          eventId: quotation,
          type: 'QUOTATION_SENT',
          at: last.at,
          fields: ['quotationNo', 'validUntil'],
          needsManager: true,
        },
      ],
      reversiblePayments: [{ eventId: deposit, amount: fullLife.deposit1.amount, reference: 'TT-1' }],
      undoable: { eventId: contract, type: 'CONTRACT_SIGNED' },
    },
    payments: {
      ...real.payments,
      receipts: real.payments.receipts.map((r) => ({ ...r, eventId: r.eventId ?? deposit })),
    },
    documents: {
      ...real.documents,
      revision: 1,
      revisions: [
        {
          revision: 1,
          at: SINCE,
          by: 'max',
          reason: 'wrong B/L number',
          eventId: 'correction-bl',
          changes: [{ field: 'blNo', from: 'BL-1', to: 'BL-2' }],
        },
      ],
    },
  };
}

describeBrowser('corrections on the order page', () => {
  let smtp: SmtpSink;
  let stack: Stack;
  let server: Server;
  let base: string;
  let browser: Browser;
  const problems: string[] = [];
  /** The correction requests the page sent, and how to answer the next one. */
  const sent: Record<string, unknown>[] = [];
  let answer: (route: Route, body: Record<string, unknown>) => Promise<void>;
  /** The latest order view the page was served. */
  let served: CorrectedView;
  // The refusals the test answers with on purpose are logged by the browser as failed loads.
  const expected = (msg: ConsoleMessage) => refusedOnPurpose(msg) || /status of 403/.test(msg.text());

  beforeAll(async () => {
    ({ smtp, stack, server, base } = await serveConsole());
    await createOrder(stack.app, { orderId: ORDER, ...newInquiry() });
    for (const event of [
      fullLife.quotation,
      { type: 'QUOTATION_ACCEPTED', sampleRequired: false },
      fullLife.contract,
      fullLife.deposit1,
    ])
      expect((await sendEvent(stack.app, ORDER, event)).status).toBe(200);
    await orderWhen(stack.app, ORDER, (v) => v.payments.receipts.length === 1);
    browser = await launchChromium();
  }, 60_000);

  afterAll(async () => {
    await closeAll({ browser, server, stack, smtp });
  });

  /** A signed-in page whose order answers carry the corrections, and whose correction posts are caught. */
  async function openOrder(token: string, locale = 'en-US'): Promise<Page> {
    const page = await watchedPage(
      browser,
      { viewport: { width: 1366, height: 900 }, locale },
      problems,
      expected,
    );
    const orderPath = `/orders/${encodeURIComponent(ORDER)}`;
    await page.route(
      (url) => url.pathname === orderPath,
      async (route) => {
        if (route.request().method() !== 'GET') return route.continue();
        served = corrected((await (await route.fetch()).json()) as OrderView);
        await route.fulfill({ json: served });
      },
    );
    await page.route(
      (url) => url.pathname === `${orderPath}/timeline`,
      async (route) => {
        const real = (await (await route.fetch()).json()) as { entries: Entry[] };
        const quotation = real.entries.find((e) => e.type === 'QUOTATION_SENT')!;
        const payload = {
          type: 'EVENT_CORRECTED',
          correctsEventId: quotation.eventId,
          changes: { quotationNo: 'Q-1B' },
          reason: 'typo in the quotation number',
        };
        const correction = { eventId: CORRECTION_ID, type: 'EVENT_CORRECTED', actor: 'max', payload };
        const latest = real.entries[0];
        await route.fulfill({
          json: {
            ...real,
            entries: [{ ...latest, ...correction, seq: latest.seq + 1 }, ...real.entries],
          },
        });
      },
    );
    await page.route(
      (url) => url.pathname === `${orderPath}/events`,
      async (route) => {
        const body = route.request().postDataJSON() as Record<string, unknown>;
        if (!CORRECTION_EVENTS.includes(String(body.type))) return route.continue();
        sent.push(body);
        await answer(route, body);
      },
    );
    await signIn(page, base, token);
    await page.goto(`${base}/console/#/orders/${encodeURIComponent(ORDER)}`);
    await page.locator('#sec-timeline').waitFor();
    return page;
  }

  /** The one request the page sent, with its client key (one per form). */
  function sentOnce(): Record<string, unknown> {
    expect(sent).toHaveLength(1);
    expect(String(sent[0].eventId)).toMatch(/^console-/);
    return sent[0];
  }

  const row = (page: Page, type: string) => page.locator(`table.timeline tr[data-type="${type}"]`);

  it('shows the warnings on top, the correction under the original, and the document revision', async () => {
    const page = await openOrder(TOKENS.manager);
    const banner = page.locator('.warnings');
    await banner.waitFor();
    const text = await banner.innerText();
    expect(text).toContain('Needs attention');
    expect(text).toContain('A payment was reversed: the money is owed again');
    expect(text).toContain('Payment TT-0 was reversed');
    expect(text).toMatch(/since Dec 1, 2026/);
    // Above the stages and the forms.
    expect(
      await page.evaluate(
        "!!(document.querySelector('.warnings').compareDocumentPosition(document.querySelector('.stepper')) & Node.DOCUMENT_POSITION_FOLLOWING)",
      ),
    ).toBe(true);

    const original = row(page, 'QUOTATION_SENT');
    expect(await original.innerText()).toContain('Corrected');
    const note = page.locator('tr.correction-note');
    expect(await note.count()).toBe(1);
    const noted = await note.innerText();
    expect(noted).toContain('Corrected by max');
    expect(noted).toContain('Quotation no.: Q-1 → Q-1B');
    expect(noted).toContain('Reason: typo in the quotation number');
    // The note sits right under the original's row.
    expect(
      await page.evaluate<string | undefined>(
        `document.querySelector('table.timeline tr[data-type="QUOTATION_SENT"]').nextElementSibling?.className`,
      ),
    ).toBe('correction-note');
    expect(await row(page, 'EVENT_CORRECTED').innerText()).toContain(
      'Corrected Quotation sent: typo in the quotation number',
    );

    const shipping = await page.locator('#sec-shipping').locator('..').innerText();
    expect(shipping).toContain('Revision 1');
    expect(shipping).toContain('wrong B/L number');
    expect(shipping).toContain('B/L no.: BL-1 → BL-2');

    // The three take-back events open beside what they take back, never in the event picker.
    const offered: (string | null)[] = [];
    for (const option of await page.locator('#event-type option').all())
      offered.push(await option.getAttribute('value'));
    expect(offered.length).toBeGreaterThan(1);
    for (const type of CORRECTION_EVENTS) expect(offered).not.toContain(type);
    expect(await seriousAxeViolations(page)).toEqual([]);
    await shot(page, 'order');
    await page.context().close();
  });

  it('corrects only the changed field, with a reason, and shows a 409 CORRECTION_NOT_ALLOWED', async () => {
    const page = await openOrder(TOKENS.manager);
    const contract = row(page, 'CONTRACT_SIGNED');
    await contract.locator('button[data-action="correct"]').click();
    const form = 'form[data-action="correct"]';
    await page.locator(form).waitFor();
    expect(await page.locator(`${form} [name="changes.contractNo"]`).inputValue()).toBe('C-1');
    // Nothing changed: nothing is sent.
    await fillForm(page, form, { reason: 'typo' });
    await page.locator(`${form} button[type=submit]`).click();
    await page.locator(`${form} .form-message`).filter({ hasText: 'Nothing changed' }).waitFor();
    // No reason: nothing is sent, the reason field says so.
    await fillForm(page, form, { 'changes.contractNo': 'C-1A', reason: '' });
    await page.locator(`${form} button[type=submit]`).click();
    await page.locator(`${form} [name="reason"][aria-invalid="true"]`).waitFor();
    expect(sent).toEqual([]);

    answer = (route) =>
      route.fulfill({
        status: 409,
        json: {
          error: {
            code: 'CORRECTION_NOT_ALLOWED',
            message: 'the contract number is printed on documents the bank holds',
          },
        },
      });
    await fillForm(page, form, { reason: 'the customer uses C-1A' });
    await page.locator(`${form} button[type=submit]`).click();
    await page
      .locator(`${form} .form-message`)
      .filter({
        hasText: 'This cannot be taken back: the contract number is printed on documents the bank holds',
      })
      .waitFor();
    await shot(page, 'refused');
    expect([sentOnce()]).toEqual([
      {
        type: 'EVENT_CORRECTED',
        correctsEventId: await contract.getAttribute('data-event-id'),
        changes: { contractNo: 'C-1A' },
        reason: 'the customer uses C-1A',
        eventId: sent[0]?.eventId,
      },
    ]);
    expect(await seriousAxeViolations(page)).toEqual([]);
    sent.length = 0;
    await page.context().close();
  });

  it('reverses a receipt from its row, showing a 403, and undoes the latest stage move', async () => {
    const page = await openOrder(TOKENS.manager);
    const receipt = page.locator('table.receipts tr[data-payment]');
    expect(await receipt.innerText()).toContain('TT-1');
    await receipt.locator('button[data-action="reverse"]').click();
    const reverse = 'form[data-action="reverse"]';
    await page.locator(reverse).waitFor();
    answer = (route) =>
      route.fulfill({
        status: 403,
        json: { error: { code: 'FORBIDDEN', message: 'a manager reverses payments' } },
      });
    await fillForm(page, reverse, { reason: 'recorded on the wrong order' });
    await page.locator(`${reverse} button[type=submit]`).click();
    await page
      .locator(`${reverse} .form-message`)
      .filter({ hasText: 'Only a manager may do this: a manager reverses payments' })
      .waitFor();
    expect([sentOnce()]).toEqual([
      {
        type: 'PAYMENT_REVERSED',
        paymentEventId: await receipt.getAttribute('data-payment'),
        reason: 'recorded on the wrong order',
        eventId: sent[0]?.eventId,
      },
    ]);
    sent.length = 0;

    const contract = row(page, 'CONTRACT_SIGNED');
    const contractId = await contract.getAttribute('data-event-id');
    await contract.locator('button[data-action="undo"]').click();
    const undo = 'form[data-action="undo"]';
    await page.locator(undo).waitFor();
    // Accepted: the answer is the order view, which the page shows.
    answer = (route) => route.fulfill({ json: { ...served, stage: 'CONTRACT' } });
    await fillForm(page, undo, { reason: 'signed by mistake' });
    await page.locator(`${undo} button[type=submit]`).click();
    await page
      .locator('#flash')
      .filter({ hasText: 'Undone: Contract signed. The order is in stage Contract.' })
      .waitFor();
    expect([sentOnce()]).toEqual([
      {
        type: 'EVENT_UNDONE',
        undoesEventId: contractId,
        reason: 'signed by mistake',
        eventId: sent[0]?.eventId,
      },
    ]);
    sent.length = 0;
    await page.context().close();
  });

  it('tells ops that a manager must correct what was sent, and offers them no undo or reversal', async () => {
    const page = await openOrder(TOKENS.ops);
    await row(page, 'QUOTATION_SENT').locator('button[data-action="correct"]').click();
    const panel = page
      .locator('[data-action="correct"]')
      .filter({ hasText: 'A manager must make this correction' });
    await panel.waitFor();
    expect(await panel.locator('input, textarea, button[type=submit]').count()).toBe(0);
    expect(await page.locator('button[data-action="undo"], button[data-action="reverse"]').count()).toBe(0);
    // What ops may correct they may correct.
    expect(await row(page, 'CONTRACT_SIGNED').locator('button[data-action="correct"]').count()).toBe(1);
    await page.context().close();
  });

  it('says it all in Chinese', async () => {
    const page = await openOrder(TOKENS.manager, 'zh-CN');
    const banner = await page.locator('.warnings').innerText();
    expect(banner).toContain('有一笔收款已冲销');
    const note = await page.locator('tr.correction-note').innerText();
    expect(note).toContain('max 于');
    expect(note).toContain('原因：typo in the quotation number');
    expect(await row(page, 'CONTRACT_SIGNED').locator('button[data-action="correct"]').innerText()).toContain(
      '更正',
    );
    expect(await page.locator('table.receipts').innerText()).toContain('冲销');
    await page.context().close();
  });

  it('keeps the pages free of script errors', () => {
    expect(problems).toEqual([]);
  });
});
