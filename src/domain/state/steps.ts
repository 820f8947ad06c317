/** The process list's steps, as the state records them done (see processList.ts). */
import { z } from '../zod';
import type { OpenStage } from '../stages';
import { instant } from './common';

/** Each step's key: the keys a template's `guidance` uses. */
export const STEP_KEYS = [
  'QUOTATION_SENT',
  'QUOTATION_ACCEPTED',
  'SAMPLE_SENT',
  'SAMPLE_APPROVED',
  'CONTRACT_SIGNED',
  'DEPOSIT_RECEIVED',
  'LC_RECEIVED',
  'INSPECTION_PRE_PRODUCTION',
  'INSPECTION_DURING_PRODUCTION',
  'INSPECTION_PRE_SHIPMENT',
  'PRODUCTION_COMPLETED',
  'BOOKING_CONFIRMED',
  'CUSTOMS_DECLARED',
  'INSURANCE_ARRANGED',
  'GOODS_COLLECTED',
  'BILL_OF_LADING_ISSUED',
  'DOCUMENTS_PRESENTED',
  'SENT_FOR_COLLECTION',
  'PAYMENT_RECEIVED',
  'TELEX_RELEASE_CONFIRMED',
  'ORIGINALS_COURIERED',
  'GOODS_RELEASED',
  // Money after the ship sails (finance/steps.ts)
  'INSURER_DECLARED',
  'FX_SETTLED',
  'REBATE_DOCUMENTS_RECORDED',
  'REBATE_FILED',
  'REBATE_RECEIVED',
] as const;
export type StepKey = (typeof STEP_KEYS)[number];

/** When a step was done and by whom: one record per step key, so the state stays bounded. */
export const stepRecordsSchema = z.partialRecord(
  z.enum(STEP_KEYS),
  z.object({ at: instant, actor: z.string() }),
);
export type StepRecords = z.output<typeof stepRecordsSchema>;

export const STEP_STATUSES = ['DONE', 'PENDING', 'SKIPPED', 'BLOCKED'] as const;
export type StepStatus = (typeof STEP_STATUSES)[number];

export interface ProcessStep {
  key: StepKey;
  stage: OpenStage;
  title: string;
  status: StepStatus;
  dueAt?: string;
  doneAt?: string;
  actor?: string;
  guidance?: string;
  /** Shipments in parts: the shipment the step is for, and its number (1-based); absent: the order's. */
  shipmentId?: string;
  shipmentNo?: number;
}
