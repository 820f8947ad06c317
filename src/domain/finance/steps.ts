/**
 * The process list's steps after the goods left: declaring each shipment to the credit insurer,
 * settling the receipts into CNY, and the rebate's documents, filing and money. They stay open on a
 * closed order (its tail) instead of being skipped, each with the date it is due by.
 */
import { endOfDate } from '../calendarDate';
import { unsettledReceipts } from './settlement';
import { owesMoney } from '../ledger';
import type { ProcessStep } from '../state/steps';
import type { OrderState } from '../types';
import { declarationsDue } from './deadlines';
import { exportsOf } from './exports';

const status = (done: boolean): ProcessStep['status'] => (done ? 'DONE' : 'PENDING');

export function moneySteps(state: OrderState): ProcessStep[] {
  const steps: ProcessStep[] = [];
  const insurance = state.credit?.insurance;
  if (insurance) {
    const due = new Map(declarationsDue(state).map((d) => [d.shipmentId, d.dueOn]));
    const declared = new Map((state.credit?.declarations ?? []).map((d) => [d.shipmentId, d]));
    for (const [i, e] of exportsOf(state).entries()) {
      const done = declared.get(e.shipmentId);
      const dueOn = due.get(e.shipmentId);
      steps.push({
        key: 'INSURER_DECLARED',
        stage: 'SHIPPING',
        title: `Declare shipment ${e.shipmentId} to ${insurance.insurer} within ${insurance.declarationDays} days of its B/L`,
        status: status(done !== undefined),
        ...(dueOn ? { dueAt: endOfDate(dueOn) } : {}),
        shipmentId: e.shipmentId,
        shipmentNo: i + 1,
      });
    }
  }
  const rebate = state.rebate;
  if (!rebate) return steps;
  const foreign = state.payments.receipts.some((r) => r.amount.currency !== 'CNY');
  if (foreign)
    steps.push({
      key: 'FX_SETTLED',
      stage: 'DOCUMENTS',
      title: 'Settle the receipts into CNY (结汇)',
      status: status(unsettledReceipts(state).length === 0 && !owesMoney(state)),
    });
  if (rebate.status === 'NOT_APPLICABLE') return steps;
  const filedBy = { dueAt: rebate.deadlineAt };
  steps.push(
    {
      key: 'REBATE_DOCUMENTS_RECORDED',
      stage: 'DOCUMENTS',
      title: "Collect the suppliers' VAT invoices and the declaration for the rebate",
      status: status(rebate.documentsRecordedAt !== null),
      ...(rebate.documentsRecordedAt ? {} : filedBy),
    },
    {
      key: 'REBATE_FILED',
      stage: 'DOCUMENTS',
      title: `File the export VAT rebate by ${rebate.deadline}`,
      status: status(rebate.filed !== null),
      ...(rebate.filed ? {} : filedBy),
    },
    {
      key: 'REBATE_RECEIVED',
      stage: 'DOCUMENTS',
      title: 'Receive the rebate',
      status: status(rebate.received !== null),
    },
  );
  return steps;
}
