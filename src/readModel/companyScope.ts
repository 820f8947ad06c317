import { z } from '../domain/zod';
import { AsyncLocalStorage } from 'node:async_hooks';
import { companyIdSchema } from '../domain/company';

/**
 * Whose rows the read model's queries see. Every transaction sets the company with `SET LOCAL`
 * from this scope (never per connection, which a pool would hand to the next request); PostgreSQL's
 * row-level security does the rest. Outside any scope a query sets none and sees no rows.
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
 * The statements that open a read-model transaction for the current scope. The company id is
 * validated (`^[a-z0-9-]{2,40}$`), so it is safe as a literal; one round trip for all three.
 */
export function transactionPreamble(fallbackCompany?: string): string {
  const current =
    scope.getStore() ?? (fallbackCompany === undefined ? undefined : { company: fallbackCompany });
  const settings =
    current === undefined
      ? ''
      : 'company' in current
        ? `SELECT set_config('app.company', '${z.parse(companyIdSchema, current.company)}', true);`
        : `SELECT set_config('app.all_companies', 'on', true);`;
  return `BEGIN; SET LOCAL ROLE ${APP_ROLE}; ${settings}`;
}

/**
 * The role the read model's queries run as: it owns no table, so row-level security applies to it
 * (the migration creates it and grants it what the app needs).
 */
export const APP_ROLE = 'orderdesk_app';
