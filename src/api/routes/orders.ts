import { randomBytes } from 'node:crypto';
import { WorkflowNotFoundError, type Client } from '@temporalio/client';
import { executionInfoFromRaw } from '@temporalio/client/lib/helpers';
import { Router, type Request, type RequestHandler, type Response } from 'express';
import type { Config } from '../../config/env';
import {
  applyEvent,
  createOrder,
  durationToMs,
  listOrdersQuerySchema,
  newOrderSchema,
  orderEventSchema,
  orderIdSchema,
  resolveStallPolicy,
  type ListOrdersQuery,
  type OrderState,
} from '../../domain';
import { emailPseudonym } from '../../domain/pseudonym';
import { orderWorkflow } from '../../workflows';
import type { OrderWorkflowInput } from '../../workflows/input';
import { orderQuery, recordEventUpdate } from '../../workflows/messages';
import {
  accountManagerKey,
  customerCompanyKey,
  orderStageKey,
  orderStalledKey,
} from '../../workflows/searchAttributes';
import { callerOf, requireRole } from '../auth';
import { ApiError } from '../errors';
import { toOrderSummary, toOrderView, type LinkConfig, type OrderMemo } from '../orderView';
import type { TemporalAccess } from '../temporalClient';
import { parseOr400, refuseOrderBeyondLimits } from '../validate';
import { mapTemporalError, orderNotFound, temporalUnavailable } from '../temporalErrors';

export interface OrderRoutesDeps {
  temporal: TemporalAccess;
  config: Config;
  now?: () => Date;
}

/** `PO-2026-K3J9QX2A`: the year and 8 random base-36 characters. */
export function generateOrderId(now: Date): string {
  const random = randomBytes(8)
    .reduce((acc, b) => acc + (b % 36).toString(36), '')
    .toUpperCase();
  return `PO-${now.getUTCFullYear()}-${random}`;
}

