import { setTimeout as sleep } from 'node:timers/promises';
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
      // A wait in the activity, not a workflow timer: a timer's firing and an update in one workflow
      // task can replay in another order than they ran (docs/decisions/0009).
      if (input.waitMs) await sleep(input.waitMs);
      // The order's own company: row-level security accepts the rows for it only.
      await inCompany(input.company ?? DEFAULT_COMPANY, () => readModel.project(projectionBatch(input)));
    },
  };
}
