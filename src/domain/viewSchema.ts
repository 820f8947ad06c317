/**
 * The order view, derived from the state's schema (./state): the state less the reducer's own
 * bookkeeping, with the view's own fields added, as `orderView()` builds it. The type `OrderView`
 * is inferred from this schema, the read model stores the view, and the OpenAPI document is
 * derived from it. Kept out of the domain's index: the workflow only needs the type.
 */
import { EFFECT_KINDS, SYSTEM_EVENT_TYPES } from './effectKinds';
import { ORDER_EVENT_TYPES } from './events';
import { moneySchema } from './money';
import { STEP_STATUSES } from './processList';
import { DUE_WHEN } from './schedule';
import { paymentMethodSchema } from './schemas/common';
import { OPEN_STAGES } from './stages';
import {
  COST_KINDS,
  PAYMENT_PARTS,
  STEP_KEYS,
  failedEffectSchema,
  orderStateSchema,
  orderTemplateSchema,
  paymentsSchema,
  rebateSchema,
  stallPolicySchema,
  timelineEntrySchema as storedTimelineEntrySchema,
  warningsSchema,
  workingCalendarSchema,
} from './state';
import { instant, nullableMoney } from './state/common';
import { describe, describeCopy, z } from './zod';
import { lcDrawnSchema, shipmentsClosedSchema, shipmentViewSchema } from './shipments/viewSchema';

/** The view names the event types the state keeps as text. */
export const timelineEntrySchema = describe(
  z.extend(storedTimelineEntrySchema, {
    type: z.enum([...ORDER_EVENT_TYPES, ...SYSTEM_EVENT_TYPES, 'ORDER_CREATED']),
  }),
  'One accepted event',
);

/** The view names the effect kinds the state keeps as text. */
const failedEffectViewSchema = z.extend(failedEffectSchema, { effect: z.enum(EFFECT_KINDS) });

const scheduledPaymentSchema = z.object({
  part: z.enum(PAYMENT_PARTS),
  method: paymentMethodSchema,
  dueWhen: z.enum(DUE_WHEN),
  dueDate: describe(z.nullable(z.string()), 'The date it falls due, once known'),
  amount: moneySchema,
  received: moneySchema,
  writtenOff: moneySchema,
  outstanding: moneySchema,
  /** Shipments in parts: the balance has an entry per shipment. */
  shipmentId: describe(z.optional(z.string()), 'The shipment whose share of the balance it is'),
});

const processStepSchema = describe(
  z.object({
    key: describe(z.enum(STEP_KEYS), "The step's key: the template's guidance is keyed by it"),
    stage: z.enum(OPEN_STAGES),
    title: z.string(),
    status: describe(
      z.enum(STEP_STATUSES),
      'DONE; PENDING (can be done now, or comes later); BLOCKED (its stage is current but something must happen first); SKIPPED',
    ),
    dueAt: describe(z.optional(instant), 'The stage deadline, or the payment due date'),
    doneAt: z.optional(instant),
    actor: z.optional(z.string()),
    guidance: describe(z.optional(z.string()), "The template's key points for this step"),
    shipmentId: describe(z.optional(z.string()), 'Shipments in parts: the shipment the step is for'),
    shipmentNo: describe(z.optional(z.number()), 'Its position among the shipments (1-based)'),
  }),
  'One step of the order’s process list',
);

/** The payments, with what the view works out from them. */
const paymentsViewSchema = z.extend(paymentsSchema, {
  terms: describe(z.nullable(z.string()), 'The payment terms as the invoice prints them'),
  outstanding: describeCopy(nullableMoney, 'Everything still owed: total less received less written off'),
  writtenOff: describeCopy(nullableMoney, 'Everything written off (tolerance, bank charges, a manager)'),
  schedule: describe(z.array(scheduledPaymentSchema), 'Each part of the price and how far it is paid'),
  presentationDeadline: describe(
    z.nullable(z.string()),
    'L/C: last day to present the documents, min(B/L date + presentation days, expiry)',
  ),
  lcDrawn: lcDrawnSchema,
});

/** What can be taken back now: the events EVENT_CORRECTED, PAYMENT_REVERSED and EVENT_UNDONE may name. */
const takeBackSchema = describe(
  z.object({
    correctable: z.array(
      z.object({
        eventId: z.string(),
        type: z.enum(ORDER_EVENT_TYPES),
        at: instant,
        fields: describe(z.array(z.string()), 'The fields a correction may change'),
        needsManager: describe(
          z.boolean(),
          'A customer, forwarder or bank has seen them: a manager corrects them',
        ),
      }),
    ),
    reversiblePayments: z.array(
      z.object({ eventId: z.string(), amount: moneySchema, reference: z.string() }),
    ),
    undoable: describe(
      z.nullable(z.object({ eventId: z.string(), type: z.enum(ORDER_EVENT_TYPES) })),
      'The latest stage move, while nothing irreversible followed it',
    ),
  }),
  'What a correction, a reversal or an undo may name now',
);