/** Visibility query text: values are quoted, with quotes and backslashes escaped. */
export function quoteValue(value: string): string {
  return `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

export function buildListQuery(q: ListOrdersQuery): string {
  const parts = [`WorkflowType = 'orderWorkflow'`];
  if (q.stage) parts.push(`${orderStageKey.name} = ${quoteValue(q.stage)}`);
  if (q.stalled !== undefined) parts.push(`${orderStalledKey.name} = ${q.stalled ? 'true' : 'false'}`);
  if (q.customer) parts.push(`${customerCompanyKey.name} = ${quoteValue(q.customer)}`);
  if (q.accountManager)
    parts.push(`${accountManagerKey.name} = ${quoteValue(emailPseudonym(q.accountManager))}`);
  return parts.join(' AND ');
}

function productLines(n: number): string {
  return `${n} product line${n === 1 ? '' : 's'}`;
}

/** Express 5 passes async errors to the error handler; this only keeps the types tidy. */
const route =
  (fn: (req: Request, res: Response) => Promise<void>): RequestHandler =>
  (req, res, next) => {
    fn(req, res).catch(next);
  };

export function orderRoutes({ temporal, config, now = () => new Date() }: OrderRoutesDeps): Router {
  const router = Router();
  const links: LinkConfig = { uiUrl: config.temporal.uiUrl, namespace: config.temporal.namespace };
  const workerTimeoutMs = durationToMs(config.api.workerTimeout);
  const bounded = <T>(client: Client, fn: () => Promise<T>): Promise<T> =>
    client.withDeadline(Date.now() + workerTimeoutMs, fn);

  async function getClient(): Promise<Client> {
    try {
      return await temporal.getClient();
    } catch (err) {
      throw temporalUnavailable(err);
    }
  }

  /** Runs one Temporal call and maps whatever it throws to the contract. */
  async function call<T>(
    opts: { orderId?: string; needsWorker: boolean },
    fn: (client: Client) => Promise<T>,
  ): Promise<T> {
    const client = await getClient();
    try {
      return await fn(client);
    } catch (err) {
      throw await mapTemporalError(err, client, opts);
    }
  }

  function orderIdParam(req: Request): string {
    const parsed = orderIdSchema.safeParse(req.params.orderId);
    // An id that cannot exist names no order.
    if (!parsed.success) throw orderNotFound(String(req.params.orderId));
    return parsed.data;
  }

  function requireJsonBody(req: Request): void {
    if (!req.is('application/json'))
      throw new ApiError(415, 'UNSUPPORTED_MEDIA_TYPE', 'send the body as Content-Type: application/json');
  }

  router.post(
    '/orders',
    requireRole('ops'),
    route(async (req, res) => {
      requireJsonBody(req);
      const parsed = { data: parseOr400(newOrderSchema, req.body, 'body') };
      refuseOrderBeyondLimits(parsed.data, config.orderLimits);
      const caller = callerOf(res.locals);
      const at = now();
      const order = { ...parsed.data, orderId: parsed.data.orderId ?? generateOrderId(at) };
      const policy = resolveStallPolicy(config.stallPolicy, order);
      const createdAt = at.toISOString();
      const input: OrderWorkflowInput = {
        order,
        policy,
        defaultForwarder: config.defaultForwarder,
        createdAt,
        createdBy: caller.name,
      };
      // The workflow computes the very same initial state from the very same input.
      const state = createOrder(order, policy, { now: createdAt, actor: caller.name });
      const memo: OrderMemo = {
        customer: { name: order.customer.name, company: order.customer.company },
        accountManager: { email: order.accountManager.email },
      };
      await call({ orderId: order.orderId, needsWorker: false }, (client) =>
        bounded(client, () =>
          client.workflow.start(orderWorkflow, {
            workflowId: order.orderId,
            taskQueue: config.temporal.taskQueue,
            args: [input],
            workflowIdConflictPolicy: 'FAIL',
            workflowIdReusePolicy: 'REJECT_DUPLICATE',
            typedSearchAttributes: [
              { key: orderStageKey, value: state.stage },
              { key: orderStalledKey, value: false },
              { key: customerCompanyKey, value: order.customer.company },
              { key: accountManagerKey, value: emailPseudonym(order.accountManager.email) },
            ],
            memo: { ...memo },
            staticSummary: `Export order ${order.orderId} · ${order.customer.company} · ${productLines(order.inquiry.products.length)}`,
          }),
        ),
      );
      res
        .status(201)
        .location(`/orders/${encodeURIComponent(order.orderId)}`)
        .json(toOrderView(state, links));
    }),
  );

  router.get(
    '/orders',
    route(async (req, res) => {
      const q = parseOr400(listOrdersQuerySchema, req.query, 'query');
      let pageToken: Uint8Array | undefined;
      if (q.nextPageToken) {
        if (!/^[A-Za-z0-9_-]+$/.test(q.nextPageToken))
          throw new ApiError(400, 'VALIDATION_FAILED', 'the query does not match the schema', [
            { path: 'nextPageToken', message: 'not a token from a previous page' },
          ]);
        pageToken = Buffer.from(q.nextPageToken, 'base64url');
      }
      const page = await call({ needsWorker: false }, async (client) => {
        try {
          const response = await bounded(client, () =>
            client.workflowService.listWorkflowExecutions({
              namespace: config.temporal.namespace,
              query: buildListQuery(q),
              pageSize: q.pageSize,
              nextPageToken: pageToken,
            }),
          );
          const infos = await Promise.all(
            (response.executions ?? []).map((raw) =>
              executionInfoFromRaw(
                raw,
                client.workflow.options.loadedDataConverter,
                raw,
                config.temporal.namespace,
              ),
            ),
          );
          const next = response.nextPageToken?.length
            ? Buffer.from(response.nextPageToken).toString('base64url')
            : null;
          return { orders: infos.map((info) => toOrderSummary(info, links)), nextPageToken: next };
        } catch (err) {
          // The server refuses a token it did not issue (INVALID_ARGUMENT, or UNKNOWN from SQLite visibility).
          const code = (err as { code?: number }).code;
          if (pageToken && (code === 3 || code === 2))
            throw new ApiError(400, 'VALIDATION_FAILED', 'the query does not match the schema', [
              { path: 'nextPageToken', message: 'not a token from a previous page' },
            ]);
          throw err;
        }
      });
      res.json(page);
    }),
  );

  router.get(
    '/orders/:orderId',
    route(async (req, res) => {
      res.json(toOrderView(await readOrder(orderIdParam(req)), links));
    }),
  );

  router.get(
    '/orders/:orderId/emails',
    route(async (req, res) => {
      const state = await readOrder(orderIdParam(req));
      res.json({
        emails: state.emails.map(({ purpose, to, cc, subject, sentAt, messageId }) => ({
          purpose,
          to,
          cc,
          subject,
          sentAt,
          messageId,
        })),
      });
    }),
  );

  router.post(
    '/orders/:orderId/events',
    requireRole('ops'),
    route(async (req, res) => {
      const orderId = orderIdParam(req);
      requireJsonBody(req);
      const event = parseOr400(orderEventSchema, req.body, 'body');
      const actor = callerOf(res.locals).name;
      const state = await call({ orderId, needsWorker: true }, async (client) => {
        const handle = client.workflow.getHandle(orderId);
        try {
          return await bounded(client, () =>
            handle.executeUpdate(recordEventUpdate, { args: [{ event: req.body as unknown, actor }] }),
          );
        } catch (err) {
          if (!(err instanceof WorkflowNotFoundError)) throw err;
          // Either no such order, or it is closed: a closed order takes no events...
          const stage = await closedStage(client, orderId);
          if (stage === undefined) throw orderNotFound(orderId);
          // ...but a client retrying the event that closed it (same eventId) gets its 200, as the
          // reducer decides on the final state.
          if (event.eventId !== undefined) {
            const closed = await bounded(client, () => handle.query(orderQuery));
            const decision = applyEvent(closed, event, { now: new Date().toISOString(), actor });
            if (decision.ok && decision.duplicate) return closed;
          }
          throw new ApiError(409, 'EVENT_NOT_ALLOWED', `order ${orderId} is closed (${stage})`, {
            stage,
            allowedEvents: [],
          });
        }
      });
      res.json(toOrderView(state, links));
    }),
  );

  /** The order's state, as its workflow answers the query (open or closed). */
  function readOrder(orderId: string): Promise<OrderState> {
    return call({ orderId, needsWorker: true }, (client) =>
      bounded(client, () => client.workflow.getHandle(orderId).query(orderQuery)),
    );
  }

  /** The stage of a closed order from its search attributes (no worker needed); undefined if none exists. */
  async function closedStage(client: Client, orderId: string): Promise<string | undefined> {
    try {
      const description = await bounded(client, () => client.workflow.getHandle(orderId).describe());
      if (description.status.name === 'RUNNING') return undefined;
      return description.typedSearchAttributes.get(orderStageKey) ?? description.status.name;
    } catch (err) {
      if (err instanceof WorkflowNotFoundError) return undefined;
      throw err;
    }
  }

  return router;
}
