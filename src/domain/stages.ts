import { describe, z } from './zod';

/** The nine working stages of an export order, in the only order an order may pass through them. */
export const OPEN_STAGES = [
  'INQUIRY',
  'QUOTATION',
  'SAMPLE',
  'CONTRACT',
  'DEPOSIT',
  'PRODUCTION',
  'SHIPPING',
  'BALANCE',
  'DOCUMENTS',
] as const;

export const TERMINAL_STAGES = ['COMPLETED', 'CANCELLED'] as const;

/** Every stage in order; the two terminal stages share the last rank (an order ends in exactly one). */
export const STAGES = [...OPEN_STAGES, ...TERMINAL_STAGES] as const;

export type OpenStage = (typeof OPEN_STAGES)[number];
export type TerminalStage = (typeof TERMINAL_STAGES)[number];
export type Stage = (typeof STAGES)[number];

export const stageSchema = describe(z.enum(STAGES), 'Stage of an export order');
export const openStageSchema = describe(z.enum(OPEN_STAGES), 'A working (non-terminal) stage');

export function isTerminalStage(stage: Stage): stage is TerminalStage {
  return stage === 'COMPLETED' || stage === 'CANCELLED';
}

/** Rank used to check that an order never moves backwards; both terminal stages rank last. */
export function stageRank(stage: Stage): number {
  return isTerminalStage(stage) ? OPEN_STAGES.length : OPEN_STAGES.indexOf(stage);
}
