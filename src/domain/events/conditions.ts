import { depositOpen } from '../ledger';
import { toMinor } from '../money';
import type { OrderState } from '../types';
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

export const latestInspectionPassed: Guard = (s) =>
  s.production.inspections[s.production.inspections.length - 1]?.result === 'PASSED';

export const depositOutstanding: Guard = (s) => {
  const open = depositOpen(s.payments);
  return open !== null && toMinor(open) > 0n;
};
