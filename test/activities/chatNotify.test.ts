import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createHmac } from 'node:crypto';
import { ApplicationFailure } from '@temporalio/common';
import { createActivities, type OrderActivities, type ReminderNotice } from '../../src/activities';
import { parseChatWebhooks } from '../../src/config/chatWebhooks';
import { createMailTransport } from '../../src/activities';
import { EXPORTER, MAIL_FROM } from './fixtures';

// A real local HTTP server stands in for each platform and checks what a robot would check.
const DINGTALK_SECRET = 'SEC-test-secret-0123456789';
interface Received {
  path: string;
  query: URLSearchParams;
  headers: IncomingMessage['headers'];
  body: Record<string, unknown>;
}
let server: Server;
let base: string;
const received: Received[] = [];
/** Answers still to give per path before the normal one (e.g. two 500s). */
const scripted = new Map<string, number[]>();

function dingTalkSignatureValid(query: URLSearchParams): boolean {
  const timestamp = Number(query.get('timestamp'));
  if (!Number.isFinite(timestamp) || Math.abs(Date.now() - timestamp) > 3_600_000) return false;
  const expected = createHmac('sha256', DINGTALK_SECRET)
    .update(`${timestamp}\n${DINGTALK_SECRET}`)
    .digest('base64');
  return query.get('sign') === expected;
}

/** What each platform answers: errors the way the platform reports them. */
function answer(path: string, body: Record<string, unknown>, query: URLSearchParams): [number, unknown] {
  const next = scripted.get(path)?.shift();
  if (next !== undefined) return [next, { errcode: -1, errmsg: 'scripted' }];
  if (path.startsWith('/wecom')) {
    const markdown = body.markdown as { content?: unknown } | undefined;
    const ok = body.msgtype === 'markdown' && typeof markdown?.content === 'string';
    return [200, ok ? { errcode: 0, errmsg: 'ok' } : { errcode: 40008, errmsg: 'invalid message type' }];
  }
  if (path.startsWith('/dingtalk')) {
    if (!dingTalkSignatureValid(query)) return [200, { errcode: 310000, errmsg: 'sign not match' }];
    const markdown = body.markdown as { title?: unknown; text?: unknown } | undefined;
    const ok =
      body.msgtype === 'markdown' && typeof markdown?.title === 'string' && typeof markdown.text === 'string';
    return [200, ok ? { errcode: 0, errmsg: 'ok' } : { errcode: 40035, errmsg: 'missing parameter' }];
  }
  const ok = typeof body.text === 'string' && (body.blocks === undefined || Array.isArray(body.blocks));
  return ok ? [200, 'ok'] : [400, 'invalid_payload'];
}

