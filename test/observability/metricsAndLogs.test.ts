import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import request from 'supertest';
import type { OrderView } from '../../src/domain';
import { freePort } from '../../src/dev/freePort';
import { fullLife, newInquiry, uniqueOrderId } from '../../harness/orderFixtures';
import { dashboardPng, metricsPagePng } from '../../harness/metricsPicture';
import { scrape, sumOf, parseSamples, type Sample } from '../../harness/prometheus';
import { SmtpSink } from '../../harness/smtp';
import { bearer, startStack, TOKENS, type Stack } from '../../harness/stack';
import { eventually } from '../../harness/temporal';
import { WorkerProcess } from '../../harness/workerProcess';
import { orderWhen } from '../api/helpers';

// The whole observability path against the real parts: an API in this process, the production
// worker entry as its own process (its runtime, hence its Prometheus exporter, is its own), real
// Temporal, PostgreSQL and SMTP. Personal data is unique to this file, so a grep for it is exact.
const customer = {
  name: 'Zelda Quintero-Obs',
  company: 'Obs Trading GmbH',
  email: 'zelda.quintero@obs-customer.example',
  country: 'DE',
};
const accountManager = { name: 'Ingrid Obsvik', email: 'ingrid.obsvik@exporter.example' };

let smtp: SmtpSink;
let stack: Stack;
let worker: WorkerProcess;
let workerMetrics: string;

beforeAll(async () => {
  smtp = await SmtpSink.start();
  // The completed order archives (its workflow completes) a few seconds after it closes.
  stack = await startStack({ worker: false, smtpUrl: smtp.url, env: { ORDER_ARCHIVE_AFTER: '3s' } });
  const port = await freePort();
  workerMetrics = `http://127.0.0.1:${port}/metrics`;
  worker = new WorkerProcess({
    NODE_ENV: 'test',
    TEMPORAL_ADDRESS: stack.config.temporal.address,
    TEMPORAL_NAMESPACE: stack.config.temporal.namespace,
    TEMPORAL_TASK_QUEUE: stack.config.temporal.taskQueue,
    DATABASE_URL: stack.config.database.url,
    SMTP_URL: smtp.url,
    WORKER_METRICS_PORT: String(port),
    // Everything the SDK and the order code log, so the personal-data grep sees it all.
    LOG_LEVEL: 'DEBUG',
  });
  await worker.start();
});

afterAll(async () => {
  await worker?.kill('SIGTERM');
  await stack?.close();
  await smtp?.stop();
});

const apiMetrics = async (): Promise<{ text: string; samples: Sample[] }> => {
  const res = await request(stack.app).get('/metrics').set(bearer(TOKENS.platform));
  expect(res.status).toBe(200);
  expect(res.headers['content-type']).toMatch(/^text\/plain/);
  return { text: res.text, samples: parseSamples(res.text) };
};

async function openOrder(overrides: Record<string, unknown> = {}): Promise<string> {
  const orderId = uniqueOrderId('PO-OBS');
  const res = await request(stack.app)
    .post('/orders')
    .set(bearer(TOKENS.ops))
    .set('X-Request-Id', `obs-open-${orderId}`)
    .send({ ...newInquiry({ customer, accountManager }), orderId, ...overrides });
  expect(res.status).toBe(201);
  return orderId;
}

function send(orderId: string, event: Record<string, unknown>, requestId: string) {
  return request(stack.app)
    .post(`/orders/${orderId}/events`)
    .set(bearer(TOKENS.ops))
    .set('X-Request-Id', requestId)
    .send(event);
}

let completed: string;
let open: string;
let stalled: string;

