import { Router, type Request } from 'express';
import {
  changesCredit,
  customerBodySchema,
  customerFields,
  customerIdSchema,
  newCustomerSchema,
  type CustomerRecord,
} from '../../domain/customers';
import { line } from '../../domain/schemas/common';
import { describe, z } from '../../domain/zod';
import { CustomerIdTakenError, limitCurrency } from '../../readModel/customers';
import type { ReadModel } from '../../readModel/types';
import { callerOf, requireRole, roleRefusal, type Caller } from '../auth';
import { ApiError } from '../errors';
import { fromReadModel } from '../readModelErrors';
import { parseOr400 } from '../validate';
import { requireJsonBody, route } from './handlers';

export interface CustomerRoutesDeps {
  readModel: ReadModel;
  now?: () => Date;
}

export const listCustomersQuerySchema = describe(
  z.strictObject({
    q: describe(
      // A line as the orders' search takes it: no control characters (PostgreSQL refuses a NUL).
      z.optional(line(200, 'Search text')),
      'Part of the company name (either) or of the email, case-insensitive',
    ),
    pageSize: describe(
      z._default(z.coerce.number().check(z.int(), z.minimum(1), z.maximum(200)), 50),
      'Page size, 1-200',
    ),
    nextPageToken: describe(
      z.optional(z.string().check(z.minLength(1), z.maxLength(4096))),
      'Token from the previous page',
    ),
  }),
  'GET /customers query parameters',
);

export const customerNotFound = (id: string) => new ApiError(404, 'CUSTOMER_NOT_FOUND', `no customer ${id}`);

const customerExists = (id: string, why: string) =>
  new ApiError(409, 'CUSTOMER_EXISTS', `customer ${id} ${why}`, { customerId: id });

function idParam(req: Request): string {
  const parsed = customerIdSchema.safeParse(req.params.customerId);
  if (!parsed.success) throw customerNotFound(String(req.params.customerId));
  return parsed.data;
}

/** Only a manager sets or changes a customer's credit limit and insurance. */
function refuseCreditChange(
  caller: Caller,
  before: CustomerRecord | null,
  body: Parameters<typeof changesCredit>[1],
) {
  if (!changesCredit(before, body)) return;
  const refused = roleRefusal(caller, 'manager', 'setting creditLimit or insurance');
  if (refused) throw refused;
}

/**
 * Customer records: every role reads them, ops and above write them, managers own their credit
 * terms. A new customer whose company name (normalised) or email another record has is that
 * record: 409 CUSTOMER_EXISTS names it.
 */
export function customerRoutes({ readModel, now = () => new Date() }: CustomerRoutesDeps): Router {
  const router = Router();

  router.get(
    '/customers',
    route(async (req, res) => {
      const { q, pageSize, nextPageToken } = parseOr400(listCustomersQuerySchema, req.query, 'query');
      const page = await fromReadModel(
        () => readModel.listCustomers({ ...(q ? { q } : {}), pageSize, pageToken: nextPageToken }),
        'nextPageToken',
      );
      res.json(page);
    }),
  );

  router.post(
    '/customers',
    requireRole('ops'),
    route(async (req, res) => {
      requireJsonBody(req);
      const { id, ...body } = parseOr400(newCustomerSchema, req.body, 'body');
      refuseCreditChange(callerOf(res.locals), null, body);
      const stored = await fromReadModel(() =>
        readModel.createCustomer(id, customerFields(body), now()),
      ).catch((err: unknown) => {
        if (err instanceof CustomerIdTakenError) throw customerExists(err.customerId, 'exists');
        throw err;
      });
      if ('duplicateOf' in stored)
        throw customerExists(stored.duplicateOf, 'has the same company name or email');
      res
        .status(201)
        .location(`/customers/${encodeURIComponent(stored.id)}`)
        .json(stored);
    }),
  );

  router.get(
    '/customers/:customerId',
    route(async (req, res) => {
      const id = idParam(req);
      const customer = await fromReadModel(() => readModel.getCustomer(id));
      if (!customer) throw customerNotFound(id);
      const account = await fromReadModel(() => readModel.customerAccount(id));
      const currency = limitCurrency(customer);
      const credit =
        currency === null
          ? null
          : {
              exposure: await fromReadModel(() => readModel.creditExposure(id, currency)),
              creditLimit: customer.creditLimit,
              insuredLimit: customer.insurance?.limit ?? null,
            };
      res.json({ ...customer, ...account, credit });
    }),
  );

  router.put(
    '/customers/:customerId',
    requireRole('ops'),
    route(async (req, res) => {
      const id = idParam(req);
      requireJsonBody(req);
      const body = parseOr400(customerBodySchema, req.body, 'body');
      const caller = callerOf(res.locals);
      const stored = await fromReadModel(() =>
        readModel.updateCustomer(
          id,
          (before) => {
            refuseCreditChange(caller, before, body);
            return customerFields(body, before);
          },
          now(),
        ),
      );
      if (!stored) throw customerNotFound(id);
      if ('duplicateOf' in stored)
        throw customerExists(stored.duplicateOf, 'has the same company name or email');
      res.json(stored);
    }),
  );

  return router;
}