beforeAll(async () => {
  server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://localhost');
      const body = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}') as Record<string, unknown>;
      received.push({ path: url.pathname, query: url.searchParams, headers: req.headers, body });
      const [status, reply] = answer(url.pathname, body, url.searchParams);
      res.writeHead(status, {
        'Content-Type': typeof reply === 'string' ? 'text/plain' : 'application/json',
      });
      res.end(typeof reply === 'string' ? reply : JSON.stringify(reply));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

beforeEach(() => {
  received.length = 0;
  scripted.clear();
});

function activitiesWith(routes: unknown): OrderActivities {
  return createActivities({
    transport: createMailTransport('smtp://127.0.0.1:1'),
    mailFrom: MAIL_FROM,
    exporter: EXPORTER,
    temporalUiUrl: 'http://localhost:8233',
    namespace: 'default',
    chatWebhooks: parseChatWebhooks(routes),
  });
}

function notice(overrides: Partial<ReminderNotice> = {}): ReminderNotice {
  return {
    orderId: 'PO-2026-0001',
    sequence: 2,
    requestedAt: '2026-12-05T10:00:00.000Z',
    kind: 'STAGE_TIME_LIMIT',
    stage: 'DEPOSIT',
    since: '2026-12-04T08:00:00.000Z',
    escalated: false,
    accountManagerEmail: 'Li.Wei@exporter.example',
    accountManagerName: 'Li Wei',
    customerCompany: 'Acme *GmbH*',
    ...overrides,
  };
}

const KEY = 'PO-2026-0001.stage-time-limit-deposit.2';

test('WeCom gets a markdown message in the account manager language, with the link and key', async () => {
  const chat = activitiesWith({
    accountManagers: { 'li.wei@exporter.example': [{ platform: 'wecom', url: `${base}/wecom?key=abc` }] },
  });
  const delivered = await chat.notifyChat(notice({ language: 'zh-CN' }));
  expect(delivered).toHaveLength(1);
  expect(delivered[0]).toMatchObject({ platform: 'wecom', key: KEY });
  expect(delivered[0].route).toMatch(/^wecom-[0-9a-f]{12}$/);
  expect(received).toHaveLength(1);
  const [{ body, headers, query }] = received;
  expect(query.get('key')).toBe('abc');
  expect(headers['x-idempotency-key']).toBe(KEY);
  const content = (body.markdown as { content: string }).content;
  expect(body.msgtype).toBe('markdown');
  expect(content).toContain('「预付款」阶段超过时限');
  expect(content).toContain('2026-12-04 16:00 (Asia/Shanghai)'); // the exporter's wall clock
  expect(content).toContain('Acme \\*GmbH\\*'); // order data is not markup
  expect(content).toContain('(http://localhost:8233/namespaces/default/workflows/PO-2026-0001)');
  expect(content).toContain(`ref ${KEY}`);
});

test('DingTalk gets a signed markdown message the server verifies with the shared secret', async () => {
  const chat = activitiesWith({
    templates: {
      machinery: [{ platform: 'dingtalk', url: `${base}/dingtalk?access_token=t1`, secret: DINGTALK_SECRET }],
    },
  });
  await chat.notifyChat(notice({ template: 'machinery', kind: 'PAYMENT_DUE', late: 'Deposit USD 7,500.00' }));
  expect(received).toHaveLength(1);
  expect(received[0].query.get('access_token')).toBe('t1');
  const markdown = received[0].body.markdown as { title: string; text: string };
  expect(markdown.title).toBe('Order PO-2026-0001 reminder');
  expect(markdown.text).toContain('Payment overdue: Deposit USD 7,500.00');
});

test('a DingTalk signature under the wrong secret is refused for good', async () => {
  const chat = activitiesWith({
    accountManagers: {
      'li.wei@exporter.example': [{ platform: 'dingtalk', url: `${base}/dingtalk`, secret: 'SEC-wrong' }],
    },
  });
  const failure = await chat.notifyChat(notice()).catch((err: unknown) => err);
  expect(failure).toBeInstanceOf(ApplicationFailure);
  expect(failure).toMatchObject({ type: 'ChatRejected', nonRetryable: true });
  expect((failure as Error).message).toContain('errcode 310000');
  expect((failure as Error).message).not.toContain(base); // the URL holds the robot's key
});

test('Slack-compatible webhooks get {text, blocks}; routes of manager and template both go, each URL once', async () => {
  const slack = { platform: 'slack', url: `${base}/slack/T000/B000/XXX` };
  const chat = activitiesWith({
    accountManagers: { 'li.wei@exporter.example': [slack] },
    templates: { machinery: [slack, { platform: 'wecom', url: `${base}/wecom?key=m` }] },
  });
  const delivered = await chat.notifyChat(notice({ template: 'machinery', escalated: true }));
  expect(delivered.map((d) => d.platform)).toEqual(['slack', 'wecom']);
  const body = received[0].body as { text: string; blocks: { type: string; text: { type: string } }[] };
  expect(body.text).toContain('[Escalated] Order PO-2026-0001 reminder');
  expect(body.text).toContain('Deposit stage past its time limit');
  expect(body.blocks[0]).toMatchObject({ type: 'section', text: { type: 'mrkdwn' } });
});

test('no route for the account manager or template: nothing is sent', async () => {
  const chat = activitiesWith({
    accountManagers: { 'other@exporter.example': [{ platform: 'slack', url: `${base}/slack` }] },
  });
  await expect(chat.notifyChat(notice())).resolves.toEqual([]);
  expect(received).toHaveLength(0);
});

test('a 500 is a retryable failure and the same notice goes through on the retry; a 400 is not retried', async () => {
  const chat = activitiesWith({
    accountManagers: { 'li.wei@exporter.example': [{ platform: 'slack', url: `${base}/slack/flaky` }] },
  });
  scripted.set('/slack/flaky', [500]);
  const first = await chat.notifyChat(notice()).catch((err: unknown) => err);
  expect(first).toMatchObject({ type: 'ChatTemporaryFailure', nonRetryable: false });
  await expect(chat.notifyChat(notice())).resolves.toHaveLength(1);
  expect(received.map((r) => r.body)).toEqual([received[1].body, received[1].body]); // identical both times

  scripted.set('/slack/flaky', [400]);
  const refused = await chat.notifyChat(notice()).catch((err: unknown) => err);
  expect(refused).toMatchObject({ type: 'ChatRejected', nonRetryable: true });
});

test('a 429 and a robot that does not answer are retryable', async () => {
  const chat = activitiesWith({
    accountManagers: { 'li.wei@exporter.example': [{ platform: 'wecom', url: `${base}/wecom` }] },
  });
  scripted.set('/wecom', [429]);
  const limited = await chat.notifyChat(notice()).catch((err: unknown) => err);
  expect(limited).toMatchObject({ type: 'ChatTemporaryFailure', nonRetryable: false });

  const dead = activitiesWith({
    accountManagers: { 'li.wei@exporter.example': [{ platform: 'wecom', url: 'http://127.0.0.1:1/wecom' }] },
  });
  await expect(dead.notifyChat(notice())).rejects.toMatchObject({
    type: 'ChatUnavailable',
    nonRetryable: false,
  });
});

test('the webhook file is validated: platform, URL, a secret only for DingTalk', () => {
  expect(() =>
    parseChatWebhooks({
      accountManagers: { 'a@b.example': [{ platform: 'teams', url: 'https://x.example' }] },
    }),
  ).toThrow(/CHAT_WEBHOOKS_FILE accountManagers.a@b.example.0.platform/);
  expect(() =>
    parseChatWebhooks({ templates: { t: [{ platform: 'slack', url: 'https://x.example', secret: 's' }] } }),
  ).toThrow(/secret is for dingtalk robots only/);
  expect(() =>
    parseChatWebhooks({ templates: { t: [{ platform: 'slack', url: 'ftp://x.example' }] } }),
  ).toThrow(/url/);
});
