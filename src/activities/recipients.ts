import { ApplicationFailure } from '@temporalio/common';
import { FailureType } from './errors';

/**
 * A plain `local@domain` address. Anything fancier (display names, comments, several addresses in one
 * string) is refused: recipients come from order data, and one string must mean exactly one mailbox.
 */
const ADDRESS_RE =
  /^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*$/;

export function isValidAddress(address: string): boolean {
  return typeof address === 'string' && address.length <= 254 && ADDRESS_RE.test(address);
}

/** Validates and de-duplicates (case-insensitively) the recipients; an address already in `to` leaves `cc`. */
export function normalizeRecipients(
  to: readonly string[],
  cc: readonly string[],
): { to: string[]; cc: string[] } {
  const seen = new Set<string>();
  const take = (list: readonly string[], field: string): string[] => {
    const out: string[] = [];
    for (const raw of list) {
      const address = typeof raw === 'string' ? raw.trim() : raw;
      if (!isValidAddress(address)) {
        throw ApplicationFailure.nonRetryable(
          `${field}: invalid email address ${JSON.stringify(raw)}`,
          FailureType.InvalidRecipient,
        );
      }
      const key = address.toLowerCase();
      if (!seen.has(key)) {
        seen.add(key);
        out.push(address);
      }
    }
    return out;
  };
  const result = { to: take(to, 'to'), cc: take(cc, 'cc') };
  if (result.to.length === 0) {
    throw ApplicationFailure.nonRetryable('no recipient in "to"', FailureType.InvalidRecipient);
  }
  return result;
}
