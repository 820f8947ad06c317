/**
 * What a payment method decides about an order: how the documents reach the buyer, when the
 * balance falls due, what follows the B/L, which steps and events it adds, and its words in the
 * contract. Every rule that depends on the method reads it from the order's policy (`index.ts`);
 * no other module compares methods.
 *
 * This module and the policies import no other domain module (bar calendar dates), so the
 * method list can sit under the schemas without an import cycle.
 */

/** When a T/T balance falls due, as a plan may choose it. */
export const BALANCE_DUE = ['BEFORE_SHIPMENT', 'AGAINST_DOCUMENT_COPIES'] as const;
export type BalanceDue = (typeof BALANCE_DUE)[number];

/** The plan's fields a policy reads (the whole plan is `PaymentPlan`). */
export interface PlanTerms {
  balanceDue: BalanceDue | null;
  tenorDays: number;
}

/** The languages a contract is worded in (checked against `Language` where the sentence is built). */
export type TermsLanguage = 'en' | 'zh-CN';

/** What the B/L (or the EXW collection) leads to under the method. */
export type AfterBillOfLading<F extends string = string> =
  /** Unless the balance is paid or a release approved, the order waits in BALANCE while we do `effects`. */
  | { kind: 'AWAIT_BALANCE'; summary: string; effects: readonly F[] }
  /** The documents go at once and the balance is due on `dueDate` (we ask for it if unpaid). */
  | { kind: 'RELEASE_ON_CREDIT'; name: string; dueDate: string; effects: readonly F[] }
  /** The documents go at once: the balance was due before shipment. */
  | { kind: 'RELEASE' };

/**
 * One payment method's rules. Type parameters keep the literal names (method, due points, events,
 * steps, effects) so the registry can derive its unions; consumers check them against theirs.
 */
export interface PaymentMethodPolicy<
  M extends string = string,
  D extends string = string,
  E extends string = string,
  S extends string = string,
  F extends string = string,
> {
  method: M;
  /** In the method's schema description: "TT telegraphic transfer, ...". */
  description: string;
  /**
   * How documents and money pass between the buyer and us: DIRECT (paid to us by T/T, documents
   * by our email) or through the BANKs (they pay us and hand the documents over).
   */
  releasesVia: 'DIRECT' | 'BANK';
  /**
   * The documents go before the balance is paid, by the method's nature (the balance then falls
   * due on a date). Otherwise we hold them until paid, and a manager's release approval applies.
   */
  releasesBeforePayment: boolean;
  /** The plan chooses when the balance falls due (`balanceDue`), and its default; null: not chosen. */
  balanceDue: { default: BalanceDue } | null;
  /** The balance falls due `tenorDays` after an event (words for the schema); null: no tenor. */
  tenor: { after: string; defaultDays: number } | null;
  /** Every point the balance may fall due at under this method. */
  duePoints: readonly D[];
  /** When the balance falls due under this plan. */
  dueWhen(plan: PlanTerms): NoInfer<D>;
  /** Production also waits for this (besides the deposit); null: only the deposit. */
  beforeProduction: { waitingFor: string; ready(payments: { letterOfCredit: unknown }): boolean } | null;
  /** The step after the B/L: what happens, with which effects. `shippedOn` is the B/L date. */
  afterBillOfLading(plan: PlanTerms, shippedOn: string): AfterBillOfLading<F>;
  /** The process-list steps only this kind of method has. */
  steps: readonly S[];
  /** The client events only this kind of method allows. */
  events: readonly E[];
  /** A documentary collection: what the documents are released against, and the bank's instruction. */
  collection: { against: 'PAYMENT' | 'ACCEPTANCE'; instruction(tenorDays: number): string } | null;
  /**
   * How the balance is paid, in the contract's words (after "balance N%"), per due point and
   * language; `{tenorDays}` is filled from the plan. Plain text, so the console gets the same words.
   */
  terms: Readonly<Partial<Record<D, Record<TermsLanguage, string>>>>;
}

/** A payment method's policy, its names kept literal for the registry. */
export function definePaymentMethod<
  const M extends string,
  const D extends string,
  const E extends string = never,
  const S extends string = never,
  const F extends string = never,
>(
  policy: PaymentMethodPolicy<M, D, E, S, F> & { terms: Readonly<Record<D, Record<TermsLanguage, string>>> },
): PaymentMethodPolicy<M, D, E, S, F> {
  return policy;
}

/** The method's words for a due point (every due point has them: `definePaymentMethod` checks). */
export function termsAt<D extends string>(
  policy: Pick<PaymentMethodPolicy<string, D>, 'method' | 'terms'>,
  due: D,
  language: TermsLanguage,
): string {
  const words = policy.terms[due];
  if (!words) throw new Error(`${policy.method} has no terms for ${due}`);
  return words[language];
}
