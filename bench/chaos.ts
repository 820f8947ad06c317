/**
 * Chaos run (`npm run chaos -- --orders N`): orders driven over HTTP while the worker is SIGKILLed
 * and restarted, the Temporal dev server is killed and restarted on the same db file, the SMTP
 * server refuses connections for a while, and events are sent twice with one eventId. Then it checks
 * the invariants and exits non-zero when one fails.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { Connection, Client } from '@temporalio/client';
import { historyToJSON } from '@temporalio/common/lib/proto-utils';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { startApi, type RunningApi } from '../src/api/server';
import { dataConverterFor } from '../src/codec/dataConverter';
import { loadConfig } from '../src/config/env';
import { startDevServer, type DevServer } from '../src/dev/devServer';
import { makeTempDir, type PostgresServer } from '../src/dev/postgres';
import { startReadModelDatabase } from '../src/dev/readModelDatabase';
import { HISTORY_CODEC_ENV } from '../harness/codecKeys';
import { newInquiry } from '../harness/orderFixtures';
import { SmtpSink } from '../harness/smtp';
import { WorkerProcess } from '../harness/workerProcess';
import { driveOrder, LIFE, pool, type Attempt, type DriveResult } from './driver';
import { http, type ApiBody, numberArg, parseArgs, sleep } from './lib';

export interface ChaosOptions {
  orders: number;
  concurrency: number;
  workerKills: number;
  serverRestarts: number;
  smtpOutageMs: number;
  /** Seconds between faults (random in [min, max]), counted from the recovery of the previous one. */
  gapMinMs: number;
  gapMaxMs: number;
  duplicateChance: number;
  thinkMs: number;
  seed: number;
  /** An order whose request or dispatch makes no progress for this long is given up (stuck). */
  stuckAfterMs?: number;
  log?: (line: string) => void;
}

export const FULL: ChaosOptions = {
  orders: 100,
  concurrency: 100,
  workerKills: 6,
  serverRestarts: 1,
  smtpOutageMs: 30_000,
  gapMinMs: 2_000,
  gapMaxMs: 8_000,
  duplicateChance: 0.15,
  thinkMs: 400,
  seed: 7,
};

export interface FaultRecord {
  kind: 'worker SIGKILL' | 'dev server kill+restart' | 'SMTP refuses (421)';
  at: number;
  /** fault over: worker started again, server up, SMTP accepting */
  endedAt: number;
  /** first accepted event (or delivered email, for SMTP) started after the fault ended */
  recoveredAt?: number;
  recoverMs?: number;
  downMs: number;
}

export interface ChaosReport {
  options: ChaosOptions;
  durationS: number;
  ordersCompleted: number;
  ordersExpected: number;
  eventsAccepted: number;
  duplicatesSent: number;
  acceptedMissingFromTimeline: number;
  appliedTwice: number;
  emailsDelivered: number;
  emailsDuplicatedByMessageId: number;
  emailsRecordedNotDelivered: number;
  answers503: number;
  unexpected5xx: { status: number; code?: string; what: string }[];
  unexpected4xx: number;
  resentAnswered409: number;
  workerSelfExits: number;
  smtpConnectionErrors: number;
  faults: FaultRecord[];
  failures: string[];
  ok: boolean;
}

