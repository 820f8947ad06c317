/**
 * What the console's browser tests share: Debian's Chromium driven by playwright-core, skipped
 * where it is missing (but never in CI), and an axe-core accessibility check of the page.
 */
import { existsSync, readFileSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SmtpSink } from '../../harness/smtp';
import { startStack, type Stack } from '../../harness/stack';
import {
  chromium,
  type Browser,
  type BrowserContextOptions,
  type ConsoleMessage,
  type Page,
} from 'playwright-core';

export const CHROMIUM = '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
const inCi = ['true', '1'].includes(String(process.env.CI).toLowerCase());
const canRun = existsSync(CHROMIUM) || inCi; // in CI a missing browser is a failure, not a skip
if (!canRun)
  console.warn(
    `test/console skipped: ${CHROMIUM} is missing (apt-get install -y chromium); CI would fail here`,
  );
export const describeBrowser = canRun ? describe : describe.skip;

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true });
}

/** Refusals a test causes on purpose (a bad token, a refused event): the browser logs them as errors. */
export const refusedOnPurpose = (msg: ConsoleMessage): boolean => /status of (400|401|409)/.test(msg.text());

/**
 * A new page that reports into `problems` every uncaught error and every console error the test did
 * not cause on purpose (`expected` says which those are).
 */
export async function watchedPage(
  browser: Browser,
  options: BrowserContextOptions,
  problems: string[],
  expected: (msg: ConsoleMessage) => boolean,
): Promise<Page> {
  const page = await (await browser.newContext(options)).newPage();
  page.setDefaultTimeout(20_000);
  page.on('pageerror', (err) => problems.push(`pageerror: ${err.message}`));
  page.on('console', (msg) => {
    if (msg.type() === 'error' && !expected(msg))
      problems.push(`console: ${msg.text()} (${msg.location().url})`);
  });
  return page;
}

/** What a browser test started, stopped in reverse order; any of them may not have started. */
/** The app on a free local port, as the browser reaches it; `closeAll` closes the server. */
/** The whole stack with a mail sink behind it, and the API served for a browser at `base`. */
export async function serveConsole(): Promise<{
  smtp: SmtpSink;
  stack: Stack;
  server: Server;
  base: string;
}> {
  const smtp = await SmtpSink.start();
  const stack = await startStack({ smtpUrl: smtp.url });
  return { smtp, stack, ...(await serve(stack.app)) };
}

/** Signs `page` in at the console's door with a service token (`path`: where the door is) and waits for the console. */
export async function signIn(page: Page, base: string, token: string, path = '/'): Promise<Page> {
  await page.goto(`${base}${path}`);
  await page.locator('#token').fill(token);
  await page.keyboard.press('Enter');
  await page.locator('#token').waitFor({ state: 'detached' });
  return page;
}

/** A page of the console as a user in China sees it: Chinese, on Shanghai time. */
export const CHINESE_PAGE = {
  viewport: { width: 1366, height: 900 },
  locale: 'zh-CN',
  timezoneId: 'Asia/Shanghai',
} as const;

export async function serve(app: { listen(port: number, host: string): Server }): Promise<{
  server: Server;
  base: string;
}> {
  const server = app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  return { server, base: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

export async function closeAll(parts: {
  browser?: Browser;
  server?: Server;
  stack?: { close(): Promise<void> };
  smtp?: { stop(): Promise<void> };
}): Promise<void> {
  await parts.browser?.close();
  const { server } = parts;
  await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)));
  await parts.stack?.close();
  await parts.smtp?.stop();
}

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[]; failureSummary?: string }[];
}

const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

/**
 * The page's serious and critical axe violations (WCAG 2.1 A and AA rules). axe-core is evaluated
 * through the DevTools protocol, which the page's CSP does not govern (a script tag would be refused).
 */
export async function seriousAxeViolations(page: Page): Promise<AxeViolation[]> {
  if (!(await page.evaluate('typeof window.axe !== "undefined"'))) await page.evaluate(axeSource);
  const violations = await page.evaluate<AxeViolation[]>(`
    window.axe
      .run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] } })
      .then((r) => r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help,
        nodes: v.nodes.map((n) => ({ target: n.target, failureSummary: n.failureSummary })) })))`);
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

/** Fills an event form's fields by name: checkboxes by their flag, selects by value, the rest typed. */
export async function fillForm(page: Page, form: string, fields: Record<string, string | boolean>) {
  for (const [field, value] of Object.entries(fields)) {
    const control = page.locator(`${form} [name="${field}"]`);
    if (typeof value === 'boolean') await control.setChecked(value);
    else if ((await page.locator(`${form} select[name="${field}"]`).count()) > 0)
      await control.selectOption(value);
    else await control.fill(value);
  }
}
