import { execFile } from 'node:child_process';
import { dirname, join } from 'node:path';

/** SQL migrations; `npm run build` copies them next to the compiled code. */
export const MIGRATIONS_DIR = join(__dirname, 'migrations');

/**
 * Brings the read model's schema up to date with node-pg-migrate. Safe to run repeatedly and from
 * several processes at once: it waits for node-pg-migrate's advisory lock, then applies only what
 * is missing, all in one transaction.
 *
 * It runs node-pg-migrate's CLI in a child process because the package is ESM-only: jest (and
 * Node before 20.19) cannot `require` it from this CommonJS code.
 */
export function migrate(databaseUrl: string, options: { timeoutMs?: number } = {}): Promise<void> {
  const cli = join(dirname(require.resolve('node-pg-migrate/package.json')), 'bin', 'node-pg-migrate.js');
  const args = [
    cli,
    'up',
    '--migrations-dir',
    MIGRATIONS_DIR,
    '--migrations-table',
    'pgmigrations',
    '--advisory-lock-mode',
    'wait',
    '--database-url-var',
    'READ_MODEL_MIGRATE_URL',
  ];
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      args,
      {
        // The URL travels in the environment, not on a command line `ps` shows.
        env: { ...process.env, READ_MODEL_MIGRATE_URL: databaseUrl },
        timeout: options.timeoutMs ?? 120_000,
      },
      (err, stdout, stderr) => {
        if (err)
          reject(new Error(`read model migrations failed: ${(stderr || stdout || err.message).trim()}`));
        else resolve();
      },
    );
  });
}

/**
 * Migrates once the database answers, trying again every `retryMs` until it succeeds. A worker
 * starting while PostgreSQL is down must still take events (Temporal holds them; the read-model
 * writes retry until the schema is there), so it does not wait for this.
 */
export async function migrateWhenReachable(
  databaseUrl: string,
  { retryMs = 5_000, onRetry }: { retryMs?: number; onRetry?: (err: unknown) => void } = {},
): Promise<void> {
  for (;;) {
    try {
      await migrate(databaseUrl);
      return;
    } catch (err) {
      onRetry?.(err);
      await new Promise((resolve) => setTimeout(resolve, retryMs));
    }
  }
}
