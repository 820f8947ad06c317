import { DEFAULT_COMPANY } from '../domain/company';
import { companyProfileSchema, type CompanyProfile } from '../domain/companyProfile';
import { z } from '../domain/zod';
import { acrossCompanies, requiredCompany } from './companyScope';
import { DatabaseUnavailableError } from './errors';
import type { ReadModel } from './types';

type ProfileReader = Pick<ReadModel, 'profile' | 'companies'>;

/**
 * What a company prints until it stores a profile: `default` the configured one (EXPORTER_*), any
 * other company its own name with the gate on: never another company's letterhead.
 */
function unstoredProfile(company: string, name: string, configured: CompanyProfile): CompanyProfile {
  return company === DEFAULT_COMPANY
    ? configured
    : { name, address: '', timeZone: configured.timeZone, documentGate: true };
}

/** The profile the current company's documents, letters and document gate read. */
export async function exporterProfileOf(
  readModel: ProfileReader,
  configured: CompanyProfile,
): Promise<CompanyProfile> {
  const company = requiredCompany();
  const stored = z.safeParse(companyProfileSchema, await readModel.profile());
  if (stored.success) return stored.data;
  if (company === DEFAULT_COMPANY) return configured;
  const [record] = await acrossCompanies(() => readModel.companies([company]));
  return unstoredProfile(company, record?.name ?? company, configured);
}

export interface ExporterProfiles {
  /** The current company's profile (the request's scope). */
  current(): Promise<CompanyProfile>;
  /** After the company stored a new profile: this process reads it at once. */
  forget(company: string): void;
}

/**
 * The API's profiles, read through a short cache: every event's decision needs its company's gate,
 * and events are still accepted while the database is down. Then the last profile read serves, or,
 * where this process has read none, the company's unstored one. Another API process sees a stored
 * change within `maxAgeMs`.
 */
export function exporterProfiles(
  readModel: ProfileReader,
  configured: CompanyProfile,
  { maxAgeMs = 30_000, clock = Date.now }: { maxAgeMs?: number; clock?: () => number } = {},
): ExporterProfiles {
  const cache = new Map<string, { profile: CompanyProfile; readAt: number }>();
  return {
    async current() {
      const company = requiredCompany();
      const cached = cache.get(company);
      if (cached && clock() - cached.readAt < maxAgeMs) return cached.profile;
      try {
        const profile = await exporterProfileOf(readModel, configured);
        cache.set(company, { profile, readAt: clock() });
        return profile;
      } catch (err) {
        if (!(err instanceof DatabaseUnavailableError)) throw err;
        return cached?.profile ?? unstoredProfile(company, company, configured);
      }
    },
    forget(company) {
      cache.delete(company);
    },
  };
}
