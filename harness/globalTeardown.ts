import { rmSync } from 'node:fs';
import type { DevServer } from '../src/dev/devServer';
import type { PostgresServer } from '../src/dev/postgres';

export default async function globalTeardown(): Promise<void> {
  const run = globalThis as { __devServer?: DevServer; __postgres?: PostgresServer; __postgresRoot?: string };
  await Promise.all([run.__devServer?.stop(), run.__postgres?.stop()]);
  if (run.__postgresRoot) rmSync(run.__postgresRoot, { recursive: true, force: true });
}
