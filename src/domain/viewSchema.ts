/**
 * The order view, defined once: the type `OrderView` is inferred from this schema, `orderView()`
 * builds it from the state, the read model stores it, and the OpenAPI document is derived from it.
 * Kept out of the domain's index: the workflow only needs the type, and every schema here would
 * otherwise be built once more in every cached order.
 */
import { contractLineSchema, contractTradeFields } from './contractTerms';
import { moneySchema } from './money';
import { ORDER_EVENT_TYPES, paymentTermsSchema, quotationLineSchema } from './events';
import { BALANCE_DUE, templatePaymentPlanSchema } from './paymentPlan';
import { STEP_KEYS, STEP_STATUSES } from './processList';
import { DUE_WHEN } from './schedule';
import {
  accountManagerSchema,
  forwarderSchema,
  customerSchema,
  incotermSchema,
  paymentMethodSchema,
  productLineSchema,
} from './schemas/common';
import { inquirySchema } from './schemas/new-order';
import { DOCUMENT_KINDS, INSPECTION_KINDS } from './schemas/template';
import { OPEN_STAGES, stageSchema } from './stages';
import { EFFECT_KINDS, SYSTEM_EVENT_TYPES } from './types';
import { describe, z } from './zod';

const instant = z.string();
const nullableInstant = z.nullable(instant);
const nullableMoney = z.nullable(moneySchema);

export const timelineEntrySchema = describe(
  z.object({
    eventId: z.string(),
    type: z.enum([...ORDER_EVENT_TYPES, ...SYSTEM_EVENT_TYPES, 'ORDER_CREATED']),
    at: instant,
    actor: describe(z.string(), 'API token name, "system", or who sent a signal'),
    summary: z.string(),
  }),
  'One accepted event',
);

const quotationViewSchema = z.object({
  quotationNo: z.string(),
  incoterm: incotermSchema,
  namedPlace: z.string(),
  lines: z.array(quotationLineSchema),
  paymentTerms: paymentTermsSchema,
  validUntil: z.string(),
  leadTimeDays: z.number(),
  total: moneySchema,
  sentAt: instant,
  revisions: describe(z.number(), 'Quotations sent in all; 1 = no revision yet'),
});

const sampleRoundSchema = z.object({
  round: z.number(),
  courier: z.string(),
  trackingNo: z.string(),
  sentAt: instant,
  outcome: z.enum(['PENDING', 'APPROVED', 'REJECTED']),
  decidedAt: nullableInstant,
  feedback: z.nullable(z.string()),
});

const inspectionSchema = z.object({
  result: z.enum(['PASSED', 'FAILED']),
  inspector: z.string(),
  reportRef: z.nullable(z.string()),
  recordedAt: instant,
  kind: describe(
    z.optional(z.enum(INSPECTION_KINDS)),
    'Absent in inspections from before kinds: DURING_PRODUCTION',
  ),
  percentAtRecord: describe(z.optional(z.number()), 'Production percent when it was recorded'),
});

const stallPolicySchema = z.object({
  stageTimeLimits: z.record(z.enum(OPEN_STAGES), z.string()),
  repeatEvery: z.string(),
  escalateAfter: z.number(),
  escalateTo: z.nullable(z.string()),
  maxRemindersPerStage: z.optional(z.number()),
  calendar: describe(
    z.optional(z.object({ name: z.string(), timeZone: z.string() })),
    'The working calendar working-day limits ("3wd") count on',
  ),
});

const paymentPlanViewSchema = z.object({
  depositPercent: z.number(),
  balanceMethod: paymentMethodSchema,
  balanceDue: z.nullable(z.enum(BALANCE_DUE)),
  tenorDays: z.number(),
  shortPaymentTolerance: moneySchema,
});

const scheduledPaymentSchema = z.object({
  part: z.enum(['DEPOSIT', 'BALANCE']),
  method: paymentMethodSchema,
  dueWhen: z.enum(DUE_WHEN),
  dueDate: describe(z.nullable(z.string()), 'The date it falls due, once known'),
  amount: moneySchema,
  received: moneySchema,
  writtenOff: moneySchema,
  outstanding: moneySchema,
});

