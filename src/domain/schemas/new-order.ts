import { describe, z } from '../zod';
import { durationSchema, stageLimitSchema } from '../duration';
import { OPEN_STAGES } from '../stages';
import { customerIdSchema } from '../customers';
import {
  INQUIRY_CHANNELS,
  accountManagerSchema,
  calendarDateSchema,
  forwarderSchema,
  customerSchema,
  emailSchema,
  type Customer,
  instantSchema,
  productLineSchema,
  templateNameSchema,
  text,
} from './common';

export const orderIdSchema = describe(
  z.string().check(z.regex(/^[A-Za-z0-9._-]{3,64}$/, '3-64 characters of A-Z a-z 0-9 - _ .')),
  'Order id, also the Temporal workflow id',
);

export const inquirySchema = describe(
  z.strictObject({
    channel: describe(z.enum(INQUIRY_CHANNELS), 'Where the inquiry came from'),
    receivedAt: describe(z.optional(instantSchema), 'When the inquiry arrived; defaults to now'),
    products: describe(
      z.array(productLineSchema).check(z.minLength(1), z.maxLength(200)),
      '1-200 requested products',
    ),
    requestedDelivery: describe(z.optional(calendarDateSchema), 'Delivery date the customer asks for'),
    notes: z.optional(text(2000, 'Free-text notes')),
  }),
  'The inquiry that starts the order',
);

/** Partial: stages not listed keep the configured default. */
export const stageTimeLimitsSchema = describe(
  z.partialRecord(z.enum(OPEN_STAGES), stageLimitSchema),
  'Per-stage time limits overriding the defaults, e.g. {"INQUIRY":"24h","DEPOSIT":"7d","PRODUCTION":"30wd"}',
);

export const reminderPolicySchema = describe(
  z.strictObject({
    repeatEvery: describe(z.optional(durationSchema), 'Interval between reminders while a stage is stalled'),
    escalateAfter: describe(
      z.optional(z.int().check(z.minimum(0), z.maximum(100))),
      'Number of reminders in a stage after which the escalation address is copied',
    ),
    escalateTo: describe(
      z.optional(z.nullable(emailSchema)),
      'Escalation address; null switches escalation off',
    ),
  }),
  'Stall reminder policy overriding the defaults',
);

export const newOrderSchema = describe(
  z
    .strictObject({
      orderId: z.optional(orderIdSchema),
      customer: describe(
        z.optional(customerSchema),
        'The buying customer as typed in; links to (or creates) the matching customer record. Exactly one of customer and customerId',
      ),
      customerId: describe(
        z.optional(customerIdSchema),
        'The customer record (GET /customers) the order is for. Exactly one of customer and customerId',
      ),
      accountManager: accountManagerSchema,
      inquiry: inquirySchema,
      forwarder: describe(
        z.optional(forwarderSchema),
        'Freight forwarder receiving the booking request; the configured default when absent',
      ),
      stageTimeLimits: z.optional(stageTimeLimitsSchema),
      reminderPolicy: z.optional(reminderPolicySchema),
      template: describe(
        z.optional(templateNameSchema),
        "Process template (GET /templates) whose latest version gives the order's defaults; the order's own settings win",
      ),
    })
    .check(
      z.superRefine((order, ctx) => {
        if ((order.customer === undefined) === (order.customerId === undefined))
          ctx.addIssue({
            code: 'custom',
            path: [order.customer === undefined ? 'customer' : 'customerId'],
            message: 'exactly one of customer and customerId',
            input: order,
          });
      }),
    ),
  'POST /orders body: a new inquiry starts an order',
);

/** A POST /orders body as sent: the customer inline or by its record's id. */
export type NewOrderBody = z.infer<typeof newOrderSchema>;
/** An order as it is opened: its customer resolved (from the record, or as sent) and, where known, linked. */
export type NewOrder = Omit<NewOrderBody, 'customer' | 'customerId'> & {
  customer: Customer;
  customerId?: string;
};
export type Inquiry = z.infer<typeof inquirySchema>;
export type StageTimeLimitOverrides = z.infer<typeof stageTimeLimitsSchema>;
export type ReminderPolicyOverrides = z.infer<typeof reminderPolicySchema>;
