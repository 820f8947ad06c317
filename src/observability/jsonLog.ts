import type { LogEntry } from '@temporalio/worker';

/** Error objects and bigints as JSON can show them; everything else as it is. */
function jsonable(value: unknown): unknown {
  if (value instanceof Error) return `${value.name}: ${value.message}`;
  if (typeof value === 'bigint') return value.toString();
  return value;
}

/**
 * One JSON line per entry, the same shape as the API's logs (`level`, `message`, fields), so worker
 * and API logs go through one pipeline and one grep.
 */
export function writeJsonLogLine(entry: LogEntry): void {
  const fields: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(entry.meta ?? {})) fields[key] = jsonable(value);
  const line = JSON.stringify({
    time: new Date(Number(entry.timestampNanos / 1_000_000n)).toISOString(),
    level: entry.level.toLowerCase(),
    message: entry.message,
    ...fields,
  });
  if (entry.level === 'ERROR' || entry.level === 'WARN') process.stderr.write(`${line}\n`);
  else process.stdout.write(`${line}\n`);
}
