/**
 * The words of the desk in one language: what the console, the emails and the tracking page show.
 * Each section is keyed by the registry it names (stages, events, effects, process steps, document
 * kinds, …), so a new entry in a registry fails the type check until every language names it.
 * Parameterised text is a template with `{name}` placeholders (filled by `fill`), so the same
 * dictionary serves the browser as plain JSON.
 */
import type { OrderEventType } from '../events';
import type { AgeBucket } from '../receivables';
import type { DueWhen } from '../schedule';
import type { TimelineEventType } from '../decisionTypes';
import type { InspectionKind, EffectKind } from '../types';
import type { StepKey, StepStatus } from '../processList';
import type { Stage } from '../stages';
import type { INQUIRY_CHANNELS, Language, PaymentMethod } from '../schemas/common';
import type { DOCUMENT_KINDS } from '../schemas/template';
import type { EN_FIELDS, EN_HINTS, EN_PURPOSES, EN_UI } from './en';

export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

/** Values people pick in forms or read in the order view, by their code. */
export type ValueCode =
  | PaymentMethod
  | DueWhen
  | InspectionKind
  | (typeof INQUIRY_CHANNELS)[number]
  | Language
  | 'PASSED'
  | 'FAILED'
  | 'ORIGINAL'
  | 'TELEX_RELEASE'
  | 'SEA_WAYBILL'
  | 'REFUND'
  | 'FORFEIT'
  | 'CREDIT_NOTE'
  | 'ICC_A'
  | 'ICC_B'
  | 'ICC_C'
  | 'DEPOSIT'
  | 'BALANCE'
  | 'BILL_OF_LADING';

export type Role = 'viewer' | 'ops' | 'manager';
export type OrderStatus = 'OPEN' | 'COMPLETED' | 'CANCELLED';

/** The console's own texts; English (en.ts) holds the set of keys. */
export type UiKey = keyof typeof EN_UI;
/** Labels of the fields of the request schemas and the order view, by property name. */
export type FieldKey = keyof typeof EN_FIELDS;
/** What to enter in a field of a form, by property name. */
export type HintKey = keyof typeof EN_HINTS;
/** Email purposes as the emails list records them. */
export type PurposeKey = keyof typeof EN_PURPOSES;

export interface Dictionary {
  stages: Record<Stage, string>;
  statuses: Record<OrderStatus, string>;
  roles: Record<Role, string>;
  /** What happened, as the timeline and the event picker name it. */
  events: Record<TimelineEventType, string>;
  /** What each event form records (the API document's description is English only). */
  eventHints: Record<OrderEventType, string>;
  /** One timeline line per event, from the fields it recorded (`{field}` placeholders). */
  summaries: Record<TimelineEventType, string>;
  effects: Record<EffectKind, string>;
  purposes: Record<PurposeKey, string>;
  /** The process list's steps as things to do. */
  steps: Record<StepKey, string>;
  stepStatuses: Record<StepStatus, string>;
  documents: Record<DocumentKind, string>;
  values: Record<ValueCode, string>;
  buckets: Record<AgeBucket, string>;
  fields: Record<FieldKey, string>;
  hints: Record<HintKey, string>;
  /** When a payment without a calendar date falls due, as a sentence in an email says it. */
  dueWhen: Record<DueWhen, string>;
  /** The payment-terms sentence: `{deposit}{rest}`, the separator, then the method's words (its policy's). */
  terms: {
    deposit: string;
    balancePart: string;
    whole: string;
    separator: string;
  };
  ui: Record<UiKey, string>;
}

/** `{name}` placeholders filled from `params`; an unknown placeholder stays as written. */
export function fill(template: string, params: Record<string, string | number> = {}): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}
