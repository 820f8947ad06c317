import { Router, type Request } from 'express';
import type { ApiConfig } from '../../config/apiEnv';
import { exporterGate } from '../../documents/input';
import {
  contentFingerprint,
  listOrdersQuerySchema,
  orderEventSchema,
  eventIdSchema,
  orderIdSchema,
  recordedElsewhere,
  requiredRole,
  timelineQuerySchema,
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
   * Before an event, in one round trip: is the order there (404 unless in the read model or in
   * Temporal), and did it take this eventId long ago (beyond the workflow's own memory of keys)?
   * While the database is down Temporal answers alone, and the workflow's memory is all there is.
   */
  async function eventCheck(orderId: string, rawEventId: string | undefined) {
    const stored = await readModel.eventCheck(orderId, rawEventId).catch((err: unknown) => {
      if (isUnavailable(err)) return null;
      throw err;
    });
    if (!stored?.known && !(await gateway.orderExists(orderId))) throw orderNotFound(orderId);
    return stored?.earlier ?? null;
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
      const sentEventId = eventIdOf(req.body);
      const earlier = await eventCheck(orderId, sentEventId);
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
      // The same event again is answered with the order as it is; another under its id is refused.
      if (event.eventId !== undefined && event.eventId === sentEventId && earlier) {
        if (earlier.fingerprint !== contentFingerprint(event))
          throw eventIdReused(reusedMessage(event.eventId));
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

/** The eventId as sent, if it is one (the event is validated later): what the read model is asked about. */
const eventIdOf = (body: unknown): string | undefined => {
  const sent =
    typeof body === 'object' && body !== null ? (body as { eventId?: unknown }).eventId : undefined;
  const parsed = eventIdSchema.safeParse(sent);
  return parsed.success ? parsed.data : undefined;
};

const isNote = (body: unknown): boolean =>
  typeof body === 'object' && body !== null && (body as { type?: unknown }).type === 'NOTE_ADDED';
