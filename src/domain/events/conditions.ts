import { compareMoney } from '../money';
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

export const depositOutstanding: Guard = (s) =>
  s.payments.depositRequired !== null &&
  s.payments.depositReceived !== null &&
  compareMoney(s.payments.depositReceived, s.payments.depositRequired) < 0;

export const balanceOutstanding: Guard = (s) =>
  s.payments.balanceRequired !== null &&
  s.payments.balanceReceived !== null &&
  compareMoney(s.payments.balanceReceived, s.payments.balanceRequired) < 0;
