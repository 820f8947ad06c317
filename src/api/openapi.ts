import { z } from 'zod';
import {
  listOrdersQuerySchema,
  moneySchema,
  newOrderSchema,
  ORDER_EVENT_TYPES,
  orderEventSchema,
  orderIdSchema,
  stageSchema,
} from '../domain';
import { ERROR_CODES } from './errors';
import { openApiSchemas } from './openapiSchema';

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
          'VALIDATION_FAILED: [{path, message}]; EVENT_NOT_ALLOWED: {stage, allowedEvents}; otherwise absent',
        ),
    }),
  })
  .describe('Every 4xx/5xx answer');

const nullableMoney = z.nullable(moneySchema);
const instant = z.iso.datetime();
const looseObject = (description: string) => z.record(z.string(), z.unknown()).describe(description);

const orderViewSchema = z
  .object({
    orderId: orderIdSchema,
    stage: stageSchema,
    status: z.enum(['OPEN', 'COMPLETED', 'CANCELLED']),
    customer: newOrderSchema.shape.customer,
    accountManager: newOrderSchema.shape.accountManager,
    forwarder: z.nullable(newOrderSchema.shape.accountManager),
    inquiry: looseObject('The inquiry as recorded, receivedAt filled in'),
    quotation: looseObject('The latest quotation').nullable(),
    sample: z.object({ rounds: z.number().int(), approved: z.boolean(), required: z.boolean().nullable() }),
    contract: looseObject('The signed contract').nullable(),
    payments: z.object({
      depositRequired: nullableMoney,
      depositReceived: nullableMoney,
      balanceRequired: nullableMoney,
      balanceReceived: nullableMoney,
    }),
    production: z.object({ percent: z.number(), inspections: z.array(looseObject('A QC inspection')) }),
    shipping: z.object({
      booking: looseObject('Booking request and confirmation'),
      customs: looseObject('Customs declaration').nullable(),
      billOfLading: looseObject('Bill of lading').nullable(),
    }),
    documents: z.object({
      copiesSentAt: instant.nullable(),
      dispatchedAt: instant.nullable(),
      items: z.array(looseObject('A trade document')),
    }),
    stalled: z.boolean(),
    stageEnteredAt: instant,
    stageDeadline: instant.nullable().describe('When the stall reminder fires; null once closed'),
    remindersSent: z.number().int(),
    timeline: z.array(
      z.object({
        eventId: z.string(),
        type: z.string(),
        at: instant,
        actor: z.string().describe('API token name, or "system"'),
        summary: z.string(),
      }),
    ),
    allowedEvents: z.array(z.enum(ORDER_EVENT_TYPES)).describe('Events that fit the order now (extension)'),
    links: z.object({ temporalUi: z.url().describe('This workflow in the Temporal UI') }),
  })
  .describe('The order view (more fields may be added)');

const orderSummarySchema = z.object({
  orderId: orderIdSchema,
  stage: z.nullable(stageSchema),
  customer: z.object({ name: z.string().nullable(), company: z.string().nullable() }),
  accountManager: z.object({ email: z.string().nullable() }),
  stalled: z.boolean(),
  updatedAt: instant,
  links: z.object({ temporalUi: z.url() }),
});

const emailSchema = z.object({
  purpose: z.string(),
  to: z.array(z.string()),
  cc: z.array(z.string()),
  subject: z.string(),
  sentAt: instant,
  messageId: z.string(),
});

// Request bodies stay inline (not components): the ops console builds its forms from them as they are.
const schemas = openApiSchemas({
  Error: errorSchema,
  OrderView: orderViewSchema,
  OrderSummary: orderSummarySchema,
  Email: emailSchema,
});

function json(schema: z.core.$ZodType, description: string) {
  return { description, content: { 'application/json': { schema: schemas.schema(schema, 'output') } } };
}

function body(schema: z.core.$ZodType) {
  return { required: true, content: { 'application/json': { schema: schemas.schema(schema, 'input') } } };
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

export function buildOpenApiDocument(serverUrl?: string): object {
  const security = [{ bearerAuth: [] }];
  const orderIdParams = parameters('path', z.object({ orderId: orderIdSchema }));
  const err = (description: string) => json(errorSchema, description);
  const common = {
    401: err('UNAUTHENTICATED: no or unknown token'),
    429: err('RATE_LIMITED: too many requests for this token'),
    503: err('TEMPORAL_UNAVAILABLE or WORKERS_UNAVAILABLE'),
  };

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
            'API_TOKENS entry; role viewer: every GET, role ops: everything, role manager: what ops may and approvals',
        },
      },
      schemas: schemas.components(),
    },
    paths: {
      '/health': {
        get: {
          summary: 'Liveness and Temporal reachability',
          responses: {
            200: json(z.object({ status: z.literal('ok'), temporal: z.literal('ok') }), 'Temporal answers'),
            503: json(
              z.object({
                status: z.literal('unavailable'),
                temporal: z.literal('unavailable'),
                error: z.object({ code: z.literal('TEMPORAL_UNAVAILABLE'), message: z.string() }),
              }),
              'Temporal cannot be reached',
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
          requestBody: body(newOrderSchema),
          responses: {
            201: {
              ...json(orderViewSchema, 'The new order'),
              headers: { Location: { description: '/orders/{orderId}', schema: { type: 'string' } } },
            },
            400: err('VALIDATION_FAILED'),
            403: err('FORBIDDEN: role viewer'),
            409: err('ORDER_EXISTS'),
            413: err('PAYLOAD_TOO_LARGE'),
            415: err('UNSUPPORTED_MEDIA_TYPE'),
            ...common,
          },
        },
        get: {
          summary: 'List orders from Temporal visibility (eventually consistent)',
          security,
          parameters: parameters('query', listOrdersQuerySchema),
          responses: {
            200: json(
              z.object({ orders: z.array(orderSummarySchema), nextPageToken: z.string().nullable() }),
              'One page of order summaries',
            ),
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
          responses: { 200: json(orderViewSchema, 'The order'), 404: err('ORDER_NOT_FOUND'), ...common },
        },
      },
      '/orders/{orderId}/events': {
        post: {
          summary: 'Record an event (role ops); the same eventId is applied once',
          security,
          parameters: orderIdParams,
          requestBody: body(orderEventSchema),
          responses: {
            200: json(orderViewSchema, 'The order after the event'),
            400: err('VALIDATION_FAILED (schema, currency, overpayment, ...)'),
            403: err('FORBIDDEN: role viewer'),
            404: err('ORDER_NOT_FOUND'),
            409: err('EVENT_NOT_ALLOWED, details {stage, allowedEvents}'),
            413: err('PAYLOAD_TOO_LARGE'),
            415: err('UNSUPPORTED_MEDIA_TYPE'),
            ...common,
          },
        },
      },
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
