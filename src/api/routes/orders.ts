import { Router, type Request } from 'express';
import type { ApiConfig } from '../../config/apiEnv';
import { exporterGate } from '../../documents/input';
import {
  contentFingerprint,
  listOrdersQuerySchema,
  orderEventSchema,
  orderIdSchema,
  recordedElsewhere,
  requiredRole,
  timelineQuerySchema,
  type OrderEvent,
} from '../../domain';
import { isUnavailable } from '../../readModel/errors';
import type { ReadModel } from '../../readModel/types';
import { actorRoleOf, callerOf, requireRole, roleRefusal } from '../auth';
import { ApiError } from '../errors';
import type { OrderGateway } from '../orderGateway';
import { toOrderSummary, withLinks, type LinkConfig } from '../orderView';
import { documentRoutes } from './documents';
import { lcCheckRoutes } from './lcCheck';
import { orderCreation } from '../orderCreation';
import { eventFacts } from '../eventFacts';
import { committedAnswers } from '../committedAnswers';
import { readerLanguage } from '../xlsx';
import { sendOrderListExport } from '../xlsxOrderList';
import { fromReadModel } from '../readModelErrors';
import type { ExporterProfiles } from '../../readModel/exporterProfile';
import { eventIdReused, orderArchived, orderNotFound } from '../temporalErrors';
import { parseOr400 } from '../validate';
import { requireJsonBody, route } from './handlers';

export interface OrderRoutesDeps {
  gateway: OrderGateway;
  readModel: ReadModel;
  config: ApiConfig;
  profiles: ExporterProfiles;
  now?: () => Date;
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
export function orderRoutes({
  gateway,
  readModel,
  config,
  profiles,
  now = () => new Date(),
}: OrderRoutesDeps): Router {
  const router = Router();
  const createOrder = orderCreation({ gateway, readModel, config, now });
  const findFacts = eventFacts({ readModel, gateway });
  const answers = committedAnswers(gateway, readModel);
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
    // While the database is down, Temporal answers alone: events are still accepted then.
    const stored = await readModel.orderExists(orderId).catch((err: unknown) => {
      if (isUnavailable(err)) return false;
      throw err;
    });
    if (stored) return;
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

  router.post(
    '/orders',
    requireRole('ops'),
    route(async (req, res) => {
      requireJsonBody(req);
      const creator = callerOf(res.locals);
      const opened = await createOrder(req.body, creator.name, creator.id);
      // A retried create (the same body again) answers the order as it is now.
      if (opened.outcome === 'archived') {
        res.json(withLinks(await readView(opened.orderId), links));
        return;
      }
      if (opened.outcome === 'existing') {
        res.json(withLinks(opened.order, links));
        return;
      }
      res
        .status(201)
        .location(`/orders/${encodeURIComponent(opened.orderId)}`)
        .json(withLinks(opened.order, links));
    }),
  );

  router.get(
    '/orders',
    route(async (req, res) => {
      const q = parseOr400(listOrdersQuerySchema, req.query, 'query');
      const { nextPageToken, format, ...filters } = q;
      const language = readerLanguage(req);
      if (format !== 'json') {
        const at = now();
        await sendOrderListExport(res, format, language, (pageSize, pageToken) =>
          fromReadModel(() => readModel.listOrders({ ...filters, pageSize, pageToken, now: at })),
        );
        return;
      }
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
        entries: entries.map(({ seq, eventId, type, at, actor, actorId, summary, payload, correctedBy }) => ({
          seq,
          eventId,
          type,
          at,
          actor,
          actorId: actorId ?? actor,
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
    route(async (req, res) => {
      const orderId = orderIdParam(req);
      // Another company's order is 404, never 403: its existence in the caller's company comes first.
      await requireOrder(orderId);
      const writer = callerOf(res.locals);
      // The platform's customer manager writes notes, and records no trade events.
      const managerNote = writer.role === 'customer-manager' && isNote(req.body);
      const roleRefused = managerNote ? null : roleRefusal(writer, 'ops');
      if (roleRefused) throw roleRefused;
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
      const gate = exporterGate(await fromReadModel(() => profiles.current()));
      const found = await findFacts(orderId, event, gate);
      const outcome = await gateway
        .recordEvent(orderId, event, caller.name, actorRoleOf(caller), caller.id, gate, found.facts)
        .catch(async (err: unknown) => {
          await found.release();
          throw err;
        });
      if ('closed' in outcome) {
        await found.release();
        throw orderArchived(
          `order ${orderId} was archived (${outcome.stage}); it takes no more events`,
          outcome.stage,
        );
      }
      // The server answers a repeated update id with its first answer: that may be another event.
      if (event.eventId !== undefined && outcome.fingerprint !== contentFingerprint(event))
        throw eventIdReused(reusedMessage(event.eventId));
      res.json(withLinks(await answers.event(orderId, outcome), links));
    }),
  );

  router.use(documentRoutes({ readModel, profiles, readView, orderIdParam }));
  router.use(lcCheckRoutes({ readView, orderIdParam, now }));

  return router;
}

function reusedMessage(eventId: string): string {
  return `eventId ${eventId} was already used for a different event`;
}

const isNote = (body: unknown): boolean =>
  typeof body === 'object' && body !== null && (body as { type?: unknown }).type === 'NOTE_ADDED';
