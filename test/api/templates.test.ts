/* eslint-disable @typescript-eslint/no-unsafe-assignment -- jest's asymmetric matchers are typed any */
/**
 * Process templates over HTTP against a real API, worker, Temporal dev server and PostgreSQL:
 * versioning, roles, validation, and orders that start from a template (pinned to its version, their
 * own settings winning, working-day limits on the configured calendar).
 */
import { join } from 'node:path';
import request from 'supertest';
import type { OrderView } from '../../src/api/orderView';
import { STEP_KEYS } from '../../src/domain';
import { installTemplates, readTemplateFiles } from '../../src/config/templateFiles';
import type { TemplateVersion } from '../../src/domain/schemas/template';
import { newInquiry, uniqueOrderId } from '../../harness/orderFixtures';
import { bearer, startStack, TOKENS, type Stack } from '../../harness/stack';
import { eventually } from '../../harness/temporal';
import { expectError, getOrder } from './helpers';

let stack: Stack;
const run = `${Date.now().toString(36)}-${process.pid}`;
const unique = (name: string) => `${name}-${run}`;

beforeAll(async () => {
  stack = await startStack({
    env: { WORKING_CALENDAR_FILE: join(__dirname, '../../config/calendars/cn-2027.json') },
  });
});

afterAll(async () => {
  await stack?.close();
});

const body = (overrides: object = {}) => ({
  sampleRequired: true,
  paymentPlan: { depositPercent: 30, balanceMethod: 'TT', balanceDue: 'BEFORE_SHIPMENT' },
  incoterm: 'FOB',
  inspectionsRequired: ['PRE_SHIPMENT'],
  documentsRequired: ['commercial-invoice', 'packing-list'],
  stageTimeLimits: { INQUIRY: '1wd', QUOTATION: '3wd' },
  reminderPolicy: { repeatEvery: '24h', escalateAfter: 1 },
  guidance: { BILL_OF_LADING_ISSUED: 'Check that the B/L consignee matches the L/C.' },
  ...overrides,
});

const put = (name: string, template: object, token: string = TOKENS.manager) =>
  request(stack.app).put(`/templates/${name}`).set(bearer(token)).send(template);

const get = (path: string) => request(stack.app).get(path).set(bearer(TOKENS.viewer));

async function startOrder(order: object): Promise<request.Response> {
  return request(stack.app)
    .post('/orders')
    .set(bearer(TOKENS.ops))
    .send({ orderId: uniqueOrderId('PO-TPL'), ...newInquiry(), ...order });
}

// Friday 2027-03-05 18:00 in Shanghai: one working day later is Monday 18:00.
const fridayEvening = '2027-03-05T10:00:00.000Z';
const inquiryAt = (receivedAt: string) => ({ inquiry: { ...newInquiry().inquiry, receivedAt } });

