import type { ReminderNotice, StallReminderInput } from '../activities/types';
import type { OrderState } from '../domain';

/** The stall reminder for chat robots: what the email says, less addresses (the worker routes it). */
export function stallNotice(state: OrderState, reminder: StallReminderInput): ReminderNotice {
  return {
    orderId: reminder.orderId,
    sequence: reminder.sequence,
    requestedAt: reminder.requestedAt,
    kind: reminder.overduePayment ? 'PAYMENT_DUE' : 'STAGE_TIME_LIMIT',
    ...(reminder.overduePayment ? { late: reminder.overduePayment } : {}),
    stage: reminder.stage,
    since: reminder.stageDeadline,
    escalated: reminder.escalated,
    accountManagerEmail: state.accountManager.email,
    accountManagerName: state.accountManager.name,
    language: state.accountManager.language,
    customerCompany: reminder.customerCompany,
  };
}
