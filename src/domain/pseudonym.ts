/**
 * A stable pseudonym for a person's email address, for places stored in clear text where an
 * address must not appear (Temporal search attributes) but equality must still be searchable:
 * the API computes the same pseudonym from the `accountManager` filter. FNV-1a 64-bit over the
 * normalised address; pure and deterministic, so it also runs inside workflow code.
 */
export function emailPseudonym(email: string): string {
  const text = email.trim().toLowerCase();
  let hash = 0xcbf29ce484222325n;
  for (let i = 0; i < text.length; i++) {
    hash ^= BigInt(text.charCodeAt(i));
    hash = (hash * 0x100000001b3n) & 0xffffffffffffffffn;
  }
  return `p-${hash.toString(16).padStart(16, '0')}`;
}
