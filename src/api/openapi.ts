import { lcCheckQuerySchema } from './routes/lcCheck';
import { z } from 'zod';
import {
  listOrdersQuerySchema,
  DOCUMENT_KINDS,
  moneySchema,
  newOrderSchema,
  ORDER_STATUSES,
  orderEventSchema,
  orderIdSchema,
  recordedElsewhere,
  requiredRole,
  stageSchema,
  timelineQuerySchema,
  type OrderEventType,
} from '../domain';
import {
  guidanceBodySchema,
  templateBodySchema,
  templateNameSchema,
  templateVersionQuerySchema,
} from '../domain/schemas/template';
import { orderViewSchema, timelineEntrySchema } from '../domain/viewSchema';
import { AGE_BUCKET_KEYS, type AgeBucket } from '../domain/receivables';
import { receivablesQuerySchema, reportQuerySchema } from '../domain/schemas/reports';
import { ATTACHMENT_KINDS, attachmentKindSchema } from '../domain/events/attachments';
import { ATTACHMENT_CONTENT_TYPES } from '../domain/fileType';
import { ERROR_CODES } from './errors';
import { companyPaths } from './openapiCompanies';
import { customerPaths } from './openapiCustomers';
import {
  exposureReportSchema,
  moneyReportPaths,
  profitReportSchema,
  rebatesReportSchema,
} from './openapiMoneyReports';
import { documentFile, tokenParam } from './routes/tracking';
import { openApiSchemas, type SchemaObject } from './openapiSchema';
import { exportLanguageQuerySchema, XLSX_TYPE } from './xlsx';

// Responses are documented with schemas written here; requests use the very schemas that validate them.
// The domain's schemas may be zod/mini: they are only ever wrapped (z.nullable(x), z.object({ k: x })),
// never asked for a method.
const errorSchema = z
  .object({
    error: z.object({
      code: z.enum(ERROR_CODES),
      message: z.string(),
      details: z
        .unknown()
        .optional()
        .describe(
          'VALIDATION_FAILED: [{path, message}]; EVENT_NOT_ALLOWED and ORDER_ARCHIVED: {stage, allowedEvents}; otherwise absent',
        ),
    }),
  })
  .describe('Every 4xx/5xx answer');

const nullableMoney = z.nullable(moneySchema);
const instant = z.iso.datetime();
const links = z.object({ temporalUi: z.url().describe('This workflow in the Temporal UI') });

// The domain's view schema is the one definition of the order view; the API adds its links.
const orderViewResponseSchema = z
  .object({ ...orderViewSchema.shape, links })
  .describe('The order view (more fields may be added)');

const orderSummarySchema = z.object({
  orderId: orderIdSchema,
  stage: stageSchema,
  status: z.enum(ORDER_STATUSES),
  customer: z.object({ name: z.string(), company: z.string() }),
  accountManager: z.object({ name: z.string(), email: z.string() }),
  stalled: z.boolean(),
  updatedAt: instant,
  stageDeadline: instant.nullable(),
  amountOutstanding: nullableMoney.describe('Money still due on the contract; null before one is signed'),
  nextDueAt: instant.nullable().describe('The next payment due date, if any'),
  links,
});

const timelinePageSchema = z.object({
  entries: z.array(
    z.object({
      ...timelineEntrySchema.shape,
      seq: z.number().int().describe('1 for the order creation, then one per accepted event'),
      payload: z.unknown().describe('The event as accepted (validated fields only); null for the creation'),
    }),
  ),
  nextCursor: z.string().nullable(),
});

const emailSchema = z.object({
  purpose: z.string(),
  to: z.array(z.string()),
  cc: z.array(z.string()),
  subject: z.string(),
  sentAt: instant,
  messageId: z.string(),
});

const attachmentSchema = z
  .object({
    id: z.uuid().describe('The attachment id (in its download URL)'),
    kind: z.enum(ATTACHMENT_KINDS),
    fileName: z.string().describe('The name it was uploaded under (without folders)'),
    contentType: z.enum(ATTACHMENT_CONTENT_TYPES).describe('The type its bytes showed'),
    size: z.number().int().describe('Bytes'),
    addedBy: z.string().describe('Who uploaded it (the token name)'),
    addedAt: instant,
    forBuyer: z.boolean().describe("Listed on the buyer's tracking page"),
  })
  .describe('A file kept with the order; its bytes are in the database, never in Temporal');