const letterOfCreditSchema = z.object({
  lcNo: z.string(),
  issuingBank: z.string(),
  amount: moneySchema,
  latestShipmentDate: z.string(),
  expiryDate: z.string(),
  presentationDays: z.number(),
  receivedAt: instant,
  amendments: z.number(),
  presentedAt: nullableInstant,
  presentingBank: z.nullable(z.string()),
  discrepancies: describe(z.array(z.string()), 'Open discrepancies'),
  honouredAt: nullableInstant,
});
const orderTemplateSchema = describe(
  z.nullable(
    z.object({
      name: z.string(),
      version: z.number(),
      sampleRequired: z.boolean(),
      paymentPlan: z.nullable(templatePaymentPlanSchema),
      incoterm: z.nullable(incotermSchema),
      inspectionsRequired: z.array(z.enum(INSPECTION_KINDS)),
      documentsRequired: z.array(z.enum(DOCUMENT_KINDS)),
    }),
  ),
  'The template version the order started from and its terms (null: none)',
);

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
  }),
  'One step of the order’s process list',
);

export const orderViewSchema = describe(
  z.object({
    orderId: z.string(),
    stage: stageSchema,
    status: z.enum(['OPEN', 'COMPLETED', 'CANCELLED']),
    customer: customerSchema,
    accountManager: accountManagerSchema,
    forwarder: z.nullable(forwarderSchema),
    inquiry: z.object({
      ...inquirySchema.shape,
      receivedAt: instant,
      products: z.array(productLineSchema),
    }),
    quotation: z.nullable(quotationViewSchema),
    sample: z.object({
      required: describe(z.nullable(z.boolean()), 'null until the quotation is accepted; false = waived'),
      rounds: z.number(),
      approved: z.boolean(),
      history: describe(z.array(sampleRoundSchema), 'The latest sample rounds'),
      waiver: describe(
        z.optional(z.object({ reason: z.string(), by: z.string(), at: instant })),
        'A manager waived the required sample',
      ),
    }),
    contract: z.nullable(
      z.object({
        contractNo: z.string(),
        totalAmount: moneySchema,
        depositPercent: z.number(),
        signedAt: instant,
        lines: describe(z.optional(z.array(contractLineSchema)), "The contract's lines, as amended"),
        trade: describe(
          z.optional(z.object(contractTradeFields)),
          "Ports, origin, marks, buyer address, equipment, the buyer's forwarder",
        ),
        amendments: describe(z.optional(z.number()), 'How many change orders (CONTRACT_AMENDED)'),
      }),
    ),
    payments: z.object({
      plan: describe(z.nullable(paymentPlanViewSchema), "The contract's payment plan"),
      terms: describe(z.nullable(z.string()), 'The payment terms as the invoice prints them'),
      depositRequired: nullableMoney,
      depositReceived: nullableMoney,
      depositWrittenOff: nullableMoney,
      balanceRequired: describe(nullableMoney, 'Contract total less the deposit received and written off'),
      balanceReceived: nullableMoney,
      balanceWrittenOff: nullableMoney,
      balanceDueDate: describe(z.nullable(z.string()), 'OA: B/L date + tenor; DA: the maturity date'),
      outstanding: describe(nullableMoney, 'Everything still owed: total less received less written off'),
      writtenOff: describe(nullableMoney, 'Everything written off (tolerance, bank charges, a manager)'),
      schedule: describe(z.array(scheduledPaymentSchema), 'Each part of the price and how far it is paid'),
      receipts: describe(
        z.array(
          z.object({
            kind: z.enum(['DEPOSIT', 'BALANCE']),
            amount: moneySchema,
            reference: z.string(),
            receivedAt: instant,
            valueDate: z.optional(z.string()),
          }),
        ),
        'The latest payments received',
      ),
      letterOfCredit: z.nullable(letterOfCreditSchema),
      presentationDeadline: describe(
        z.nullable(z.string()),
        'L/C: last day to present the documents, min(B/L date + presentation days, expiry)',
      ),
      collection: z.nullable(
        z.object({
          remittingBank: z.string(),
          collectingBank: z.nullable(z.string()),
          sentAt: instant,
          draftAcceptedAt: nullableInstant,
          maturityDate: z.nullable(z.string()),
          paidAt: nullableInstant,
        }),
      ),
      releaseApproval: describe(
        z.nullable(z.object({ approvedBy: z.string(), reason: z.string(), approvedAt: instant })),
        'A manager let the documents go before full payment',
      ),
    }),
    production: z.object({
      percent: z.number(),
      notes: describe(z.array(z.string()), 'The latest progress notes'),
      inspections: describe(z.array(inspectionSchema), 'The latest QC inspections'),
      completedAt: nullableInstant,
    }),
    shipping: z.object({
      collected: describe(
        z.optional(
          z.nullable(
            z.object({
              collectedBy: z.string(),
              vehicleOrContainer: z.nullable(z.string()),
              collectedAt: instant,
              collectedOn: z.string(),
            }),
          ),
        ),
        'EXW: the collection at our premises',
      ),
      insurance: describe(
        z.optional(
          z.nullable(
            z.object({
              policyNo: z.string(),
              insurer: z.string(),
              cover: z.enum(['ICC_A', 'ICC_B', 'ICC_C']),
              insuredAmount: moneySchema,
              arrangedAt: instant,
            }),
          ),
        ),
        'CIF/CIP: the cargo insurance',
      ),
      cargoReadyNoticeAt: describe(
        z.optional(nullableInstant),
        'F-terms and EXW: when the cargo-ready notice went',
      ),
      booking: z.object({
        requestedAt: nullableInstant,
        confirmed: z.nullable(
          z.object({
            forwarder: z.string(),
            vessel: z.string(),
            voyage: z.string(),
            etd: z.string(),
            containerNos: z.array(z.string()),
            confirmedAt: instant,
          }),
        ),
      }),
      customs: z.nullable(z.object({ declarationNo: z.string(), declaredAt: instant })),
      billOfLading: z.nullable(
        z.object({
          blNo: z.string(),
          blType: z.enum(['ORIGINAL', 'TELEX_RELEASE', 'SEA_WAYBILL']),
          issuedAt: instant,
          issuedOn: describe(z.string(), 'The B/L date'),
        }),
      ),
    }),
    documents: z.object({
      copiesSentAt: nullableInstant,
      confirmedAt: nullableInstant,
      dispatchedAt: describe(nullableInstant, 'When the originals were released to the buyer'),
      releasedVia: describe(z.nullable(z.enum(['DIRECT', 'BANK'])), 'By our email, or through the banks'),
      goodsReleasedAt: nullableInstant,
      release: describe(
        z.object({
          telexRequestedAt: describe(
            nullableInstant,
            'When the telex-release request left for the forwarder',
          ),
          telexConfirmedAt: describe(nullableInstant, 'When the forwarder confirmed the telex release'),
          originals: describe(
            z.nullable(z.object({ courier: z.string(), trackingNo: z.string(), sentAt: instant })),
            'The original B/Ls couriered to the buyer',
          ),
        }),
        'The B/L release on our route: a telex release (TELEX_RELEASE B/L) or couriered originals (ORIGINAL B/L)',
      ),
      items: z.array(
        z.object({
          kind: z.enum(['COMMERCIAL_INVOICE', 'PACKING_LIST', 'BILL_OF_LADING']),
          reference: z.string(),
        }),
      ),
    }),
    cancellation: z.nullable(
      z.object({
        reason: z.string(),
        cancelledAt: instant,
        notifiedAt: nullableInstant,
        depositHandling: z.nullable(z.enum(['REFUND', 'FORFEIT', 'CREDIT_NOTE'])),
      }),
    ),
    stalled: z.boolean(),
    hold: describe(
      z.optional(z.nullable(z.object({ reason: z.string(), since: instant, by: z.string() }))),
      'Set while the order is on hold: no stall reminders',
    ),
    heldInStage: describe(
      z.optional(z.object({ ms: z.number(), workingMs: z.number() })),
      'Time the current stage spent on hold: its deadline moved by it',
    ),
    stageEnteredAt: instant,
    stageDeadline: describe(nullableInstant, 'When the stall reminder fires; null once closed'),
    remindersSent: z.number(),
    timeline: describe(z.array(timelineEntrySchema), 'The latest entries; GET /orders/{id}/timeline has all'),
    timelineTotal: describe(z.number(), 'How many events the order has taken (its timeline length)'),
    failedEffects: z.array(z.object({ effect: z.enum(EFFECT_KINDS), error: z.string(), failedAt: instant })),
    rejectedEvents: describe(
      z.array(
        z.object({
          eventId: z.nullable(z.string()),
          type: z.string(),
          at: instant,
          actor: z.string(),
          reason: z.string(),
        }),
      ),
      'The latest signals the order turned down',
    ),
    policy: stallPolicySchema,
    template: orderTemplateSchema,
    createdAt: instant,
    updatedAt: instant,
    closedAt: nullableInstant,
    allowedEvents: describe(z.array(z.enum(ORDER_EVENT_TYPES)), 'Events that fit the order now'),
    processList: describe(
      z.array(processStepSchema),
      "The order's checklist: the steps its terms and template call for, in stage order",
    ),
    amountOutstanding: describe(nullableMoney, 'What the customer still owes on the contract'),
  }),
  'The order view (more fields may be added)',
);

export type OrderView = z.output<typeof orderViewSchema>;
