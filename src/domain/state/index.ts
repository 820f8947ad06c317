/**
 * The order's state, one schema in parts; the types are inferred from it. The schemas are not in
 * the domain's index (the workflow needs only the types and the value lists).
 */
export * from './bookkeeping';
export * from './cancellation';
export * from './contract';
export * from './documents';
export * from './order';
export * from './payments';
export * from './policy';
export * from './production';
export * from './quotation';
export * from './rules';
export * from './shipping';
export * from './steps';
export * from './template';
