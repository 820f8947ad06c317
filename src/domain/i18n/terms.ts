/**
 * The words emails and the tracking page use, read from the domain's dictionaries (one per
 * language, shared with the console). Lookups take plain strings because recorded activity inputs
 * may name a stage or event added later; such a name is shown spelled out from its code.
 */
import { humanize } from '../letters/format';
import type { Language } from '../schemas/common';
import { dictionary, fill } from './index';

function lookup(section: Record<string, string>, key: string): string | undefined {
  return Object.prototype.hasOwnProperty.call(section, key) ? section[key] : undefined;
}

/** A stage as people call it; an unknown name (a stage added later) is shown as it is. */
export function stageName(stage: string, language: Language = 'en'): string {
  return lookup(dictionary(language).stages, stage) ?? stage;
}

/** `DEPOSIT_RECEIVED` -> `Deposit received` / `收到预付款`. */
export function eventName(type: string, language: Language = 'en'): string {
  return lookup(dictionary(language).events, type) ?? humanize(type);
}

/** A process-list step in the reader's language; a step without a key (older inputs) keeps its title. */
export function stepTitle(
  step: { key?: string; title: string; shipmentNo?: number },
  language: Language = 'en',
): string {
  if (language === 'en' || !step.key) return step.title;
  const title = lookup(dictionary(language).steps, step.key) ?? step.title;
  // Shipments in parts: "shipment 2: ..." in the reader's language.
  return step.shipmentNo === undefined
    ? title
    : fill(dictionary(language).ui['shipment.step'], { number: step.shipmentNo, step: title });
}

/** A due point in words; a value that is not one of the keys (an older email's words) is shown as it is. */
export function dueWhenText(dueWhen: string, language: Language = 'en'): string {
  return lookup(dictionary(language).dueWhen, dueWhen) ?? dueWhen;
}
