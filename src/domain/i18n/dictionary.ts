/**
 * The words of the desk in one language: what the console, the emails and the tracking page show.
 * Each section is keyed by the registry it names (stages, events, effects, process steps, document
 * kinds, …); `complete.ts` makes a new registry entry fail the type check until every language
 * names it.
 * Parameterised text is a template with `{name}` placeholders (filled by `fill`), so the same
 * dictionary serves the browser as plain JSON.
 */

/**
 * The key sets of the sections named by a registry. Here they are open (any text), so the words
 * import no registry and every rule can read them; `complete.ts` checks each language against the
 * registries' own unions, so a missing entry still fails the type check.
 */
export interface SectionKeys {
  stage: string;
  status: string;
  event: string;
  clientEvent: string;
  effect: string;
  step: string;
  stepStatus: string;
  document: string;
  value: string;
  bucket: string;
  dueWhen: string;
  /** The console's own texts and labels: English (en.ts) holds the sets of keys. */
  ui: string;
  field: string;
  hint: string;
  purpose: string;
  warning: string;
}

export type Role = 'viewer' | 'ops' | 'manager' | 'admin' | 'customer-manager';

export interface Dictionary<K extends SectionKeys = SectionKeys> {
  stages: Record<K['stage'], string>;
  statuses: Record<K['status'], string>;
  roles: Record<Role, string>;
  /** What happened, as the timeline and the event picker name it. */
  events: Record<K['event'], string>;
  /** What each event form records (the API document's description is English only). */
  eventHints: Record<K['clientEvent'], string>;
  /** One timeline line per event, from the fields it recorded (`{field}` placeholders). */
  summaries: Record<K['event'], string>;
  effects: Record<K['effect'], string>;
  purposes: Record<K['purpose'], string>;
  /** The process list's steps as things to do. */
  steps: Record<K['step'], string>;
  stepStatuses: Record<K['stepStatus'], string>;
  documents: Record<K['document'], string>;
  values: Record<K['value'], string>;
  buckets: Record<K['bucket'], string>;
  fields: Record<K['field'], string>;
  hints: Record<K['hint'], string>;
  /** When a payment without a calendar date falls due, as a sentence in an email says it. */
  dueWhen: Record<K['dueWhen'], string>;
  /** The payment-terms sentence: `{deposit}{rest}`, the separator, then the method's words (its policy's). */
  terms: {
    deposit: string;
    balancePart: string;
    whole: string;
    separator: string;
  };
  ui: Record<K['ui'], string>;
  /** What a warning on the order is about, by its code (the view's `warnings[].code`). */
  warnings: Record<K['warning'], string>;
}

/** `{name}` placeholders filled from `params`; an unknown placeholder stays as written. */
export function fill(template: string, params: Record<string, string | number> = {}): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}
