/**
 * What the customer owes and has paid: the deposit and the balance, each required, received and
 * written off. Every payment event applies its money through `applyMoney`, so the one invariant
 * holds everywhere: received + written off + outstanding = the contract total.
 */
import { addMoney, compareMoney, formatMoney, subtractMoney, toMinor, zero, type Money } from './money';
import type { ValidationDetail } from './schemas/validation';
import type { OrderState, PaymentPart, PaymentsState } from './types';

type Owing = Pick<OrderState, 'contract' | 'payments'>;

const orZero = (m: Money | null, currency: string) => m ?? zero(currency);
const atLeastZero = (m: Money) => (toMinor(m) < 0n ? zero(m.currency) : m);
const min = (a: Money, b: Money) => (compareMoney(a, b) <= 0 ? a : b);

/** What is left of the deposit; zero once it is paid or written off. */
export function depositOpen(p: PaymentsState): Money | null {
  if (!p.depositRequired) return null;
  const c = p.depositRequired.currency;
  const settled = addMoney(orZero(p.depositReceived, c), orZero(p.depositWrittenOff, c));
  return atLeastZero(subtractMoney(p.depositRequired, settled));
}

/** What is left of the balance (the contract total less the deposit settled); zero once paid. */
export function balanceOpen(p: PaymentsState): Money | null {
  if (!p.balanceRequired) return null;
  const c = p.balanceRequired.currency;
  const settled = addMoney(orZero(p.balanceReceived, c), orZero(p.balanceWrittenOff, c));
  return atLeastZero(subtractMoney(p.balanceRequired, settled));
}

const isZero = (m: Money | null) => m !== null && toMinor(m) === 0n;
const isPositive = (m: Money | null) => m !== null && toMinor(m) > 0n;
/** Some of the balance is still to be paid (or written off). */
export const balanceOwed = (p: PaymentsState) => isPositive(balanceOpen(p));
export const depositSettled = (p: PaymentsState) => isZero(depositOpen(p));
export const balanceSettled = (p: PaymentsState) => isZero(balanceOpen(p));

export function totalReceived(state: Owing): Money | null {
  const { contract, payments: p } = state;
  if (!contract) return null;
  const c = contract.totalAmount.currency;
  return addMoney(orZero(p.depositReceived, c), orZero(p.balanceReceived, c));
}

export function totalWrittenOff(state: Owing): Money | null {
  const { contract, payments: p } = state;
  if (!contract) return null;
  const c = contract.totalAmount.currency;
  return addMoney(orZero(p.depositWrittenOff, c), orZero(p.balanceWrittenOff, c));
}

/** Everything still owed on the contract (total less received less written off), due or not. */
export function outstanding(state: Owing): Money | null {
  const received = totalReceived(state);
  const writtenOff = totalWrittenOff(state);
  if (!state.contract || !received || !writtenOff) return null;
  return atLeastZero(subtractMoney(subtractMoney(state.contract.totalAmount, received), writtenOff));
}

export const owesMoney = (state: Owing): boolean => {
  const owed = outstanding(state);
  return owed !== null && toMinor(owed) > 0n;
};

/** Money arriving (or written off) and where it may go. */
export interface MoneyIn {
  /** Cash received; zero for a write-off. */
  received: Money;
  /** Written off with it: bank charges the payer's banks kept, or a manager's write-off. */
  writtenOff: Money;
  /** Which parts it may settle: the deposit, the balance, or both (deposit first). */
  to: 'DEPOSIT' | 'BALANCE' | 'ANY';
}

export interface MoneyApplied {
  payments: PaymentsState;
  /** The shortfall the plan's tolerance wrote off, if any. */
  toleranceWrittenOff: Money | null;
  /** The parts this money settled. */
  settled: PaymentPart[];
}

/**
 * Applies money to what is due: the deposit first, then the balance. More than is due is refused;
 * a part left short by no more than the plan's tolerance is settled and the shortfall written off.
 */
