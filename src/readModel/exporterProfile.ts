import { DEFAULT_COMPANY } from '../domain/company';
import { companyProfileSchema, type CompanyProfile } from '../domain/companyProfile';
import { z } from '../domain/zod';
import { acrossCompanies, requiredCompany } from './companyScope';
import type { ReadModel } from './types';

/**
 * The profile the current company's documents, letters and document gate read: the one it stored.
 * Until it stores one, `default` prints the configured profile (EXPORTER_*), and any other company
 * its own name only with the gate on: never another company's letterhead.
 */
export async function exporterProfileOf(
  readModel: Pick<ReadModel, 'profile' | 'companies'>,
  configured: CompanyProfile,
): Promise<CompanyProfile> {
  const company = requiredCompany();
  const stored = z.safeParse(companyProfileSchema, await readModel.profile());
  if (stored.success) return stored.data;
  if (company === DEFAULT_COMPANY) return configured;
  const [record] = await acrossCompanies(() => readModel.companies([company]));
  return { name: record?.name ?? company, address: '', timeZone: configured.timeZone, documentGate: true };
}