describe('a full order life, then both metrics endpoints', () => {
  it('runs one order to the end, leaves one owing money and lets one stall', async () => {
    completed = await openOrder();
    const e = fullLife;
    const step = async (name: keyof typeof fullLife, stage: string) => {
      const res = await send(completed, e[name], `obs-${name}`);
      expect({ status: res.status, stage: (res.body as OrderView).stage }).toEqual({ status: 200, stage });
      expect(res.headers['x-request-id']).toBe(`obs-${name}`);
    };
    await step('quotation', 'QUOTATION');
    // Refused: balance during the quotation (409 EVENT_NOT_ALLOWED), and a body that is no event (400).
    expect((await send(completed, e.balance, 'obs-refused')).status).toBe(409);
    expect((await send(completed, { type: 'NO_SUCH_EVENT' }, 'obs-invalid')).status).toBe(400);
    for (const [name, stage] of [
      ['accepted', 'SAMPLE'],
      ['sample1', 'SAMPLE'],
      ['sampleRejected', 'SAMPLE'],
      ['sample2', 'SAMPLE'],
      ['sampleApproved', 'CONTRACT'],
      ['contract', 'DEPOSIT'],
      ['deposit1', 'DEPOSIT'],
      ['deposit2', 'PRODUCTION'],
      ['progress', 'PRODUCTION'],
      ['inspection', 'PRODUCTION'],
      ['produced', 'SHIPPING'],
    ] as const)
      await step(name, stage);
    await orderWhen(stack.app, completed, (v) => v.shipping.booking.requestedAt !== null);
    await step('booking', 'SHIPPING');
    await step('customs', 'SHIPPING');
    await step('billOfLading', 'BALANCE');
    await orderWhen(stack.app, completed, (v) => v.documents.copiesSentAt !== null);
    await step('documentsOk', 'BALANCE');
    await step('balance', 'DOCUMENTS');
    await orderWhen(stack.app, completed, (v) => v.documents.dispatchedAt !== null);
    await step('originals', 'DOCUMENTS');
    await step('released', 'COMPLETED');

    open = await openOrder();
    for (const name of ['quotation', 'accepted', 'sample1', 'sampleApproved', 'contract'] as const)
      expect((await send(open, e[name], `obs-open-${name}`)).status).toBe(200);

    stalled = await openOrder({ stageTimeLimits: { INQUIRY: '1s' } });
    await orderWhen(stack.app, stalled, (v) => v.stalled);
    await eventually(() =>
      Promise.resolve(smtp.messages.some((m) => m.parsed.subject?.includes(stalled)) || undefined),
    );
  });

  it('API: requests by route pattern and status, events by type and code, no order id in any label', async () => {
    const { text, samples } = await apiMetrics();
    const events = { method: 'POST', route: '/orders/:orderId/events' };
    expect(sumOf(samples, 'orderdesk_http_requests_total', { ...events, status: '200' })).toBe(
      Object.keys(fullLife).length + 5,
    );
    expect(sumOf(samples, 'orderdesk_http_requests_total', { ...events, status: '409' })).toBe(1);
    // Every answer is timed: the 200s above, the 409 and the 400.
    expect(sumOf(samples, 'orderdesk_http_request_duration_seconds_count', events)).toBe(
      Object.keys(fullLife).length + 5 + 2,
    );
    expect(sumOf(samples, 'orderdesk_http_requests_total', { method: 'POST', route: '/orders' })).toBe(3);
    expect(sumOf(samples, 'orderdesk_events_accepted_total', { type: 'QUOTATION_SENT' })).toBe(2);
    expect(sumOf(samples, 'orderdesk_events_accepted_total', { type: 'SAMPLE_SENT' })).toBe(3);
    expect(sumOf(samples, 'orderdesk_events_accepted_total', { type: 'GOODS_RELEASED' })).toBe(1);
    expect(
      sumOf(samples, 'orderdesk_events_refused_total', {
        type: 'BALANCE_RECEIVED',
        code: 'EVENT_NOT_ALLOWED',
      }),
    ).toBe(1);
    expect(
      sumOf(samples, 'orderdesk_events_refused_total', { type: 'INVALID', code: 'VALIDATION_FAILED' }),
    ).toBe(1);
    expect(sumOf(samples, 'orderdesk_dependency_errors_total')).toBe(0);
    for (const id of [completed, open, stalled]) expect(text).not.toContain(id);
    for (const personal of [customer.name, customer.email, accountManager.email])
      expect(text).not.toContain(personal);
  });

  it('API: business gauges from the read model (stages, stalls, money, emails)', async () => {
    const samples = await eventually(async () => {
      const { samples: s } = await apiMetrics();
      // The gauges are cached for a few seconds: wait until they have seen the stall.
      return sumOf(s, 'orderdesk_orders_stalled') >= 1 ? s : undefined;
    });
    expect(sumOf(samples, 'orderdesk_read_model_up')).toBe(1);
    // One series per company, labelled by its id: this test's orders are `default`'s.
    expect(
      samples.filter((s) => s.name === 'orderdesk_orders_open' && s.labels.company === 'default'),
    ).toHaveLength(9);
    for (const s of samples.filter((x) => /^orderdesk_(orders|oldest|money|emails)_/.test(x.name)))
      expect(s.labels.company).toMatch(/^[a-z0-9-]{2,40}$/);
    expect(sumOf(samples, 'orderdesk_orders_open', { stage: 'DEPOSIT' })).toBe(1);
    expect(sumOf(samples, 'orderdesk_orders_open', { stage: 'INQUIRY' })).toBe(1);
    expect(sumOf(samples, 'orderdesk_orders_open')).toBe(2);
    expect(sumOf(samples, 'orderdesk_orders_stalled')).toBe(1);
    expect(sumOf(samples, 'orderdesk_oldest_stall_seconds')).toBeGreaterThan(0);
    expect(sumOf(samples, 'orderdesk_money_outstanding', { currency: 'USD' })).toBe(25000);
    expect(sumOf(samples, 'orderdesk_money_overdue', { currency: 'USD' })).toBe(0);
    for (const purpose of ['booking-request', 'document-copies', 'document-dispatch'])
      expect(sumOf(samples, 'orderdesk_emails_sent', { purpose })).toBe(1);
    expect(sumOf(samples, 'orderdesk_emails_sent', { purpose: 'stall-reminder' })).toBeGreaterThanOrEqual(1);
    expect(sumOf(samples, 'orderdesk_emails_failed')).toBe(0);
  });

  it('/metrics wants a platform-admin token (or METRICS_TOKEN) and answers 401 without one', async () => {
    const res = await request(stack.app).get('/metrics');
    expect(res.status).toBe(401);
    expect((res.body as { error: { code: string } }).error.code).toBe('UNAUTHENTICATED');
  });

  it('worker: workflows and activities completed, task latencies, cache and memory', async () => {
    const samples = await eventually(async () => {
      const s = await scrape(workerMetrics);
      return sumOf(s, 'temporal_workflow_completed', { workflow_type: 'orderWorkflow' }) >= 1 ? s : undefined;
    });
    // Pictures for the README (docs/img) when asked, else in artifacts/.
    const { text, samples: api } = await apiMetrics();
    const dir = process.env.UPDATE_DOCS_IMG ? 'docs/img' : 'artifacts';
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'metrics-dashboard.png'), dashboardPng(api, samples));
    writeFileSync(join(dir, 'metrics-page.png'), metricsPagePng(text));
    const queue = { task_queue: stack.config.temporal.taskQueue };
    expect(sumOf(samples, 'temporal_workflow_completed', { ...queue, workflow_type: 'orderWorkflow' })).toBe(
      1,
    );
    expect(
      sumOf(samples, 'temporal_activity_execution_latency_count', {
        ...queue,
        activity_type: 'sendBookingRequest',
      }),
    ).toBe(1);
    expect(sumOf(samples, 'temporal_workflow_task_schedule_to_start_latency_count', queue)).toBeGreaterThan(
      20,
    );
    expect(sumOf(samples, 'temporal_workflow_task_execution_failed', queue)).toBe(0);
    expect(samples.some((s) => s.name === 'temporal_sticky_cache_size')).toBe(true);
    expect(sumOf(samples, 'orderdesk_worker_memory_rss_bytes')).toBeGreaterThan(10_000_000);
  });
});

