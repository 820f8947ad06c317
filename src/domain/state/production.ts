/** Production progress and the QC inspections. */
import { describe, z } from '../zod';
import { instant, nullableInstant } from './common';

export const INSPECTION_KINDS = ['PRE_PRODUCTION', 'DURING_PRODUCTION', 'PRE_SHIPMENT'] as const;
export type InspectionKind = (typeof INSPECTION_KINDS)[number];

export const INSPECTION_RESULTS = ['PASSED', 'FAILED'] as const;
export type InspectionResult = (typeof INSPECTION_RESULTS)[number];

export const inspectionSchema = z.object({
  result: z.enum(INSPECTION_RESULTS),
  inspector: z.string(),
  reportRef: z.nullable(z.string()),
  recordedAt: instant,
  /** Absent in inspections recorded before kinds existed: those were DURING_PRODUCTION. */
  kind: describe(
    z.optional(z.enum(INSPECTION_KINDS)),
    'Absent in inspections from before kinds: DURING_PRODUCTION',
  ),
  /** A pre-shipment inspection at 0 % saw no goods. */
  percentAtRecord: describe(z.optional(z.number()), 'Production percent when it was recorded'),
});
export type Inspection = z.output<typeof inspectionSchema>;

export const productionSchema = z.object({
  percent: z.number(),
  notes: describe(z.array(z.string()), 'The latest progress notes'),
  inspections: describe(z.array(inspectionSchema), 'The latest QC inspections'),
  completedAt: nullableInstant,
});
export type ProductionState = z.output<typeof productionSchema>;
