/**
 * Age buckets of money due: how many whole days a payment is past its due date. Money with no due
 * date yet (or a date still ahead) is not yet due. The read model turns these bounds into SQL, so
 * this list is the one definition of the buckets.
 */
export const AGE_BUCKETS = [
  { key: 'NOT_DUE', minDays: null, maxDays: 0 },
  { key: 'DAYS_1_30', minDays: 1, maxDays: 30 },
  { key: 'DAYS_31_60', minDays: 31, maxDays: 60 },
  { key: 'DAYS_61_90', minDays: 61, maxDays: 90 },
  { key: 'OVER_90', minDays: 91, maxDays: null },
] as const;

export type AgeBucket = (typeof AGE_BUCKETS)[number]['key'];

export const AGE_BUCKET_KEYS: AgeBucket[] = AGE_BUCKETS.map((b) => b.key);