const templateVersionSchema = z
  .object({
    name: z.string(),
    version: z.number().int().describe('1 for the first PUT, then one more per PUT'),
    body: templateBodySchema,
    createdAt: instant,
    createdBy: z.string().describe('Token name of the manager who stored this version'),
  })
  .describe('One stored version of a process template');
const bucketMoney = z.object(
  Object.fromEntries(AGE_BUCKET_KEYS.map((k) => [k, moneySchema])) as Record<AgeBucket, typeof moneySchema>,
);
const receivablesRowSchema = z.object({
  currency: z.string(),
  buckets: bucketMoney.describe(
    'Money due per age bucket: NOT_DUE (no due date or not past it), DAYS_1_30, DAYS_31_60, DAYS_61_90, OVER_90 days past due',
  ),
  total: moneySchema,
  orders: z.number().int(),
});
const receivablesReportSchema = z.object({
  asOf: z.iso.date().describe('The day the ages are counted at (UTC)'),
  customers: z
    .array(z.object({ customer: z.string().describe('Customer company'), ...receivablesRowSchema.shape }))
    .describe('One row per customer and currency, largest total first'),
  totals: z.array(receivablesRowSchema).describe('One row per currency over all customers'),
});
const stalledReportSchema = z.object({
  accountManagers: z.array(
    z.object({
      accountManager: z.string().describe("The account manager's email"),
      name: z.string().describe("The account manager's name"),
      stalled: z.number().int(),
      byStage: z
        .partialRecord(stageSchema, z.number().int())
        .describe('Stalled orders per stage (stages without any left out)'),
      stalledSince: instant.nullable().describe('The earliest missed stage deadline among them'),
    }),
  ),
  total: z.number().int(),
});
const stageTimesReportSchema = z.object({
  stages: z.array(
    z.object({
      stage: stageSchema,
      count: z.number().int().describe('Stays in this stage that ended (the order moved on)'),
      medianDays: z.number().nullable(),
      p90Days: z.number().nullable().describe('90th percentile (interpolated)'),
    }),
  ),
});

// Request bodies stay inline (not components): the ops console builds its forms from them as they are.
const schemas = openApiSchemas({
  Error: errorSchema,
  OrderView: orderViewResponseSchema,
  OrderSummary: orderSummarySchema,
  TimelinePage: timelinePageSchema,
  Email: emailSchema,
  TemplateVersion: templateVersionSchema,
  Attachment: attachmentSchema,
  ReceivablesReport: receivablesReportSchema,
  StalledReport: stalledReportSchema,
  StageTimesReport: stageTimesReportSchema,
  RebatesReport: rebatesReportSchema,
  ProfitReport: profitReportSchema,
  ExposureReport: exposureReportSchema,
});

function json(schema: z.core.$ZodType, description: string) {
  return { description, content: { 'application/json': { schema: schemas.schema(schema, 'output') } } };
}

function body(schema: z.core.$ZodType | SchemaObject) {
  const object = schema instanceof z.core.$ZodType ? schemas.schema(schema, 'input') : schema;
  return { required: true, content: { 'application/json': { schema: object } } };
}

/** The event variants, each an approval only a manager may give marked `x-required-role: manager`. */
function eventBodySchema(): SchemaObject {
  const union = schemas.schema(orderEventSchema, 'input');
  const typeOf = (variant: SchemaObject) =>
    (variant.properties?.type as SchemaObject | undefined)?.enum?.[0] as OrderEventType;
  return {
    ...union,
    // An attachment's event is recorded by the attachments endpoint, which stores the file first.
    oneOf: union.oneOf
      ?.filter((variant) => !recordedElsewhere(typeOf(variant)))
      .map((variant) => {
        const role = requiredRole(typeOf(variant));
        return role ? { ...variant, 'x-required-role': role } : variant;
      }),
  };
}

