/** The database cannot be reached (refused, reset, shutting down, starting, or too slow to connect). */
export class DatabaseUnavailableError extends Error {
  override name = 'DatabaseUnavailableError';
}

/** A page token or cursor that this read model did not issue. */
export class InvalidCursorError extends Error {
  override name = 'InvalidCursorError';
}
