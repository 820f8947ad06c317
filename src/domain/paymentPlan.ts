/**
 * The payment plan: how and when the customer pays, and so which path the order takes after the
 * B/L. The contract fixes it (defaults from the quotation's payment terms); every rule that
 * depends on the method reads it through the helpers below.
 */
import { compareMoney, nonNegativeMoneySchema, zero, type Money } from './money';
import { paymentMethodSchema, percentSchema, type PaymentMethod } from './schemas/common';
import type { ValidationDetail } from './schemas/validation';
import { describe, describeCopy, z } from './zod';

export const BALANCE_DUE = ['BEFORE_SHIPMENT', 'AGAINST_DOCUMENT_COPIES'] as const;
export type BalanceDue = (typeof BALANCE_DUE)[number];

export interface PaymentPlan {
  depositPercent: number;
  balanceMethod: PaymentMethod;
  /** TT only: when the balance is due; null for the other methods. */
  balanceDue: BalanceDue | null;
  /** Days after the B/L date (OA) or after the draft's acceptance (DA); 0 otherwise. */
  tenorDays: number;
  /** A payment short of what is due by at most this settles it; the shortfall is written off. */
  shortPaymentTolerance: Money;
}

// The plan's fields, one definition for the contract's words and a template's defaults.
const planFields = {
  depositPercent: describeCopy(percentSchema, 'Deposit paid by TT before production, percent of the total'),
  balanceMethod: paymentMethodSchema,
  balanceDue: describe(
    z.optional(z.enum(BALANCE_DUE)),
    'TT only: BEFORE_SHIPMENT, or AGAINST_DOCUMENT_COPIES (default)',
  ),
  tenorDays: describe(
    z.optional(z.int().check(z.minimum(0), z.maximum(360))),
    'Days after the B/L date (OA) or the acceptance of the draft (DA), 0-360; default 30 for OA and DA',
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
const DEFAULT_TENOR_DAYS = 30;

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
  const method = input.balanceMethod ?? quotation?.method ?? 'TT';
  if (input.balanceDue !== undefined && method !== 'TT') {
    problems.push({ path: 'paymentPlan.balanceDue', message: `applies to TT only, not ${method}` });
  }
  if (input.tenorDays !== undefined && input.tenorDays > 0 && method !== 'OA' && method !== 'DA') {
    problems.push({ path: 'paymentPlan.tenorDays', message: `applies to OA and DA only, not ${method}` });
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
      balanceDue: method === 'TT' ? (input.balanceDue ?? 'AGAINST_DOCUMENT_COPIES') : null,
      tenorDays: method === 'OA' || method === 'DA' ? (input.tenorDays ?? DEFAULT_TENOR_DAYS) : 0,
      shortPaymentTolerance: tolerance,
    },
  };
}

/** The methods where we keep the documents (the title to the goods) until the money is in. */
export function holdsDocumentsUntilPaid(plan: PaymentPlan): boolean {
  return plan.balanceMethod === 'TT' || plan.balanceMethod === 'LC' || plan.balanceMethod === 'DP';
}

/** The methods where the documents go to the buyer through the banks, not by our email. */
export function documentsGoThroughBanks(plan: PaymentPlan): boolean {
  return plan.balanceMethod === 'LC' || plan.balanceMethod === 'DP' || plan.balanceMethod === 'DA';
}

/** The methods that release the documents before the balance is paid, by their nature. */
export function releasesBeforePayment(plan: PaymentPlan): boolean {
  return plan.balanceMethod === 'OA' || plan.balanceMethod === 'DA';
}

export function isBeforeShipmentTT(plan: PaymentPlan | null): boolean {
  return plan?.balanceMethod === 'TT' && plan.balanceDue === 'BEFORE_SHIPMENT';
}

export function isAgainstCopiesTT(plan: PaymentPlan | null): boolean {
  return plan?.balanceMethod === 'TT' && plan.balanceDue === 'AGAINST_DOCUMENT_COPIES';
}

/** The payment terms as the invoice and the proforma print them: always what the plan says. */
export function paymentTermsText(plan: PaymentPlan): string {
  const deposit = plan.depositPercent > 0 ? `${plan.depositPercent}% deposit by T/T before production; ` : '';
  const rest = plan.depositPercent > 0 ? `balance ${100 - plan.depositPercent}%` : '100%';
  switch (plan.balanceMethod) {
    case 'TT':
      return plan.balanceDue === 'BEFORE_SHIPMENT'
        ? `${deposit}${rest} by T/T before shipment`
        : `${deposit}${rest} by T/T against copies of the shipping documents`;
    case 'LC':
      return `${deposit}${rest} by irrevocable documentary credit (L/C) at sight`;
    case 'DP':
      return `${deposit}${rest} documents against payment (D/P) at sight`;
    case 'DA':
      return `${deposit}${rest} documents against acceptance (D/A), ${plan.tenorDays} days after acceptance`;
    case 'OA':
      return `${deposit}${rest} on open account, ${plan.tenorDays} days from the B/L date`;
  }
}
