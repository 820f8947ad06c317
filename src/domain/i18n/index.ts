/**
 * One dictionary per language, shared by the console (served flat to the browser), the emails and
 * the tracking page.
 */
import type { PaymentPlan } from '../paymentPlan';
import type { Language } from '../schemas/common';
import { fill, type Dictionary, type TermsVariant } from './dictionary';
import { en } from './en';
import { zhCN } from './zh-CN';

export { fill } from './dictionary';
export type { Dictionary, DocumentKind, TermsVariant, UiKey } from './dictionary';

export const DICTIONARIES: Record<Language, Dictionary> = { en, 'zh-CN': zhCN };

export function dictionary(language: Language = 'en'): Dictionary {
  return DICTIONARIES[language];
}

function termsVariant(plan: PaymentPlan): TermsVariant {
  switch (plan.balanceMethod) {
    case 'TT':
      return plan.balanceDue === 'BEFORE_SHIPMENT' ? 'TT_BEFORE_SHIPMENT' : 'TT_AGAINST_COPIES';
    default:
      return plan.balanceMethod;
  }
}

/** The payment plan as a contract or a payment request words it, in `language`. */
export function paymentTermsSentence(plan: PaymentPlan, language: Language = 'en'): string {
  const { terms } = dictionary(language);
  const deposited = plan.depositPercent > 0;
  return fill(terms.methods[termsVariant(plan)], {
    deposit: deposited ? fill(terms.deposit, { percent: plan.depositPercent }) : '',
    rest: deposited ? fill(terms.balancePart, { percent: 100 - plan.depositPercent }) : terms.whole,
    tenorDays: plan.tenorDays,
  });
}

/** Section name -> key prefix of the browser's flat dictionary (`stage.INQUIRY`, `field.lcNo`). */
const PREFIXES = {
  stages: 'stage',
  statuses: 'status',
  roles: 'role',
  events: 'event',
  eventHints: 'eventHint',
  summaries: 'summary',
  effects: 'effect',
  purposes: 'purpose',
  steps: 'stepTitle',
  stepStatuses: 'step',
  documents: 'doc',
  values: 'enum',
  buckets: 'bucket',
  fields: 'field',
  hints: 'hint',
  dueWhen: 'dueWhen',
} as const satisfies Partial<Record<keyof Dictionary, string>>;

/** The dictionary as one flat map of `prefix.key` to text: the form the console's `t()` reads. */
export function flatDictionary(language: Language): Record<string, string> {
  const d = dictionary(language);
  const flat: Record<string, string> = { ...d.ui };
  for (const [section, prefix] of Object.entries(PREFIXES) as [keyof typeof PREFIXES, string][])
    for (const [key, text] of Object.entries(d[section])) flat[`${prefix}.${key}`] = text;
  flat['terms.deposit'] = d.terms.deposit;
  flat['terms.balancePart'] = d.terms.balancePart;
  flat['terms.whole'] = d.terms.whole;
  for (const [variant, text] of Object.entries(d.terms.methods)) flat[`terms.${variant}`] = text;
  return flat;
}
