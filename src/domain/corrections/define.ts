/**
 * What each client event says about being taken back, in its own definition: which fields a
 * correction may change and where they live in the order, or why it can never be corrected.
 * Money is never corrected: a payment is reversed (PAYMENT_REVERSED) and recorded again.
 */
import type { CorrectableEvent, OrderState } from '../types';

/** An event's own fields (what a correction's `changes` may name). */
export type EventFields<E> = Omit<E, 'type' | 'eventId'>;
export type FieldName<E> = Exclude<keyof E & string, 'type' | 'eventId'>;

export interface NotCorrectable {
  /** Why not, and what to do instead: the 409's message. */
  readonly never: string;
}

export interface FieldCorrection<E> {
  readonly fields: readonly FieldName<E>[];
  /** Why the event's other fields cannot be corrected, and what to do instead. */
  readonly otherwise?: string;
  /** Fields the order's documents print: a correction re-issues the documents already issued. */
  readonly printed?: readonly FieldName<E>[];
  /**
   * Who outside the company has seen these values (an email, a document), if anyone: then only a
   * manager may correct them. `fields` are the ones the correction changes.
   */
  seenBy?(state: OrderState, fields: readonly FieldName<E>[]): string | null;
  /** The values as the order holds them now (for "from → to"); a field it does not keep is left out. */
  current(state: OrderState, target: CorrectableEvent): Partial<Record<FieldName<E>, unknown>>;
  /** Writes the corrected values where the event put them; a string refuses the correction. */
  apply(state: OrderState, changes: Partial<EventFields<E>>, target: CorrectableEvent): OrderState | string;
  /** Which of the event's records it wrote, where it repeats (the sample round): read after it. */
  instance?(after: OrderState): number;
}

export type Correction<E> = NotCorrectable | FieldCorrection<E>;

export function isCorrectable<E>(c: Correction<E>): c is FieldCorrection<E> {
  return 'fields' in c;
}

/**
 * A correction several events share, over the fields it names: it fits every event that has them
 * (the definition's type checks that its fields are the event's).
 */
export type SharedCorrection<F extends string> = FieldCorrection<Record<F, unknown>>;

/** An event kept only on the timeline (a note, a reason): the correction itself records the new words. */
export function wordsOnly<const F extends string>(
  fields: readonly F[],
  otherwise?: string,
): SharedCorrection<F> {
  return {
    fields: ownFields(fields),
    ...(otherwise ? { otherwise } : {}),
    current: () => ({}),
    apply: (state) => state,
  };
}

/** The rule many definitions share: documents already emailed to the customer. */
export function documentsSent(state: OrderState): string | null {
  const d = state.documents;
  if (d.dispatchedAt) return 'the original documents sent to the customer';
  if (d.copiesSentAt) return 'the document copies sent to the customer';
  return null;
}

/** A shared correction's field names as the event's own (the envelope's `type` and `eventId` are never named). */
export function ownFields<F extends string>(fields: readonly F[]): readonly FieldName<Record<F, unknown>>[] {
  return fields as readonly FieldName<Record<F, unknown>>[];
}
