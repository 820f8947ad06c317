import { companyProfileSchema } from '../domain/companyProfile';
import { inCompany } from '../readModel/companyScope';
import type { ReadModel } from '../readModel/types';
import { activityCompany } from './company';
import type { CompanySettings } from './types';

/** The settings of the company whose order runs the current activity, from PostgreSQL. */
export function companySettings(readModel: Pick<ReadModel, 'profile' | 'members'>): CompanySettings {
  return {
    async exporter() {
      const stored = await inCompany(activityCompany(), () => readModel.profile());
      const parsed = companyProfileSchema.safeParse(stored);
      return parsed.success ? parsed.data : null;
    },
    async customerManagers() {
      const members = await inCompany(activityCompany(), () => readModel.members());
      return members.flatMap((m) => (m.role === 'customer-manager' && m.email ? [m.email] : []));
    },
  };
}
