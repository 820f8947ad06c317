import { committedAnswers } from './committedAnswers';
import { randomBytes } from 'node:crypto';
import type { ApiConfig } from '../config/apiEnv';
import {
  newOrderSchema,
  templateLimitViolations,
  type NewOrder,
  type NewOrderBody,
  type PinnedTemplate,
} from '../domain';
import { orderCustomerOf } from '../domain/customers';
import { DatabaseUnavailableError } from '../readModel/errors';
import type { OrderView } from '../domain';
import type { ReadModel } from '../readModel/types';
import { ApiError } from './errors';
import type { OrderGateway } from './orderGateway';
import { fromReadModel } from './readModelErrors';
import { parseOr400, refuseOrderBeyondLimits } from './validate';

export interface OrderCreationDeps {
  gateway: OrderGateway;
  readModel: ReadModel;
  config: ApiConfig;
  now?: () => Date;
}

/**
 * What creating an order came to: a new order, the same order again (a retried create: the same
 * body under its id), or that retried create of an order since archived (its view is in the read model).
 */
export type OrderCreated =
  | { outcome: 'created'; orderId: string; order: OrderView }
  | { outcome: 'existing'; orderId: string; order: OrderView }
  | { outcome: 'archived'; orderId: string };

/** `PO-2026-K3J9QX2A`: the year and 8 random base-36 characters. */
export function generateOrderId(now: Date): string {
  const random = randomBytes(8)
    .reduce((acc, b) => acc + (b % 36).toString(36), '')
    .toUpperCase();
  return `PO-${now.getUTCFullYear()}-${random}`;
}

/**
 * The one way an order is created (POST /orders and the XLSX import): the body is validated as
 * POST /orders validates it, the template pinned, and the workflow started with its first answer
 * (update-with-start), so an order either exists whole or not at all. Throws the contract's errors.
 */
export function orderCreation({ gateway, readModel, config, now = () => new Date() }: OrderCreationDeps) {
  const answers = committedAnswers(gateway, readModel);
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

  /**
   * The order's customer and the record it is linked to: the record named by `customerId`, or the
   * one matching the inline customer (by email or normalised company name), created when none does.
   */
  async function resolveCustomer(
    body: NewOrderBody,
    at: Date,
  ): Promise<Pick<NewOrder, 'customer' | 'customerId'>> {
    const { customer, customerId } = body;
    if (customer === undefined) {
      const id = customerId ?? '';
      const record = await fromReadModel(() => readModel.getCustomer(id));
      if (!record)
        throw new ApiError(400, 'VALIDATION_FAILED', `no customer ${id}`, [
          { path: 'customerId', message: `no customer ${id} (GET /customers lists them)` },
        ]);
      return { customer: orderCustomerOf(record), customerId: record.id };
    }
    try {
      return { customer, customerId: await readModel.linkCustomer(customer, at) };
    } catch (err) {
      // While PostgreSQL is down an order with the customer typed in is still taken, unlinked: the
      // inquiry matters more than the record (the customer page will not list it).
      if (err instanceof DatabaseUnavailableError) return { customer };
      throw err;
    }
  }

  /** Validates `input` as a POST /orders body and opens the order; `createdBy` is the caller's name, `createdById` their id. */
  return async function createOrder(
    input: unknown,
    createdBy: string,
    createdById?: string,
  ): Promise<OrderCreated> {
    const sent = parseOr400(newOrderSchema, input, 'body');
    refuseOrderBeyondLimits(sent, config.orderLimits);
    const template = sent.template === undefined ? undefined : await latestTemplate(sent.template);
    const at = now();
    const { customer: _typed, customerId: _named, ...body } = sent;
    const order: NewOrder & { orderId: string } = {
      ...body,
      ...(await resolveCustomer(sent, at)),
      orderId: body.orderId ?? generateOrderId(at),
    };
    const { orderId } = order;
    const opened = await gateway
      .openOrder({
        order,
        template,
        // The calendar goes with the order, so its working-day deadlines never change under it.
        stallDefaults: { ...config.stallPolicy, calendar: config.workingCalendar.forOrderAt(at) },
        defaultForwarder: config.defaultForwarder,
        createdAt: at.toISOString(),
        createdBy,
        ...(createdById === undefined ? {} : { createdById }),
        // Kept with the order: a later change of the setting does not move its archiving.
        archiveAfter: config.archiveAfter,
      })
      .catch((err: unknown) => {
        // The order is started and waits for a worker: the same request with its id finds it.
        if (err instanceof ApiError && err.code === 'WORKERS_UNAVAILABLE')
          throw new ApiError(503, err.code, `${err.message}; the order is ${orderId}`, { orderId });
        throw err;
      });
    if ('archived' in opened) return { outcome: 'archived', orderId };
    return { outcome: opened.created ? 'created' : 'existing', orderId, order: await answers.opened(opened) };
  };
}

export type CreateOrder = ReturnType<typeof orderCreation>;
