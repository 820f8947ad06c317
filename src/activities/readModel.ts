import { DEFAULT_COMPANY } from '../domain/company';
import { inCompany } from '../readModel/companyScope';
import { projectionBatch, type ProjectionInput } from '../readModel/orderRecord';
import type { ReadModel } from '../readModel/types';

export interface ReadModelActivities {
  /** Writes the order's row, its new timeline records and emails; idempotent per event sequence. */
  projectOrder(input: ProjectionInput): Promise<void>;
}

export function createReadModelActivities(readModel: ReadModel): ReadModelActivities {
  return {
    async projectOrder(input) {
      // The order's own company: row-level security accepts the rows for it only.
      await inCompany(input.company ?? DEFAULT_COMPANY, () => readModel.project(projectionBatch(input)));
    },
  };
}
