/**
 * One dictionary per language, shared by the console (served flat to the browser), the emails and
 * the tracking page.
 */
import { BALANCE_DUE, PAYMENT_METHOD_POLICIES, termsAt } from '../payment-methods';
import type { Language } from '../schemas/common';
import { fill, type Dictionary } from './dictionary';
import { en } from './en';
import { zhCN } from './zh-CN';

export { fill } from './dictionary';
export type { Dictionary } from './dictionary';

export const DICTIONARIES: Record<Language, Dictionary> = { en, 'zh-CN': zhCN };

export function dictionary(language: Language = 'en'): Dictionary {
  return DICTIONARIES[language];
}

/** The deposit part of the payment terms and the balance's share: what precedes the method's words. */
export function depositTerms(depositPercent: number, language: Language = 'en'): string {
  const { terms } = dictionary(language);
  if (depositPercent <= 0) return terms.whole;
  return `${fill(terms.deposit, { percent: depositPercent })}${fill(terms.balancePart, { percent: 100 - depositPercent })}`;
}

/**
 * Each method's words, by method and `balanceDue` (NONE when the plan has none), as the console
 * builds the sentence: the policy picks the due point, so the browser compares no methods.
 */
function methodTerms(language: Language): Record<string, string> {
  const keys: Record<string, string> = {};
  for (const policy of PAYMENT_METHOD_POLICIES)
    for (const balanceDue of [null, ...BALANCE_DUE])
      keys[`terms.${policy.method}.${balanceDue ?? 'NONE'}`] = termsAt(
        policy,
        policy.dueWhen({ balanceDue, tenorDays: 0 }),
        language,
      );
  return keys;
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
  warnings: 'warning',
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
  flat['terms.separator'] = d.terms.separator;
  return { ...flat, ...methodTerms(language) };
}
