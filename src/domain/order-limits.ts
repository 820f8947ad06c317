import { durationToMs, nominalLimitMs, type Duration } from './duration';
import type { NewOrder } from './schemas/new-order';
import type { TemplateBody } from './schemas/template';
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
export function orderLimitViolations(
  order: Pick<NewOrder, 'accountManager' | 'stageTimeLimits' | 'reminderPolicy'>,
  limits: OrderLimits,
): ValidationDetail[] {
  const found = timingLimitViolations(order, limits);
  const { internalEmailDomains } = limits;
  if (!isInternalEmail(order.accountManager.email, internalEmailDomains))
    found.unshift({ path: 'accountManager.email', message: internalMessage(limits) });
  return found;
}

/** Every setting of a template that breaks a deployment limit (it would pass them on to its orders). */
export function templateLimitViolations(body: TemplateBody, limits: OrderLimits): ValidationDetail[] {
  return timingLimitViolations(body, limits);
}

const internalMessage = (limits: OrderLimits) =>
  `must be an address at ${limits.internalEmailDomains.join(', ')}`;

function timingLimitViolations(
  settings: Pick<NewOrder, 'stageTimeLimits' | 'reminderPolicy'>,
  limits: OrderLimits,
): ValidationDetail[] {
  const found: ValidationDetail[] = [];
  const { minDuration, internalEmailDomains } = limits;
  const tooShort = (ms: number | undefined) =>
    minDuration !== null && ms !== undefined && ms < durationToMs(minDuration);
  for (const [stage, limit] of Object.entries(settings.stageTimeLimits ?? {}))
    if (limit !== undefined && tooShort(nominalLimitMs(limit)))
      found.push({ path: `stageTimeLimits.${stage}`, message: `must be at least ${minDuration}` });
  const repeatEvery = settings.reminderPolicy?.repeatEvery;
  if (repeatEvery !== undefined && tooShort(durationToMs(repeatEvery)))
    found.push({ path: 'reminderPolicy.repeatEvery', message: `must be at least ${minDuration}` });
  const escalateTo = settings.reminderPolicy?.escalateTo;
  if (escalateTo && !isInternalEmail(escalateTo, internalEmailDomains))
    found.push({ path: 'reminderPolicy.escalateTo', message: internalMessage(limits) });
  return found;
}
