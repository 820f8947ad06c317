import { OPEN_STAGES, stageRank, type OpenStage, type PaymentPart } from '../domain';
import type { OrderView } from '../domain/viewSchema';

export type StageState = 'done' | 'current' | 'next' | 'later';

export interface StageProgress {
  stage: OpenStage;
  state: StageState;
  /** When the stage was done (its milestone), or since when it is the current one. */
  at: string | null;
}

const last = <T>(items: readonly T[]): T | undefined => items[items.length - 1];

/** The milestone that closed each stage, from what the buyer already knows of the order. */
function doneAt(view: OrderView, stage: OpenStage): string | null {
  const receipt = (kind: PaymentPart) =>
    last(view.payments.receipts.filter((r) => r.kind === kind))?.receivedAt ?? null;
  switch (stage) {
    case 'INQUIRY':
      return view.quotation?.sentAt ?? null;
    case 'QUOTATION':
    case 'SAMPLE':
      return stage === 'SAMPLE' ? (last(view.sample.history)?.decidedAt ?? null) : null;
    case 'CONTRACT':
      return view.contract?.signedAt ?? null;
    case 'DEPOSIT':
      return receipt('DEPOSIT');
    case 'PRODUCTION':
      return view.production.completedAt;
    case 'SHIPPING':
      return view.shipping.billOfLading?.issuedAt ?? null;
    case 'BALANCE':
      return receipt('BALANCE');
    case 'DOCUMENTS':
      return view.closedAt;
  }
}

/** The nine stages as the buyer sees them: done, current, next, later; no names, notes or amounts. */
export function stageProgress(view: OrderView): StageProgress[] {
  const current = stageRank(view.stage);
  return OPEN_STAGES.map((stage, rank) => {
    const state: StageState =
      rank < current ? 'done' : rank === current ? 'current' : rank === current + 1 ? 'next' : 'later';
    const at = state === 'done' ? doneAt(view, stage) : state === 'current' ? view.stageEnteredAt : null;
    return { stage, state, at };
  });
}
