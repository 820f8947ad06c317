import { describe, z } from '../zod';
import { stageSchema } from '../stages';
import { emailSchema, line } from './common';

export const listOrdersQuerySchema = describe(
  z.object({
    stage: z.optional(stageSchema),
    stalled: describe(
      z.optional(
        z.pipe(
          z.enum(['true', 'false']),
          z.transform((v: 'true' | 'false') => v === 'true'),
        ),
      ),
      'Only stalled (true) or only moving (false) orders',
    ),
    customer: z.optional(line(200, 'Exact customer company name')),
    accountManager: describe(z.optional(emailSchema), "Account manager's email"),
    pageSize: describe(
      z._default(z.coerce.number().check(z.int(), z.minimum(1), z.maximum(200)), 50),
      'Page size, 1-200',
    ),
    nextPageToken: describe(
      z.optional(z.string().check(z.minLength(1), z.maxLength(4096))),
      'Token from the previous page',
    ),
  }),
  'GET /orders query parameters',
);

export type ListOrdersQuery = z.infer<typeof listOrdersQuerySchema>;