/** The calendar's dates and zone offsets stay in the state: the view names it. */
const policyViewSchema = z.extend(stallPolicySchema, {
  calendar: describe(
    z.optional(z.pick(workingCalendarSchema, { name: true, timeZone: true })),
    'The working calendar working-day limits ("3wd") count on',
  ),
});

/** The guidance reaches people through the process list, not in every answer. */
const templateViewSchema = describe(
  z.nullable(z.omit(orderTemplateSchema, { guidance: true })),
  'The template version the order started from and its terms (null: none)',
);

const rebateTermSchema = z.object({ base: moneySchema, rate: z.string() });
const rebateExplanationSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('TRADING'), terms: z.array(rebateTermSchema) }),
  z.object({
    kind: z.literal('MANUFACTURER'),
    fob: moneySchema,
    fx: z.string(),
    fobCny: moneySchema,
    terms: z.array(rebateTermSchema),
  }),
  z.object({ kind: z.literal('NO_RATE'), lineNo: z.number() }),
  z.object({ kind: z.enum(['NO_INVOICES', 'NO_FX', 'NO_CONTRACT', 'NOT_APPLICABLE']) }),
]);

/** The rebate with what the view works out from it: the contract's `rate`, `expected`, `status`, `deadline`, `received`. */
const rebateViewSchema = describe(
  z.nullable(
    z.extend(rebateSchema, {
      rate: describe(
        z.nullable(z.string()),
        'The effective rebate rate (a fraction, e.g. "0.13"); per line in `lines`',
      ),
      expected: describeCopy(
        nullableMoney,
        'The expected rebate in CNY; null while a rate or base is missing',
      ),
      formula: describe(z.string(), 'How `expected` is worked out, with its figures, in English'),
      explanation: describe(
        z.nullable(rebateExplanationSchema),
        'The figures of the formula, for a reader in another language',
      ),
    }),
  ),
  'The export VAT rebate (出口退税); null while nothing was exported by a company that claims it',
);

const moneyInCnySchema = describe(
  z.object({
    revenue: describeCopy(moneySchema, 'Settled receipts and receipts in CNY'),
    rebate: describeCopy(moneySchema, 'The rebate counted: received, else expected'),
    rebateBasis: z.enum(['RECEIVED', 'EXPECTED', 'NONE']),
    costs: moneySchema,
    costsByKind: z.partialRecord(z.enum(COST_KINDS), moneySchema),
    profit: moneySchema,
    fxGainLoss: describeCopy(
      nullableMoney,
      "Gain (or loss) of the settlements against the contract date's rate",
    ),
    unsettled: describe(z.array(moneySchema), 'Receipts in foreign currency not settled yet, per currency'),
  }),
  "The order's money in CNY: profit = revenue + rebate − costs",
);

export const orderViewSchema = describe(
  z.extend(
    z.omit(orderStateSchema, {
      remindersSentInStage: true,
      eventKeys: true,
      clientEventCount: true,
      noteCount: true,
      steps: true,
      rulesVersion: true,
      corrections: true,
      shipments: true,
    }),
    {
      payments: paymentsViewSchema,
      failedEffects: z.array(failedEffectViewSchema),
      timeline: describe(
        z.array(timelineEntrySchema),
        'The latest entries; GET /orders/{id}/timeline has all',
      ),
      policy: policyViewSchema,
      template: templateViewSchema,
      allowedEvents: describe(z.array(z.enum(ORDER_EVENT_TYPES)), 'Events that fit the order now'),
      processList: describe(
        z.array(processStepSchema),
        "The order's checklist: the steps its terms and template call for, in stage order",
      ),
      amountOutstanding: describeCopy(nullableMoney, 'What the customer still owes on the contract'),
      warnings: warningsSchema,
      corrections: takeBackSchema,
      shipments: describe(z.array(shipmentViewSchema), 'The shipments, each with its share of the balance'),
      shipmentsClosed: shipmentsClosedSchema,
      rebate: rebateViewSchema,
      profit: describeCopy(
        nullableMoney,
        'Profit in CNY: settled revenue + rebate − costs (null before the contract)',
      ),
      cny: describe(z.nullable(moneyInCnySchema), 'The parts of the profit (null before the contract)'),
    },
  ),
  'The order view (more fields may be added)',
);

export type OrderView = z.output<typeof orderViewSchema>;
