/**
 * When a closed order is archived: its workflow stays open after COMPLETED or CANCELLED for the
 * order's tail (notes, corrections, money that comes after), and ends once the order is settled
 * and a quiet period passed without any event. Archived, it takes nothing; it can still be read.
 */
import { addDuration, type Duration } from './duration';
import { owesMoney } from './ledger';
import { unsettledReceipts } from './finance/settlement';
import { isRebateOpen } from './finance/rebate';
import { accepted, type Outcome } from './outcome';
import type { OrderState } from './types';

/** The quiet period of orders started before it was configured (the contract's default). */
export const DEFAULT_ARCHIVE_AFTER: Duration = '90d';

/**
 * Whether the closed order is settled: nothing left for it to wait on but time. An open order is
 * not; a completed one still owed money is not, nor one whose rebate or FX settlement is open; an effect that failed waits for an operator's retry.
 */
export function isSettled(state: OrderState): boolean {
  if (state.status === 'OPEN' || state.archivedAt) return false;
  if (state.failedEffects.length > 0) return false;
  if (state.status === 'COMPLETED' && owesMoney(state)) return false;
  // A company that claims the rebate follows the money to the end: every receipt settled into
  // CNY and the rebate received or marked not applicable (the order's long tail).
  if (state.rebate && (isRebateOpen(state.rebate) || unsettledReceipts(state).length > 0)) return false;
  return true;
}

/**
 * When the order is to be archived: the later of its close and its last event, plus the quiet
 * period; null while it is not settled (or already archived). Every accepted event moves it on.
 */
export function archiveDueAt(state: OrderState, quietPeriod: Duration): string | null {
  if (!isSettled(state) || state.closedAt === null) return null;
  const last = Date.parse(state.updatedAt) > Date.parse(state.closedAt) ? state.updatedAt : state.closedAt;
  return addDuration(last, quietPeriod);
}

/** The workflow's fact ORDER_ARCHIVED: the order is settled and was quiet long enough. */
export function orderArchived(state: OrderState, at: string): Outcome | null {
  if (!isSettled(state)) return null;
  return accepted({ ...state, archivedAt: at }, 'Order archived: settled, and quiet for its archive period');
}
