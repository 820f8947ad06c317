/**
 * The whole local stack in one command (`npm start`): Temporal dev server with its UI, PostgreSQL
 * for the read model, a mail catcher with a web inbox, the order worker and the HTTP API. Orders,
 * the read model and emails survive a restart (all live under .data/). Ctrl-C stops everything.
 */
import { ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { startDevServer } from './devServer';
import { waitForPort } from './freePort';
import { startReadModelDatabase } from './readModelDatabase';
import { localCodecEnv } from './localCodecKey';
import { LOCAL_API_AUDIENCE, LOCAL_CLIENT_ID } from './examplePeople';

const root = resolve(__dirname, '..', '..');
const dataDir = join(root, '.data');
const ports = {
  temporal: Number(process.env.DEV_TEMPORAL_PORT ?? 7233),
  temporalUi: Number(process.env.DEV_TEMPORAL_UI_PORT ?? 8233),
  postgres: Number(process.env.DEV_POSTGRES_PORT ?? 5433),
  smtp: Number(process.env.DEV_SMTP_PORT ?? 1025),
  inbox: Number(process.env.DEV_INBOX_PORT ?? 1080),
  api: Number(process.env.API_PORT ?? 3000),
  workerMetrics: Number(process.env.DEV_WORKER_METRICS_PORT ?? 9464),
  signIn: Number(process.env.DEV_OIDC_PORT ?? 3100),
};

const children: ChildProcess[] = [];

function startChild(
  name: string,
  command: string,
  args: string[],
  env: NodeJS.ProcessEnv = {},
  { mayExit = false }: { mayExit?: boolean } = {},
): ChildProcess {
  const child = spawn(command, args, {
    cwd: root,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const prefix = (line: string) => `[${name}] ${line}`;
  for (const stream of [child.stdout, child.stderr]) {
    let rest = '';
    stream?.on('data', (chunk: Buffer) => {
      const lines = (rest + chunk.toString()).split('\n');
      rest = lines.pop() ?? '';
      for (const line of lines) console.log(prefix(line));
    });
  }
  child.on('exit', (code, signal) => {
    // A one-shot job that ends well is done, not a reason to stop the stack.
    if (mayExit && code === 0) return;
    if (!stopping) {
      console.error(prefix(`exited (${signal ?? code}); stopping the stack`));
      void stopAll(1);
    }
  });
  children.push(child);
  return child;
}

let stopping = false;
let stopTemporal: (() => Promise<void>) | undefined;
let stopPostgres: (() => Promise<void>) | undefined;

async function stopAll(exitCode: number): Promise<void> {
  if (stopping) return;
  stopping = true;
  console.log('stopping the stack...');
  await Promise.all(
    children.map(
      (child) =>
        new Promise<void>((done) => {
          if (child.exitCode !== null || child.signalCode !== null) return done();
          child.once('exit', () => done());
          child.kill('SIGTERM');
          setTimeout(() => child.kill('SIGKILL'), 10_000).unref();
        }),
    ),
  );
  await Promise.all([stopTemporal?.(), stopPostgres?.()]);
  process.exit(exitCode);
}

async function main(): Promise<void> {
  process.on('SIGINT', () => void stopAll(0));
  process.on('SIGTERM', () => void stopAll(0));

  // tsx as a loader in the same node process, so a signal reaches the worker or API itself.
  const node = process.execPath;
  const maildev = join(root, 'node_modules', '.bin', 'maildev');

  console.log('starting PostgreSQL (read model)...');
  const database = await startReadModelDatabase({
    dataDir: join(dataDir, 'postgres'),
    port: ports.postgres,
    logFile: join(dataDir, 'postgres.log'),
  });
  stopPostgres = () => database.server.stop();

  const appEnv = {
    TEMPORAL_ADDRESS: `127.0.0.1:${ports.temporal}`,
    TEMPORAL_UI_URL: `http://localhost:${ports.temporalUi}`,
    SMTP_URL: `smtp://127.0.0.1:${ports.smtp}`,
    API_PORT: String(ports.api),
    DATABASE_URL: database.url,
    // Payloads encrypted with a local key; the UI decodes through the API's codec server. The dev
    // UI has no login and cannot send a token over http, hence CODEC_AUTH=none (refused in production).
    ...localCodecEnv(join(dataDir, 'payload-codec-keys')),
    CODEC_CORS_ORIGINS: `http://localhost:${ports.temporalUi},http://127.0.0.1:${ports.temporalUi}`,
    CODEC_AUTH: 'none',
    // Working days ("3wd") count on China's 2027 holidays (see config/calendars/README.md).
    WORKING_CALENDAR_FILE:
      process.env.WORKING_CALENDAR_FILE ?? join(root, 'config', 'calendars', 'cn-2027.json'),
    // People sign in at the local OpenID provider (src/dev/oidcProvider.ts, example people in docs/sign-in.md).
    OIDC_ISSUER_URL: `http://127.0.0.1:${ports.signIn}`,
    OIDC_CLIENT_ID: LOCAL_CLIENT_ID,
    OIDC_AUDIENCE: LOCAL_API_AUDIENCE,
  };

  console.log('starting the Temporal dev server...');
  const temporal = await startDevServer({
    port: ports.temporal,
    uiPort: ports.temporalUi,
    uiCodecEndpoint: `http://localhost:${ports.api}/codec`,
    dbFile: join(dataDir, 'temporal.db'),
    logFile: join(dataDir, 'temporal.log'),
  });
  stopTemporal = () => temporal.stop();

  startChild('inbox', maildev, [
    '--smtp',
    String(ports.smtp),
    '--ip',
    '127.0.0.1',
    '--web',
    String(ports.inbox),
    '--web-ip',
    '127.0.0.1',
    '--mail-directory',
    join(dataDir, 'mail'),
  ]);
  await waitForPort('127.0.0.1', ports.smtp, 30_000);

  startChild('sign-in', node, ['--import', 'tsx', 'src/dev/oidcProvider.ts'], {
    OIDC_DEV_PORT: String(ports.signIn),
    OIDC_DEV_REDIRECT_URIS: `http://localhost:${ports.api}/auth/callback,http://127.0.0.1:${ports.api}/auth/callback`,
  });
  startChild('people', node, ['--import', 'tsx', 'scripts/seed-example-people.ts'], appEnv, {
    mayExit: true,
  });
  startChild('worker', node, ['--import', 'tsx', 'src/worker.ts'], {
    ...appEnv,
    WORKER_METRICS_PORT: String(ports.workerMetrics),
  });
  // The example templates, unless the database has them (edits made through the API stay).
  startChild('templates', node, ['--import', 'tsx', 'scripts/load-templates.ts', '--only-missing'], appEnv, {
    mayExit: true,
  });
  const apiEntry = join(root, 'src', 'api', 'server.ts');
  if (existsSync(apiEntry)) {
    startChild('api', node, ['--import', 'tsx', 'src/api/server.ts'], appEnv);
    await waitForPort('127.0.0.1', ports.api, 60_000);
  }

  console.log(`
The order desk is running (Ctrl-C stops it):
  HTTP API      http://localhost:${ports.api}   (docs: /docs, token: local-ops-token; templates: local-manager-token)
  Sign-in       http://localhost:${ports.api}/console/   (local provider ${appEnv.OIDC_ISSUER_URL}: wang.wei (Acme), zhao.min (Globex), zhou.lan (customer manager); see docs/sign-in.md)
  Temporal UI   ${temporal.uiUrl}
  Inbox         http://localhost:${ports.inbox}
  Temporal gRPC ${temporal.address}
  PostgreSQL    ${database.url}   (read model)
  Metrics       http://localhost:${ports.api}/metrics   (API and business gauges; token: local-platform-token)
                http://127.0.0.1:${ports.workerMetrics}/metrics   (worker: Temporal SDK telemetry, memory)
`);
}

main().catch(async (err: unknown) => {
  console.error(err);
  await stopAll(1);
});
