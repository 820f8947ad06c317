import { z } from 'zod';
import { stageSchema } from '../stages';
import { emailSchema, text } from './common';

export const listOrdersQuerySchema = z
  .object({
    stage: stageSchema.optional(),
    stalled: z
      .enum(['true', 'false'])
      .transform((v) => v === 'true')
      .optional()
      .describe('Only stalled (true) or only moving (false) orders'),
    customer: text(200, 'Exact customer company name').optional(),
    accountManager: emailSchema.optional().describe("Account manager's email"),
    pageSize: z.coerce.number().int().min(1).max(200).default(50).describe('Page size, 1-200'),
    nextPageToken: z.string().min(1).max(4096).optional().describe('Token from the previous page'),
  })
  .describe('GET /orders query parameters');

export type ListOrdersQuery = z.infer<typeof listOrdersQuerySchema>;
