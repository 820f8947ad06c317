import type { ScopedPool } from './scopedPool';
import type { TemplateBody, TemplateVersion } from '../domain/schemas/template';

/** Template versions in PostgreSQL (see migrations/1780000000001_templates.sql). */
export interface TemplateStore {
  /** The latest version of every template, by name. */
  listTemplates(): Promise<TemplateVersion[]>;
  /** The latest version, or the one asked for; null when there is none. */
  getTemplate(name: string, version?: number): Promise<TemplateVersion | null>;
  /** Stores `body` as the template's next version (1 for a new name) and returns it. */
  putTemplate(name: string, body: TemplateBody, createdBy: string, at: Date): Promise<TemplateVersion>;
}

/** How many templates GET /templates lists at most; a desk has a handful. */
export const MAX_TEMPLATES_LISTED = 1000;

interface TemplateRow {
  name: string;
  version: number;
  body: TemplateBody;
  created_at: Date;
  created_by: string;
}

const COLUMNS = 'name, version, body, created_at, created_by';

const toVersion = (row: TemplateRow): TemplateVersion => ({
  name: row.name,
  version: row.version,
  body: row.body,
  createdAt: row.created_at.toISOString(),
  createdBy: row.created_by,
});

const INSERT_NEXT_VERSION = `
  INSERT INTO templates (name, version, body, created_at, created_by)
  SELECT $1, coalesce((SELECT max(version) FROM templates WHERE name = $1), 0) + 1, $2, $3, $4
  RETURNING ${COLUMNS}`;

export function templateStore({ query, transaction }: ScopedPool): TemplateStore {
  return {
    async listTemplates() {
      const rows = await query<TemplateRow>(
        `SELECT DISTINCT ON (name) ${COLUMNS} FROM templates ORDER BY name, version DESC LIMIT $1`,
        [MAX_TEMPLATES_LISTED],
      );
      return rows.map(toVersion);
    },
    async getTemplate(name, version) {
      const rows =
        version === undefined
          ? await query<TemplateRow>(
              `SELECT ${COLUMNS} FROM templates WHERE name = $1 ORDER BY version DESC LIMIT 1`,
              [name],
            )
          : await query<TemplateRow>(`SELECT ${COLUMNS} FROM templates WHERE name = $1 AND version = $2`, [
              name,
              version,
            ]);
      return rows[0] ? toVersion(rows[0]) : null;
    },
    putTemplate: (name, body, createdBy, at) =>
      transaction(async (client) => {
        // Two PUTs of one name at once: the second waits here, then its insert (a statement of its
        // own, so it sees the first one's row) takes the next number. The lock is per company.
        await client.query(
          `SELECT pg_advisory_xact_lock(hashtextextended('template:' || current_setting('app.company', true) || ':' || $1, 0))`,
          [name],
        );
        const { rows } = await client.query<TemplateRow>(INSERT_NEXT_VERSION, [
          name,
          JSON.stringify(body),
          at,
          createdBy,
        ]);
        if (!rows[0]) throw new Error(`template ${name}: the insert returned no row`);
        return toVersion(rows[0]);
      }),
  };
}
