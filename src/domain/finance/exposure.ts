/**
 * A customer's credit standing: its exposure (per currency) against its limits. Each limit is
 * compared with the exposure in the limit's own currency (the desk converts nothing); the tightest
 * limit is the one used the most. All in integer minor units.
 */
import { fromMinor, toMinor, type Money } from '../money';
import { creditLimits, type CreditContext, type CreditLimitKind } from './credit';

export interface CreditStanding {
  /** The limit used the most; null when the customer has none. */
  tightestLimit: CreditLimitKind | null;
  /** That limit less the exposure in its currency (negative beyond it). */
  headroom: Money | null;
  /** The exposure as a percent of that limit, a decimal string with two places ("83.33"). */
  utilisation: string | null;
  /** The exposure is above one of the limits. */
  beyondLimit: boolean;
}

/** `numerator / denominator` as a percent with two decimals, rounded half up (both ≥ 0). */
function percent(numerator: bigint, denominator: bigint): string {
  const hundredths = (numerator * 20_000n + denominator) / (2n * denominator);
  return `${hundredths / 100n}.${(hundredths % 100n).toString().padStart(2, '0')}`;
}

export function creditStanding(
  exposure: Money[],
  limits: Pick<CreditContext, 'creditLimit' | 'insurance'>,
): CreditStanding {
  const owed = (currency: string) =>
    exposure.filter((e) => e.currency === currency).reduce((sum, e) => sum + toMinor(e), 0n);
  let tightest: { kind: CreditLimitKind; limit: bigint; used: bigint; currency: string } | null = null;
  for (const { kind, limit } of creditLimits(limits)) {
    const candidate = { kind, limit: toMinor(limit), used: owed(limit.currency), currency: limit.currency };
    // used/limit > tightest.used/tightest.limit, without dividing.
    if (!tightest || candidate.used * tightest.limit > tightest.used * candidate.limit) tightest = candidate;
  }
  if (!tightest) return { tightestLimit: null, headroom: null, utilisation: null, beyondLimit: false };
  return {
    tightestLimit: tightest.kind,
    headroom: fromMinor(tightest.limit - tightest.used, tightest.currency),
    utilisation: percent(tightest.used, tightest.limit),
    beyondLimit: tightest.used > tightest.limit,
  };
}
