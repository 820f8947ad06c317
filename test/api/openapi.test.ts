/* eslint-disable @typescript-eslint/no-unsafe-assignment -- jest's asymmetric matchers are typed any */
/**
 * The OpenAPI document, built directly (no server): its shape, that it is plain OpenAPI 3.0 (no JSON
 * Schema draft keywords), and that the generator takes zod/mini schemas as well as classic ones.
 */
import { z } from 'zod';
import * as zm from 'zod/mini';
import { buildOpenApiDocument } from '../../src/api/openapi';
import { ORDER_EVENT_TYPES, requiredRole, STEP_KEYS } from '../../src/domain';
import { nonNegativeMoneySchema, positiveMoneySchema } from '../../src/domain/money';
import { percentSchema, quantity } from '../../src/domain/schemas/common';
import { templateBodySchema } from '../../src/domain/schemas/template';
import { openApiSchemas, type SchemaObject } from '../../src/api/openapiSchema';

interface Operation {
  summary: string;
  security?: object[];
  parameters?: { name: string; in: string; required: boolean; description?: string; schema: SchemaObject }[];
  requestBody?: { required: boolean; content: { 'application/json': { schema: SchemaObject } } };
  responses: Record<
    string,
    {
      description: string;
      headers?: Record<string, { schema: SchemaObject }>;
      content?: { 'application/json'?: { schema: SchemaObject } };
    }
  >;
}
interface Document {
  openapi: string;
  servers?: { url: string }[];
  paths: Record<string, Record<string, Operation>>;
  components: { securitySchemes: Record<string, object>; schemas: Record<string, SchemaObject> };
}

const doc = buildOpenApiDocument('http://localhost:3000') as Document;
const op = (path: string, method: string) => doc.paths[path][method];
const bodySchema = (path: string) => op(path, 'post').requestBody!.content['application/json'].schema;
const responseSchema = (path: string, method: string, status: string) =>
  op(path, method).responses[status].content!['application/json']!.schema;
const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });

/** Every schema object of the document, with where it sits. */
function schemaObjects(document: Document): [string, SchemaObject][] {
  const out: [string, SchemaObject][] = [];
  const visit = (schema: unknown, at: string) => {
    if (typeof schema !== 'object' || schema === null) return;
    const s = schema as SchemaObject;
    out.push([at, s]);
    for (const [key, sub] of Object.entries(s.properties ?? {})) visit(sub, `${at}.properties.${key}`);
    for (const key of ['items', 'additionalProperties', 'not'] as const) visit(s[key], `${at}.${key}`);
    for (const key of ['allOf', 'anyOf', 'oneOf'] as const)
      s[key]?.forEach((sub, i) => visit(sub, `${at}.${key}.${i}`));
  };
  for (const [name, s] of Object.entries(document.components.schemas)) visit(s, `components.${name}`);
  for (const [path, methods] of Object.entries(document.paths)) {
    for (const [method, o] of Object.entries(methods)) {
      const at = `${method} ${path}`;
      o.parameters?.forEach((p) => visit(p.schema, `${at} parameter ${p.name}`));
      for (const [type, c] of Object.entries(o.requestBody?.content ?? {}))
        visit(c.schema, `${at} body ${type}`);
      for (const [status, r] of Object.entries(o.responses)) {
        visit(r.content?.['application/json']?.schema, `${at} ${status}`);
        for (const [name, h] of Object.entries(r.headers ?? {}))
          visit(h.schema, `${at} ${status} header ${name}`);
      }
    }
  }
  return out;
}

/** The fixed fields of an OpenAPI 3.0.3 Schema Object (plus x- extensions). */
const SCHEMA_OBJECT_FIELDS = new Set(
  (
    'title multipleOf maximum exclusiveMaximum minimum exclusiveMinimum maxLength minLength pattern maxItems ' +
    'minItems uniqueItems maxProperties minProperties required enum type allOf oneOf anyOf not items ' +
    'properties additionalProperties description format default nullable discriminator readOnly writeOnly ' +
    'xml externalDocs example deprecated $ref'
  ).split(' '),
);

