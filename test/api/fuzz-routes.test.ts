/**
 * Generated requests (fast-check) over every route of the API at once: bodies (JSON, malformed,
 * huge, deep), query strings (unknown, repeated, array-like, oddly encoded, huge), path parameters
 * and headers (Authorization, Content-Type and charsets, Accept, X-Request-Id, X-Forwarded-For,
 * Origin, very long ones). Every answer is below 500, and a 4xx from a JSON route carries the
 * contract's error shape. fuzz.test.ts goes deeper into the order bodies; both share their parts.
 */
import fc from 'fast-check';
import type { OrderView } from '../../src/api/orderView';
import { readTemplateFiles } from '../../src/config/templateFiles';
import { codecEnv } from '../../harness/codecKeys';
import { fullLife, newInquiry } from '../../harness/orderFixtures';
import { bearer, startStack, TOKENS, type Stack } from '../../harness/stack';
import { createOrder, expectError, listen, orderWhen, sendEvent } from './helpers';
import { invalidEventBodies, invalidNewOrderBodies, mutated, weirdValues } from './requestArbitraries';

const CASES = 2_200;

let stack: Stack;
let http: Awaited<ReturnType<typeof listen>>;
let target: OrderView;
beforeAll(async () => {
  stack = await startStack({ env: codecEnv('fuzz') });
  http = await listen(stack.app);
  target = await createOrder(stack.app);
  const quoted = await sendEvent(stack.app, target.orderId, fullLife.quotation);
  expect(quoted.status).toBe(200);
  await orderWhen(stack.app, target.orderId, (v) => v.timelineTotal === 2);
});
afterAll(async () => {
  await http?.close();
  await stack?.close();
});

/** Printable ASCII: what a client can put in a header at all (Node refuses the rest before sending). */
const headerText = (maxLength: number) =>
  fc.string({ unit: fc.integer({ min: 0x20, max: 0x7e }).map((c) => String.fromCharCode(c)), maxLength });

/** `value` most of the time (weight of 10), else `other`, else no header at all. */
const mostly = (value: fc.Arbitrary<string>, other: fc.Arbitrary<string>, valueWeight = 7) =>
  fc.oneof(
    { weight: valueWeight, arbitrary: value },
    { weight: 9 - valueWeight, arbitrary: other },
    { weight: 1, arbitrary: fc.constant(undefined) },
  );
const rarely = (value: fc.Arbitrary<string>) =>
  fc.oneof({ weight: 4, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: value });

// Mostly a request that gets past authentication and body parsing, so the fuzz reaches the routes.
const headers = fc.record({
  authorization: mostly(
    fc.constantFrom(
      bearer(TOKENS.ops).Authorization,
      bearer(TOKENS.manager).Authorization,
      bearer(TOKENS.viewer).Authorization,
    ),
    fc.oneof(
      fc.constantFrom(
        bearer(TOKENS.ops2).Authorization,
        `bearer    ${TOKENS.ops}`,
        `Bearer ${TOKENS.ops} trailing`,
        'Bearer',
        'Bearer ',
        'Basic b3BzOnRva2Vu',
        `Bearer ${'t'.repeat(3000)}`,
        '',
      ),
      headerText(80),
    ),
  ),
  'content-type': mostly(
    fc.constantFrom('application/json', 'application/json; charset=utf-8', 'Application/JSON;charset=UTF-8'),
    fc.oneof(
      fc.constantFrom(
        'application/json; charset=UTF-16',
        'application/json; charset=latin1',
        'application/json; charset=nonsense',
        'application/json-patch+json',
        'application/vnd.api+json',
        'text/plain',
        'text/json',
        'application/x-www-form-urlencoded',
        'multipart/form-data; boundary=x',
        'application/*',
        '*/*',
        ';;;',
      ),
      headerText(40),
    ),
  ),
  accept: rarely(
    fc.constantFrom('application/json', 'text/html', '*/*', 'application/xml', 'nothing/;;;', ''),
  ),
  'x-request-id': rarely(fc.oneof(fc.constantFrom('req-1', 'a'.repeat(129), '../x', ''), headerText(60))),
  'x-forwarded-for': rarely(
    fc.oneof(
      fc.constantFrom('203.0.113.9', '::1', '1.2.3.4, 5.6.7.8', 'unknown', '999.999.1.1', ''),
      headerText(60),
    ),
  ),
  origin: rarely(fc.constantFrom('http://localhost:8233', 'http://evil.example', 'null')),
  'x-padding': rarely(fc.integer({ min: 1, max: 12_000 }).map((n) => 'x'.repeat(n))),
});

