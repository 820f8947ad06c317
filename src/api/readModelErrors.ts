import { DatabaseUnavailableError, InvalidCursorError } from '../readModel/errors';
import { ApiError } from './errors';

export const databaseUnavailable = (cause?: unknown) =>
  new ApiError(
    503,
    'DATABASE_UNAVAILABLE',
    'the order database cannot be reached; events are still accepted, reads are back shortly',
    undefined,
    { cause, retryAfterSeconds: 5 },
  );

/** Runs one read-model call and maps its errors to the contract (`param` names a page token). */
export async function fromReadModel<T>(read: () => Promise<T>, param = 'cursor'): Promise<T> {
  try {
    return await read();
  } catch (err) {
    if (err instanceof DatabaseUnavailableError) throw databaseUnavailable(err);
    if (err instanceof InvalidCursorError)
      throw new ApiError(400, 'VALIDATION_FAILED', 'the query does not match the schema', [
        { path: param, message: 'not a token from a previous page' },
      ]);
    throw err;
  }
}