/** booking request, document copies, final document set */
const EMAILS_PER_ORDER = 3;

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export async function runChaos(opts: ChaosOptions): Promise<ChaosReport> {
  const log = opts.log ?? ((l: string) => console.log(l));
  const rnd = mulberry32(opts.seed);
  const dir = makeTempDir('order-desk-chaos-');
  const t0 = Date.now();
  const elapsed = () => `${((Date.now() - t0) / 1000).toFixed(1)}s`;
  let server: DevServer | undefined;
  let postgres: PostgresServer | undefined;
  let sink: SmtpSink | undefined;
  let api: RunningApi | undefined;
  let worker: WorkerProcess | undefined;
  let stopSupervisor = false;
  let supervisor: Promise<void> | undefined;
  try {
    server = await startDevServer({ dbFile: join(dir, 'temporal.db'), logFile: join(dir, 'server.log') });
    const readModel = await startReadModelDatabase({
      dataDir: join(dir, 'postgres'),
      logFile: join(dir, 'postgres.log'),
      durable: false,
    });
    postgres = readModel.server;
    sink = await SmtpSink.start();
    // A worker killed mid-delivery resets its SMTP connection; smtp-server emits that as an 'error'
    // event, which without a listener would end this process (harness/smtp.ts has none).
    let smtpConnectionErrors = 0;
    (sink as unknown as { server: { on(event: 'error', fn: () => void): void } }).server.on('error', () => {
      smtpConnectionErrors++;
    });
    const taskQueue = `chaos-${Date.now().toString(36)}`;
    const env = {
      NODE_ENV: 'development',
      TEMPORAL_ADDRESS: server.address,
      TEMPORAL_TASK_QUEUE: taskQueue,
      SMTP_URL: sink.url,
      API_RATE_LIMIT_PER_MINUTE: '10000000',
      API_WORKER_TIMEOUT: '5s',
      API_PORT: '0',
      DATABASE_URL: readModel.url,
      // Payloads encrypted as in production, under the published test key, so the histories saved
      // below replay like test/histories.
      ...HISTORY_CODEC_ENV,
    };
    worker = new WorkerProcess(env);
    await worker.start();
    const apiLogErrors: string[] = [];
    const apiConfig = loadConfig({ ...process.env, ...env, API_TOKENS: undefined });
    api = await startApi(apiConfig, {
      error: (m, f) => apiLogErrors.push(`${m} ${JSON.stringify(f)}`),
      warn: () => undefined,
      info: () => undefined,
    });
    const base = `http://127.0.0.1:${(api.server.address() as AddressInfo).port}`;
    log(`[${elapsed()}] stack up: server ${server.address}, API ${base}, SMTP ${sink.url}`);

    // the worker may also die on its own (e.g. while the server is away): restart it and count
    let workerSelfExits = 0;
    let faultInProgress = false;
    supervisor = (async () => {
      while (!stopSupervisor) {
        await sleep(500);
        const child = (worker as unknown as { child?: { exitCode: number | null } }).child;
        if (!faultInProgress && child && child.exitCode !== null && !stopSupervisor) {
          workerSelfExits++;
          log(
            `[${elapsed()}] worker exited by itself (code ${child.exitCode}); restarting\n${worker.log.slice(-800)}`,
          );
          await worker.start().catch((e: unknown) => log(`worker restart failed: ${String(e)}`));
        }
      }
    })();

    const attempts: Attempt[] = [];
    const unexpected5xx: ChaosReport['unexpected5xx'] = [];
    let answers503 = 0;
    const results: DriveResult[] = [];
    let driving = true;
    let faultsDone!: () => void;
    const faultsOver = new Promise<void>((r) => (faultsDone = r));
    const ids = Array.from({ length: opts.orders }, (_, i) => `CHAOS-${taskQueue}-${i}`);
    const drivers = pool(ids, opts.concurrency, async (id) => {
      await sleep(rnd() * 1_000);
      const r = await driveOrder(id, {
        base,
        retry503: true,
        duplicateChance: opts.duplicateChance,
        thinkMs: opts.thinkMs,
        random: rnd,
        dispatchTimeoutMs: opts.stuckAfterMs ?? 180_000,
        retryForMs: opts.stuckAfterMs ?? 180_000,
        record: (a) => attempts.push(a),
        // the last event waits for the fault plan, so every fault hits orders in flight
        beforeEvent: (type) => (type === 'GOODS_RELEASED' ? faultsOver : Promise.resolve()),
        onServerError: (r, what) => {
          if (
            r.status === 503 &&
            ['WORKERS_UNAVAILABLE', 'TEMPORAL_UNAVAILABLE'].includes(r.body.error?.code ?? '')
          )
            answers503++;
          else unexpected5xx.push({ status: r.status, code: r.body?.error?.code, what });
        },
      });
      results.push(r);
      if (r.failure) log(`[${elapsed()}] order ${id} failed: ${r.failure}`);
      return r;
    }).finally(() => {
      driving = false;
      log(`[${elapsed()}] every order finished`);
    });

    // the fault plan: worker kills with the server restarts among them (the SMTP outage runs beside)
    type PlannedFault = Exclude<FaultRecord['kind'], 'SMTP refuses (421)'>;
    const plan: PlannedFault[] = Array.from({ length: opts.workerKills }, () => 'worker SIGKILL' as const);
    const insert = (k: PlannedFault) => plan.splice(Math.floor(rnd() * (plan.length + 1)), 0, k);
    for (let i = 0; i < opts.serverRestarts; i++) insert('dev server kill+restart');
    const faults: FaultRecord[] = [];
    // recovery probe: an order of the harness's own that takes a note until one is accepted
    const probeId = `CHAOS-${taskQueue}-probe`;
    const created = await http(base, 'POST', '/orders', { ...newInquiry(), orderId: probeId });
    if (created.status !== 201)
      throw new Error(`probe order: ${created.status} ${JSON.stringify(created.body)}`);
    let probes = 0;
    const firstAcceptedAfter = async (since: number): Promise<number | undefined> => {
      while (Date.now() - since < 300_000) {
        const r = await http(base, 'POST', `/orders/${probeId}/events`, {
          type: 'NOTE_ADDED',
          text: 'probe',
          eventId: `probe-${probes++}`,
        });
        if (r.status === 200) return r.endedAt;
        if (r.status >= 500 && r.status !== 503)
          unexpected5xx.push({ status: r.status, code: r.body.error?.code, what: 'probe' });
        await sleep(100);
      }
      return undefined;
    };
    /** A worker or server fault is over once it is restarted; recovered once the probe gets an event in. */
    const recordRecovery = async (kind: FaultRecord['kind'], at: number): Promise<void> => {
      faultInProgress = false;
      const endedAt = Date.now();
      const recoveredAt = await firstAcceptedAfter(endedAt);
      faults.push({
        kind,
        at,
        endedAt,
        recoveredAt,
        downMs: endedAt - at,
        recoverMs: recoveredAt && recoveredAt - endedAt,
      });
    };
    // The SMTP outage runs beside the other faults, from the first email on, so it has mail to refuse.
    const smtpOutage = (async () => {
      if (opts.smtpOutageMs <= 0) return;
      while (driving && sink.messages.length === 0) await sleep(100);
      if (!driving) return log(`[${elapsed()}] all orders finished before any email: no SMTP outage`);
      const at = Date.now();
      sink.refuseWith = 421;
      log(`[${elapsed()}] SMTP refuses connections for ${opts.smtpOutageMs} ms`);
      await sleep(opts.smtpOutageMs);
      sink.refuseWith = undefined;
      const endedAt = Date.now();
      // recovered: the first email delivered after the outage (mail refused meanwhile is retried)
      const atEnd = sink.messages.length;
      while (driving && sink.messages.length === atEnd && Date.now() - endedAt < 300_000) await sleep(100);
      const recoveredAt = sink.messages.length > atEnd ? Date.now() : undefined;
      const f: FaultRecord = {
        kind: 'SMTP refuses (421)',
        at,
        endedAt,
        recoveredAt,
        downMs: endedAt - at,
        recoverMs: recoveredAt && recoveredAt - endedAt,
      };
      faults.push(f);
      log(`[${elapsed()}] ${f.kind}: down ${f.downMs} ms, recovered ${f.recoverMs ?? '-'} ms after`);
    })();
    await sleep(1_500);
    for (const kind of plan) {
      if (!driving) {
        log(`[${elapsed()}] all orders finished before the fault "${kind}"`);
        break;
      }
      const at = Date.now();
      faultInProgress = true;
      if (kind === 'worker SIGKILL') {
        await worker.kill('SIGKILL');
        log(`[${elapsed()}] worker SIGKILLed`);
        await worker.start();
        await recordRecovery(kind, at);
      } else {
        await server.stop({ hard: true });
        log(`[${elapsed()}] dev server SIGKILLed`);
        await sleep(2_000);
        await server.restart();
        await recordRecovery(kind, at);
      }
      const f = faults[faults.length - 1];
      log(`[${elapsed()}] ${kind}: down ${f.downMs} ms, recovered ${f.recoverMs ?? '-'} ms after`);
      await sleep(opts.gapMinMs + rnd() * (opts.gapMaxMs - opts.gapMinMs));
    }
    faultsDone();
    await drivers;
    await smtpOutage;
    faults.sort((x, y) => x.at - y.at);
    stopSupervisor = true;
    await supervisor;
    // let the last emails (none expected after GOODS_RELEASED, but effects may still finish) settle
    await sleep(1_000);

    // the checks; the history of an order that did not complete goes to artifacts/chaos/ for a look
    const histories = join(__dirname, '..', 'artifacts', 'chaos');
    const saveHistory = async (orderId: string) => {
      try {
        const connection = await Connection.connect({ address: server!.address });
        const client = new Client({ connection, dataConverter: dataConverterFor(apiConfig) });
        const history = await client.workflow.getHandle(orderId).fetchHistory();
        await connection.close();
        mkdirSync(histories, { recursive: true });
        writeFileSync(join(histories, `${orderId}.json`), historyToJSON(history));
        log(`history of ${orderId} saved to ${join(histories, `${orderId}.json`)}`);
      } catch (err) {
        log(`could not save the history of ${orderId}: ${String(err)}`);
      }
    };
    const failures: string[] = [];
    let missing = 0;
    let twice = 0;
    let completed = 0;
    let readable = 0;
    const ordersMissingEmails: string[] = [];
    const settleDeadline = Date.now() + 60_000;
    const resentAnswered409: string[] = [];
    const recordedEmails: { messageId: string }[] = [];
    for (const r of results) {
      let view: ApiBody | undefined;
      for (let i = 0; i < 50; i++) {
        const g = await http(base, 'GET', `/orders/${r.orderId}`);
        if (g.status >= 500 && g.status !== 503)
          unexpected5xx.push({ status: g.status, code: g.body?.error?.code, what: 'final GET /orders/{id}' });
        if (g.status === 200) {
          view = g.body;
          break;
        }
        if (g.status === 404 && !r.created) break;
        await sleep(500);
      }
      if (!view) {
        if (r.created) {
          failures.push(`${r.orderId}: cannot be read at the end`);
          await saveHistory(r.orderId);
        }
        continue;
      }
      readable++;
      if (view.status === 'COMPLETED') completed++;
      else await saveHistory(r.orderId);
      const counts = new Map<string, number>();
      for (const t of view.timeline ?? []) counts.set(t.eventId, (counts.get(t.eventId) ?? 0) + 1);
      for (const id of r.accepted) if (!counts.has(id)) missing++;
      for (const a of attempts)
        if (a.orderId === r.orderId && a.status === 409 && counts.has(a.eventId))
          resentAnswered409.push(`${a.eventId} ${a.type}`);
      for (const [id, n] of counts) if (n > 1 && id.startsWith(r.orderId)) twice += n - 1;
      // Every completed order sent the booking request, the document copies and the final set. An
      // email whose worker died mid-send is retried once its heartbeat is missed: wait for it.
      const mustHaveAll = view.status === 'COMPLETED';
      let emails: { messageId: string; purpose: string }[] | undefined;
      let purposes = new Set<string>();
      for (;;) {
        const e = await http(base, 'GET', `/orders/${r.orderId}/emails`);
        emails = e.status === 200 ? (e.body.emails ?? []) : undefined;
        purposes = new Set((emails ?? []).map((m) => m.purpose));
        if (!mustHaveAll || purposes.size >= EMAILS_PER_ORDER || Date.now() >= settleDeadline) break;
        await sleep(500);
      }
      if (emails) recordedEmails.push(...emails);
      if (emails && mustHaveAll && purposes.size < EMAILS_PER_ORDER) {
        ordersMissingEmails.push(`${r.orderId} (${[...purposes].join(', ') || 'none'})`);
        await saveHistory(r.orderId);
      }
    }
    // after every wait above, so an email delivered late counts as delivered
    const delivered = new Set(sink.messages.map((m) => m.parsed.messageId ?? ''));
    const recordedNotDelivered = recordedEmails.filter((m) => !delivered.has(m.messageId)).length;
    const byId = new Map<string, number>();
    for (const m of sink.messages)
      byId.set(m.parsed.messageId ?? '', (byId.get(m.parsed.messageId ?? '') ?? 0) + 1);
    const emailsDup = [...byId.values()].reduce((s, n) => s + (n - 1), 0);
    const allUnexpected4xx = attempts.filter((a) => a.status >= 400 && a.status < 500).length;

    const unreadable = results.filter((r) => r.created).length - readable;
    if (completed + unreadable !== opts.orders)
      failures.push(`orders completed ${completed} of ${opts.orders} (${unreadable} more cannot be read)`);
    if (missing) failures.push(`${missing} accepted events missing from timelines`);
    if (ordersMissingEmails.length)
      failures.push(
        `${ordersMissingEmails.length} completed orders without all ${EMAILS_PER_ORDER} emails: ${ordersMissingEmails.slice(0, 5).join('; ')}`,
      );
    if (twice) failures.push(`${twice} events applied twice`);
    const finalReads = unexpected5xx.filter((e) => e.what.startsWith('final')).length;
    if (unexpected5xx.length - finalReads)
      failures.push(`${unexpected5xx.length - finalReads} 5xx other than the contract's 503s while driving`);
    if (finalReads) failures.push(`${finalReads} 5xx other than the contract's 503s on the final reads`);
    if (resentAnswered409.length)
      failures.push(
        `${resentAnswered409.length} re-sends of an applied eventId answered 409 instead of 200 (${resentAnswered409.slice(0, 3).join(', ')})`,
      );
    const unexpected4xx = allUnexpected4xx - resentAnswered409.length;
    if (unexpected4xx) failures.push(`${unexpected4xx} unexpected 4xx answers to events`);
    const nondeterminism = apiLogErrors.filter((e) => /Nondeterminism/.test(e));
    const otherErrors = apiLogErrors.filter((e) => !/Nondeterminism/.test(e));
    if (otherErrors.length)
      failures.push(`API logged ${otherErrors.length} errors: ${otherErrors.slice(0, 3).join(' | ')}`);
    if (nondeterminism.length)
      failures.push(
        `API logged ${nondeterminism.length} replay Nondeterminism errors (500s): ${nondeterminism[0].slice(0, 400)}`,
      );
    const kills = faults.filter((f) => f.kind === 'worker SIGKILL').length;
    if (kills < opts.workerKills)
      failures.push(`only ${kills} of ${opts.workerKills} worker kills happened while orders ran`);
    const restarts = faults.filter((f) => f.kind === 'dev server kill+restart').length;
    if (restarts < opts.serverRestarts)
      failures.push(`only ${restarts} of ${opts.serverRestarts} server restarts happened`);
    for (const f of faults)
      if (f.recoveredAt === undefined && f.kind !== 'SMTP refuses (421)')
        failures.push(`no recovery seen after ${f.kind}`);

    return {
      options: { ...opts, log: undefined },
      durationS: (Date.now() - t0) / 1000,
      ordersCompleted: completed,
      ordersExpected: opts.orders,
      eventsAccepted: results.reduce((s, r) => s + r.accepted.length, 0),
      duplicatesSent: attempts.filter((a) => a.duplicate).length,
      acceptedMissingFromTimeline: missing,
      appliedTwice: twice,
      emailsDelivered: sink.messages.length,
      emailsDuplicatedByMessageId: emailsDup,
      emailsRecordedNotDelivered: recordedNotDelivered,
      answers503,
      unexpected5xx,
      unexpected4xx,
      resentAnswered409: resentAnswered409.length,
      workerSelfExits,
      smtpConnectionErrors,
      faults,
      failures,
      ok: failures.length === 0,
    };
  } finally {
    stopSupervisor = true;
    await supervisor?.catch(() => undefined);
    await worker?.kill('SIGKILL').catch(() => undefined);
    await api?.close().catch(() => undefined);
    await sink?.stop().catch(() => undefined);
    await server?.stop({ hard: true }).catch(() => undefined);
    await postgres?.stop().catch(() => undefined);
    rmSync(dir, { recursive: true, force: true });
  }
}

