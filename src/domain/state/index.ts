/**
 * The order's state, one schema in parts; its types are inferred from it (re-exported by ../types)
 * and the view's schema is derived from it (../viewSchema). The domain's index exports the value
 * lists and types only: decisions never parse the state.
 */
export * from './bookkeeping';
export * from './cancellation';
export * from './contract';
export * from './corrections';
export * from './documents';
export * from './finance';
export * from './order';
export * from './payments';
export * from './policy';
export * from './production';
export * from './quotation';
export * from './rules';
export * from './shipping';
export * from './shipments';
export * from './steps';
export * from './template';
