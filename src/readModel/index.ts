export * from './types';
export { DatabaseUnavailableError, InvalidCursorError, isUnavailable } from './errors';
export { createReadModel, type ReadModelOptions } from './postgres';
export { migrate, migrateWhenReachable } from './migrate';