export function formatReport(r: ChaosReport): string {
  const lines = [
    `chaos run: ${r.ordersExpected} orders, ${LIFE.length} events each, ${r.durationS.toFixed(0)} s`,
    `  orders completed / expected:            ${r.ordersCompleted} / ${r.ordersExpected}`,
    `  events accepted:                        ${r.eventsAccepted} (re-sent with the same eventId: ${r.duplicatesSent})`,
    `  accepted events missing from a timeline: ${r.acceptedMissingFromTimeline}`,
    `  events applied twice:                   ${r.appliedTwice}`,
    `  emails delivered:                       ${r.emailsDelivered}; more than once per Message-ID: ${r.emailsDuplicatedByMessageId}; recorded but never delivered: ${r.emailsRecordedNotDelivered}`,
    `  503 answers (allowed):                  ${r.answers503}`,
    `  other 5xx:                              ${r.unexpected5xx.length}${r.unexpected5xx.length ? ' ' + JSON.stringify(r.unexpected5xx.slice(0, 5)) : ''}`,
    `  unexpected 4xx:                         ${r.unexpected4xx}; re-sends of an applied eventId answered 409: ${r.resentAnswered409}`,
    `  worker exits not caused by the harness: ${r.workerSelfExits}; SMTP connections reset: ${r.smtpConnectionErrors}`,
    `  faults (down = fault to restart done; recovered = restart done to the first event accepted by a probe order / the first email delivered):`,
    ...r.faults.map(
      (f) =>
        `    ${f.kind.padEnd(26)} down ${String(f.downMs).padStart(6)} ms   recovered after ${f.recoverMs === undefined ? '-' : String(f.recoverMs).padStart(6) + ' ms'}`,
    ),
    r.ok ? 'ALL INVARIANTS HOLD' : `FAILED:\n  - ${r.failures.join('\n  - ')}`,
  ];
  return lines.join('\n');
}

async function main(): Promise<void> {
  const a = parseArgs(process.argv.slice(2));
  const orders = numberArg(a, 'orders', FULL.orders);
  const opts: ChaosOptions = {
    ...FULL,
    orders,
    concurrency: numberArg(a, 'concurrency', Math.min(orders, FULL.concurrency)),
    workerKills: numberArg(a, 'worker-kills', FULL.workerKills),
    serverRestarts: numberArg(a, 'server-restarts', FULL.serverRestarts),
    smtpOutageMs: numberArg(a, 'smtp-outage-s', FULL.smtpOutageMs / 1000) * 1000,
    duplicateChance: numberArg(a, 'duplicates', FULL.duplicateChance),
    thinkMs: numberArg(a, 'think-ms', FULL.thinkMs),
    seed: numberArg(a, 'seed', FULL.seed),
  };
  const report = await runChaos(opts);
  console.log(formatReport(report));
  process.exit(report.ok ? 0 : 1);
}

if (require.main === module) {
  main().catch((err: unknown) => {
    console.error(err);
    process.exit(1);
  });
}
