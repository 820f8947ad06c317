import { describe, z } from '../zod';
import { stageSchema } from '../stages';
import { emailSchema, line } from './common';
import { format as exportFormat } from './reports';

const flag = (description: string) =>
  describe(
    z.optional(
      z.pipe(
        z.enum(['true', 'false']),
        z.transform((v: 'true' | 'false') => v === 'true'),
      ),
    ),
    description,
  );

export const ORDER_SORTS = ['updatedAt', '-updatedAt', 'stageDeadline'] as const;

export const listOrdersQuerySchema = describe(
  z.object({
    stage: z.optional(stageSchema),
    stalled: flag('Only stalled (true) or only moving (false) orders'),
    customer: z.optional(line(200, "The customer's company name, exactly (contract v1)")),
    customerPart: z.optional(line(200, "Part of the customer's company name (case-insensitive)")),
    accountManager: describe(z.optional(emailSchema), "Account manager's email"),
    accountManagerName: z.optional(line(200, "Part of the account manager's name (case-insensitive)")),
    q: describe(
      z.optional(line(200, 'Search text')),
      'Part of a number or name the order is known by (case-insensitive; % and _ match themselves): ' +
        'order id, contract, invoice and other document numbers, B/L, container, customs declaration ' +
        'and L/C numbers, customer company or contact, account manager name or email, product description',
    ),
    outstanding: flag('Only orders with money still due (true), or none due (false)'),
    overdue: flag('Only orders with a payment past its due date (true), or none (false)'),
    template: z.optional(line(100, 'Process template name')),
    sort: describe(
      z._default(z.enum(ORDER_SORTS), '-updatedAt'),
      'updatedAt, -updatedAt (newest first, the default) or stageDeadline (soonest first)',
    ),
    pageSize: describe(
      z._default(z.coerce.number().check(z.int(), z.minimum(1), z.maximum(200)), 50),
      'Page size, 1-200',
    ),
    nextPageToken: describe(
      z.optional(z.string().check(z.minLength(1), z.maxLength(4096))),
      'Token from the previous page',
    ),
    format: exportFormat,
  }),
  'GET /orders query parameters',
);

export type ListOrdersQuery = z.infer<typeof listOrdersQuerySchema>;

export const timelineQuerySchema = describe(
  z.object({
    cursor: describe(
      z.optional(z.string().check(z.minLength(1), z.maxLength(512))),
      'Cursor from the previous page',
    ),
    limit: describe(
      z._default(z.coerce.number().check(z.int(), z.minimum(1), z.maximum(200)), 50),
      'Entries per page, 1-200',
    ),
  }),
  'GET /orders/{orderId}/timeline query parameters',
);
