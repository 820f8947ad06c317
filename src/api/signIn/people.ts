import type { CompanyStore } from '../../readModel/companies';
import { PLATFORM_ROLES, type PlatformRole } from '../../domain/company';
import type { MemberRole, Person } from '../auth';

/** What the issuer says about someone (ID token or access token claims). */
export interface SignedInClaims {
  sub: string;
  name?: string;
  email?: string;
}

const isPlatformRole = (role: string | null): role is PlatformRole => PLATFORM_ROLES.some((r) => r === role);

/**
 * The person behind an issuer's subject: their companies and platform role come from this
 * deployment's database (company_members, platform_people), never from the issuer's claims, so
 * any standard issuer works and a company's admin decides who is in it.
 */
export async function personOf(
  store: Pick<CompanyStore, 'memberships' | 'platformRole'>,
  claims: SignedInClaims,
): Promise<Person> {
  const [memberships, platformRole] = await Promise.all([
    store.memberships(claims.sub),
    store.platformRole(claims.sub),
  ]);
  return {
    id: `user:${claims.sub}`,
    name: claims.name ?? claims.email ?? claims.sub,
    ...(claims.email ? { email: claims.email } : {}),
    ...(isPlatformRole(platformRole) ? { platformRole } : {}),
    companies: memberships.map((m) => ({ id: m.company, role: m.role as MemberRole })),
  };
}