const ORDER_ID_PARAMS = ['stage', 'stalled', 'customer', 'accountManager', 'pageSize', 'nextPageToken'];
const LIST_PARAMS = [...ORDER_ID_PARAMS, 'q', 'outstanding', 'overdue', 'template', 'sort'];
const TIMELINE_PARAMS = ['cursor', 'limit'];

/** One `key=value` part of a query string, encoded properly or oddly. */
const queryPart = (keys: string[]) =>
  fc.oneof(
    fc
      .tuple(
        fc.oneof(fc.constantFrom(...keys), fc.string({ maxLength: 12 })),
        fc.oneof(
          weirdValues,
          fc.constantFrom('INQUIRY', 'true', 'false', '50', '0', '201', '-updatedAt', 'stageDeadline', 'PO'),
        ),
      )
      .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`),
    fc
      .constantFrom(...keys)
      .chain((k) =>
        fc.constantFrom(
          `${k}[]=1&${k}[]=2`,
          `${k}[0]=a`,
          `${k}[a][b]=c`,
          `${k}=1&${k}=2`,
          k,
          `${k}=`,
          `${k}=%ZZ`,
          `${k}=%E0%A4%A`,
          `${k}=%00`,
          `${k}=a+b%2Bc`,
          `${k}=${'9'.repeat(400)}`,
          `${k}=${'q'.repeat(5000)}`,
        ),
      ),
    fc.constantFrom('&&&', '=', '==', '%', '__proto__=1', 'constructor[prototype]=1', 'toString=1'),
  );

const query = (keys: string[]) =>
  fc.option(
    fc.array(queryPart(keys), { minLength: 1, maxLength: 4 }).map((parts) => parts.join('&')),
    { nil: undefined },
  );

/** A path parameter: the real order, one that does not exist, or something odd. */
const orderIdParam = () =>
  fc.oneof(
    { weight: 3, arbitrary: fc.constant(target.orderId) },
    fc.constantFrom('PO-2026-NOSUCH01', 'x', '%', '%ZZ', '%2F', '..', 'PO-' + 'A'.repeat(300)),
    weirdValues.map((v) => encodeURIComponent(v)),
  );

const text = (value: unknown) => JSON.stringify(value) ?? 'null';
const base64 = (s: string) => Buffer.from(s).toString('base64');

/** Bodies any JSON route may get: valid JSON, broken JSON, huge, deep, not JSON at all. */
const anyBody = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }).map(text),
  fc.constantFrom(
    '',
    '{',
    '{"a":',
    '[1,2,',
    'nul',
    '{"a":1,}',
    "{'a':1}",
    '\uFEFF{"type":"NOTE_ADDED","text":"bom"}',
    '{"__proto__":{"admin":true}}',
    '{"constructor":{"prototype":{"x":1}}}',
    '1e999999',
    '"\\ud800"',
    '{"a":"\\u0000"}',
  ),
  fc.integer({ min: 2_000, max: 20_000 }).map((depth) => `${'['.repeat(depth)}${']'.repeat(depth)}`),
  fc.integer({ min: 2_000, max: 20_000 }).map((depth) => `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`),
  fc.integer({ min: 90_000, max: 200_000 }).map((n) => text({ type: 'NOTE_ADDED', text: 'x'.repeat(n) })),
  fc.string({ unit: 'binary', maxLength: 200 }),
);

const eventBodies = fc.oneof(
  anyBody,
  invalidEventBodies.map(text),
  fc
    .tuple(fc.constantFrom(...Object.values(fullLife)), fc.option(fc.string({ minLength: 1, maxLength: 80 })))
    .map(([event, eventId]) => text(eventId === null ? event : { ...event, eventId })),
  fc.string({ minLength: 1, maxLength: 200 }).map((note) => text({ type: 'NOTE_ADDED', text: note })),
);

const orderBodies = fc.oneof(
  { weight: 4, arbitrary: anyBody },
  { weight: 4, arbitrary: invalidNewOrderBodies.map(text) },
  { weight: 1, arbitrary: fc.constant(text(newInquiry())) },
);

const fuzzTemplate = readTemplateFiles()[0].body;
const templateBodies = fc.oneof(
  { weight: 4, arbitrary: anyBody },
  { weight: 4, arbitrary: mutated(fuzzTemplate).map(text) },
  { weight: 1, arbitrary: fc.constant(text(fuzzTemplate)) },
);

/** A template name: one that exists after a valid PUT, one that never will, or something odd. */
const templateName = fc.oneof(
  { weight: 3, arbitrary: fc.constant('fuzz-template') },
  fc.constantFrom('x', '%', '%ZZ', '%2F', '..', 'UPPER', '-dash', 'a'.repeat(300)),
  weirdValues.map((v) => encodeURIComponent(v)),
);

const fuzzCustomer = {
  company: 'Fuzz Buyer GmbH',
  email: 'fuzz@buyer.example',
  country: 'DE',
  contacts: [{ name: 'Fuzz', email: 'fuzz@buyer.example' }],
  addresses: [{ kind: 'BILLING', text: 'Somewhere 1', country: 'DE' }],
  creditLimit: null,
};
const customerBodies = fc.oneof(
  { weight: 4, arbitrary: anyBody },
  { weight: 4, arbitrary: mutated(fuzzCustomer).map(text) },
  { weight: 1, arbitrary: fc.constant(text(fuzzCustomer)) },
);
const fuzzRates = { rates: [{ hsCode: '9405', rate: '0.13', description: 'Lamps' }] };
const rateBodies = fc.oneof(
  { weight: 4, arbitrary: anyBody },
  { weight: 4, arbitrary: mutated(fuzzRates).map(text) },
  { weight: 1, arbitrary: fc.constant(text(fuzzRates)) },
);
/** A customer id: a plausible one, or something odd. */
const customerIdParam = fc.oneof(
  { weight: 3, arbitrary: fc.constant('C-FUZZ00001') },
  fc.constantFrom('x', '%', '%ZZ', '%2F', '..', 'a'.repeat(300)),
  weirdValues.map((v) => encodeURIComponent(v)),
);

const plainPayload = { metadata: { encoding: base64('json/plain') }, data: base64('{"a":1}') };
const codecBodies = fc.oneof(
  anyBody,
  mutated({ payloads: [plainPayload] }).map(text),
  fc.constantFrom(
    text({ payloads: [] }),
    text({ payloads: [plainPayload] }),
    text({
      payloads: [
        {
          metadata: { encoding: base64('binary/encrypted'), 'encryption-key-id': base64('fuzz') },
          data: base64('not really'),
        },
      ],
    }),
    text({ payloads: [{ metadata: { encoding: '***' } }] }),
    text({ payloads: [{}] }),
    text({ payloads: null }),
  ),
);

interface Case {
  route: string;
  method: string;
  path: string;
  query?: string;
  body?: string;
  headers: Record<string, string | undefined>;
}

const withParts = (
  route: string,
  methods: fc.Arbitrary<string>,
  path: fc.Arbitrary<string>,
  keys: string[],
  body?: fc.Arbitrary<string>,
): fc.Arbitrary<Case> =>
  fc
    .record({
      method: methods,
      path,
      query: query(keys),
      body: body ? fc.option(body, { nil: undefined, freq: 8 }) : fc.constant(undefined),
      headers,
    })
    .map((c) => ({ route, ...c }));

/** The route's own method mostly; now and then another one. */
const methodsFor = (own: string) =>
  fc.oneof(
    { weight: 6, arbitrary: fc.constant(own) },
    fc.constantFrom('GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'),
  );

function cases(): fc.Arbitrary<Case> {
  const id = orderIdParam();
  return fc.oneof(
    withParts('GET /health', methodsFor('GET'), fc.constant('/health'), ['verbose']),
    withParts('GET /openapi.json', methodsFor('GET'), fc.constant('/openapi.json'), ['format']),
    withParts('GET /docs', methodsFor('GET'), fc.constantFrom('/docs', '/docs/app.js', '/docs/'), ['x']),
    withParts(
      'GET /console/',
      methodsFor('GET'),
      fc.constantFrom(
        '/',
        '/console',
        '/console/',
        '/console/app.js',
        '/console/console.css',
        '/console/nope.js',
        '/console/../package.json',
        '/console/%2e%2e/package.json',
      ),
      ['token'],
    ),
    withParts('GET /orders', methodsFor('GET'), fc.constantFrom('/orders', '/orders/'), LIST_PARAMS),
    withParts('POST /orders', methodsFor('POST'), fc.constant('/orders'), ['dryRun'], orderBodies),
    withParts(
      'GET /orders/{id}',
      methodsFor('GET'),
      id.map((i) => `/orders/${i}`),
      ['fields'],
    ),
    withParts(
      'GET /orders/{id}/timeline',
      methodsFor('GET'),
      id.map((i) => `/orders/${i}/timeline`),
      TIMELINE_PARAMS,
    ),
    withParts(
      'GET /orders/{id}/emails',
      methodsFor('GET'),
      id.map((i) => `/orders/${i}/emails`),
      ['limit'],
    ),
    withParts(
      'POST /orders/{id}/events',
      methodsFor('POST'),
      id.map((i) => `/orders/${i}/events`),
      ['wait'],
      eventBodies,
    ),
    withParts('GET /templates', methodsFor('GET'), fc.constantFrom('/templates', '/templates/'), ['x']),
    withParts(
      'GET /templates/{name}',
      methodsFor('GET'),
      templateName.map((n) => `/templates/${n}`),
      ['version'],
    ),
    withParts(
      'PUT /templates/{name}',
      methodsFor('PUT'),
      templateName.map((n) => `/templates/${n}`),
      ['version'],
      templateBodies,
    ),
    withParts('GET /customers', methodsFor('GET'), fc.constant('/customers'), [
      'q',
      'pageSize',
      'nextPageToken',
    ]),
    withParts('POST /customers', methodsFor('POST'), fc.constant('/customers'), ['x'], customerBodies),
    withParts(
      'GET /customers/{id}',
      methodsFor('GET'),
      customerIdParam.map((i) => `/customers/${i}`),
      ['x'],
    ),
    withParts(
      'PUT /customers/{id}',
      methodsFor('PUT'),
      customerIdParam.map((i) => `/customers/${i}`),
      ['x'],
      customerBodies,
    ),
    withParts(
      'PUT /company/rebate-rates',
      methodsFor('PUT'),
      fc.constant('/company/rebate-rates'),
      ['x'],
      rateBodies,
    ),
    withParts(
      'POST /codec/encode',
      methodsFor('POST'),
      fc.constant('/codec/encode'),
      ['namespace'],
      codecBodies,
    ),
    withParts(
      'POST /codec/decode',
      methodsFor('POST'),
      fc.constant('/codec/decode'),
      ['namespace'],
      codecBodies,
    ),
    withParts(
      'unknown routes',
      methodsFor('GET'),
      fc.oneof(
        fc.constantFrom(
          '/nope',
          '/orders/x/y/z',
          '/codec',
          '/codec/other',
          '/health/x',
          '/openapi.yaml',
          '//',
          '/%',
          '/%ZZ',
        ),
        weirdValues.map((v) => `/${encodeURIComponent(v)}`),
      ),
      ['x'],
      anyBody,
    ),
  );
}

/** Routes that answer HTML, scripts or redirects rather than the JSON API. */
const notJsonApi = (path: string) => /^\/(docs|console)(\/|$)|^\/$/.test(path);

async function send(c: Case): Promise<{ status: number; text: string; requestId: string | null }> {
  const hasBody = c.body !== undefined && c.method !== 'GET';
  const init: RequestInit = {
    method: c.method,
    headers: Object.fromEntries(Object.entries(c.headers).filter(([, v]) => v !== undefined)) as Record<
      string,
      string
    >,
    redirect: 'manual',
    // Bytes, so fetch adds no Content-Type of its own.
    body: hasBody ? Buffer.from(c.body!, 'utf8') : undefined,
  };
  const res = await fetch(`${http.base}${c.path}${c.query === undefined ? '' : `?${c.query}`}`, init);
  return { status: res.status, text: await res.text(), requestId: res.headers.get('x-request-id') };
}

function checkAnswer(c: Case, res: Awaited<ReturnType<typeof send>>): void {
  const what = `${c.method} ${c.path}${c.query ? `?${c.query.slice(0, 200)}` : ''} (${c.route})`;
  if (res.status >= 500) throw new Error(`${what} answered ${res.status}: ${res.text.slice(0, 300)}`);
  // Node's HTTP parser refuses a request line and headers over 16 kB before the app sees them.
  if (res.status === 431) return;
  if (!res.requestId) throw new Error(`${what} answered without X-Request-Id`);
  if (res.status < 400 || notJsonApi(c.path)) return;
  let body: { error?: { code?: unknown; message?: unknown } } | undefined;
  try {
    body = JSON.parse(res.text) as typeof body;
  } catch {
    throw new Error(`${what} answered ${res.status} with a body that is not JSON: ${res.text.slice(0, 300)}`);
  }
  if (typeof body?.error?.code !== 'string' || typeof body.error.message !== 'string')
    throw new Error(`${what} answered ${res.status} without the error shape: ${res.text.slice(0, 300)}`);
}

describe('fuzz: every route, with generated bodies, query strings, path parameters and headers', () => {
  it(`answers ${CASES} generated requests below 500, in the error shape when 4xx`, async () => {
    const perRoute = new Map<string, number>();
    const statuses = new Map<number, number>();
    const started = Date.now();
    await fc.assert(
      fc.asyncProperty(cases(), async (c) => {
        const res = await send(c);
        perRoute.set(c.route, (perRoute.get(c.route) ?? 0) + 1);
        statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
        checkAnswer(c, res);
      }),
      { numRuns: CASES },
    );
    console.info(
      `${CASES} cases in ${((Date.now() - started) / 1000).toFixed(1)} s; per route ${JSON.stringify(Object.fromEntries(perRoute))}; statuses ${JSON.stringify(Object.fromEntries([...statuses].sort(([a], [b]) => a - b)))}`,
    );
    // Every route got its share (21 routes, ~100 cases each on average).
    expect(perRoute.size).toBe(21);
    for (const count of perRoute.values()) expect(count).toBeGreaterThanOrEqual(50);
    expect([...statuses.keys()].filter((s) => s >= 500)).toEqual([]);
  });

  it('logged no unhandled error (no 500)', () => {
    expect(stack.logger.entries.filter((e) => e.level === 'error')).toEqual([]);
  });
});

describe('the throttles answer 429 in the error shape', () => {
  let throttled: Stack;
  beforeAll(async () => {
    throttled = await startStack({
      worker: false,
      env: { API_RATE_LIMIT_PER_MINUTE: '3', API_ADDRESS_RATE_LIMIT_PER_MINUTE: '3' },
    });
  });
  afterAll(async () => {
    await throttled?.close();
  });

  it('per token on /orders (RATE_LIMITED) and per address on the open routes (TOO_MANY_REQUESTS), with Retry-After', async () => {
    const { base, close } = await listen(throttled.app);
    try {
      const get = (path: string, token?: string) =>
        fetch(`${base}${path}`, { headers: token ? bearer(token) : {} }).then(async (res) => ({
          status: res.status,
          body: await res.json(),
          retryAfter: res.headers.get('retry-after'),
        }));
      const orders = [];
      for (let i = 0; i < 4; i++) orders.push(await get('/orders', TOKENS.viewer));
      expect(orders.slice(0, 3).map((r) => r.status)).toEqual([200, 200, 200]);
      const open = [];
      for (let i = 0; i < 4; i++) open.push(await get('/openapi.json'));
      expect(open.slice(0, 3).map((r) => r.status)).toEqual([200, 200, 200]);
      for (const [res, code] of [
        [orders[3], 'RATE_LIMITED'],
        [open[3], 'TOO_MANY_REQUESTS'],
      ] as const) {
        expectError({ status: res.status, body: res.body } as Parameters<typeof expectError>[0], 429, code);
        expect(res.retryAfter).toMatch(/^[1-9]\d*$/);
      }
    } finally {
      await close();
    }
  });
});
