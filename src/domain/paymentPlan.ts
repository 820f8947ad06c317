/**
 * The payment plan: how and when the customer pays, and so which path the order takes after the
 * B/L. The contract fixes it (defaults from the quotation's payment terms); every rule that
 * depends on the method is its policy's (`payment-methods/`), read here or through `paymentMethodOf`.
 */
import { depositTerms, dictionary, fill } from './i18n';
import { compareMoney, nonNegativeMoneySchema, zero, type Money } from './money';
import {
  BALANCE_DUE,
  DEFAULT_PAYMENT_METHOD,
  PAYMENT_METHOD_POLICIES,
  paymentMethodOf,
  paymentMethodPolicy,
  termsAt,
  type BalanceDue,
} from './payment-methods';
import { paymentMethodSchema, percentSchema, type Language, type PaymentMethod } from './schemas/common';
import type { ValidationDetail } from './schemas/validation';
import { describe, describeCopy, z } from './zod';

export { BALANCE_DUE, type BalanceDue };

export interface PaymentPlan {
  depositPercent: number;
  balanceMethod: PaymentMethod;
  /** When the balance is due, where the method lets the plan choose (TT); null otherwise. */
  balanceDue: BalanceDue | null;
  /** Days after the method's tenor starts (OA: the B/L date, DA: the draft's acceptance); 0 otherwise. */
  tenorDays: number;
  /** A payment short of what is due by at most this settles it; the shortfall is written off. */
  shortPaymentTolerance: Money;
}

// Which methods take a balanceDue or a tenor, in the words of the schema and its problems.
const withBalanceDue = PAYMENT_METHOD_POLICIES.filter((p) => p.balanceDue).map((p) => p.method);
const withTenor = PAYMENT_METHOD_POLICIES.filter((p) => p.tenor).map((p) => p.method);
const balanceDueWords = PAYMENT_METHOD_POLICIES.flatMap((p) =>
  p.balanceDue ? [`${p.method} (default ${p.balanceDue.default})`] : [],
).join(', ');
const tenorWords = PAYMENT_METHOD_POLICIES.flatMap((p) =>
  p.tenor ? [`${p.tenor.after} (${p.method}, default ${p.tenor.defaultDays})`] : [],
).join(' or ');

// The plan's fields, one definition for the contract's words and a template's defaults.
const planFields = {
  depositPercent: describeCopy(percentSchema, 'Deposit paid by TT before production, percent of the total'),
  balanceMethod: paymentMethodSchema,
  balanceDue: describe(
    z.optional(z.enum(BALANCE_DUE)),
    `${BALANCE_DUE.join(' or ')}; for ${balanceDueWords} only`,
  ),
  tenorDays: describe(
    z.optional(z.int().check(z.minimum(0), z.maximum(360))),
    `Days after ${tenorWords}, 0-360`,
  ),
  shortPaymentTolerance: describeCopy(
    z.optional(nonNegativeMoneySchema),
    'Bank charges the order absorbs: a payment short by at most this settles what is due (default 0)',
  ),
};

/** What `CONTRACT_SIGNED` may say of the plan; every field has a default. */
export const paymentPlanInputSchema = describe(
  z.strictObject({
    ...planFields,
    depositPercent: z.optional(planFields.depositPercent),
    balanceMethod: z.optional(planFields.balanceMethod),
  }),
  'Payment plan; defaults from the quotation’s payment terms',
);

/** A template's plan, the default of orders started from it: deposit and balance method are set. */
export const templatePaymentPlanSchema = describe(
  z.strictObject(planFields),
  "Payment plan: the template's default for new orders",
);
export type TemplatePaymentPlan = z.output<typeof templatePaymentPlanSchema>;

export type PaymentPlanInput = z.infer<typeof paymentPlanInputSchema>;

/** Used only if neither the contract nor a quotation fixed the deposit: the contract's documented default. */
export const DEFAULT_DEPOSIT_PERCENT = 30;

/**
 * The contract's plan words with its template's plan under them: the contract's own fields win,
 * then the template, then (in `resolvePaymentPlan`) the quotation. The template's method-bound
 * fields (balanceDue, tenorDays) only apply when the contract keeps the template's method, and its
 * tolerance only in its own currency, so a contract that departs from the template is never
 * refused for the template's sake.
 */