describe('PUT /templates/{name}', () => {
  it('makes a new version each time; GET answers the latest or the one asked for', async () => {
    const name = unique('risky');
    const first = await put(name, body());
    expect(first.status).toBe(201);
    expect(first.headers.location).toBe(`/templates/${name}?version=1`);
    expect(first.body).toEqual({
      name,
      version: 1,
      body: expect.objectContaining({ sampleRequired: true, incoterm: 'FOB' }),
      createdAt: expect.any(String),
      createdBy: 'max',
    });
    const second = await put(name, body({ sampleRequired: false }));
    expect(second.status).toBe(200);
    expect((second.body as TemplateVersion).version).toBe(2);

    expect((await get(`/templates/${name}`)).body).toEqual(second.body);
    expect((await get(`/templates/${name}?version=1`)).body).toEqual(first.body);
    expectError(await get(`/templates/${name}?version=3`), 404, 'TEMPLATE_NOT_FOUND');
    expectError(await get(`/templates/${unique('nothing')}`), 404, 'TEMPLATE_NOT_FOUND');
    expectError(await get(`/templates/${name}?version=0`), 400, 'VALIDATION_FAILED');

    const list = (await get('/templates')).body as { templates: TemplateVersion[] };
    expect(list.templates.filter((t) => t.name === name)).toEqual([second.body]);
  });

  it('takes versions one after another when PUTs of one name race', async () => {
    const name = unique('race');
    const answers = await Promise.all([1, 2, 3, 4].map(() => put(name, body())));
    expect(answers.map((r) => (r.body as TemplateVersion).version).sort()).toEqual([1, 2, 3, 4]);
  });

  it('is for managers only', async () => {
    const name = unique('roles');
    expectError(await put(name, body(), TOKENS.ops), 403, 'FORBIDDEN');
    expectError(await put(name, body(), TOKENS.viewer), 403, 'FORBIDDEN');
    expectError(await request(stack.app).put(`/templates/${name}`).send(body()), 401, 'UNAUTHENTICATED');
    expectError(await request(stack.app).get('/templates'), 401, 'UNAUTHENTICATED');
    expectError(await get(`/templates/${name}`), 404, 'TEMPLATE_NOT_FOUND');
  });

  it.each([
    ['an unknown field', { colour: 'red' }, 'colour'],
    ['a bad working-day limit', { stageTimeLimits: { INQUIRY: '3wk' } }, 'stageTimeLimits.INQUIRY'],
    ['an unknown stage', { stageTimeLimits: { COMPLETED: '3wd' } }, 'stageTimeLimits.COMPLETED'],
    ['an unknown inspection', { inspectionsRequired: ['AFTER_SHIPMENT'] }, 'inspectionsRequired.0'],
    ['a repeated document', { documentsRequired: ['packing-list', 'packing-list'] }, 'documentsRequired'],
    [
      'a bad balance method',
      { paymentPlan: { depositPercent: 30, balanceMethod: 'CASH' } },
      'paymentPlan.balanceMethod',
    ],
    [
      'a deposit over 100 %',
      { paymentPlan: { depositPercent: 101, balanceMethod: 'TT' } },
      'paymentPlan.depositPercent',
    ],
    [
      'a negative short-payment tolerance',
      {
        paymentPlan: {
          depositPercent: 30,
          balanceMethod: 'TT',
          shortPaymentTolerance: { amount: '-5.00', currency: 'USD' },
        },
      },
      'paymentPlan.shortPaymentTolerance.amount',
    ],
    [
      'a plan without its balance method',
      { paymentPlan: { depositPercent: 30 } },
      'paymentPlan.balanceMethod',
    ],
    [
      'too much guidance',
      {
        guidance: {
          ...Object.fromEntries(STEP_KEYS.slice(0, 8).map((key) => [key, 'x'.repeat(1000)])),
          GOODS_RELEASED: 'x',
        },
      },
      'guidance',
    ],
    ['a bad step key', { guidance: { 'bad key': 'text' } }, 'guidance.bad key'],
    ['guidance for no step', { guidance: { SAMPLE: 'text' } }, 'guidance.SAMPLE'],
    ['no sampleRequired', { sampleRequired: undefined }, 'sampleRequired'],
  ])('refuses %s (400 naming the field)', async (_what, patch, path) => {
    const error = expectError(await put(unique('bad'), body(patch)), 400, 'VALIDATION_FAILED');
    expect(error.details).toEqual(expect.arrayContaining([expect.objectContaining({ path })]));
  });

  it('refuses a name that is not a slug', async () => {
    const error = expectError(await put('Not%20A%20Slug', body()), 400, 'VALIDATION_FAILED');
    expect(error.details).toEqual([expect.objectContaining({ path: 'name' })]);
  });
});