describe('logs', () => {
  const workerLines = () =>
    worker.log
      .split('\n')
      .filter((line) => line.trim())
      .map((line) => JSON.parse(line) as Record<string, unknown>);

  it('are JSON lines, and one request id follows an event from HTTP to the workflow and its activity', () => {
    const lines = workerLines();
    // PRODUCTION_COMPLETED starts the booking request: the same id in the API, the workflow and the activity.
    const id = 'obs-produced';
    expect(
      stack.logger.entries.some(
        (e) => e.message === 'request' && JSON.stringify(e.fields).includes(`"requestId":"${id}"`),
      ),
    ).toBe(true);
    expect(lines).toContainEqual(
      expect.objectContaining({ requestId: id, sdkComponent: 'workflow', message: 'update received' }),
    );
    expect(lines).toContainEqual(
      expect.objectContaining({
        requestId: id,
        sdkComponent: 'activity',
        activityType: 'sendBookingRequest',
      }),
    );
  });

  it('carry no personal data: no customer or account manager name or address in any line', () => {
    const everything = `${JSON.stringify(stack.logger.entries)}\n${worker.log}`;
    expect(everything.length).toBeGreaterThan(10_000);
    for (const personal of [customer.name, customer.email, accountManager.name, accountManager.email])
      expect(everything.toLowerCase()).not.toContain(personal.toLowerCase());
  });
});
