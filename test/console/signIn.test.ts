/**
 * Sign-in through the local OpenID provider (issue 31), in Chromium against the real stack: two
 * people of different companies each see only their own company's orders (the same order id in
 * both); the platform's customer manager sees both companies and switches between them; signing
 * out ends the session on the server.
 */
import type { Server } from 'node:http';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import request from 'supertest';
import { freePort } from '../../src/dev/freePort';
import { LOCAL_CLIENT_ID, seedExamplePeople } from '../../src/dev/examplePeople';
import { newInquiry, uniqueOrderId } from '../../harness/orderFixtures';
import { startLocalProvider } from '../../harness/oidcProvider';
import { bearer, startStack, TOKENS, type Stack } from '../../harness/stack';
import { closeAll, describeBrowser, launchChromium, refusedOnPurpose } from './browser';

describeBrowser('signing in with the company account', () => {
  let provider: { url: string; stop(): Promise<void> };
  let stack: Stack;
  let server: Server;
  let base: string;
  let browser: Browser;
  const shared = uniqueOrderId('PO-SIGNIN');
  const problems: string[] = [];

  beforeAll(async () => {
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    provider = await startLocalProvider([`${base}/auth/callback`]);
    stack = await startStack({
      env: { OIDC_ISSUER_URL: provider.url, OIDC_CLIENT_ID: LOCAL_CLIENT_ID, PUBLIC_BASE_URL: base },
    });
    await seedExamplePeople(stack.readModel);
    for (const [token, buyer] of [
      [TOKENS.acmeOps, 'Buyer of Acme'],
      [TOKENS.globexOps, 'Buyer of Globex'],
    ] as const) {
      const body = { orderId: shared, ...newInquiry() };
      body.customer = { ...body.customer, company: buyer };
      expect((await request(stack.app).post('/orders').set(bearer(token)).send(body)).status).toBe(201);
    }
    server = stack.app.listen(port, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    browser = await launchChromium();
  }, 120_000);

  afterAll(async () => {
    await closeAll({ browser, server, stack });
    await provider?.stop();
  });

  /** A fresh browser profile signed in as `login` through the provider's own pages. */
  async function signIn(login: string): Promise<{ context: BrowserContext; page: Page }> {
    const context = await browser.newContext({ viewport: { width: 1366, height: 900 } });
    const page = await context.newPage();
    page.setDefaultTimeout(20_000);
    page.on('pageerror', (err) => problems.push(`pageerror: ${err.message}`));
    page.on('console', (msg) => {
      if (msg.type() === 'error' && !refusedOnPurpose(msg) && page.url().startsWith(base))
        problems.push(`console: ${msg.text()}`);
    });
    await page.goto(`${base}/console/`);
    await page.getByRole('link', { name: 'Sign in with your company account' }).click();
    await page.locator('input[name="login"]').fill(login);
    await page.locator('input[name="password"]').fill('any password');
    await page.getByRole('button', { name: 'Sign-in' }).click();
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.getByRole('heading', { name: 'Orders', level: 1 }).waitFor();
    return { context, page };
  }

  const customerOf = (page: Page) => page.locator(`tr[data-order-id="${shared}"]`).innerText();

  it('two people of different companies each see only their own company’s order', async () => {
    const acme = await signIn('wang.wei');
    expect(await acme.page.locator('#who').innerText()).toContain('Wang Wei');
    expect(await customerOf(acme.page)).toContain('Buyer of Acme');
    expect(await acme.page.getByText('Buyer of Globex').count()).toBe(0);

    const globex = await signIn('zhao.min');
    expect(await customerOf(globex.page)).toContain('Buyer of Globex');
    expect(await globex.page.getByText('Buyer of Acme').count()).toBe(0);
    // The company switch is only for people of several companies.
    expect(await globex.page.locator('#company').isHidden()).toBe(true);
    await Promise.all([acme.context.close(), globex.context.close()]);
  });

  it('the customer manager sees both companies and switches between them', async () => {
    const { context, page } = await signIn('zhou.lan');
    const select = page.locator('#company');
    await select.waitFor();
    expect(await page.locator('#company option').allInnerTexts()).toEqual([
      'Acme Lighting Export Co.',
      'Globex Textiles Trading',
    ]);
    expect(await customerOf(page)).toContain('Buyer of Acme');
    await select.selectOption('globex');
    await page.getByText('Buyer of Globex').waitFor();
    expect(await page.getByText('Buyer of Acme').count()).toBe(0);
    // Read only: no new inquiry for a customer manager.
    expect(await page.locator('#nav-new').isHidden()).toBe(true);
    await context.close();
  });

  it('signing out ends the session on the server: the old cookie is refused', async () => {
    const { context, page } = await signIn('wang.wei');
    const cookie = (await context.cookies()).find((c) => c.name === 'od_session');
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax' });
    const withCookie = () =>
      request(stack.app)
        .get('/orders')
        .set('Cookie', `od_session=${cookie?.value ?? ''}`);
    expect((await withCookie()).status).toBe(200);
    // A write with the cookie but without the session's CSRF token is refused.
    const forged = await request(stack.app)
      .post('/orders')
      .set('Cookie', `od_session=${cookie?.value ?? ''}`)
      .send({ ...newInquiry() });
    expect(forged.status).toBe(403);
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('link', { name: 'Sign in with your company account' }).waitFor();
    expect((await withCookie()).status).toBe(401);
    await context.close();
    expect(problems).toEqual([]);
  });
});
