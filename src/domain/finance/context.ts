/**
 * What the API finds outside the order for the one event that needs it, handed to the decision in
 * the event's context (decision 0008): a leaf of the domain, so `types.ts` can name it.
 */
import type { Money } from '../money';
import type { RebateMethod } from '../state/finance';

/** The customer's credit insurance (中信保 and the like), as a contract sees it. */
export interface CreditInsurance {
  insurer: string;
  policyNo: string;
  /** The insured buyer limit. */
  limit: Money;
  /** Days after the B/L date within which each shipment must be declared to the insurer. */
  declarationDays: number;
}

/** What the API found about the order's customer when a contract was signed. */
export interface CreditContext {
  customerId: string;
  /** What the customer's other open OA/DA/DP orders still owe, in the limits' currency. */
  exposure: Money;
  creditLimit: Money | null;
  insurance: CreditInsurance | null;
}

/** One row of the company's table: an HS code (or its leading digits) and its rate. */
export interface RebateRate {
  hsCode: string;
  rate: string;
}

/** What the company tells the rebate event: how it claims, and its table's rows for the order's codes. */
export interface RebateContext {
  method: RebateMethod;
  rates: RebateRate[];
}
