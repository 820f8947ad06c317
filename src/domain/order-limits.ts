import { durationToMs, type Duration } from './duration';
import type { NewOrder } from './schemas/new-order';
import type { ValidationDetail } from './schemas/validation';

/** The shortest stage limit or reminder interval in production: nobody is emailed more than hourly. */
export const PRODUCTION_MIN_DURATION: Duration = '1h';

/** Deployment rules a new order must meet beyond its schema (see the README's "Limits"). */
export interface OrderLimits {
  /** Shortest stage time limit and reminder interval; null allows any. */
  minDuration: Duration | null;
  /** Domains internal emails (account manager, escalation) may go to; empty allows any. */
  internalEmailDomains: readonly string[];
}

export const emailDomain = (email: string) => email.slice(email.lastIndexOf('@') + 1).toLowerCase();

/** Whether an address may receive the order's internal emails (reminders, escalations). */
export function isInternalEmail(email: string, domains: readonly string[]): boolean {
  return domains.length === 0 || domains.includes(emailDomain(email));
}

/** Every field of a new order that breaks a deployment limit, as VALIDATION_FAILED details. */
export function orderLimitViolations(order: NewOrder, limits: OrderLimits): ValidationDetail[] {
  const found: ValidationDetail[] = [];
  const { minDuration, internalEmailDomains } = limits;
  const tooShort = (duration: Duration | undefined) =>
    minDuration !== null && duration !== undefined && durationToMs(duration) < durationToMs(minDuration);
  for (const [stage, limit] of Object.entries(order.stageTimeLimits ?? {}))
    if (tooShort(limit))
      found.push({ path: `stageTimeLimits.${stage}`, message: `must be at least ${minDuration}` });
  if (tooShort(order.reminderPolicy?.repeatEvery))
    found.push({ path: 'reminderPolicy.repeatEvery', message: `must be at least ${minDuration}` });

  const internal = `must be an address at ${internalEmailDomains.join(', ')}`;
  if (!isInternalEmail(order.accountManager.email, internalEmailDomains))
    found.push({ path: 'accountManager.email', message: internal });
  const escalateTo = order.reminderPolicy?.escalateTo;
  if (escalateTo && !isInternalEmail(escalateTo, internalEmailDomains))
    found.push({ path: 'reminderPolicy.escalateTo', message: internal });
  return found;
}
