import { depositOpen } from '../ledger';
import { toMinor } from '../money';
import type { Inspection, InspectionKind, OrderState } from '../types';
import type { Guard } from './define';

/** The conditions several events' guards share. */
export const inStage =
  (...stages: OrderState['stage'][]): Guard =>
  (s) =>
    stages.includes(s.stage);

export const both =
  (a: Guard, b: Guard): Guard =>
  (s) =>
    a(s) && b(s);

const latestSampleRound = (s: OrderState) => s.sample.history[s.sample.history.length - 1];

export const sampleAwaitingVerdict: Guard = (s) => latestSampleRound(s)?.outcome === 'PENDING';

export const sampleRejectedLast: Guard = (s) => latestSampleRound(s)?.outcome === 'REJECTED';

export const latestInspectionPassed: Guard = (s) =>
  s.production.inspections[s.production.inspections.length - 1]?.result === 'PASSED';

/** An inspection's kind; those recorded before kinds existed were during production. */
export const inspectionKind = (i: Inspection): InspectionKind => i.kind ?? 'DURING_PRODUCTION';

/** Whether an inspection can stand for its kind: a pre-shipment one at 0 % production saw no goods. */
const countsFor = (i: Inspection, kind: InspectionKind) =>
  inspectionKind(i) === kind && !(kind === 'PRE_SHIPMENT' && (i.percentAtRecord ?? 0) <= 0);

/** Whether the latest inspection that counts for `kind` passed. */
export function inspectionPassed(s: OrderState, kind: InspectionKind): boolean {
  const counting = s.production.inspections.filter((i) => countsFor(i, kind));
  return counting[counting.length - 1]?.result === 'PASSED';
}

/**
 * The QC gate. A template's required kinds each need their latest counting inspection passed;
 * without a template (or one requiring none), the latest inspection must have passed (v1).
 */
export const qcGatePassed: Guard = (s) => {
  const required = s.template?.inspectionsRequired ?? [];
  return required.length === 0 ? latestInspectionPassed(s) : required.every((k) => inspectionPassed(s, k));
};

export const depositOutstanding: Guard = (s) => {
  const open = depositOpen(s.payments);
  return open !== null && toMinor(open) > 0n;
};
