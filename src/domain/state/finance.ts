/**
 * Money after the ship sails, as the order keeps it: the credit it was given, its costs, and the
 * export VAT rebate. Receipts keep their own FX settlement (./payments.ts). Every list here is
 * bounded: totals per kind, not every cost (the read model's timeline keeps each).
 */
import { moneySchema } from '../money';
import { describe, z } from '../zod';
import { instant } from './common';

export const COST_KINDS = ['PURCHASE', 'FREIGHT', 'INSURANCE', 'BANK', 'OTHER'] as const;
export type CostKind = (typeof COST_KINDS)[number];

/** A bank's FX settlement (结汇) of one receipt: its rate and the CNY it came to. */
export const settlementSchema = z.object({
  rate: describe(z.string(), 'CNY per unit of the receipt currency, as the bank settled it'),
  cnyAmount: moneySchema,
  settledOn: z.string(),
});
export type Settlement = z.output<typeof settlementSchema>;

export const creditInsuranceSchema = z.object({
  insurer: z.string(),
  policyNo: z.string(),
  limit: moneySchema,
  declarationDays: z.number(),
});

/** One shipment declared to the credit insurer. */
export const insurerDeclarationSchema = z.object({
  shipmentId: z.string(),
  declaredOn: z.string(),
  reference: z.nullable(z.string()),
});

export const creditSchema = z.object({
  /** A manager's approval to sign beyond the customer's limits (CREDIT_APPROVED). */
  approval: z.nullable(z.object({ by: z.string(), reason: z.string(), at: instant })),
  /** The customer's insurance when the contract was signed under credit terms. */
  insurance: z.nullable(creditInsuranceSchema),
  declarations: describe(z.array(insurerDeclarationSchema), 'Shipments declared to the credit insurer'),
  /** Shipments the account manager was reminded to declare (absent: none yet). */
  reminded: z.optional(z.array(z.string())),
});
export type CreditState = z.output<typeof creditSchema>;

/** Costs in CNY by kind (each converted at the rate it was recorded with). */
export const costsSchema = z.object({
  byKind: z.partialRecord(z.enum(COST_KINDS), moneySchema),
  count: z.number(),
});
export type CostsState = z.output<typeof costsSchema>;

export const REBATE_METHODS = ['TRADING', 'MANUFACTURER'] as const;
export type RebateMethod = (typeof REBATE_METHODS)[number];

export const REBATE_STATUSES = [
  'PENDING',
  'DOCUMENTS_RECORDED',
  'FILED',
  'RECEIVED',
  'NOT_APPLICABLE',
] as const;
export type RebateStatus = (typeof REBATE_STATUSES)[number];

/** A contract line's rebate rate, from the company's table by HS code (null: no entry). */
export const rebateLineSchema = z.object({
  lineNo: z.number(),
  hsCode: z.nullable(z.string()),
  rate: z.nullable(z.string()),
});

/** What the VAT invoices add up to, per contract line they were matched to (0: not matched). */
export const vatInvoiceTotalsSchema = z.object({
  lineNo: z.number(),
  amount: moneySchema,
  taxAmount: moneySchema,
  count: z.number(),
});

export const rebateSchema = z.object({
  status: z.enum(REBATE_STATUSES),
  method: z.enum(REBATE_METHODS),
  /** The earliest export (B/L date; the collection date under EXW). */
  exportDate: z.string(),
  /** 30 April of the year after the export, as a date; its end in the exporter's zone is `deadlineAt`. */
  deadline: z.string(),
  deadlineAt: instant,
  timeZone: z.string(),
  lines: z.array(rebateLineSchema),
  invoices: z.array(vatInvoiceTotalsSchema),
  declarationNo: z.nullable(z.string()),
  documentsRecordedAt: z.nullable(instant),
  filed: z.nullable(z.object({ batchNo: z.string(), filedOn: z.string() })),
  received: z.nullable(moneySchema),
  receivedAt: z.nullable(instant),
  notApplicable: z.nullable(z.object({ reason: z.string(), by: z.string() })),
  /** Reminders sent before the deadline (each at its own lead: ../finance/rebate.ts). */
  remindersSent: z.number(),
});
export type RebateState = z.output<typeof rebateSchema>;
