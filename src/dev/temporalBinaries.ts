import { accessSync, constants } from 'node:fs';
import { delimiter, join, resolve } from 'node:path';

/** The project-local venv that scripts/setup.sh fills from PyPI. */
export const projectVenvBin = resolve(__dirname, '..', '..', '.temporal-venv', 'bin');

function isExecutable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

function onPath(name: string): string | undefined {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    if (dir && isExecutable(join(dir, name))) return join(dir, name);
  }
  return undefined;
}

/**
 * The Temporal CLI: an explicit TEMPORAL_CLI wins, then a `temporal` the user already has on PATH,
 * then the pinned one from the project venv.
 */
export function temporalCliPath(): string {
  const override = process.env.TEMPORAL_CLI;
  if (override) return requireExecutable(override, 'TEMPORAL_CLI');
  return onPath('temporal') ?? requireExecutable(join(projectVenvBin, 'temporal'), 'the project venv');
}

/** Temporal's time-skipping test server (TEMPORAL_TEST_SERVER overrides the venv's). */
export function temporalTestServerPath(): string {
  const override = process.env.TEMPORAL_TEST_SERVER;
  if (override) return requireExecutable(override, 'TEMPORAL_TEST_SERVER');
  return requireExecutable(join(projectVenvBin, 'temporal-test-server'), 'the project venv');
}

function requireExecutable(path: string, source: string): string {
  if (!isExecutable(path)) {
    throw new Error(`No executable Temporal binary at ${path} (from ${source}); run scripts/setup.sh`);
  }
  return path;
}
