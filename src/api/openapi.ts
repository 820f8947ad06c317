import { extendZodWithOpenApi, OpenAPIRegistry, OpenApiGeneratorV3 } from '@asteasolutions/zod-to-openapi';
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

// Adds .openapi() to zod's prototypes (idempotent); the registry needs it to name components.
extendZodWithOpenApi(z);

// Responses are documented with schemas written here; requests use the very schemas that validate them.
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

const nullableMoney = moneySchema.nullable();
const instant = z.iso.datetime();
const looseObject = (description: string) => z.record(z.string(), z.unknown()).describe(description);

const orderViewSchema = z
  .object({
    orderId: orderIdSchema,
    stage: stageSchema,
    status: z.enum(['OPEN', 'COMPLETED', 'CANCELLED']),
    customer: newOrderSchema.shape.customer,
    accountManager: newOrderSchema.shape.accountManager,
    forwarder: newOrderSchema.shape.accountManager.nullable(),
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
  stage: stageSchema.nullable(),
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

function json(schema: z.ZodType, description: string) {
  return { description, content: { 'application/json': { schema } } };
}

export function buildOpenApiDocument(serverUrl?: string): object {
  const registry = new OpenAPIRegistry();
  const bearer = registry.registerComponent('securitySchemes', 'bearerAuth', {
    type: 'http',
    scheme: 'bearer',
    description: 'API_TOKENS entry; role viewer: every GET, role ops: everything',
  });
  const Error = registry.register('Error', errorSchema);
  const OrderView = registry.register('OrderView', orderViewSchema);
  // Schemas built before extendZodWithOpenApi ran (the domain's) cannot be named components; inlined.
  const NewOrder = newOrderSchema;
  const OrderEvent = orderEventSchema;
  const OrderSummary = registry.register('OrderSummary', orderSummarySchema);
  const Email = registry.register('Email', emailSchema);
  const security = [{ [bearer.name]: [] }];
  const orderIdParams = z.object({ orderId: orderIdSchema });
  const err = (description: string) => json(Error, description);
  const common = {
    401: err('UNAUTHENTICATED: no or unknown token'),
    429: err('RATE_LIMITED: too many requests for this token'),
    503: err('TEMPORAL_UNAVAILABLE or WORKERS_UNAVAILABLE'),
  };

  registry.registerPath({
    method: 'get',
    path: '/health',
    summary: 'Liveness and Temporal reachability',
    responses: {
      200: json(z.object({ status: z.literal('ok'), temporal: z.literal('ok') }), 'Temporal answers'),
      503: json(
        z.object({ status: z.literal('degraded'), temporal: z.literal('unavailable') }),
        'Temporal cannot be reached',
      ),
    },
  });
  registry.registerPath({
    method: 'get',
    path: '/openapi.json',
    summary: 'This document',
    responses: { 200: { description: 'OpenAPI 3 document' } },
  });
  registry.registerPath({
    method: 'post',
    path: '/orders',
    summary: 'Start an order from a new inquiry (role ops)',
    security,
    request: { body: { required: true, content: { 'application/json': { schema: NewOrder } } } },
    responses: {
      201: {
        ...json(OrderView, 'The new order'),
        headers: { Location: { description: '/orders/{orderId}', schema: { type: 'string' } } },
      },
      400: err('VALIDATION_FAILED'),
      403: err('FORBIDDEN: role viewer'),
      409: err('ORDER_EXISTS'),
      413: err('PAYLOAD_TOO_LARGE'),
      415: err('UNSUPPORTED_MEDIA_TYPE'),
      ...common,
    },
  });
  registry.registerPath({
    method: 'get',
    path: '/orders',
    summary: 'List orders from Temporal visibility (eventually consistent)',
    security,
    request: { query: listOrdersQuerySchema },
    responses: {
      200: json(
        z.object({ orders: z.array(OrderSummary), nextPageToken: z.string().nullable() }),
        'One page of order summaries',
      ),
      400: err('VALIDATION_FAILED'),
      ...common,
    },
  });
  registry.registerPath({
    method: 'get',
    path: '/orders/{orderId}',
    summary: 'The order view',
    security,
    request: { params: orderIdParams },
    responses: { 200: json(OrderView, 'The order'), 404: err('ORDER_NOT_FOUND'), ...common },
  });
  registry.registerPath({
    method: 'post',
    path: '/orders/{orderId}/events',
    summary: 'Record an event (role ops); the same eventId is applied once',
    security,
    request: {
      params: orderIdParams,
      body: { required: true, content: { 'application/json': { schema: OrderEvent } } },
    },
    responses: {
      200: json(OrderView, 'The order after the event'),
      400: err('VALIDATION_FAILED (schema, currency, overpayment, ...)'),
      403: err('FORBIDDEN: role viewer'),
      404: err('ORDER_NOT_FOUND'),
      409: err('EVENT_NOT_ALLOWED, details {stage, allowedEvents}'),
      413: err('PAYLOAD_TOO_LARGE'),
      415: err('UNSUPPORTED_MEDIA_TYPE'),
      ...common,
    },
  });
  registry.registerPath({
    method: 'get',
    path: '/orders/{orderId}/emails',
    summary: 'Every email the order sent',
    security,
    request: { params: orderIdParams },
    responses: {
      200: json(z.object({ emails: z.array(Email) }), 'The emails'),
      404: err('ORDER_NOT_FOUND'),
      ...common,
    },
  });

  return new OpenApiGeneratorV3(registry.definitions).generateDocument({
    openapi: '3.0.3',
    info: {
      title: 'Export order desk API',
      version: '1.0.0',
      description:
        'Each export order is a long-lived Temporal workflow. Errors: `{ error: { code, message, details? } }`.',
    },
    servers: serverUrl ? [{ url: serverUrl }] : undefined,
  });
}
