import { z } from 'zod';
import { stageSchema } from '../stages';
import { emailSchema } from './common';

export const listOrdersQuerySchema = z
  .object({
    stage: stageSchema.optional(),
    stalled: z
      .enum(['true', 'false'])
      .transform((v) => v === 'true')
      .optional()
      .describe('Only stalled (true) or only moving (false) orders'),
    customer: z.string().min(1).max(200).optional().describe('Exact customer company name'),
    accountManager: emailSchema.optional().describe("Account manager's email"),
    pageSize: z.coerce.number().int().min(1).max(200).default(50).describe('Page size, 1-200'),
    nextPageToken: z.string().min(1).max(4096).optional().describe('Token from the previous page'),
  })
  .describe('GET /orders query parameters');

export type ListOrdersQuery = z.infer<typeof listOrdersQuerySchema>;
