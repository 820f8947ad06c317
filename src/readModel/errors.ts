/** The database cannot be reached or is not taking work now (down, restarting, out of connections). */
export class DatabaseUnavailableError extends Error {
  override name = 'DatabaseUnavailableError';
}

/** A page token or timeline cursor that this read model did not hand out. */
export class InvalidCursorError extends Error {
  override name = 'InvalidCursorError';
}

// SQLSTATEs: connection exceptions (class 08), shutting down / starting up (57P01-57P03), and
// too many connections (53300): all pass once the server is back.
const UNAVAILABLE_SQLSTATE = /^(08...|57P0[123]|53300)$/;
const UNAVAILABLE_SOCKET = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ECONNABORTED',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
]);
// node-postgres reports a lost connection and its own connect timeouts without a code.
const UNAVAILABLE_MESSAGE =
  /Connection terminated|timeout exceeded when trying to connect|connection timeout|Client has encountered a connection error|not queryable/i;

/**
 * Duck-typed: errors from Node's sockets come from another realm under jest, where `instanceof
 * Error` is false.
 */
export function isUnavailable(err: unknown): boolean {
  if (err instanceof DatabaseUnavailableError) return true;
  if (typeof err !== 'object' || err === null) return false;
  const { code, message, errors } = err as { code?: unknown; message?: unknown; errors?: unknown };
  if (typeof code === 'string' && (UNAVAILABLE_SQLSTATE.test(code) || UNAVAILABLE_SOCKET.has(code)))
    return true;
  // Node wraps the attempts at several addresses (localhost: ::1 and 127.0.0.1) in an AggregateError.
  if (Array.isArray(errors) && errors.some(isUnavailable)) return true;
  return typeof message === 'string' && UNAVAILABLE_MESSAGE.test(message);
}

/** Runs a database call, turning "the database is not there" into DatabaseUnavailableError. */
export async function unavailableAs<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (err) {
    if (err instanceof DatabaseUnavailableError || !isUnavailable(err)) throw err;
    const reason = (err as { message?: unknown }).message;
    throw new DatabaseUnavailableError(
      `database unavailable: ${typeof reason === 'string' && reason ? reason : String(err)}`,
      {
        cause: err,
      },
    );
  }
}