export function withTemplatePlan(
  input: PaymentPlanInput | undefined,
  depositPercent: number | undefined,
  template: PaymentPlanInput | null | undefined,
  currency: string,
): PaymentPlanInput | undefined {
  if (!template) return input;
  const own = Object.fromEntries(
    Object.entries(input ?? {}).filter(([, v]) => v !== undefined),
  ) as PaymentPlanInput;
  const method = own.balanceMethod ?? template.balanceMethod;
  const sameMethod = method === template.balanceMethod;
  const tolerance = template.shortPaymentTolerance;
  return {
    ...(depositPercent === undefined && template.depositPercent !== undefined
      ? { depositPercent: template.depositPercent }
      : {}),
    ...(method !== undefined ? { balanceMethod: method } : {}),
    ...(sameMethod && template.balanceDue !== undefined ? { balanceDue: template.balanceDue } : {}),
    ...(sameMethod && template.tenorDays !== undefined ? { tenorDays: template.tenorDays } : {}),
    ...(tolerance?.currency === currency ? { shortPaymentTolerance: tolerance } : {}),
    ...own,
  };
}

/** What the contract's plan resolves from: the contract's own words first, then the quotation's. */
export interface PlanSources {
  input: PaymentPlanInput | undefined;
  /** The v1 field `CONTRACT_SIGNED.depositPercent`. */
  depositPercent: number | undefined;
  quotation: { method: PaymentMethod; depositPercent: number } | null;
  total: Money;
}

export function resolvePaymentPlan({
  input = {},
  depositPercent,
  quotation,
  total,
}: PlanSources): { plan: PaymentPlan } | { problems: ValidationDetail[] } {
  const problems: ValidationDetail[] = [];
  if (
    depositPercent !== undefined &&
    input.depositPercent !== undefined &&
    depositPercent !== input.depositPercent
  ) {
    problems.push({ path: 'paymentPlan.depositPercent', message: 'differs from depositPercent' });
  }
  const method = input.balanceMethod ?? quotation?.method ?? DEFAULT_PAYMENT_METHOD;
  const policy = paymentMethodPolicy(method);
  if (input.balanceDue !== undefined && !policy.balanceDue) {
    problems.push({
      path: 'paymentPlan.balanceDue',
      message: `applies to ${withBalanceDue.join(' and ')} only, not ${method}`,
    });
  }
  if (input.tenorDays !== undefined && input.tenorDays > 0 && !policy.tenor) {
    problems.push({
      path: 'paymentPlan.tenorDays',
      message: `applies to ${withTenor.join(' and ')} only, not ${method}`,
    });
  }
  const tolerance = input.shortPaymentTolerance ?? zero(total.currency);
  if (tolerance.currency !== total.currency) {
    problems.push({
      path: 'paymentPlan.shortPaymentTolerance.currency',
      message: `must be the contract's currency ${total.currency}`,
    });
  } else if (compareMoney(tolerance, total) > 0) {
    problems.push({ path: 'paymentPlan.shortPaymentTolerance', message: 'exceeds the contract total' });
  }
  if (problems.length > 0) return { problems };
  return {
    plan: {
      depositPercent:
        input.depositPercent ?? depositPercent ?? quotation?.depositPercent ?? DEFAULT_DEPOSIT_PERCENT,
      balanceMethod: method,
      balanceDue: policy.balanceDue ? (input.balanceDue ?? policy.balanceDue.default) : null,
      tenorDays: policy.tenor ? (input.tenorDays ?? policy.tenor.defaultDays) : 0,
      shortPaymentTolerance: tolerance,
    },
  };
}

/** The methods where we keep the documents (the title to the goods) until the money is in. */
export function holdsDocumentsUntilPaid(plan: PaymentPlan): boolean {
  return !paymentMethodOf(plan).releasesBeforePayment;
}

/** The methods where the documents go to the buyer through the banks, not by our email. */
export function documentsGoThroughBanks(plan: PaymentPlan): boolean {
  return paymentMethodOf(plan).releasesVia === 'BANK';
}

/** The methods that release the documents before the balance is paid, by their nature. */
export function releasesBeforePayment(plan: PaymentPlan): boolean {
  return paymentMethodOf(plan).releasesBeforePayment;
}

/** The balance falls due before shipment (a T/T plan that says so). */
export function isBeforeShipmentTT(plan: PaymentPlan | null): boolean {
  return plan !== null && paymentMethodOf(plan).dueWhen(plan) === 'BEFORE_SHIPMENT';
}

/** The balance falls due against copies of the shipping documents (a T/T plan that says so). */
export function isAgainstCopiesTT(plan: PaymentPlan | null): boolean {
  return plan !== null && paymentMethodOf(plan).dueWhen(plan) === 'AGAINST_DOCUMENT_COPIES';
}

/**
 * The payment terms as the invoice, the proforma and the contract print them: always what the
 * plan says. Chinese follows the wording of Chinese export contracts (预付款, 余款, 电汇, 即期信用证,
 * 付款交单, 承兑交单, 赊账).
 */
export function paymentTermsText(plan: PaymentPlan, language: Language = 'en'): string {
  const method = paymentMethodOf(plan);
  const balance = fill(termsAt(method, method.dueWhen(plan), language), { tenorDays: plan.tenorDays });
  return `${depositTerms(plan.depositPercent, language)}${dictionary(language).terms.separator}${balance}`;
}
