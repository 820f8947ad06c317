import { spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { freePort, waitForPort } from '../src/dev/freePort';

const root = resolve(__dirname, '..');

/** The local OpenID provider (src/dev/oidcProvider.ts) as its own process, on a free port. */
export async function startLocalProvider(
  redirectUris: string[],
): Promise<{ url: string; stop(): Promise<void> }> {
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/dev/oidcProvider.ts'], {
    cwd: root,
    env: {
      ...process.env,
      NODE_ENV: 'test',
      OIDC_DEV_PORT: String(port),
      OIDC_DEV_REDIRECT_URIS: redirectUris.join(','),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => void (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => void (output += chunk.toString()));
  try {
    await waitForPort('127.0.0.1', port, 30_000);
  } catch (err) {
    child.kill('SIGKILL');
    throw new Error(`the local OpenID provider did not start: ${output}`, { cause: err });
  }
  return {
    url: `http://127.0.0.1:${port}`,
    stop: () =>
      new Promise<void>((done) => {
        if (child.exitCode !== null) return done();
        child.once('exit', () => done());
        child.kill('SIGTERM');
      }),
  };
}
