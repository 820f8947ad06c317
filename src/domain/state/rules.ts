/**
 * The rules version an order follows, fixed when it starts (`createOrder` sets the current one).
 *
 * An order lives for months across deploys. When a decide rule changes after release 1.0 in a way
 * an order already under way must not see, raise CURRENT_RULES_VERSION and branch on the order's
 * own version (`rulesVersion(state) >= 2 ? newRule : oldRule`), as Temporal's `patched()` gates a
 * workflow change, but decided once per order: the version travels in the state through every
 * update, replay and continue-as-new, so the order keeps the rules it started with. States from
 * before the version existed carry none: they follow version 1.
 */
import type { OrderState } from './order';

export const CURRENT_RULES_VERSION = 1;

/** The rules version `state` follows. */
export function rulesVersion(state: OrderState): number {
  return state.rulesVersion ?? 1;
}
