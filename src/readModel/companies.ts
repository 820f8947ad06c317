import type { ScopedPool } from './scopedPool';
import { acrossCompanies } from './companyScope';

/** A company of the platform. */
export interface CompanyRecord {
  id: string;
  name: string;
  createdAt: string;
}

/** A service token a company admin created (the secret itself is shown once and never stored). */
export interface CompanyTokenRecord {
  id: string;
  name: string;
  role: string;
  createdAt: string;
  createdBy: string;
  revokedAt: string | null;
}

/** A member of a company, by the issuer's subject. */
export interface CompanyMember {
  subject: string;
  name: string;
  email: string | null;
  role: string;
}

/**
 * Companies, their people, service tokens and profiles. The lookups authentication needs before a
 * company is chosen (a token by its hash, a person's memberships) go through SECURITY DEFINER
 * functions of the migration; everything else runs in the current company's scope.
 */
export interface CompanyStore {
  /** Creates the companies that are not there yet (platform scope); `rename` also sets the names of those that are. */
  ensureCompanies(companies: { id: string; name: string }[], options?: { rename?: boolean }): Promise<void>;
  /** Creates a company; false when the id is taken. */
  createCompany(id: string, name: string): Promise<boolean>;
  /** The companies named (all when `ids` is undefined), by id. */
  companies(ids?: readonly string[]): Promise<CompanyRecord[]>;
  /** A live service token by the SHA-256 of its secret, across companies. */
  tokenByHash(hash: Buffer): Promise<{ id: string; company: string; name: string; role: string } | null>;
  /** Every company a person belongs to, with their role there, across companies. */
  memberships(subject: string): Promise<{ company: string; companyName: string; role: string }[]>;
  /** The person's platform role, if any. */
  platformRole(subject: string): Promise<string | null>;
  /** In the current company: adds or updates a member. */
  putMember(member: CompanyMember): Promise<void>;
  /** In the current company. */
  members(): Promise<CompanyMember[]>;
  /** Platform scope: adds or updates one of the platform's people. */
  putPlatformPerson(person: {
    subject: string;
    name: string;
    email: string | null;
    role: string;
  }): Promise<void>;
  /** In the current company. */
  createToken(
    token: { id: string; name: string; role: string; hash: Buffer; createdBy: string },
    at: Date,
  ): Promise<CompanyTokenRecord>;
  /** In the current company, newest first. */
  tokens(): Promise<CompanyTokenRecord[]>;
  /** In the current company: false when there is no live token with the id. */
  revokeToken(id: string, at: Date): Promise<boolean>;
  /** In the current company: its stored profile (JSON), or null. */
  profile(): Promise<unknown>;
  /** In the current company. */
  putProfile(profile: unknown, by: string, at: Date): Promise<void>;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

interface TokenRow {
  id: string;
  name: string;
  role: string;
  created_at: Date;
  created_by: string;
  revoked_at: Date | null;
}
const toToken = (r: TokenRow): CompanyTokenRecord => ({
  id: r.id,
  name: r.name,
  role: r.role,
  createdAt: r.created_at.toISOString(),
  createdBy: r.created_by,
  revokedAt: r.revoked_at ? r.revoked_at.toISOString() : null,
});

export function companyStore({ query }: ScopedPool): CompanyStore {
  return {
    async ensureCompanies(companies, { rename = false } = {}) {
      if (!companies.length) return;
      await acrossCompanies(() =>
        query(
          `INSERT INTO companies (id, name) SELECT r.id, r.name
           FROM jsonb_to_recordset($1::jsonb) AS r(id text, name text)
           ON CONFLICT (id) DO ${rename ? 'UPDATE SET name = excluded.name' : 'NOTHING'}`,
          [JSON.stringify(companies)],
        ),
      );
    },
    async createCompany(id, name) {
      const rows = await acrossCompanies(() =>
        query<{ id: string }>(
          'INSERT INTO companies (id, name) VALUES ($1, $2) ON CONFLICT (id) DO NOTHING RETURNING id',
          [id, name],
        ),
      );
      return rows.length === 1;
    },
    async companies(ids) {
      const rows = await acrossCompanies(() =>
        query<{ id: string; name: string; created_at: Date }>(
          ids === undefined
            ? 'SELECT id, name, created_at FROM companies ORDER BY id'
            : 'SELECT id, name, created_at FROM companies WHERE id = ANY($1::text[]) ORDER BY id',
          ids === undefined ? [] : [ids],
        ),
      );
      return rows.map((r) => ({ id: r.id, name: r.name, createdAt: r.created_at.toISOString() }));
    },
    async tokenByHash(hash) {
      const rows = await query<{ id: string; company: string; name: string; role: string }>(
        'SELECT id, company, name, role FROM orderdesk_token_lookup($1)',
        [hash],
      );
      return rows[0] ?? null;
    },
    async memberships(subject) {
      const rows = await query<{ company: string; company_name: string; role: string }>(
        'SELECT company, company_name, role FROM orderdesk_memberships($1)',
        [subject],
      );
      return rows.map((r) => ({ company: r.company, companyName: r.company_name, role: r.role }));
    },
    async platformRole(subject) {
      const rows = await query<{ role: string | null }>('SELECT orderdesk_platform_role($1) AS role', [
        subject,
      ]);
      return rows[0]?.role ?? null;
    },
    async putMember(m) {
      await query(
        `INSERT INTO company_members (subject, name, email, role) VALUES ($1, $2, $3, $4)
         ON CONFLICT (company, subject) DO UPDATE SET name = excluded.name, email = excluded.email, role = excluded.role`,
        [m.subject, m.name, m.email, m.role],
      );
    },
    async members() {
      return query<CompanyMember>(
        'SELECT subject, name, email, role FROM company_members ORDER BY role, name, subject',
      );
    },
    async putPlatformPerson(p) {
      await acrossCompanies(() =>
        query(
          `INSERT INTO platform_people (subject, name, email, role) VALUES ($1, $2, $3, $4)
           ON CONFLICT (subject) DO UPDATE SET name = excluded.name, email = excluded.email, role = excluded.role`,
          [p.subject, p.name, p.email, p.role],
        ),
      );
    },
    async createToken(t, at) {
      const rows = await query<TokenRow>(
        `INSERT INTO company_tokens (id, name, role, token_hash, created_at, created_by)
         VALUES ($1, $2, $3, $4, $5, $6) RETURNING id, name, role, created_at, created_by, revoked_at`,
        [t.id, t.name, t.role, t.hash, at, t.createdBy],
      );
      const row = rows[0];
      if (!row) throw new Error('company token: the insert returned no row');
      return toToken(row);
    },
    async tokens() {
      const rows = await query<TokenRow>(
        `SELECT id, name, role, created_at, created_by, revoked_at FROM company_tokens
         ORDER BY created_at DESC, id LIMIT 1000`,
      );
      return rows.map(toToken);
    },
    async revokeToken(id, at) {
      if (!UUID.test(id)) return false;
      const rows = await query<{ id: string }>(
        'UPDATE company_tokens SET revoked_at = $2 WHERE id = $1 AND revoked_at IS NULL RETURNING id',
        [id, at],
      );
      return rows.length === 1;
    },
    async profile() {
      const rows = await query<{ profile: unknown }>('SELECT profile FROM company_profiles');
      return rows[0]?.profile ?? null;
    },
    async putProfile(profile, by, at) {
      await query(
        `INSERT INTO company_profiles (profile, updated_at, updated_by) VALUES ($1, $2, $3)
         ON CONFLICT (company) DO UPDATE SET profile = excluded.profile, updated_at = excluded.updated_at,
           updated_by = excluded.updated_by`,
        [JSON.stringify(profile), at, by],
      );
    },
  };
}
