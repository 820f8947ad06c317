/** What an order keeps of the process template it started from. */
import { DOCUMENT_KINDS } from '../documentKinds';
import { templatePaymentPlanSchema } from '../paymentPlan';
import { incotermSchema } from '../schemas/common';
import { z } from '../zod';
import { INSPECTION_KINDS } from './production';

/**
 * Which template version the order started with, and the terms the process list and the gates
 * follow, for the order's whole life. Its stage limits and reminder policy are not kept here: they
 * are merged into the order's policy when it starts.
 */
export const orderTemplateSchema = z.object({
  name: z.string(),
  version: z.number(),
  sampleRequired: z.boolean(),
  paymentPlan: z.nullable(templatePaymentPlanSchema),
  incoterm: z.nullable(incotermSchema),
  inspectionsRequired: z.array(z.enum(INSPECTION_KINDS)),
  documentsRequired: z.array(z.enum(DOCUMENT_KINDS)),
  /** Step key to key points (bounded: GUIDANCE_LIMITS). */
  guidance: z.record(z.string(), z.string()),
});
export type OrderTemplate = z.output<typeof orderTemplateSchema>;
