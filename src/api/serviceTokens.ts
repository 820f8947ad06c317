import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { ApiToken } from '../config/apiEnv';
import type { PlatformRole } from '../domain/company';
import type { CompanyStore } from '../readModel/companies';
import type { CredentialResolver, MemberRole, Person } from './auth';

export const tokenDigest = (text: string): Buffer => createHash('sha256').update(text, 'utf8').digest();

/** A person from an `API_TOKENS` entry: a company role in its company, or a platform role. */
function personOf(t: ApiToken): Person {
  const id = `token:${t.name}`;
  if (t.role === 'platform-admin') return { id, name: t.name, platformRole: 'platform-admin', companies: [] };
  const company = t.company ?? 'default';
  const platformRole: PlatformRole | undefined =
    t.role === 'customer-manager' ? 'customer-manager' : undefined;
  const role: MemberRole = t.role;
  return { id, name: t.name, ...(platformRole ? { platformRole } : {}), companies: [{ id: company, role }] };
}

/**
 * The configured tokens (`API_TOKENS`). Compared as SHA-256 digests (equal length) with
 * timingSafeEqual, and every configured token is compared, so timing says nothing about which matched.
 */
export function configuredTokens(tokens: readonly ApiToken[]): CredentialResolver {
  // One token named with several companies (a customer manager's) is one person in each of them.
  const byToken = new Map<string, Person>();
  for (const t of tokens) {
    const person = personOf(t);
    const seen = byToken.get(t.token);
    if (seen)
      seen.companies.push(...person.companies.filter((c) => !seen.companies.some((s) => s.id === c.id)));
    else byToken.set(t.token, person);
  }
  const known = [...byToken].map(([token, person]) => ({ person, hash: tokenDigest(token) }));
  return (presented) => {
    const hash = tokenDigest(presented);
    let found: Person | undefined;
    for (const t of known) {
      if (timingSafeEqual(t.hash, hash) && !found) found = t.person;
    }
    return Promise.resolve(found);
  };
}

/** Prefix of the tokens a company admin creates: they are told from the issuer's JWTs at a glance. */
export const COMPANY_TOKEN_PREFIX = 'odt_';

/** A new company token's secret (shown once; only its digest is stored). */
export const newCompanyTokenSecret = (): string =>
  `${COMPANY_TOKEN_PREFIX}${randomBytes(32).toString('base64url')}`;

/** Tokens a company admin created (`/company/tokens`), by the digest stored in PostgreSQL. */
export function storedTokens(store: Pick<CompanyStore, 'tokenByHash'>): CredentialResolver {
  return async (presented) => {
    if (!presented.startsWith(COMPANY_TOKEN_PREFIX)) return undefined;
    const found = await store.tokenByHash(tokenDigest(presented));
    if (!found) return undefined;
    return {
      id: `token:${found.id}`,
      name: found.name,
      companies: [{ id: found.company, role: found.role as MemberRole }],
    };
  };
}