function keysAnywhere(value: unknown, found = new Set<string>()): Set<string> {
  if (Array.isArray(value)) value.forEach((item) => keysAnywhere(item, found));
  else if (typeof value === 'object' && value !== null) {
    for (const [key, item] of Object.entries(value)) {
      found.add(key);
      keysAnywhere(item, found);
    }
  }
  return found;
}

describe('buildOpenApiDocument', () => {
  it('has every path and method, with security on /orders, /reports, /me and /metrics, none on /track', () => {
    expect(doc.openapi).toBe('3.0.3');
    expect(doc.servers).toEqual([{ url: 'http://localhost:3000' }]);
    expect((buildOpenApiDocument() as Document).servers).toBeUndefined();
    const methods = Object.fromEntries(Object.entries(doc.paths).map(([p, m]) => [p, Object.keys(m).sort()]));
    expect(methods).toEqual({
      '/health': ['get'],
      '/openapi.json': ['get'],
      '/orders': ['get', 'post'],
      '/orders/{orderId}': ['get'],
      '/orders/{orderId}/events': ['post'],
      '/orders/{orderId}/emails': ['get'],
      '/orders/{orderId}/timeline': ['get'],
      '/orders/{orderId}/documents': ['get'],
      '/orders/{orderId}/documents/{kind}.pdf': ['get'],
      '/orders/{orderId}/lc-check': ['get'],
      '/templates': ['get'],
      '/templates/{name}': ['get', 'put'],
      '/templates/{name}/guidance': ['put'],
      '/me': ['get'],
      '/reports/receivables': ['get'],
      '/reports/stalled': ['get'],
      '/reports/stage-times': ['get'],
      '/reports/rebates': ['get'],
      '/reports/profit': ['get'],
      '/reports/exposure': ['get'],
      '/metrics': ['get'],
      '/orders/{orderId}/tracking-link': ['post'],
      '/orders/{orderId}/tracking-link/revoke': ['post'],
      '/track/{token}': ['get'],
      '/track/{token}/documents/{file}': ['get'],
      '/track/{token}/confirm': ['post'],
      '/imports/orders': ['post'],
      '/imports/orders/template.xlsx': ['get'],
      '/orders/{orderId}/attachments': ['get', 'post'],
      '/orders/{orderId}/attachments/{attachmentId}': ['get'],
      '/track/{token}/attachments/{attachmentId}': ['get'],
      '/companies': ['get', 'post'],
      '/company': ['get', 'put'],
      '/company/tokens': ['get', 'post'],
      '/company/tokens/{tokenId}': ['delete'],
      '/company/members': ['get'],
      '/company/members/{subject}': ['put'],
      '/companies/{companyId}/customer-managers/{subject}': ['put'],
      '/auth/sign-in': ['get'],
      '/auth/callback': ['get'],
      '/auth/session': ['get'],
      '/auth/sign-out': ['post'],
      '/customers': ['get', 'post'],
      '/customers/{customerId}': ['get', 'put'],
      '/company/rebate-rates': ['get', 'put'],
    });
    for (const [path, o] of Object.entries(doc.paths).flatMap(([p, m]) =>
      Object.values(m).map((x) => [p, x] as const),
    )) {
      expect(o.summary).toEqual(expect.any(String));
      const security = /^\/track\//.test(path) ? [] : undefined;
      expect(o.security).toEqual(
        /^\/(orders|templates|reports|me|metrics|imports|companies|company|customers)\b/.test(path)
          ? [{ bearerAuth: [] }]
          : security,
      );
    }
  });

  it('names the answers as components and refers to them', () => {
    expect(Object.keys(doc.components.schemas).sort()).toEqual([
      'Attachment',
      'Email',
      'Error',
      'ExposureReport',
      'OrderSummary',
      'OrderView',
      'ProfitReport',
      'RebatesReport',
      'ReceivablesReport',
      'StageTimesReport',
      'StalledReport',
      'TemplateVersion',
      'TimelinePage',
    ]);
    expect(doc.components.securitySchemes.bearerAuth).toEqual({
      type: 'http',
      scheme: 'bearer',
      description: expect.stringContaining('API_TOKENS'),
    });
    const created = op('/orders', 'post').responses['201'];
    expect(created.content!['application/json']!.schema).toEqual(ref('OrderView'));
    expect(created.headers?.Location.schema).toEqual({ type: 'string' });
    expect(Object.keys(op('/orders', 'post').responses).sort()).toEqual(
      ['200', '201', '400', '401', '403', '409', '413', '415', '429', '431', '503'].sort(),
    );
    expect(responseSchema('/orders/{orderId}', 'get', '200')).toEqual(ref('OrderView'));
    expect(responseSchema('/orders/{orderId}', 'get', '404')).toEqual(ref('Error'));
    expect(responseSchema('/orders/{orderId}/events', 'post', '409')).toEqual(ref('Error'));
    expect(responseSchema('/orders', 'get', '200').properties?.orders).toEqual({
      type: 'array',
      items: ref('OrderSummary'),
    });
    expect(responseSchema('/orders/{orderId}/emails', 'get', '200').properties?.emails).toEqual({
      type: 'array',
      items: ref('Email'),
    });
    // Answers may gain fields: no component is closed; a nullable enum lists null.
    const { OrderView, OrderSummary, Error } = doc.components.schemas;
    expect(OrderView.additionalProperties).toBeUndefined();
    expect(OrderView.required).toEqual(expect.arrayContaining(['orderId', 'stage', 'status', 'timeline']));
    expect(OrderView.required).toEqual(
      expect.arrayContaining(['timelineTotal', 'allowedEvents', 'amountOutstanding', 'links']),
    );
    expect(OrderSummary.properties?.amountOutstanding).toMatchObject({ nullable: true });
    expect(OrderSummary.required).toEqual(expect.arrayContaining(['orderId', 'stage', 'amountOutstanding']));
    expect(responseSchema('/orders/{orderId}/timeline', 'get', '200')).toEqual(ref('TimelinePage'));
    expect(Error.required).toEqual(['error']);
  });

  it('documents the request bodies inline, with oneOf event variants and field descriptions', () => {
    const newOrder = bodySchema('/orders');
    expect(op('/orders', 'post').requestBody?.required).toBe(true);
    expect(newOrder.required).toEqual(['accountManager', 'inquiry']);
    expect(newOrder.oneOf).toEqual([{ required: ['customer'] }, { required: ['customerId'] }]);
    expect(newOrder.properties?.customer).toMatchObject({ description: expect.any(String) });
    const stageTimeLimits = newOrder.properties?.stageTimeLimits as SchemaObject;
    expect(Object.keys(stageTimeLimits.properties ?? {})).toEqual(
      expect.arrayContaining(['INQUIRY', 'DEPOSIT']),
    );
    expect(stageTimeLimits.required).toBeUndefined();

    const variants = bodySchema('/orders/{orderId}/events').oneOf ?? [];
    const byType = new Map(variants.map((v) => [(v.properties?.type as SchemaObject).enum?.[0], v]));
    expect(byType.size).toBe(variants.length);
    expect(byType.has('NOTE_ADDED')).toBe(true);
    const quotationSent = byType.get('QUOTATION_SENT')!;
    expect(quotationSent.properties?.incoterm).toMatchObject({
      enum: expect.arrayContaining(['FOB', 'CIF']),
      description: expect.any(String),
    });
    // io 'input': a field with a default is optional for the client.
    const paymentTerms = quotationSent.properties?.paymentTerms as SchemaObject;
    expect(paymentTerms.required).toEqual(['method']);
    expect(paymentTerms.properties?.depositPercent).toMatchObject({ default: 30 });
    // Approvals only a manager may give are marked, and only they.
    const managerOnly = variants.filter((v) => v['x-required-role'] === 'manager');
    expect(managerOnly.map((v) => (v.properties?.type as SchemaObject).enum?.[0]).sort()).toEqual(
      ORDER_EVENT_TYPES.filter((t) => requiredRole(t) === 'manager').sort(),
    );
    expect(managerOnly.map((v) => (v.properties?.type as SchemaObject).enum?.[0])).toEqual(
      expect.arrayContaining(['PAYMENT_WRITTEN_OFF', 'RELEASE_APPROVED']),
    );
    // The ops console builds its forms from these schemas and takes no $ref.
    expect(JSON.stringify([newOrder, variants])).not.toContain('$ref');
  });

  it('documents shipments in parts: the two events, shipmentId, partialShipments and the view', () => {
    const variants = bodySchema('/orders/{orderId}/events').oneOf ?? [];
    const byType = new Map(variants.map((v) => [(v.properties?.type as SchemaObject).enum?.[0], v]));
    const planned = byType.get('SHIPMENT_PLANNED')!;
    expect(planned.required).toEqual(expect.arrayContaining(['shipmentId', 'lines']));
    expect(planned.properties?.lines).toMatchObject({ type: 'array' });
    expect(byType.get('SHIPMENTS_CLOSED')?.required).toEqual(expect.arrayContaining(['reason']));
    for (const type of ['BOOKING_CONFIRMED', 'BILL_OF_LADING_ISSUED', 'LC_HONOURED', 'GOODS_RELEASED'])
      expect(byType.get(type)?.properties?.shipmentId).toMatchObject({ description: expect.any(String) });
    const contract = byType.get('CONTRACT_SIGNED')!;
    expect(contract.properties?.partialShipments).toMatchObject({
      enum: expect.arrayContaining(['ALLOWED', 'NOT_ALLOWED']),
    });
    const view = doc.components.schemas.OrderView;
    const shipments = view.properties?.shipments as SchemaObject;
    expect(view.required).toEqual(expect.arrayContaining(['shipments', 'shipmentsClosed']));
    expect(Object.keys((shipments.items as SchemaObject).properties ?? {})).toEqual(
      expect.arrayContaining([
        'shipmentId',
        'lines',
        'booking',
        'customs',
        'insurance',
        'billOfLading',
        'documents',
        'release',
        'amount',
      ]),
    );
  });

  it('lists the query parameters of GET /orders and the orderId path parameter', () => {
    const query = op('/orders', 'get').parameters ?? [];
    expect(query.map((p) => p.name)).toEqual([
      'stage',
      'stalled',
      'customer',
      'customerPart',
      'accountManager',
      'accountManagerName',
      'q',
      'outstanding',
      'overdue',
      'template',
      'sort',
      'pageSize',
      'nextPageToken',
      'format',
      'lang',
    ]);
    expect(query.find((p) => p.name === 'sort')?.schema).toMatchObject({
      enum: ['updatedAt', '-updatedAt', 'stageDeadline'],
      default: '-updatedAt',
    });
    expect(op('/orders/{orderId}/timeline', 'get').parameters?.map((p) => p.name)).toEqual([
      'orderId',
      'cursor',
      'limit',
    ]);
    for (const p of query) {
      expect(p).toMatchObject({ in: 'query', required: false, schema: expect.any(Object) });
      expect(p.description).toEqual(expect.any(String));
    }
    expect(query.find((p) => p.name === 'pageSize')).toMatchObject({
      required: false,
      schema: { type: 'integer', minimum: 1, maximum: 200, default: 50 },
    });
    // The query as sent: stalled is the string the transform reads.
    expect(query.find((p) => p.name === 'stalled')?.schema).toMatchObject({
      type: 'string',
      enum: ['true', 'false'],
    });

    for (const [path, method] of [
      ['/orders/{orderId}', 'get'],
      ['/orders/{orderId}/events', 'post'],
      ['/orders/{orderId}/emails', 'get'],
    ]) {
      expect(op(path, method).parameters).toEqual([
        {
          name: 'orderId',
          in: 'path',
          required: true,
          description: expect.any(String),
          schema: expect.objectContaining({
            type: 'string',
            pattern: expect.any(String),
          }),
        },
      ]);
    }
  });

  it('documents the tracking link: issued and revoked by ops, opened by the buyer with the link as key', () => {
    expect(responseSchema('/orders/{orderId}/tracking-link', 'post', '201')).toMatchObject({
      required: ['orderId', 'url', 'expiresAt'],
      properties: { url: { type: 'string', format: 'uri' }, expiresAt: { format: 'date-time' } },
    });
    expect(responseSchema('/orders/{orderId}/tracking-link/revoke', 'post', '200').required).toEqual([
      'orderId',
      'revokedBefore',
    ]);
    expect(op('/track/{token}', 'get').summary).toMatch(/signed link is the key/);
    expect(Object.keys(op('/track/{token}', 'get').responses).sort()).toEqual(['200', '404', '410', '429']);
    expect(op('/track/{token}/documents/{file}', 'get').parameters?.map((p) => p.name)).toEqual([
      'token',
      'file',
    ]);
    expect(op('/track/{token}/confirm', 'post').responses['303'].headers?.Location).toBeDefined();
    expect(responseSchema('/me', 'get', '200').required).toEqual([
      'id',
      'name',
      'companies',
      'company',
      'role',
    ]);
    expect(Object.keys(op('/metrics', 'get').responses['200'].content ?? {})).toEqual(['text/plain']);
  });

  it('lists only the stages with stalled orders in the stalled report (no stage required)', () => {
    const managers = doc.components.schemas.StalledReport.properties?.accountManagers as SchemaObject;
    const byStage = (managers.items as SchemaObject).properties?.byStage as SchemaObject;
    expect(byStage.required).toBeUndefined();
  });

  it("documents Node's 431 where a long query can reach it", () => {
    expect(op('/orders', 'get').responses['431'].description).toMatch(/16 KB/);
  });

  it('says a template lists each document and inspection once (uniqueItems), as the validation does', () => {
    const put = op('/templates/{name}', 'put').requestBody!.content['application/json'].schema;
    for (const list of ['documentsRequired', 'inspectionsRequired'])
      expect(put.properties?.[list]).toMatchObject({ type: 'array', uniqueItems: true });
  });

  it('is plain OpenAPI 3.0: no JSON Schema draft keyword anywhere', () => {
    const keys = keysAnywhere(doc);
    for (const key of ['$schema', '$defs', 'definitions', '$id', 'const', 'propertyNames', 'examples'])
      expect(keys).not.toContain(key);
    const unknownFields = schemaObjects(doc).flatMap(([at, s]) =>
      Object.keys(s)
        .filter((key) => !SCHEMA_OBJECT_FIELDS.has(key) && !key.startsWith('x-'))
        .map((key) => `${at}: ${key}`),
    );
    expect(unknownFields).toEqual([]);
    const refs = schemaObjects(doc).flatMap(([, s]) => (s.$ref ? [s.$ref] : []));
    for (const r of refs) expect(Object.keys(doc.components.schemas)).toContain(r.split('/').pop());
  });
});