/** One parameter per property of an object schema, as a client sends it. */
function parameters(location: 'query' | 'path', schema: z.core.$ZodType) {
  const { properties = {}, required = [] } = schemas.schema(schema, 'input');
  return Object.entries(properties).map(([name, property]) => ({
    name,
    in: location,
    required: location === 'path' || required.includes(name),
    description: typeof property === 'object' ? property.description : undefined,
    schema: property,
  }));
}

const xlsxContent = {
  [XLSX_TYPE]: {
    schema: {
      type: 'string',
      format: 'binary',
      description:
        "An Excel workbook (Content-Disposition names the file): headers in the reader's language, money as numbers with the currency in its own column, times as dates (UTC)",
    },
  },
};
const languageParams = parameters('query', exportLanguageQuerySchema);

/** An attachment's bytes, as its type (judged by its bytes on upload). */
const ATTACHMENT_BYTES = Object.fromEntries(
  ATTACHMENT_CONTENT_TYPES.map((type) => [type, { schema: { type: 'string', format: 'binary' } }]),
);

export function buildOpenApiDocument(serverUrl?: string): object {
  const security = [{ bearerAuth: [] }];
  const report = (summary: string, query: z.core.$ZodType, answer: z.core.$ZodType) => ({
    get: {
      summary: `${summary} (role viewer); ?format=csv or ?format=xlsx for a spreadsheet`,
      security,
      parameters: [...parameters('query', query), ...languageParams],
      responses: {
        200: {
          ...json(answer, 'The report'),
          content: {
            ...json(answer, '').content,
            'text/csv': { schema: { type: 'string', description: 'RFC 4180, UTF-8 with a byte order mark' } },
            ...xlsxContent,
          },
        },
        400: err('VALIDATION_FAILED'),
        ...common,
      },
    },
  });
  const orderIdParams = parameters('path', z.object({ orderId: orderIdSchema }));
  const templateParams = parameters('path', z.object({ name: templateNameSchema }));
  const err = (description: string) => json(errorSchema, description);
  const common = {
    401: err('UNAUTHENTICATED: no or unknown token'),
    429: err('RATE_LIMITED (per token) or TOO_MANY_REQUESTS (failed logins per address); Retry-After'),
    503: err('TEMPORAL_UNAVAILABLE, WORKERS_UNAVAILABLE (writes) or DATABASE_UNAVAILABLE (reads)'),
    // Node's HTTP server answers it, before the API sees the request.
    431: { description: 'The URL and headers are over 16 KB together (no body)' },
  };
  const trackParams = parameters(
    'path',
    z.object({ token: tokenParam.describe("The signed token of the buyer's link") }),
  );
  const html = (description: string) => ({
    description,
    content: { 'text/html': { schema: { type: 'string' } } },
  });
  const gone = {
    404: html(
      'A forged or unknown link, or an order not (yet) in the read model: a page with nothing of the order',
    ),
    410: html('An expired or revoked link: a page with nothing of the order'),
    429: err('TOO_MANY_REQUESTS: per address (TRACKING_RATE_LIMIT_PER_MINUTE)'),
  };
  // The buyer has no API token: the signed, expiring link is the key.
  const buyer = { security: [] };
  const opsOnOrder = (summary: string, answer: z.core.$ZodType, status: 200 | 201) => ({
    post: {
      summary,
      security,
      parameters: orderIdParams,
      responses: {
        [status]: json(answer, 'Done'),
        403: err('FORBIDDEN: role viewer'),
        404: err('ORDER_NOT_FOUND'),
        ...common,
      },
    },
  });

  return {
    openapi: '3.0.3',
    info: {
      title: 'Export order desk API',
      version: '1.0.0',
      description:
        'Each export order is a long-lived Temporal workflow. Errors: `{ error: { code, message, details? } }`.',
    },
    ...(serverUrl ? { servers: [{ url: serverUrl }] } : {}),
    components: {
      securitySchemes: {
        bearerAuth: {
          type: 'http',
          scheme: 'bearer',
          description:
            "A service token (API_TOKENS entry `name:role:token[:company]`, or one a company admin created under /company/tokens) or the identity provider's access token (a JWT). Company roles: viewer (every GET) < ops (everything) < manager (also approvals and templates) < admin (also the company's profile and tokens); platform roles customer-manager (reads the companies assigned to them, writes notes) and platform-admin (companies, /metrics). A credential of several companies names one per request in the X-Company header (else 400 COMPANY_REQUIRED); another company's order answers 404. The console may instead send its session cookie with X-CSRF-Token on writes.",
        },
      },
      schemas: schemas.components(),
    },
    paths: {
      '/health': {
        get: {
          summary: 'Liveness, Temporal and database reachability',
          responses: {
            200: json(
              z.object({ status: z.literal('ok'), temporal: z.literal('ok'), database: z.literal('ok') }),
              'Temporal and the database answer',
            ),
            503: json(
              z.object({
                status: z.literal('unavailable'),
                temporal: z.enum(['ok', 'unavailable']),
                database: z.enum(['ok', 'unavailable']),
                error: z.object({
                  code: z.enum(['TEMPORAL_UNAVAILABLE', 'DATABASE_UNAVAILABLE']),
                  message: z.string(),
                }),
              }),
              'Temporal or the database cannot be reached',
            ),
          },
        },
      },
      '/openapi.json': {
        get: { summary: 'This document', responses: { 200: { description: 'OpenAPI 3 document' } } },
      },
      '/orders': {
        post: {
          summary: 'Start an order from a new inquiry (role ops)',
          security,
          // Exactly one of the customer typed in and the customer record's id.
          requestBody: body({
            ...schemas.schema(newOrderSchema, 'input'),
            oneOf: [{ required: ['customer'] }, { required: ['customerId'] }],
          }),
          responses: {
            200: json(
              orderViewResponseSchema,
              'A retried create: the same body under an existing id answers that order as it is now',
            ),
            201: {
              ...json(orderViewResponseSchema, 'The new order'),
              headers: { Location: { description: '/orders/{orderId}', schema: { type: 'string' } } },
            },
            400: err('VALIDATION_FAILED'),
            403: err('FORBIDDEN: role viewer'),
            409: err('ORDER_EXISTS: the id is taken by another order (another body)'),
            413: err('PAYLOAD_TOO_LARGE'),
            415: err('UNSUPPORTED_MEDIA_TYPE'),
            ...common,
            503: err(
              'TEMPORAL_UNAVAILABLE, WORKERS_UNAVAILABLE, or DATABASE_UNAVAILABLE for an order by customerId (one with the customer typed in is taken, unlinked)',
            ),
          },
        },
        get: {
          summary:
            'List orders from the read model (one entry per order; follows writes within moments). ?format=xlsx or csv: every page of the filtered list in one file (up to 10,000 rows; pageSize and nextPageToken ignored; X-Export-Truncated: true when more matched)',
          security,
          parameters: [...parameters('query', listOrdersQuerySchema), ...languageParams],
          responses: {
            200: {
              ...json(
                z.object({ orders: z.array(orderSummarySchema), nextPageToken: z.string().nullable() }),
                'One page of order summaries (format json), or the whole list as a file',
              ),
              content: {
                ...json(
                  z.object({ orders: z.array(orderSummarySchema), nextPageToken: z.string().nullable() }),
                  '',
                ).content,
                'text/csv': {
                  schema: { type: 'string', description: 'RFC 4180, UTF-8 with a byte order mark' },
                },
                ...xlsxContent,
              },
            },
            400: err('VALIDATION_FAILED'),
            ...common,
          },
        },
      },
      '/orders/{orderId}': {
        get: {
          summary: 'The order view',
          security,
          parameters: orderIdParams,
          responses: {
            200: json(orderViewResponseSchema, 'The order'),
            404: err('ORDER_NOT_FOUND'),
            ...common,
          },
        },
      },
      '/orders/{orderId}/events': {
        post: {
          summary:
            'Record an event (role ops; a variant marked x-required-role: manager only a manager); the same eventId is applied once',
          security,
          parameters: orderIdParams,
          requestBody: body(eventBodySchema()),
          responses: {
            200: json(orderViewResponseSchema, 'The order after the event'),
            400: err('VALIDATION_FAILED (schema, currency, overpayment, ...)'),
            403: err(
              'FORBIDDEN: role viewer, not a manager for an x-required-role: manager event, or a correction only a manager may make',
            ),
            404: err('ORDER_NOT_FOUND'),
            413: err('PAYLOAD_TOO_LARGE'),
            415: err('UNSUPPORTED_MEDIA_TYPE'),
            ...common,
            409: err(
              "EVENT_NOT_ALLOWED (details {stage, allowedEvents}), CORRECTION_NOT_ALLOWED (why in message), ORDER_ARCHIVED (the closed order was archived; details {stage}), EVENT_ID_REUSED, ORDER_LIMIT_REACHED, DOCUMENTS_INCOMPLETE (the company's document gate is on and the originals this event would issue lack data; details {missing: [{document, field}]}), or CREDIT_LIMIT_EXCEEDED (an OA, DA or DP contract would take the customer's exposure beyond its credit or insured limit and no manager recorded CREDIT_APPROVED)",
            ),
            503: err(
              "TEMPORAL_UNAVAILABLE, WORKERS_UNAVAILABLE, or DATABASE_UNAVAILABLE for a CONTRACT_SIGNED of an order linked to a customer record (its credit cannot be checked) and for REBATE_DOCUMENTS_RECORDED (the company's rates)",
            ),
          },
        },
      },
      '/orders/{orderId}/timeline': {
        get: {
          summary: 'Every accepted event, newest first, a page at a time',
          security,
          parameters: [...orderIdParams, ...parameters('query', timelineQuerySchema)],
          responses: {
            200: json(timelinePageSchema, 'One page of the timeline'),
            400: err('VALIDATION_FAILED (a cursor this API did not issue)'),
            404: err('ORDER_NOT_FOUND'),
            ...common,
          },
        },
      },
      '/orders/{orderId}/documents': {
        get: {
          summary:
            'The documents the order has issued (every revision), and the kinds it could render now (status DRAFT)',
          security,
          parameters: orderIdParams,
          responses: {
            200: json(
              z.object({
                documents: z.array(
                  z.object({
                    kind: z.enum(DOCUMENT_KINDS),
                    number: z.string().nullable(),
                    status: z
                      .string()
                      .describe('DRAFT, COPY_SENT, DISPATCHED; SUPERSEDED once a later revision replaced it'),
                    createdAt: z.string().nullable(),
                    revision: z
                      .number()
                      .int()
                      .describe(
                        '0 as first issued; a correction of values it prints re-issues it as the next',
                      ),
                    missing: z
                      .array(z.object({ document: z.string(), field: z.string() }))
                      .describe(
                        "What the document's original still lacks (company.*, contract.*, lines[n].*); while the document gate is on, no original is issued until it is empty",
                      ),
                  }),
                ),
              }),
              'The documents',
            ),
            404: err('ORDER_NOT_FOUND'),
            ...common,
          },
        },
      },
      '/orders/{orderId}/attachments': {
        post: {
          summary: `Attach a file (role ops): multipart, the type judged by its bytes (PDF, PNG, JPEG, XLSX, DOCX), at most API_ATTACHMENT_LIMIT_MB (default 20 MB); the bytes go to the database and the timeline records ATTACHMENT_ADDED. A retried upload is a second attachment`,
          security,
          parameters: orderIdParams,
          requestBody: {
            required: true,
            content: {
              'multipart/form-data': {
                schema: {
                  type: 'object',
                  required: ['file', 'kind'],
                  properties: {
                    file: { type: 'string', format: 'binary', description: 'The file (one)' },
                    kind: schemas.schema(attachmentKindSchema, 'input'),
                    forBuyer: {
                      type: 'string',
                      enum: ['true', 'false'],
                      default: 'false',
                      description: "true: listed on the buyer's tracking page, downloadable there",
                    },
                  },
                },
              },
            },
          },
          responses: {
            201: {
              ...json(attachmentSchema, 'The attachment'),
              headers: {
                Location: {
                  description: '/orders/{orderId}/attachments/{attachmentId}',
                  schema: { type: 'string' },
                },
              },
            },
            400: err('VALIDATION_FAILED: no file, a second file, or a bad kind or forBuyer'),
            403: err('FORBIDDEN: role viewer'),
            404: err('ORDER_NOT_FOUND'),
            409: err('ORDER_ARCHIVED (nothing is kept)'),
            413: err('PAYLOAD_TOO_LARGE: the file is over the limit'),
            415: err('UNSUPPORTED_MEDIA_TYPE: not multipart/form-data, or a file of another type'),
            ...common,
          },
        },
        get: {
          summary: 'The files kept with the order, oldest first',
          security,
          parameters: orderIdParams,
          responses: {
            200: json(z.object({ attachments: z.array(attachmentSchema) }), 'The attachments'),
            404: err('ORDER_NOT_FOUND'),
            ...common,
          },
        },
      },
      '/orders/{orderId}/attachments/{attachmentId}': {
        get: {
          summary: 'The bytes of one attachment, with the type they showed and its file name',
          security,
          parameters: [...orderIdParams, ...parameters('path', z.object({ attachmentId: z.string() }))],
          responses: {
            200: {
              description: 'The file (Content-Disposition: attachment, with its name)',
              content: ATTACHMENT_BYTES,
            },
            404: err('ORDER_NOT_FOUND, or NOT_FOUND: no such attachment on the order'),
            ...common,
          },
        },
      },
      '/templates': {
        get: {
          summary: 'The latest version of every process template, by name',
          security,
          responses: {
            200: json(z.object({ templates: z.array(templateVersionSchema) }), 'The templates'),
            ...common,
          },
        },
      },
      '/orders/{orderId}/documents/{kind}.pdf': {
        get: {
          summary:
            'Preview of one document as PDF, marked COPY (the same rendering the emailed documents use); a proforma invoice once sent: the original as the customer was sent it, kept as issued',
          security,
          parameters: [...orderIdParams, ...parameters('path', z.object({ kind: z.enum(DOCUMENT_KINDS) }))],
          responses: {
            200: {
              description: 'The PDF',
              content: { 'application/pdf': { schema: { type: 'string', format: 'binary' } } },
            },
            404: err('ORDER_NOT_FOUND, or NOT_FOUND for an unknown kind'),
            409: err(
              'DOCUMENT_NOT_AVAILABLE: the order lacks what the kind needs (details {kind, missing[]})',
            ),
            ...common,
          },
        },
      },
      '/orders/{orderId}/lc-check': {
        get: {
          summary:
            "The order's documents checked against its L/C before presentation (UCP 600, ISBP 745): each discrepancy names its rule; an order in several shipments is checked per shipment (or ?shipmentId= one)",
          security,
          parameters: [...orderIdParams, ...parameters('query', lcCheckQuerySchema)],
          responses: {
            200: json(
              z.object({
                discrepancies: z.array(
                  z.object({
                    rule: z
                      .string()
                      .describe(
                        'The source: UCP600-14c (presentation period), UCP600-18c (goods description), UCP600-20 (no B/L), UCP600-20c (transhipment), UCP600-28 (insurance), UCP600-30 (tolerance), UCP600-31 (partial shipment), LC-31D (expiry), LC-32B (currency), LC-44C (latest shipment date), LC-44E/LC-44F (ports)',
                      ),
                    document: z.string().optional(),
                    field: z.string().optional(),
                    message: z.string().describe('In English'),
                    shipmentId: z
                      .string()
                      .optional()
                      .describe('The shipment whose presentation it is (orders in several shipments)'),
                    problem: z
                      .string()
                      .optional()
                      .describe(
                        "What is wrong: the dictionaries' ui key lcCheck.<problem> words it in each language",
                      ),
                    params: z
                      .record(z.string(), z.string())
                      .optional()
                      .describe("The values the problem's words are filled with"),
                  }),
                ),
              }),
              'The discrepancies; empty when the documents comply',
            ),
            400: err('VALIDATION_FAILED (a bad shipmentId)'),
            404: err('ORDER_NOT_FOUND, or NOT_FOUND when the order has no L/C or no such shipment'),
            ...common,
          },
        },
      },
      '/templates/{name}': {
        get: {
          summary: 'A process template: its latest version, or ?version=N',
          security,
          parameters: [...templateParams, ...parameters('query', templateVersionQuerySchema)],
          responses: {
            200: json(templateVersionSchema, 'The template version'),
            400: err('VALIDATION_FAILED (a bad version)'),
            404: err('TEMPLATE_NOT_FOUND'),
            ...common,
          },
        },
        put: {
          summary:
            'Store a new version of a template (role manager); orders started earlier keep their version',
          security,
          parameters: templateParams,
          requestBody: body(templateBodySchema),
          responses: {
            200: json(templateVersionSchema, 'The new version (2 or later)'),
            201: json(templateVersionSchema, 'The first version of a new template'),
            400: err("VALIDATION_FAILED (name, schema, or beyond the deployment's limits)"),
            403: err('FORBIDDEN: role viewer or ops'),
            413: err('PAYLOAD_TOO_LARGE'),
            415: err('UNSUPPORTED_MEDIA_TYPE'),
            ...common,
          },
        },
      },
      '/templates/{name}/guidance': {
        put: {
          summary:
            "Replace the key points of a template's steps (role manager, or the company's customer manager), as a new version",
          security,
          parameters: templateParams,
          requestBody: body(guidanceBodySchema),
          responses: {
            200: json(templateVersionSchema, 'The new version'),
            400: err('VALIDATION_FAILED'),
            403: err('FORBIDDEN: role viewer or ops'),
            404: err('TEMPLATE_NOT_FOUND'),
            413: err('PAYLOAD_TOO_LARGE'),
            415: err('UNSUPPORTED_MEDIA_TYPE'),
            ...common,
          },
        },
      },
      ...companyPaths({ json, body, err, security, common }),
      ...customerPaths({ json, body, err, parameters, security, common }),
      '/metrics': {
        get: {
          summary:
            "Prometheus metrics of the API and the business gauges: the platform's (a platform-admin token or METRICS_TOKEN)",
          security,
          responses: {
            200: {
              description: 'Prometheus text exposition format',
              content: { 'text/plain': { schema: { type: 'string' } } },
            },
            401: common[401],
            403: err('FORBIDDEN: a company credential'),
            429: common[429],
          },
        },
      },
      '/orders/{orderId}/tracking-link': opsOnOrder(
        "Issue a fresh signed, expiring link to the buyer's tracking page (role ops)",
        z.object({
          orderId: orderIdSchema,
          url: z.url().describe('The page: TRACKING_BASE_URL/track/{token}'),
          expiresAt: instant.describe('After this the link shows nothing of the order (TRACKING_LINK_TTL)'),
        }),
        201,
      ),
      '/orders/{orderId}/tracking-link/revoke': opsOnOrder(
        'Revoke every tracking link of the order issued so far (role ops); links issued later work',
        z.object({ orderId: orderIdSchema, revokedBefore: instant }),
        200,
      ),
      '/track/{token}': {
        get: {
          summary:
            "The buyer's tracking page in the customer's language: the nine stages, the documents sent, the confirm button. No bearer token: the signed link is the key",
          ...buyer,
          parameters: trackParams,
          responses: { 200: html('The page (Cache-Control: no-store)'), ...gone },
        },
      },
      '/track/{token}/documents/{file}': {
        get: {
          summary:
            'A document the buyer was sent, as PDF (COPY until the originals are dispatched). No bearer token: the signed link is the key',
          ...buyer,
          parameters: [...trackParams, ...parameters('path', z.object({ file: documentFile }))],
          responses: {
            200: {
              description: 'The PDF, as an attachment',
              content: { 'application/pdf': { schema: { type: 'string', format: 'binary' } } },
            },
            ...gone,
            404: {
              description:
                'NOT_FOUND (JSON): no such document for this order; a bad link: the page with nothing of the order',
              content: { ...gone[404].content, ...err('').content },
            },
          },
        },
      },
      '/track/{token}/attachments/{attachmentId}': {
        get: {
          summary:
            'A file the exporter marked for the buyer, as uploaded. No bearer token: the signed link is the key',
          ...buyer,
          parameters: [...trackParams, ...parameters('path', z.object({ attachmentId: z.string() }))],
          responses: {
            200: {
              description: 'The file, as an attachment',
              content: ATTACHMENT_BYTES,
            },
            ...gone,
            404: {
              description:
                'NOT_FOUND (JSON): no such file for the buyer; a bad link: the page with nothing of the order',
              content: { ...gone[404].content, ...err('').content },
            },
          },
        },
      },
      '/track/{token}/confirm': {
        post: {
          summary:
            'The buyer confirms the document copies: DOCUMENTS_CONFIRMED with actor "customer" (once; later clicks change nothing). No bearer token: the signed link is the key',
          ...buyer,
          parameters: trackParams,
          responses: {
            303: {
              description: 'Back to the page, which shows the confirmation',
              headers: { Location: { description: '/track/{token}', schema: { type: 'string' } } },
            },
            ...gone,
            503: common[503],
          },
        },
      },
      '/imports/orders': {
        post: {
          summary:
            'Create orders from an XLSX, row by row, each as POST /orders would (role ops). The first sheet\'s first row names the columns by their path in the POST /orders body (orderId, customer.name, customer.company, customer.email, customer.country, customer.language, accountManager.name, accountManager.email, inquiry.channel (EMAIL when absent), inquiry.receivedAt, inquiry.requestedDelivery, inquiry.notes, template, and one product per row: product.sku, product.description, product.quantity, product.unit), or by the template\'s headers in either language ("客户公司 (customer.company)"). One order per row: a later row with an order id already in the file is refused. A row whose order exists with the same details answers it (outcome existing), so a retried import creates nothing twice. At most 1,000 rows and 5 MB.',
          security,
          parameters: languageParams,
          requestBody: {
            required: true,
            content: {
              'multipart/form-data': {
                schema: {
                  type: 'object',
                  required: ['file'],
                  properties: { file: { type: 'string', format: 'binary', description: 'An XLSX workbook' } },
                },
              },
            },
          },
          responses: {
            200: json(
              z.object({
                rows: z.array(
                  z.object({
                    row: z.number().int().describe("The sheet's row number (the header is row 1)"),
                    orderId: z.string().optional().describe('The order created or found'),
                    outcome: z.enum(['created', 'existing', 'refused']),
                    error: z
                      .string()
                      .optional()
                      .describe('Why the row was refused: a sentence naming the column'),
                  }),
                ),
              }),
              'One entry per non-blank row; a bad row never stops the others',
            ),
            400: err(
              'VALIDATION_FAILED: no file, no header row, an unknown, repeated or missing required column',
            ),
            403: err('FORBIDDEN: role viewer'),
            413: err('PAYLOAD_TOO_LARGE: over 5 MB or over 1,000 rows'),
            415: err(
              'UNSUPPORTED_MEDIA_TYPE: not multipart/form-data, or the file is not an XLSX by its bytes',
            ),
            ...common,
          },
        },
      },
      '/imports/orders/template.xlsx': {
        get: {
          summary:
            'The import template: the header row (paths in English; in Chinese the word with its path) and a sheet describing the columns',
          security,
          parameters: languageParams,
          responses: {
            200: { description: 'The template', content: xlsxContent },
            400: err('VALIDATION_FAILED'),
            ...common,
          },
        },
      },
      '/reports/receivables': report(
        'Money due on open orders by customer and age bucket, per currency',
        receivablesQuerySchema,
        receivablesReportSchema,
      ),
      '/reports/stalled': report(
        'Stalled open orders per account manager',
        reportQuerySchema,
        stalledReportSchema,
      ),
      '/reports/stage-times': report(
        'Median and 90th-percentile days per stage, over every stay that ended',
        reportQuerySchema,
        stageTimesReportSchema,
      ),
      ...moneyReportPaths(report),
      '/orders/{orderId}/emails': {
        get: {
          summary: 'Every email the order sent',
          security,
          parameters: orderIdParams,
          responses: {
            200: json(z.object({ emails: z.array(emailSchema) }), 'The emails'),
            404: err('ORDER_NOT_FOUND'),
            ...common,
          },
        },
      },
    },
  };
}