describe('POST /orders with a template', () => {
  it('pins the order to the version it started with, also after a new PUT', async () => {
    const name = unique('pinned');
    await put(name, body({ stageTimeLimits: { INQUIRY: '1wd' } }));
    const first = await startOrder({ template: name, ...inquiryAt(fridayEvening) });
    expect(first.status).toBe(201);
    const v1 = first.body as OrderView;
    expect(v1.template).toEqual(
      expect.objectContaining({ name, version: 1, incoterm: 'FOB', inspectionsRequired: ['PRE_SHIPMENT'] }),
    );
    // Not on Saturday: on Monday 18:00 in Shanghai.
    expect(v1.stageDeadline).toBe('2027-03-08T10:00:00.000Z');
    expect(v1.policy.calendar).toEqual({ name: 'China 2027', timeZone: 'Asia/Shanghai' });

    await put(name, body({ stageTimeLimits: { INQUIRY: '3wd' }, incoterm: 'CIF' }));
    const second = (await startOrder({ template: name, ...inquiryAt(fridayEvening) })).body as OrderView;
    expect(second.template).toEqual(expect.objectContaining({ name, version: 2, incoterm: 'CIF' }));
    expect(second.stageDeadline).toBe('2027-03-10T10:00:00.000Z');

    const firstNow = await eventually(async () => {
      const view = await getOrder(stack.app, v1.orderId).catch(() => undefined);
      return view?.template ? view : undefined;
    });
    expect(firstNow.template).toEqual(expect.objectContaining({ version: 1, incoterm: 'FOB' }));
    expect(firstNow.stageDeadline).toBe('2027-03-08T10:00:00.000Z');

    // The read model's template column: GET /orders?template= finds both.
    const listed = await eventually(async () => {
      const res = await get(`/orders?template=${name}`);
      const ids = (res.body as { orders: { orderId: string }[] }).orders.map((o) => o.orderId);
      return ids.length === 2 ? ids : undefined;
    });
    expect(listed.sort()).toEqual([v1.orderId, second.orderId].sort());
  });

  it("lets the order's own settings win over the template's, stage by stage and field by field", async () => {
    const name = unique('explicit');
    await put(name, body());
    const res = await startOrder({
      template: name,
      stageTimeLimits: { INQUIRY: '36h' },
      reminderPolicy: { repeatEvery: '12h' },
    });
    expect(res.status).toBe(201);
    const { policy } = res.body as OrderView;
    expect(policy.stageTimeLimits).toEqual(
      expect.objectContaining({
        INQUIRY: '36h',
        QUOTATION: '3wd',
        DEPOSIT: stack.config.stallPolicy.stageTimeLimits.DEPOSIT,
      }),
    );
    expect(policy).toEqual(expect.objectContaining({ repeatEvery: '12h', escalateAfter: 1 }));
  });

  it('refuses an unknown template (400 naming the field)', async () => {
    const error = expectError(await startOrder({ template: unique('missing') }), 400, 'VALIDATION_FAILED');
    expect(error.details).toEqual([expect.objectContaining({ path: 'template' })]);
    expectError(await startOrder({ template: 'Bad Name' }), 400, 'VALIDATION_FAILED');
  });

  it('takes working days in its own stage limits too; orders without a template have none', async () => {
    const res = await startOrder({ stageTimeLimits: { INQUIRY: '1wd' }, ...inquiryAt(fridayEvening) });
    expect(res.status).toBe(201);
    expect((res.body as OrderView).stageDeadline).toBe('2027-03-08T10:00:00.000Z');
    expect((res.body as OrderView).template).toBeNull();
  });
});

describe('the example templates (config/templates)', () => {
  it('load once, and again only when a file changes', async () => {
    const files = readTemplateFiles();
    expect(files.map((f) => f.name)).toEqual(['long-standing-open-account', 'new-buyer-risky-market']);
    const renamed = files.map((f) => ({ ...f, name: unique(f.name) }));
    const first = await installTemplates(stack.readModel, renamed, { actor: 'test' });
    expect(first.map((r) => r.outcome)).toEqual(['created', 'created']);
    const again = await installTemplates(stack.readModel, renamed, { actor: 'test' });
    expect(again.map((r) => r.outcome)).toEqual(['unchanged', 'unchanged']);
    const changed = [{ ...renamed[0], body: { ...renamed[0].body, sampleRequired: true } }];
    expect(
      (await installTemplates(stack.readModel, changed, { actor: 'test', onlyMissing: true }))[0].outcome,
    ).toBe('unchanged');
    expect((await installTemplates(stack.readModel, changed, { actor: 'test' }))[0]).toEqual({
      name: renamed[0].name,
      version: 2,
      outcome: 'updated',
    });

    const order = await startOrder({ template: renamed[0].name });
    expect((order.body as OrderView).template).toEqual(
      expect.objectContaining({
        version: 2,
        paymentPlan: expect.objectContaining({ balanceMethod: 'OA', tenorDays: 60 }),
      }),
    );
  });
});
