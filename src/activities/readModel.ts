import { projectionBatch, type ProjectionInput } from '../readModel/orderRecord';
import type { ReadModel } from '../readModel/types';

export interface ReadModelActivities {
  /** Writes the order's row, its new timeline records and emails; idempotent per event sequence. */
  projectOrder(input: ProjectionInput): Promise<void>;
}

export function createReadModelActivities(readModel: ReadModel): ReadModelActivities {
  return {
    async projectOrder(input) {
      await readModel.project(projectionBatch(input));
    },
  };
}
