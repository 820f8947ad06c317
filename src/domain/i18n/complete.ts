/**
 * Every language names every entry of every registry, and every console text English has: each
 * dictionary is checked against the registries' own key unions. Only the type checker reads this module (nothing imports it), so the
 * words themselves depend on no registry and every rule, letter and template can read them.
 */
import type { TimelineEventType } from '../decisionTypes';
import type { DocumentCode, DocumentKind, RenderedDocumentCode } from '../documentKinds';
import type { EffectKind } from '../effectKinds';
import type { EmailPurpose } from '../effects';
import type { OrderEventType } from '../events';
import type { StepKey, StepStatus } from '../processList';
import type { AgeBucket } from '../receivables';
import type { DueWhen } from '../schedule';
import type { INQUIRY_CHANNELS, Language, PaymentMethod } from '../schemas/common';
import type { Stage } from '../stages';
import type {
  BlType,
  DepositHandling,
  InspectionKind,
  InspectionResult,
  InsuranceCover,
  OrderStatus,
  PaymentPart,
  WarningCode,
} from '../state';
import type { Dictionary } from './dictionary';
import { EN_FIELDS, EN_HINTS, EN_UI, en } from './en';
import { zhCN } from './zh-CN';

/** Values people pick in forms or read in the order view, by their code: each list's own. */
type ValueCode =
  | PaymentMethod
  | DueWhen
  | InspectionKind
  | (typeof INQUIRY_CHANNELS)[number]
  | Language
  | InspectionResult
  | BlType
  | DepositHandling
  | InsuranceCover
  | PaymentPart
  /** The one document we do not render (the carrier's B/L), named among the values. */
  | Exclude<DocumentCode, RenderedDocumentCode>;

type Complete = Dictionary<{
  stage: Stage;
  status: OrderStatus;
  event: TimelineEventType;
  clientEvent: OrderEventType;
  effect: EffectKind;
  step: StepKey;
  stepStatus: StepStatus;
  document: DocumentKind;
  value: ValueCode;
  bucket: AgeBucket;
  dueWhen: DueWhen;
  ui: keyof typeof EN_UI;
  field: keyof typeof EN_FIELDS;
  hint: keyof typeof EN_HINTS;
  purpose: EmailPurpose;
  warning: WarningCode;
}>;

/** The dictionaries as the registries type them: a missing entry is a type error here. */
export const completeDictionaries: Record<Language, Complete> = { en, 'zh-CN': zhCN };
