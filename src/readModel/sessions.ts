import { acrossCompanies } from './companyScope';
import type { ScopedPool } from './scopedPool';

/** A signed-in person's console session (the cookie's secret is never stored, only its hash). */
export interface SessionRecord {
  subject: string;
  name: string;
  email: string | null;
  /** For the issuer's sign-out (`id_token_hint`). */
  idToken: string | null;
  expiresAt: string;
}

/** Console sessions, in PostgreSQL so that every API replica sees a sign-out at once. Platform scope. */
export interface SessionStore {
  createSession(idHash: Buffer, session: SessionRecord, at: Date): Promise<void>;
  /** A live session, or null (unknown, expired or ended). */
  session(idHash: Buffer, now: Date): Promise<SessionRecord | null>;
  endSession(idHash: Buffer): Promise<SessionRecord | null>;
}

interface SessionRow {
  subject: string;
  name: string;
  email: string | null;
  id_token: string | null;
  expires_at: Date;
}
const toSession = (r: SessionRow): SessionRecord => ({
  subject: r.subject,
  name: r.name,
  email: r.email,
  idToken: r.id_token,
  expiresAt: r.expires_at.toISOString(),
});

export function sessionStore({ query }: ScopedPool): SessionStore {
  return {
    async createSession(idHash, s, at) {
      await acrossCompanies(() =>
        query(
          `INSERT INTO sessions (id_hash, subject, name, email, id_token, created_at, expires_at)
           VALUES ($1, $2, $3, $4, $5, $6, $7)`,
          [idHash, s.subject, s.name, s.email, s.idToken, at, s.expiresAt],
        ),
      );
      // Expired sessions go now and then, with the sign-ins that make new ones.
      await acrossCompanies(() => query('DELETE FROM sessions WHERE expires_at < $1', [at]));
    },
    async session(idHash, now) {
      const rows = await acrossCompanies(() =>
        query<SessionRow>(
          'SELECT subject, name, email, id_token, expires_at FROM sessions WHERE id_hash = $1 AND expires_at > $2',
          [idHash, now],
        ),
      );
      return rows[0] ? toSession(rows[0]) : null;
    },
    async endSession(idHash) {
      const rows = await acrossCompanies(() =>
        query<SessionRow>(
          'DELETE FROM sessions WHERE id_hash = $1 RETURNING subject, name, email, id_token, expires_at',
          [idHash],
        ),
      );
      return rows[0] ? toSession(rows[0]) : null;
    },
  };
}
