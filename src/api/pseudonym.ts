import { createHmac } from 'node:crypto';

/**
 * What the AccountManager search attribute holds instead of an address: an HMAC of the normalised
 * address under PSEUDONYM_KEY. Equal addresses match (engineers can filter in the Temporal UI:
 * `npx tsx scripts/pseudonym.ts <email>`), but without the key nobody can test a list of likely
 * addresses against it.
 */
export function accountManagerPseudonym(email: string, key: string): string {
  const digest = createHmac('sha256', key).update(email.trim().toLowerCase()).digest('base64url');
  return `am-${digest.slice(0, 22)}`;
}
