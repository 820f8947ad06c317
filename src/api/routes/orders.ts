import { randomBytes } from 'node:crypto';
import { Router, type Request } from 'express';
import type { ApiConfig } from '../../config/apiEnv';
import {
  contentFingerprint,
  listOrdersQuerySchema,
  newOrderSchema,
  orderEventSchema,
  orderIdSchema,
  recordedElsewhere,
  requiredRole,
  templateLimitViolations,
  timelineQuerySchema,
  type OrderEvent,
  type PinnedTemplate,
} from '../../domain';
import type { ReadModel } from '../../readModel/types';
import { callerOf, requireRole, roleRefusal } from '../auth';
import { ApiError } from '../errors';
import type { OrderGateway } from '../orderGateway';
import { toOrderSummary, withLinks, type LinkConfig } from '../orderView';
import { documentRoutes } from './documents';
import { fromReadModel } from '../readModelErrors';
import { eventIdReused, orderArchived, orderNotFound } from '../temporalErrors';
import { parseOr400, refuseOrderBeyondLimits } from '../validate';
import { requireJsonBody, route } from './handlers';

export interface OrderRoutesDeps {
  gateway: OrderGateway;
  readModel: ReadModel;
  config: ApiConfig;
  now?: () => Date;
}

/** `PO-2026-K3J9QX2A`: the year and 8 random base-36 characters. */
export function generateOrderId(now: Date): string {
  const random = randomBytes(8)
    .reduce((acc, b) => acc + (b % 36).toString(36), '')
    .toUpperCase();
  return `PO-${now.getUTCFullYear()}-${random}`;
}

function orderIdParam(req: Request): string {
  const parsed = orderIdSchema.safeParse(req.params.orderId);
  // An id that cannot exist names no order.
  if (!parsed.success) throw orderNotFound(String(req.params.orderId));
  return parsed.data;
}

/**
 * The order endpoints: writes go to Temporal through the gateway, reads come from the read model.
 * No business rule lives here; the workflow's reducer decides every event.
 */
