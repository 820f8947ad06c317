import { z } from '../domain/zod';
import { AsyncLocalStorage } from 'node:async_hooks';
import { companyIdSchema } from '../domain/company';

/**
 * Whose rows the read model's queries see. Every query sets the company from this scope, a
 * transaction with `SET LOCAL`, a single statement on its connection (scopedPool.ts: set again
 * whenever the connection's last scope is not the query's); PostgreSQL's row-level security does
 * the rest. Outside any scope a query sets none and sees no rows.
 */
type Scope = { company: string } | { allCompanies: true };

const scope = new AsyncLocalStorage<Scope>();

/** Runs `work` with the read model acting for one company. */
export function inCompany<T>(company: string, work: () => T): T {
  return scope.run({ company: z.parse(companyIdSchema, company) }, work);
}

/**
 * The platform's scope: every company's rows for reading (the metrics' gauges), and the platform's
 * own tables (companies, people, sessions) for writing. Company data is written in a company scope only.
 */
export function acrossCompanies<T>(work: () => T): T {
  return scope.run({ allCompanies: true }, work);
}

/** The company of the current scope, or undefined outside one (and across companies). */
export function currentCompany(): string | undefined {
  const current = scope.getStore();
  return current && 'company' in current ? current.company : undefined;
}

/** The company of the current scope; throws outside one (a route that forgot its scope is a bug). */
export function requiredCompany(): string {
  const company = currentCompany();
  if (company === undefined) throw new Error('no company in scope: the request or activity must set one');
  return company;
}

/**
 * Both settings of the current scope, always both: a connection may still hold another scope's
 * (scopedPool.ts sets them per connection), and an unset one must not let it through.
 */
function scopeSettings(fallbackCompany: string | undefined): { company: string; allCompanies: string } {
  const current =
    scope.getStore() ?? (fallbackCompany === undefined ? undefined : { company: fallbackCompany });
  if (current === undefined) return { company: '', allCompanies: '' };
  return 'company' in current
    ? { company: z.parse(companyIdSchema, current.company), allCompanies: '' }
    : { company: '', allCompanies: 'on' };
}

// The company id is validated (`^[a-z0-9-]{2,40}$`), so it is safe as a literal.
const settingsSql = ({ company, allCompanies }: ReturnType<typeof scopeSettings>, local: boolean) =>
  `SELECT set_config('app.company', '${company}', ${local}), set_config('app.all_companies', '${allCompanies}', ${local});`;

/** The statements that open a read-model transaction for the current scope, in one round trip. */
export function transactionPreamble(fallbackCompany?: string): string {
  return `BEGIN; SET LOCAL ROLE ${APP_ROLE}; ${settingsSql(scopeSettings(fallbackCompany), true)}`;
}

/**
 * The current scope as a connection's own settings (until set again; a transaction's `SET LOCAL`
 * only covers it for the transaction), and its key: the same key, the same settings.
 */
export function sessionScope(fallbackCompany?: string): { key: string; statement: string } {
  const settings = scopeSettings(fallbackCompany);
  return {
    key: `${settings.company}|${settings.allCompanies}`,
    statement: `SET ROLE ${APP_ROLE}; ${settingsSql(settings, false)}`,
  };
}

/**
 * The role the read model's queries run as: it owns no table, so row-level security applies to it
 * (the migration creates it and grants it what the app needs).
 */
export const APP_ROLE = 'orderdesk_app';