describe('openApiSchemas', () => {
  it("describes an email by zod's pattern, without a format stricter than what the pattern accepts", () => {
    const schema = openApiSchemas({}).schema(zm.object({ to: zm.email() }), 'input');
    const to = schema.properties?.to as SchemaObject;
    expect(to.format).toBeUndefined();
    expect(to['x-format']).toBe('email');
    expect(new RegExp(to.pattern!).test('jane@acme-.example')).toBe(true);
    expect(zm.email().safeParse('jane@acme-.example').success).toBe(true);
  });

  it('takes zod/mini schemas (descriptions from the global registry) and inlines schemas with an id', () => {
    const sku = zm
      .string()
      .check(zm.minLength(1))
      .register(zm.globalRegistry, { description: 'Product code' });
    const shared = zm
      .object({ sku })
      .register(zm.globalRegistry, { id: 'SharedLine', description: 'A line' });
    const event = zm.discriminatedUnion('type', [
      zm.object({ type: zm.literal('A'), line: shared, count: zm._default(zm.number(), 1) }),
      zm.object({
        type: zm.literal('B'),
        lines: zm.array(shared),
        note: zm.optional(zm.nullable(zm.string())),
      }),
    ]);
    const answer = z.object({ event: z.nullable(event) });

    const schemas = openApiSchemas({ Answer: answer });
    const input = schemas.schema(event, 'input');
    const line = {
      type: 'object',
      properties: { sku: { type: 'string', minLength: 1, description: 'Product code' } },
    };
    expect(input).toEqual({
      oneOf: [
        {
          type: 'object',
          properties: {
            type: { type: 'string', enum: ['A'] },
            line: { ...line, required: ['sku'], description: 'A line' },
            count: { type: 'number', default: 1 },
          },
          required: ['type', 'line'],
        },
        {
          type: 'object',
          properties: {
            type: { type: 'string', enum: ['B'] },
            lines: { type: 'array', items: { ...line, required: ['sku'], description: 'A line' } },
            note: { type: 'string', nullable: true },
          },
          required: ['type', 'lines'],
        },
      ],
    });
    expect(schemas.schema(answer, 'output')).toEqual(ref('Answer'));
    const component = schemas.components().Answer;
    expect(keysAnywhere(component)).not.toContain('definitions');
    expect(keysAnywhere(component)).not.toContain('id');
    expect(component.properties?.event).toMatchObject({ nullable: true, oneOf: expect.any(Array) });
  });
});