export function orderRoutes({ gateway, readModel, config, now = () => new Date() }: OrderRoutesDeps): Router {
  const router = Router();
  const links: LinkConfig = { uiUrl: config.temporal.uiUrl, namespace: config.temporal.namespace };

  /**
   * The order's view from the read model; an order Temporal has but the read model not yet (its
   * first write is a moment behind the start) is read from its workflow.
   */
  async function readView(orderId: string): Promise<Record<string, unknown>> {
    const stored = await fromReadModel(() => readModel.getOrder(orderId));
    if (stored) return stored.view;
    if (!(await gateway.orderExists(orderId))) throw orderNotFound(orderId);
    return { ...(await gateway.currentView(orderId)) };
  }

  /** 404 unless the order exists in the read model or in Temporal. */
  async function requireOrder(orderId: string): Promise<void> {
    if (await fromReadModel(() => readModel.getOrder(orderId))) return;
    if (!(await gateway.orderExists(orderId))) throw orderNotFound(orderId);
  }

  /**
   * An eventId the order took long ago (beyond the workflow's own memory of keys): the same event
   * again is answered with the order as it is, another event under it is refused. While the
   * database is down the workflow's memory of recent keys is all there is.
   */
  async function earlierEvent(orderId: string, event: OrderEvent): Promise<'same' | 'none'> {
    if (event.eventId === undefined) return 'none';
    let known: Awaited<ReturnType<ReadModel['findEvent']>>;
    try {
      known = await readModel.findEvent(orderId, event.eventId);
    } catch {
      return 'none';
    }
    if (!known) return 'none';
    if (known.fingerprint !== contentFingerprint(event)) throw eventIdReused(reusedMessage(event.eventId));
    return 'same';
  }

  /** The template's latest version for a new order: it keeps that version for good. */
  async function latestTemplate(name: string): Promise<PinnedTemplate> {
    const found = await fromReadModel(() => readModel.getTemplate(name));
    if (!found)
      throw new ApiError(400, 'VALIDATION_FAILED', `no template named ${name}`, [
        { path: 'template', message: `no template named ${name} (GET /templates lists them)` },
      ]);
    const beyond = templateLimitViolations(found.body, config.orderLimits);
    if (beyond.length)
      throw new ApiError(
        400,
        'VALIDATION_FAILED',
        `template ${name} version ${found.version} is outside this deployment's limits`,
        beyond.map((d) => ({ ...d, path: `template.${d.path}` })),
      );
    return { name: found.name, version: found.version, body: found.body };
  }

  router.post(
    '/orders',
    requireRole('ops'),
    route(async (req, res) => {
      requireJsonBody(req);
      const body = parseOr400(newOrderSchema, req.body, 'body');
      refuseOrderBeyondLimits(body, config.orderLimits);
      const template = body.template === undefined ? undefined : await latestTemplate(body.template);
      const at = now();
      const order = { ...body, orderId: body.orderId ?? generateOrderId(at) };
      const opened = await gateway
        .openOrder({
          order,
          template,
          // The calendar goes with the order, so its working-day deadlines never change under it.
          stallDefaults: { ...config.stallPolicy, calendar: config.workingCalendar.forOrderAt(at) },
          defaultForwarder: config.defaultForwarder,
          createdAt: at.toISOString(),
          createdBy: callerOf(res.locals).name,
          // Kept with the order: a later change of the setting does not move its archiving.
          archiveAfter: config.archiveAfter,
        })
        .catch((err: unknown) => {
          // The order is started and waits for a worker: the same request with its id finds it.
          if (err instanceof ApiError && err.code === 'WORKERS_UNAVAILABLE')
            throw new ApiError(503, err.code, `${err.message}; the order is ${order.orderId}`, {
              orderId: order.orderId,
            });
          throw err;
        });
      // A retried create (the same body again) answers the order as it is now.
      if ('archived' in opened) {
        res.json(withLinks(await readView(order.orderId), links));
        return;
      }
      if (!opened.created) {
        res.json(withLinks(opened.order, links));
        return;
      }
      res
        .status(201)
        .location(`/orders/${encodeURIComponent(order.orderId)}`)
        .json(withLinks(opened.order, links));
    }),
  );

  router.get(
    '/orders',
    route(async (req, res) => {
      const q = parseOr400(listOrdersQuerySchema, req.query, 'query');
      const { nextPageToken, ...filters } = q;
      const page = await fromReadModel(
        () => readModel.listOrders({ ...filters, pageToken: nextPageToken, now: now() }),
        'nextPageToken',
      );
      res.json({
        orders: page.orders.map((entry) => toOrderSummary(entry, links)),
        nextPageToken: page.nextPageToken,
      });
    }),
  );

  router.get(
    '/orders/:orderId',
    route(async (req, res) => {
      res.json(withLinks(await readView(orderIdParam(req)), links));
    }),
  );

  router.get(
    '/orders/:orderId/timeline',
    route(async (req, res) => {
      const orderId = orderIdParam(req);
      const page = parseOr400(timelineQuerySchema, req.query, 'query');
      await requireOrder(orderId);
      const { entries, nextCursor } = await fromReadModel(() => readModel.timeline(orderId, page), 'cursor');
      res.json({
        entries: entries.map(({ seq, eventId, type, at, actor, summary, payload, correctedBy }) => ({
          seq,
          eventId,
          type,
          at,
          actor,
          summary,
          payload,
          ...(correctedBy ? { correctedBy } : {}),
        })),
        nextCursor,
      });
    }),
  );

  router.get(
    '/orders/:orderId/emails',
    route(async (req, res) => {
      const orderId = orderIdParam(req);
      await requireOrder(orderId);
      res.json({ emails: await fromReadModel(() => readModel.emails(orderId)) });
    }),
  );

  router.post(
    '/orders/:orderId/events',
    requireRole('ops'),
    route(async (req, res) => {
      const orderId = orderIdParam(req);
      requireJsonBody(req);
      // Only the validated event goes on: unknown fields were refused, defaults are filled in.
      const event = parseOr400(orderEventSchema, req.body, 'body');
      res.locals.eventType = event.type;
      // An attachment's event names stored bytes: only its own endpoint, which stores them, records it.
      const elsewhere = recordedElsewhere(event.type);
      if (elsewhere)
        throw new ApiError(400, 'VALIDATION_FAILED', `${event.type} is recorded by ${elsewhere}`, [
          { path: 'type', message: `send the file to ${elsewhere}, which records ${event.type}` },
        ]);
      const approval = requiredRole(event.type);
      const refused = approval && roleRefusal(callerOf(res.locals), approval, event.type);
      if (refused) throw refused;
      if ((await earlierEvent(orderId, event)) === 'same') {
        res.json(withLinks(await readView(orderId), links));
        return;
      }
      const caller = callerOf(res.locals);
      const outcome = await gateway.recordEvent(orderId, event, caller.name, caller.role);
      if ('closed' in outcome)
        throw orderArchived(
          `order ${orderId} was archived (${outcome.stage}); it takes no more events`,
          outcome.stage,
        );
      // The server answers a repeated update id with its first answer: that may be another event.
      if (event.eventId !== undefined && outcome.fingerprint !== contentFingerprint(event))
        throw eventIdReused(reusedMessage(event.eventId));
      res.json(withLinks(outcome.order, links));
    }),
  );

  router.use(documentRoutes({ readModel, exporter: config.exporter, readView, orderIdParam }));

  return router;
}

function reusedMessage(eventId: string): string {
  return `eventId ${eventId} was already used for a different event`;
}