export function applyMoney(
  p: PaymentsState,
  total: Money,
  money: MoneyIn,
  path = 'amount',
): MoneyApplied | { problems: ValidationDetail[] } {
  const depOpen = depositOpen(p);
  const balOpen = balanceOpen(p);
  if (!depOpen || !balOpen || !p.plan) throw new Error('a payment before the contract');
  const currency = depOpen.currency;
  if (money.received.currency !== currency) {
    return {
      problems: [{ path: `${path}.currency`, message: `must be the contract's currency ${currency}` }],
    };
  }
  if (money.writtenOff.currency !== currency) {
    return {
      problems: [{ path: 'bankCharges.currency', message: `must be the contract's currency ${currency}` }],
    };
  }
  // Before the deposit is settled the balance still holds the deposit's open part: count it once.
  const balanceOnly = subtractMoney(balOpen, depOpen);
  const due = money.to === 'DEPOSIT' ? depOpen : money.to === 'BALANCE' ? atLeastZero(balanceOnly) : balOpen;
  const gross = addMoney(money.received, money.writtenOff);
  if (compareMoney(gross, due) > 0) {
    const what = money.to === 'DEPOSIT' ? 'deposit' : money.to === 'BALANCE' ? 'balance' : 'amount';
    return {
      problems: [{ path: `${path}.amount`, message: `exceeds the ${what} still due (${formatMoney(due)})` }],
    };
  }

  // Cash, then the written-off part, go to the deposit first (unless only the balance may take it).
  let next = { ...p };
  const settledBefore = { DEPOSIT: depositSettled(p), BALANCE: balanceSettled(p) };
  const touched = new Set<PaymentPart>();
  const pour = (amount: Money, kind: 'Received' | 'WrittenOff') => {
    let left = amount;
    if (money.to !== 'BALANCE') {
      const take = min(left, depositOpen(next) ?? zero(currency));
      if (toMinor(take) > 0n) {
        touched.add('DEPOSIT');
        const key = `deposit${kind}` as const;
        next = { ...next, [key]: addMoney(orZero(next[key], currency), take) };
        next = { ...next, balanceRequired: balanceRequiredOf(next, total) };
        left = subtractMoney(left, take);
      }
    }
    if (toMinor(left) > 0n) {
      touched.add('BALANCE');
      const key = `balance${kind}` as const;
      next = { ...next, [key]: addMoney(orZero(next[key], currency), left) };
    }
  };
  pour(money.received, 'Received');
  pour(money.writtenOff, 'WrittenOff');

  // The tolerance settles the part this money was meant for, if it is left just short.
  let toleranceWrittenOff: Money | null = null;
  const tolerance = p.plan.shortPaymentTolerance;
  const target: PaymentPart | undefined = [...touched].pop();
  if (target && toMinor(tolerance) > 0n) {
    const open = target === 'DEPOSIT' ? depositOpen(next) : balanceOpen(next);
    if (open && toMinor(open) > 0n && compareMoney(open, tolerance) <= 0) {
      toleranceWrittenOff = open;
      if (target === 'DEPOSIT') {
        next = { ...next, depositWrittenOff: addMoney(orZero(next.depositWrittenOff, currency), open) };
        next = { ...next, balanceRequired: balanceRequiredOf(next, total) };
      } else {
        next = { ...next, balanceWrittenOff: addMoney(orZero(next.balanceWrittenOff, currency), open) };
      }
    }
  }
  const settled = (['DEPOSIT', 'BALANCE'] as const).filter(
    (part) => !settledBefore[part] && (part === 'DEPOSIT' ? depositSettled(next) : balanceSettled(next)),
  );
  return { payments: next, toleranceWrittenOff, settled };
}

/** The pinned rule: the contract total less the deposit received and the deposit written off. */
export function balanceRequiredOf(p: PaymentsState, total: Money): Money {
  const c = total.currency;
  return subtractMoney(subtractMoney(total, orZero(p.depositReceived, c)), orZero(p.depositWrittenOff, c));
}
