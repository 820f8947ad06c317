import { z } from 'zod';
import { durationSchema } from '../duration';
import { OPEN_STAGES } from '../stages';
import {
  INQUIRY_CHANNELS,
  calendarDateSchema,
  contactSchema,
  customerSchema,
  emailSchema,
  instantSchema,
  productLineSchema,
  text,
} from './common';

export const orderIdSchema = z
  .string()
  .regex(/^[A-Za-z0-9._-]{3,64}$/, '3-64 characters of A-Z a-z 0-9 - _ .')
  .describe('Order id, also the Temporal workflow id');

export const inquirySchema = z
  .object({
    channel: z.enum(INQUIRY_CHANNELS).describe('Where the inquiry came from'),
    receivedAt: instantSchema.optional().describe('When the inquiry arrived; defaults to now'),
    products: z.array(productLineSchema).min(1).max(200).describe('1-200 requested products'),
    requestedDelivery: calendarDateSchema.optional().describe('Delivery date the customer asks for'),
    notes: text(2000, 'Free-text notes').optional(),
  })
  .describe('The inquiry that starts the order');

/** Partial: stages not listed keep the configured default. */
export const stageTimeLimitsSchema = z
  .partialRecord(z.enum(OPEN_STAGES), durationSchema)
  .describe('Per-stage time limits overriding the defaults, e.g. {"INQUIRY":"24h","DEPOSIT":"7d"}');

export const reminderPolicySchema = z
  .object({
    repeatEvery: durationSchema.optional().describe('Interval between reminders while a stage is stalled'),
    escalateAfter: z
      .number()
      .int()
      .min(0)
      .max(100)
      .optional()
      .describe('Number of reminders in a stage after which the escalation address is copied'),
    escalateTo: emailSchema
      .nullable()
      .optional()
      .describe('Escalation address; null switches escalation off'),
  })
  .describe('Stall reminder policy overriding the defaults');

export const newOrderSchema = z
  .object({
    orderId: orderIdSchema.optional(),
    customer: customerSchema,
    accountManager: contactSchema.describe('Account manager who owns the order and receives reminders'),
    inquiry: inquirySchema,
    forwarder: contactSchema
      .optional()
      .describe('Freight forwarder receiving the booking request; the configured default when absent'),
    stageTimeLimits: stageTimeLimitsSchema.optional(),
    reminderPolicy: reminderPolicySchema.optional(),
  })
  .describe('POST /orders body: a new inquiry starts an order');

export type NewOrder = z.infer<typeof newOrderSchema>;
export type Inquiry = z.infer<typeof inquirySchema>;
export type StageTimeLimitOverrides = z.infer<typeof stageTimeLimitsSchema>;
export type ReminderPolicyOverrides = z.infer<typeof reminderPolicySchema>;
