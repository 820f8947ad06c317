/**
 * Which contract quantities each shipment carries, and its share of the balance. Quantities count
 * in thousandths (the schemas allow three decimals), so sums are exact.
 */
import { fromMinor, toMinor, toUnitPriceScaled, type Money } from '../money';
import type { ValidationDetail } from '../schemas/validation';
import type { Shipment, ShipmentLine } from '../state/shipments';
import type { OrderState } from '../types';

export const milli = (quantity: number): bigint => BigInt(Math.round(quantity * 1000));

type Allocating = Pick<OrderState, 'contract' | 'shipments'>;

/** The contract's quantity per line (thousandths), by 1-based line number. */
export function contractQuantities(state: Pick<OrderState, 'contract'>): bigint[] {
  return (state.contract?.lines ?? []).map((l) => milli(l.quantity));
}

const sumInto = (totals: bigint[], lines: readonly ShipmentLine[]) => {
  for (const l of lines) totals[l.lineNo - 1] = (totals[l.lineNo - 1] ?? 0n) + milli(l.quantity);
  return totals;
};

/** Per line, what the shipments (all, or those `which` picks) carry. */
export function allocatedQuantities(
  state: Allocating,
  which: (s: Shipment) => boolean = () => true,
): bigint[] {
  const totals = contractQuantities(state).map(() => 0n);
  for (const s of state.shipments?.list ?? []) if (which(s)) sumInto(totals, s.lines);
  return totals;
}

/** Its goods left: on a B/L, or collected under EXW. */
export const goodsLeft = (s: Pick<Shipment, 'shipping'>) =>
  s.shipping.billOfLading !== null || Boolean(s.shipping.collected);

/** Every contract quantity is on a B/L (or collected). */
export function everythingShipped(state: Allocating): boolean {
  const shipped = allocatedQuantities(state, goodsLeft);
  return contractQuantities(state).every((q, i) => shipped[i] >= q);
}

/** Why `lines` cannot be the allocation of `shipmentId` (the others kept as they are). */
export function allocationProblems(
  state: Allocating,
  shipmentId: string,
  lines: readonly ShipmentLine[],
  path = 'lines',
): ValidationDetail[] {
  const contract = contractQuantities(state);
  if (contract.length === 0) return [{ path, message: 'the contract has no lines to allocate' }];
  const problems: ValidationDetail[] = [];
  const seen = new Set<number>();
  lines.forEach((l, i) => {
    if (l.lineNo > contract.length)
      problems.push({ path: `${path}.${i}.lineNo`, message: `the contract has ${contract.length} lines` });
    if (seen.has(l.lineNo)) problems.push({ path: `${path}.${i}.lineNo`, message: 'named twice' });
    seen.add(l.lineNo);
  });
  if (problems.length) return problems;
  const others = allocatedQuantities(state, (s) => s.shipmentId !== shipmentId);
  const totals = sumInto([...others], lines);
  lines.forEach((l, i) => {
    const n = l.lineNo - 1;
    if (totals[n] > contract[n]) {
      const left = Number(contract[n] - others[n]) / 1000;
      problems.push({
        path: `${path}.${i}.quantity`,
        message: `exceeds the contract line's quantity: at most ${left} left to allocate`,
      });
    }
  });
  return problems;
}

/** A shipment's value on the contract's prices, unrounded (unit price ten-thousandths x thousandths). */
function valueOf(state: Pick<OrderState, 'contract'>, lines: readonly ShipmentLine[]): bigint {
  const contractLines = state.contract?.lines ?? [];
  return lines.reduce((sum, l) => {
    const line = contractLines[l.lineNo - 1];
    return line ? sum + toUnitPriceScaled(line.unitPrice) * milli(l.quantity) : sum;
  }, 0n);
}

const contractValue = (state: Pick<OrderState, 'contract'>) =>
  valueOf(
    state,
    (state.contract?.lines ?? []).map((l, i) => ({ lineNo: i + 1, quantity: l.quantity })),
  );

/** round(a x b / c), half up, for non-negative numbers. */
const scaleRound = (a: bigint, b: bigint, c: bigint) => (c === 0n ? 0n : (2n * a * b + c) / (2n * c));

/**
 * A shipment's share of `balance` (the order's balance before any shipment was closed short):
 * fixed shares stay; the others follow in plan order, each the rounded cumulative value less what
 * came before, so the shares of a fully shipped contract add up to the balance to the cent.
 */
export function shareOf(state: Allocating, shipmentId: string, balance: Money): Money {
  const list = state.shipments?.list ?? [];
  const total = contractValue(state);
  const b = toMinor(balance);
  const fixed = list.filter((s) => s.amount !== null);
  const own = list.find((s) => s.shipmentId === shipmentId);
  if (own?.amount) return own.amount;
  let before = fixed.reduce((sum, s) => sum + (s.amount ? toMinor(s.amount) : 0n), 0n);
  let cumulative = fixed.reduce((sum, s) => sum + valueOf(state, s.lines), 0n);
  for (const s of list.filter((x) => x.amount === null)) {
    cumulative += valueOf(state, s.lines);
    const upTo = scaleRound(b, cumulative, total);
    if (s.shipmentId === shipmentId) return fromMinor(upTo - before, balance.currency);
    before = upTo;
  }
  return fromMinor(0n, balance.currency);
}

/** What the contract's value not on any shipment with goods gone is worth of `balance`. */
export function unshippedShare(state: Allocating, balance: Money): Money {
  const list = state.shipments?.list ?? [];
  const shipped = list.filter(goodsLeft).reduce((sum, s) => sum + (s.amount ? toMinor(s.amount) : 0n), 0n);
  return fromMinor(toMinor(balance) - shipped, balance.currency);
}

/** A shipment's share of `total` by value, rounded (the insured value, the view's value). */
export function valueShareOf(state: Allocating, shipmentId: string, total: Money): Money {
  const own = state.shipments?.list.find((s) => s.shipmentId === shipmentId);
  if (!own) return fromMinor(0n, total.currency);
  return fromMinor(
    scaleRound(toMinor(total), valueOf(state, own.lines), contractValue(state)),
    total.currency,
  );
}
