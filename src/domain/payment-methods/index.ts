/**
 * The payment methods, one policy each. The method list (and so `PaymentMethod`, the schemas'
 * enum and the due points) is this registry's: a new method is its policy file plus its line in
 * `POLICIES`.
 */
import { da } from './da';
import type { AfterBillOfLading, PaymentMethodPolicy } from './define';
import { dp } from './dp';
import { lc } from './lc';
import { oa } from './oa';
import { tt } from './tt';

export { BALANCE_DUE, termsAt, type BalanceDue, type PlanTerms } from './define';

/** In the order clients see them (the schemas' enum). */
const POLICIES = [tt, lc, dp, da, oa] as const;

type Registered = (typeof POLICIES)[number];
type Methods<T extends readonly Registered[]> = { readonly [K in keyof T]: T[K]['method'] };

export type PaymentMethod = Registered['method'];
/** A point the balance may fall due at, under some method. */
export type BalanceDuePoint = Registered['duePoints'][number];
/** A client event that only some methods allow. */
export type MethodEventType = Registered['events'][number];
/** A process-list step that only some methods have. */
export type MethodStepKey = Registered['steps'][number];
/** An effect a method's step after the B/L starts. */
export type MethodEffectKind = Extract<
  ReturnType<Registered['afterBillOfLading']>,
  { effects: readonly string[] }
>['effects'][number];

/** Any method's policy, as the rules read it. */
export type Policy = PaymentMethodPolicy<
  PaymentMethod,
  BalanceDuePoint,
  MethodEventType,
  MethodStepKey,
  MethodEffectKind
>;
export type { AfterBillOfLading };

// `map` keeps a tuple's length and order, which its type cannot say.
export const PAYMENT_METHODS = POLICIES.map((p) => p.method) as unknown as Methods<typeof POLICIES>;

const BY_METHOD = Object.fromEntries(POLICIES.map((p) => [p.method, p])) as Record<PaymentMethod, Policy>;

/** The deposit is paid by T/T before production, whatever the balance's method. */
export const DEPOSIT_METHOD: PaymentMethod = tt.method;
/** The balance's method when neither the contract nor the quotation names one. */
export const DEFAULT_PAYMENT_METHOD: PaymentMethod = tt.method;

/** What the schemas say of the method codes: "TT telegraphic transfer, LC letter of credit, ...". */
export const PAYMENT_METHODS_DESCRIPTION = POLICIES.map((p) => `${p.method} ${p.description}`).join(', ');

/** Every point a balance may fall due at, in the methods' order. */
export const BALANCE_DUE_POINTS: readonly BalanceDuePoint[] = [
  ...new Set<BalanceDuePoint>(POLICIES.flatMap((p) => p.duePoints)),
];

export function paymentMethodPolicy(method: PaymentMethod): Policy {
  return BY_METHOD[method];
}

interface HasMethod {
  balanceMethod: PaymentMethod;
}

/** The policy of a plan's method (null without a plan). */
export function paymentMethodOf(plan: HasMethod): Policy;
export function paymentMethodOf(plan: HasMethod | null | undefined): Policy | null;
export function paymentMethodOf(plan: HasMethod | null | undefined): Policy | null {
  return plan ? BY_METHOD[plan.balanceMethod] : null;
}

/** Every method's policy, in the registry's order. */
export const PAYMENT_METHOD_POLICIES: readonly Policy[] = POLICIES;

/** Whether the plan's method allows a method-bound event (false without a plan). */
export function methodAllows(plan: HasMethod | null | undefined, event: MethodEventType): boolean {
  return paymentMethodOf(plan)?.events.includes(event) ?? false;
}

/** Whether the plan's method has a method-bound process-list step (false without a plan). */
export function methodHasStep(plan: HasMethod | null | undefined, step: MethodStepKey): boolean {
  return paymentMethodOf(plan)?.steps.includes(step) ?? false;
}
