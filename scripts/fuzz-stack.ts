/**
 * `FUZZ_TOKEN=... tsx scripts/fuzz-stack.ts -- <command...>`: starts a throwaway stack (Temporal dev
 * server in memory, PostgreSQL in a temp folder, an SMTP sink, the order worker, the API) on free
 * ports, with the rate limits raised and FUZZ_TOKEN a manager's token; runs the command with `{api}`
 * replaced by the API's base URL; stops everything and exits with the command's exit code.
 * scripts/fuzz.sh runs the contract fuzzer this way.
 */
import { spawn } from 'node:child_process';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { startApi, type RunningApi } from '../src/api/server';
import { loadConfig } from '../src/config/env';
import { installTemplates, readTemplateFiles } from '../src/config/templateFiles';
import { startDevServer, type DevServer } from '../src/dev/devServer';
import { makeTempDir, type PostgresServer } from '../src/dev/postgres';
import { startReadModelDatabase } from '../src/dev/readModelDatabase';
import { createReadModel } from '../src/readModel';
import { codecEnv } from '../harness/codecKeys';
import { newInquiry } from '../harness/orderFixtures';
import { SmtpSink } from '../harness/smtp';
import { WorkerProcess } from '../harness/workerProcess';

const log = (message: string) => console.error(`fuzz-stack: ${message}`);

/** Where the fuzzer's config (scripts/fuzz.toml) finds the identifiers of the data seeded below. */
const DICTIONARY_DIR = join(__dirname, '..', 'artifacts', 'fuzz');

async function call(base: string, token: string, method: string, path: string, body?: unknown) {
  const response = await fetch(`${base}${path}`, {
    method,
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
  return (await response.json()) as Record<string, unknown>;
}

/**
 * A few orders and a buyer's link, so the operations on one order reach past their 404: their
 * identifiers go to libFuzzer-style dictionaries the fuzzer draws path parameters from (and the
 * installed templates' names to one for the template an order starts from).
 */
async function seed(base: string, token: string): Promise<void> {
  const orderIds: string[] = [];
  for (const customer of ['Acme GmbH', 'Globex Ltd']) {
    const order = await call(base, token, 'POST', '/orders', {
      ...newInquiry(),
      customer: { ...newInquiry().customer, company: customer },
    });
    orderIds.push(String(order.orderId));
  }
  const link = await call(base, token, 'POST', `/orders/${orderIds[0]}/tracking-link`);
  const trackingToken = new URL(String(link.url)).pathname.split('/').pop() ?? '';
  const dictionary = (values: string[]) => values.map((v) => JSON.stringify(v)).join('\n') + '\n';
  mkdirSync(DICTIONARY_DIR, { recursive: true });
  writeFileSync(join(DICTIONARY_DIR, 'order-ids.dict'), dictionary(orderIds));
  writeFileSync(join(DICTIONARY_DIR, 'tracking-tokens.dict'), dictionary([trackingToken]));
  const templates = readTemplateFiles().map((t) => t.name);
  writeFileSync(join(DICTIONARY_DIR, 'template-names.dict'), dictionary(templates));
}

function runCommand(command: string[]): Promise<number> {
  return new Promise((done) => {
    const child = spawn(command[0], command.slice(1), { stdio: 'inherit' });
    child.once('exit', (code, signal) => done(code ?? (signal ? 1 : 0)));
    child.once('error', (err) => {
      log(`cannot run ${command[0]}: ${err.message}`);
      done(1);
    });
  });
}

async function main(): Promise<number> {
  const separator = process.argv.indexOf('--');
  const command = separator >= 0 ? process.argv.slice(separator + 1) : [];
  if (!command.length) throw new Error('usage: tsx scripts/fuzz-stack.ts -- <command> [args...]');
  const token = process.env.FUZZ_TOKEN ?? '';
  if (token.length < 8) throw new Error('FUZZ_TOKEN (8+ characters) is the token the command sends');

  const dir = makeTempDir('order-desk-fuzz-');
  let server: DevServer | undefined;
  let postgres: PostgresServer | undefined;
  let sink: SmtpSink | undefined;
  let worker: WorkerProcess | undefined;
  let api: RunningApi | undefined;
  const apiErrors: string[] = [];
  try {
    server = await startDevServer({ logFile: join(dir, 'temporal.log') });
    const database = await startReadModelDatabase({
      dataDir: join(dir, 'postgres'),
      logFile: join(dir, 'postgres.log'),
      durable: false,
    });
    postgres = database.server;
    sink = await SmtpSink.start();
    const env = {
      NODE_ENV: 'development',
      TEMPORAL_ADDRESS: server.address,
      SMTP_URL: sink.url,
      DATABASE_URL: database.url,
      API_PORT: '0',
      // A manager may call every operation, so the fuzzer reaches them all (fuzz.sh picks the token).
      API_TOKENS: `fuzz:manager:${token}`,
      // The fuzzer sends thousands of requests a minute from one address and token.
      API_RATE_LIMIT_PER_MINUTE: '10000000',
      API_AUTH_FAILURES_PER_MINUTE: '10000000',
      API_ADDRESS_RATE_LIMIT_PER_MINUTE: '10000000',
      TRACKING_RATE_LIMIT_PER_MINUTE: '10000000',
      API_WORKER_TIMEOUT: '5s',
      ...codecEnv('fuzz'),
    };
    const config = loadConfig({ ...process.env, ...env });
    const readModel = createReadModel({ url: config.database.url, company: 'default' });
    try {
      await installTemplates(readModel, readTemplateFiles(), { actor: 'fuzz', onlyMissing: true });
    } finally {
      await readModel.close();
    }
    worker = new WorkerProcess(env);
    await worker.start();
    // Unhandled errors are the API's bugs: printed after the run, where a 5xx needs its cause.
    api = await startApi(config, {
      error: (message, fields) => apiErrors.push(`${message} ${JSON.stringify(fields)}`),
      warn: () => undefined,
      info: () => undefined,
    });
    const base = `http://127.0.0.1:${(api.server.address() as AddressInfo).port}`;
    await seed(base, token);
    log(`stack up and seeded, API at ${base}`);
    return await runCommand(command.map((arg) => arg.replaceAll('{api}', base)));
  } finally {
    for (const line of apiErrors.slice(0, 20)) log(`API error: ${line}`);
    await api?.close();
    await worker?.kill('SIGTERM');
    await sink?.stop();
    await postgres?.stop();
    await server?.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(err);
    process.exit(1);
  },
);
