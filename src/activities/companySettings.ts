import type { CompanyProfile } from '../domain/companyProfile';
import { inCompany } from '../readModel/companyScope';
import { exporterProfileOf } from '../readModel/exporterProfile';
import type { ReadModel } from '../readModel/types';
import { activityCompany } from './company';
import type { CompanySettings } from './types';

/** The settings of the company whose order runs the current activity, from PostgreSQL. */
export function companySettings(
  readModel: Pick<ReadModel, 'profile' | 'members' | 'companies'>,
  configured: CompanyProfile,
): CompanySettings {
  return {
    exporter: () => inCompany(activityCompany(), () => exporterProfileOf(readModel, configured)),
    async customerManagers() {
      const members = await inCompany(activityCompany(), () => readModel.members());
      return members.flatMap((m) => (m.role === 'customer-manager' && m.email ? [m.email] : []));
    },
  };
}
