/** What the customer owes and paid: the plan, the ledger, and the bank instruments behind it. */
import { PARTIAL_OR_TRANSHIPMENT } from '../mt700';
import { moneySchema } from '../money';
import { BALANCE_DUE, type PaymentPlan } from '../paymentPlan';
import { paymentMethodSchema } from '../schemas/common';
import { describe, describeCopy, z } from '../zod';
import { instant, nullableInstant, nullableMoney } from './common';
import { settlementSchema } from './finance';

/** The two parts of the price. */
export const PAYMENT_PARTS = ['DEPOSIT', 'BALANCE'] as const;
export type PaymentPart = (typeof PAYMENT_PARTS)[number];

/** The contract's plan as the state keeps it (its type is paymentPlan.ts's). */
export const paymentPlanSchema: z.ZodMiniType<PaymentPlan> = z.object({
  depositPercent: z.number(),
  balanceMethod: paymentMethodSchema,
  balanceDue: z.nullable(z.enum(BALANCE_DUE)),
  tenorDays: z.number(),
  shortPaymentTolerance: moneySchema,
});

export const paymentReceiptSchema = z.object({
  kind: z.enum(PAYMENT_PARTS),
  amount: moneySchema,
  reference: z.string(),
  receivedAt: instant,
  /** The value date the bank gave, when known. */
  valueDate: z.optional(z.string()),
  /** The event that recorded it (absent in orders from before corrections). */
  eventId: z.optional(z.string()),
  /** Where the money went, so a reversal takes back exactly that. */
  allocation: z.optional(
    z.object({
      depositReceived: moneySchema,
      balanceReceived: moneySchema,
      depositWrittenOff: moneySchema,
      balanceWrittenOff: moneySchema,
    }),
  ),
  /** The bank's FX settlement of the receipt (on the receipt, or FX_SETTLED later). */
  settlement: describe(z.optional(settlementSchema), 'FX settlement (结汇): its rate and CNY amount'),
  /** Set by PAYMENT_REVERSED: the money counts as not received. */
  reversed: describe(
    z.optional(z.object({ eventId: z.string(), at: instant, by: z.string(), reason: z.string() })),
    'The reversal that took this payment back',
  ),
});
export type PaymentReceipt = z.output<typeof paymentReceiptSchema>;

/** The letter of credit an `LC` order is paid under. */
/** What the MT700 says beyond the fields the order always has (src/domain/mt700.ts reads it). */
export const creditTermsSchema = z.object({
  issueDate: z.string(),
  expiryPlace: z.string(),
  tolerance: z.nullable(z.object({ plusPercent: z.number(), minusPercent: z.number() })),
  partialShipments: z.nullable(z.enum(PARTIAL_OR_TRANSHIPMENT)),
  transhipment: z.nullable(z.enum(PARTIAL_OR_TRANSHIPMENT)),
  shipmentPeriod: z.nullable(z.string()),
  portOfLoading: z.nullable(z.string()),
  portOfDischarge: z.nullable(z.string()),
  goodsDescription: z.string(),
  documentsRequired: z.nullable(z.string()),
  additionalConditions: z.nullable(z.string()),
});
export type CreditTermsState = z.output<typeof creditTermsSchema>;

export const letterOfCreditSchema = z.object({
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
  /** Empty when none are open. */
  discrepancies: describe(z.array(z.string()), 'Open discrepancies'),
  honouredAt: nullableInstant,
  /** Absent in credits typed in by hand (and in orders from before): what lc-check reads beyond the dates. */
  terms: describe(z.optional(creditTermsSchema), 'The credit terms read from its MT700'),
});
export type LetterOfCredit = z.output<typeof letterOfCreditSchema>;

/** Documents sent through the banks for collection (`DP`, `DA`). */
export const collectionSchema = z.object({
  remittingBank: z.string(),
  collectingBank: z.nullable(z.string()),
  sentAt: instant,
  draftAcceptedAt: nullableInstant,
  maturityDate: z.nullable(z.string()),
  paidAt: nullableInstant,
});
export type Collection = z.output<typeof collectionSchema>;

export const releaseApprovalSchema = z.object({
  approvedBy: z.string(),
  reason: z.string(),
  approvedAt: instant,
});
export type ReleaseApproval = z.output<typeof releaseApprovalSchema>;

export const paymentsSchema = z.object({
  plan: describe(z.nullable(paymentPlanSchema), "The contract's payment plan"),
  depositRequired: nullableMoney,
  depositReceived: nullableMoney,
  depositWrittenOff: nullableMoney,
  /** Follows every deposit payment. */
  balanceRequired: describeCopy(nullableMoney, 'Contract total less the deposit received and written off'),
  balanceReceived: nullableMoney,
  balanceWrittenOff: nullableMoney,
  /** When the balance falls due by date. */
  balanceDueDate: describe(z.nullable(z.string()), 'OA: B/L date + tenor; DA: the maturity date'),
  receipts: describe(z.array(paymentReceiptSchema), 'The latest payments received'),
  letterOfCredit: z.nullable(letterOfCreditSchema),
  collection: z.nullable(collectionSchema),
  /** Every receipt's CNY (settled, or received in CNY) less reversals: the order's revenue; absent: none yet. */
  revenueCny: describe(z.optional(moneySchema), 'Revenue in CNY: settled receipts and receipts in CNY'),
  /** The settlements' gain (or loss) against the contract date's rate, where one was recorded. */
  fxGainLossCny: describe(z.optional(moneySchema), "FX gain or loss against the contract date's rate"),
  /** Also a sea waybill before full payment. */
  releaseApproval: describe(
    z.nullable(releaseApprovalSchema),
    'A manager let the documents go before full payment',
  ),
});
export type PaymentsState = z.output<typeof paymentsSchema>;
