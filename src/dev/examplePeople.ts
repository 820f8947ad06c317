import { inCompany } from '../readModel/companyScope';
import type { CompanyStore } from '../readModel/companies';

/**
 * The documented example people of the local sign-in provider (`npm start`; refused in production):
 * two exporter companies and the platform's customer manager, who looks after both. The login name
 * is the person's subject; the local provider takes any password.
 */
/** The console's client id at the local provider. */
export const LOCAL_CLIENT_ID = 'orderdesk-console';
/** The API's audience in the local provider's access tokens. */
export const LOCAL_API_AUDIENCE = 'urn:orderdesk:api';

export const EXAMPLE_COMPANIES = [
  { id: 'acme', name: 'Acme Lighting Export Co.' },
  { id: 'globex', name: 'Globex Textiles Trading' },
] as const;

export interface ExamplePerson {
  /** The login name at the local provider, and the issuer's `sub`. */
  subject: string;
  name: string;
  email: string;
  companies: { id: string; role: 'viewer' | 'ops' | 'manager' | 'admin' | 'customer-manager' }[];
  platformRole?: 'customer-manager' | 'platform-admin';
}

export const EXAMPLE_PEOPLE: readonly ExamplePerson[] = [
  {
    subject: 'li.na',
    name: 'Li Na',
    email: 'li.na@acme.example',
    companies: [{ id: 'acme', role: 'admin' }],
  },
  {
    subject: 'wang.wei',
    name: 'Wang Wei',
    email: 'wang.wei@acme.example',
    companies: [{ id: 'acme', role: 'ops' }],
  },
  {
    subject: 'chen.jie',
    name: 'Chen Jie',
    email: 'chen.jie@globex.example',
    companies: [{ id: 'globex', role: 'admin' }],
  },
  {
    subject: 'zhao.min',
    name: 'Zhao Min',
    email: 'zhao.min@globex.example',
    companies: [{ id: 'globex', role: 'ops' }],
  },
  {
    subject: 'zhou.lan',
    name: 'Zhou Lan',
    email: 'zhou.lan@platform.example',
    platformRole: 'customer-manager',
    companies: [
      { id: 'acme', role: 'customer-manager' },
      { id: 'globex', role: 'customer-manager' },
    ],
  },
  {
    subject: 'admin',
    name: 'Platform Admin',
    email: 'admin@platform.example',
    platformRole: 'platform-admin',
    companies: [],
  },
];

/** Writes the example companies and people into the database (idempotent). */
export async function seedExamplePeople(store: CompanyStore): Promise<void> {
  await store.ensureCompanies([...EXAMPLE_COMPANIES], { rename: true });
  for (const person of EXAMPLE_PEOPLE) {
    if (person.platformRole)
      await store.putPlatformPerson({
        subject: person.subject,
        name: person.name,
        email: person.email,
        role: person.platformRole,
      });
    for (const membership of person.companies)
      await inCompany(membership.id, () =>
        store.putMember({
          subject: person.subject,
          name: person.name,
          email: person.email,
          role: membership.role,
        }),
      );
  }
}