describe('what the document says of a request, the validation accepts', () => {
  const input = (schema: z.core.$ZodType) => openApiSchemas({}).schema(schema, 'input');

  it('a quantity: a multiple of 0.001 as written (so not 5e-324), as JSON Schema validators read multipleOf', () => {
    const documented = input(quantity('Quantity'));
    expect(documented).toMatchObject({ multipleOf: 0.001, maximum: 1_000_000_000 });
    const accepted = (n: number) => quantity('Quantity').safeParse(n).success;
    for (const n of [0.001, 0.3, 0.009, 1.5, 12.345, 999_999_999.999, 1_000_000_000])
      expect([n, accepted(n)]).toEqual([n, true]);
    // 0.1 + 0.2 is written 0.30000000000000004: not a multiple of 0.001 as written.
    for (const n of [5e-324, 1e-7, 0.0005, 0.0015, 0.1 + 0.2, 1.0005, 0, -1, 1_000_000_000.001])
      expect([n, accepted(n)]).toEqual([n, false]);
  });

  it('a percentage: a multiple of 0.01 as written', () => {
    expect(input(percentSchema)).toMatchObject({ multipleOf: 0.01, minimum: 0, maximum: 100 });
    const accepted = (n: number) => percentSchema.safeParse(n).success;
    for (const n of [0, 0.01, 0.3, 33.33, 100]) expect([n, accepted(n)]).toEqual([n, true]);
    for (const n of [5e-324, 1e-10, 0.001, 0.1 + 0.2, 33.333, 100.01])
      expect([n, accepted(n)]).toEqual([n, false]);
  });

  it('an eventId: the pattern refuses the control characters the validation refuses', () => {
    const events = op('/orders/{orderId}/events', 'post').requestBody!.content['application/json'].schema;
    const eventIds = (events.oneOf as SchemaObject[]).map((e) => e.properties?.eventId as SchemaObject);
    for (const eventId of eventIds) {
      const pattern = new RegExp(eventId.pattern!);
      expect(['ev-1', ' spaced ', '\u0092x', 'a\nb', 'x\u202e'].map((id) => pattern.test(id))).toEqual([
        true,
        true,
        false,
        false,
        false,
      ]);
    }
  });

  it.each([
    ['positive', positiveMoneySchema],
    ['non-negative', nonNegativeMoneySchema],
  ])('a %s amount: the pattern says the sign and the cap of 1,000,000,000,000.00', (_kind, money) => {
    const amount = input(money).properties?.amount as SchemaObject;
    const pattern = new RegExp(amount.pattern!);
    const amounts = [
      ...['0', '0.0', '0.00', '-0', '-0.00', '000.00', '00', '0.01', '0.1', '0.10', '0.09', '0.001'],
      ...['1', '-1', '-0.01', '1.5', '12345.60', '999999999999.99', '1000000000000', '1000000000000.0'],
      ...['1000000000000.00', '1000000000000.01', '1000000000001', '9999999999999.99', '10000000000000'],
      ...['1.', '.5', '1e3', ' 1', '+1', '0x10', ''],
    ];
    const mismatches = amounts.filter(
      (a) => pattern.test(a) !== money.safeParse({ amount: a, currency: 'USD' }).success,
    );
    expect(mismatches).toEqual([]);
  });

  it('template guidance: one optional property per step key, and no other', () => {
    const guidance = input(templateBodySchema).properties?.guidance as SchemaObject;
    expect(guidance.additionalProperties).toBe(false);
    expect(Object.keys(guidance.properties ?? {})).toEqual([...STEP_KEYS]);
    expect(guidance.required).toBeUndefined();
    const put = op('/templates/{name}', 'put').requestBody!.content['application/json'].schema;
    expect(put.properties?.guidance).toMatchObject({ additionalProperties: false });
  });
});
