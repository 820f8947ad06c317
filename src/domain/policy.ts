import type { ReminderPolicyOverrides, StageTimeLimitOverrides } from './schemas/new-order';
import type { StallPolicy } from './state/policy';

export type { StallPolicy } from './state/policy';

/**
 * INQUIRY 24h is the contract's rule (an inquiry is answered within a day); the other limits are
 * typical lead times of a small exporter, production being the longest.
 */
export const DEFAULT_STALL_POLICY: StallPolicy = {
  stageTimeLimits: {
    INQUIRY: '24h',
    QUOTATION: '7d',
    SAMPLE: '14d',
    CONTRACT: '7d',
    DEPOSIT: '7d',
    PRODUCTION: '45d',
    SHIPPING: '14d',
    BALANCE: '14d',
    DOCUMENTS: '14d',
  },
  repeatEvery: '24h',
  escalateAfter: 3,
  escalateTo: null,
  maxRemindersPerStage: 10,
};

export interface StallPolicyOverrides {
  stageTimeLimits?: StageTimeLimitOverrides;
  reminderPolicy?: ReminderPolicyOverrides;
}

/**
 * The order's policy: the configured defaults, then its template's settings, then its own; per
 * stage and per reminder field, the most specific given value wins.
 */
export function resolveStallPolicy(
  defaults: StallPolicy,
  overrides: StallPolicyOverrides = {},
  template: StallPolicyOverrides = {},
): StallPolicy {
  const reminder = { ...definedOnly(template.reminderPolicy), ...definedOnly(overrides.reminderPolicy) };
  const policy: StallPolicy = {
    stageTimeLimits: {
      ...defaults.stageTimeLimits,
      ...template.stageTimeLimits,
      ...overrides.stageTimeLimits,
    },
    repeatEvery: reminder.repeatEvery ?? defaults.repeatEvery,
    escalateAfter: reminder.escalateAfter ?? defaults.escalateAfter,
    // null is a deliberate "no escalation"; only an absent value falls back to the default.
    escalateTo: reminder.escalateTo === undefined ? defaults.escalateTo : reminder.escalateTo,
    maxRemindersPerStage: defaults.maxRemindersPerStage,
  };
  return defaults.calendar ? { ...policy, calendar: defaults.calendar } : policy;
}

/** The fields a client gave: an explicit `undefined` does not hide the layer below. */
function definedOnly<T extends object>(value: T | undefined): Partial<T> {
  return Object.fromEntries(Object.entries(value ?? {}).filter(([, v]) => v !== undefined)) as Partial<T>;
}
