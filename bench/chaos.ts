/**
 * Chaos run (`npm run chaos -- --orders N`): orders driven over HTTP while the worker is SIGKILLed
 * and restarted, the Temporal dev server is killed and restarted on the same db file, the read
 * model's PostgreSQL is killed and restarted on its data folder, the SMTP server refuses connections
 * for a while, and events are sent twice with one eventId. Then it waits for the read model to catch
 * up, checks the invariants and exits non-zero when one fails.
 */
import { DEFAULT_COMPANY, orderWorkflowId } from '../src/domain/company';
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
import { http, type ApiBody, type HttpResult, numberArg, parseArgs, sleep } from './lib';
import { checkTimeline, fullTimeline, listedOrders, waitForCatchUp } from './readModelChecks';

export interface ChaosOptions {
  orders: number;
  concurrency: number;
  workerKills: number;
  serverRestarts: number;
  postgresKills: number;
  /** How long PostgreSQL stays down after each kill. */
  postgresDownMs: number;
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
  postgresKills: 1,
  postgresDownMs: 5_000,
  smtpOutageMs: 30_000,
  gapMinMs: 2_000,
  gapMaxMs: 8_000,
  duplicateChance: 0.15,
  thinkMs: 400,
  seed: 7,
};

export interface FaultRecord {
  kind: 'worker SIGKILL' | 'dev server kill+restart' | 'PostgreSQL kill+restart' | 'SMTP refuses (421)';
  at: number;
  /** fault over: worker started again, server up, SMTP accepting */
  endedAt: number;
  /**
   * first accepted event (or delivered email, for SMTP; or read answered 200, for PostgreSQL)
   * started after the fault ended
   */
  recoveredAt?: number;
  recoverMs?: number;
  downMs: number;
  /** PostgreSQL: from the restart until the read model holds every event accepted before it */
  caughtUpMs?: number;
  /** PostgreSQL: events answered 200 while it was down */
  acceptedWhileDown?: number;
}

export interface ChaosReport {
  options: ChaosOptions;
  durationS: number;
  ordersCompleted: number;
  ordersExpected: number;
  eventsAccepted: number;
  duplicatesSent: number;
  /** accepted (2xx) events missing from the read model's timelines at the end */
  acceptedMissingFromTimeline: number;
  appliedTwice: number;
  /** client events in the read model that no client got a 2xx for */
  unacknowledgedInReadModel: number;
  /** orders whose read-model timeline is not seq 1..timelineTotal */
  timelinesWithSeqGaps: number;
  /** orders not listed exactly once by GET /orders (and listed orders the run did not create) */
  ordersNotListedOnce: number;
  readModelCaughtUpS?: number;
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

/** Purposes a whole life sends: payment requests and acknowledgements, booking request, copies, final set. */
const EMAILS_PER_ORDER = 5;

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
    // Reads answer 503 DATABASE_UNAVAILABLE from a PostgreSQL kill until reads are back (plus a
    // second for answers already on their way).
    const databaseOutages: { from: number; to?: number }[] = [];
    const duringDatabaseOutage = (r: HttpResult) =>
      databaseOutages.some((o) => r.endedAt >= o.from && r.startedAt <= (o.to ?? Date.now()) + 1_000);
    /** Counts the contract's 503s; anything else >= 500 is unexpected. */
    const onServerError = (r: HttpResult, what: string) => {
      const code = r.body.error?.code ?? '';
      if (
        r.status === 503 &&
        (['WORKERS_UNAVAILABLE', 'TEMPORAL_UNAVAILABLE'].includes(code) ||
          (code === 'DATABASE_UNAVAILABLE' && duringDatabaseOutage(r)))
      )
        answers503++;
      else unexpected5xx.push({ status: r.status, code: r.body?.error?.code, what });
    };
    /** After the faults, no 5xx is allowed on a read. */
    const onFinalRead = (r: HttpResult, what: string) =>
      unexpected5xx.push({
        status: r.status,
        code: r.body?.error?.code,
        what: `final ${what.replace(/^final /, '')}`,
      });
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
        onServerError,
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
    for (let i = 0; i < opts.postgresKills; i++) insert('PostgreSQL kill+restart');
    const faults: FaultRecord[] = [];
    const runFailures: string[] = [];
    // recovery probe: an order of the harness's own that takes a note until one is accepted
    const probeId = `CHAOS-${taskQueue}-probe`;
    // Orders start with update-with-start, so this waits for the worker; the same POST again finds it.
    const probeOrder = { ...newInquiry(), orderId: probeId };
    let created = await http(base, 'POST', '/orders', probeOrder);
    for (let attempt = 0; [503, 429].includes(created.status) && attempt < 30; attempt++) {
      await sleep(1_000);
      created = await http(base, 'POST', '/orders', probeOrder);
    }
    if (created.status !== 201)
      throw new Error(`probe order: ${created.status} ${JSON.stringify(created.body)}`);
    const probeAccepted = new Set<string>();
    const firstAcceptedAfter = async (since: number): Promise<number | undefined> => {
      // one eventId until it is accepted: a note whose answer was a 503 may still land later
      const eventId = `probe-${probeAccepted.size}`;
      while (Date.now() - since < 300_000) {
        const r = await http(base, 'POST', `/orders/${probeId}/events`, {
          type: 'NOTE_ADDED',
          text: 'probe',
          eventId,
        });
        if (r.status === 200) {
          probeAccepted.add(eventId);
          return r.endedAt;
        }
        if (r.status >= 500) onServerError(r, 'probe');
        await sleep(100);
      }
      return undefined;
    };
    /** Every eventId a client got a 2xx for so far, by order (the probe's included). */
    const acceptedSoFar = () => {
      const byOrder = new Map<string, Set<string>>([[probeId, new Set(probeAccepted)]]);
      for (const a of attempts)
        if (a.status === 200) byOrder.set(a.orderId, (byOrder.get(a.orderId) ?? new Set()).add(a.eventId));
      return byOrder;
    };
    /** The first read of the probe order answered 200 after `since`. */
    const firstReadAfter = async (since: number): Promise<number | undefined> => {
      while (Date.now() - since < 300_000) {
        const r = await http(base, 'GET', `/orders/${probeId}`);
        if (r.status === 200) return r.endedAt;
        if (r.status >= 500) onServerError(r, 'probe read');
        await sleep(100);
      }
      return undefined;
    };
    /**
     * PostgreSQL SIGKILLed and restarted on its data folder: events are accepted meanwhile (the
     * probe gets one in), reads are back once a read answers 200, and the read model has caught up
     * once it holds every event accepted before the restart.
     */
    const postgresOutage = async (at: number): Promise<FaultRecord> => {
      const outage: { from: number; to?: number } = { from: at };
      databaseOutages.push(outage);
      await postgres!.kill();
      log(`[${elapsed()}] PostgreSQL SIGKILLed`);
      const acceptedWhileDownAt = await firstAcceptedAfter(at);
      await sleep(Math.max(0, at + opts.postgresDownMs - Date.now()));
      const restartAt = Date.now();
      const probeInWhileDown = acceptedWhileDownAt !== undefined && acceptedWhileDownAt <= restartAt;
      if (!probeInWhileDown) runFailures.push('no event accepted while PostgreSQL was down');
      const acceptedWhileDown = attempts.filter(
        (a) => a.status === 200 && a.startedAt >= at && a.endedAt <= restartAt,
      ).length;
      await postgres!.restart();
      const endedAt = Date.now();
      const recoveredAt = await firstReadAfter(endedAt);
      outage.to = recoveredAt ?? Date.now();
      const caughtUpAt = await waitForCatchUp(base, acceptedSoFar(), onServerError, 120_000);
      if (caughtUpAt === undefined)
        runFailures.push('the read model did not catch up after PostgreSQL came back');
      return {
        kind: 'PostgreSQL kill+restart',
        at,
        endedAt,
        recoveredAt,
        downMs: endedAt - at,
        recoverMs: recoveredAt && recoveredAt - endedAt,
        caughtUpMs: caughtUpAt && caughtUpAt - endedAt,
        acceptedWhileDown: acceptedWhileDown + (probeInWhileDown ? 1 : 0),
      };
    };

    /** A worker or server fault is over once it is restarted; recovered once the probe gets an event in. */
    const recordRecovery = async (kind: FaultRecord['kind'], at: number): Promise<FaultRecord> => {
      faultInProgress = false;
      const endedAt = Date.now();
      const recoveredAt = await firstAcceptedAfter(endedAt);
      return {
        kind,
        at,
        endedAt,
        recoveredAt,
        downMs: endedAt - at,
        recoverMs: recoveredAt && recoveredAt - endedAt,
      };
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
      // the supervisor stays on during a PostgreSQL outage: a worker exiting then is a finding
      faultInProgress = kind !== 'PostgreSQL kill+restart';
      let f: FaultRecord;
      if (kind === 'PostgreSQL kill+restart') {
        f = await postgresOutage(at);
      } else if (kind === 'worker SIGKILL') {
        await worker.kill('SIGKILL');
        log(`[${elapsed()}] worker SIGKILLed`);
        await worker.start();
        f = await recordRecovery(kind, at);
      } else {
        await server.stop({ hard: true });
        log(`[${elapsed()}] dev server SIGKILLed`);
        await sleep(2_000);
        await server.restart();
        f = await recordRecovery(kind, at);
      }
      faults.push(f);
      log(
        `[${elapsed()}] ${kind}: down ${f.downMs} ms, recovered ${f.recoverMs ?? '-'} ms after` +
          (f.caughtUpMs === undefined ? '' : `, read model caught up ${f.caughtUpMs} ms after`),
      );
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
        const history = await client.workflow
          .getHandle(orderWorkflowId(DEFAULT_COMPANY, orderId))
          .fetchHistory();
        await connection.close();
        mkdirSync(histories, { recursive: true });
        writeFileSync(join(histories, `${orderId}.json`), historyToJSON(history));
        log(`history of ${orderId} saved to ${join(histories, `${orderId}.json`)}`);
      } catch (err) {
        log(`could not save the history of ${orderId}: ${String(err)}`);
      }
    };
    const failures: string[] = [...runFailures];
    // Reads are eventually consistent: first the read model catches up with every accepted event.
    const catchUpFrom = Date.now();
    const caughtUpAt = await waitForCatchUp(base, acceptedSoFar(), onFinalRead, 120_000);
    if (caughtUpAt === undefined) failures.push('the read model did not catch up within 120 s of the end');
    let missing = 0;
    let twice = 0;
    let unacknowledged = 0;
    let seqGaps = 0;
    let completed = 0;
    let readable = 0;
    const ordersMissingEmails: string[] = [];
    const settleDeadline = Date.now() + 60_000;
    const resentAnswered409: string[] = [];
    const recordedEmails: { messageId: string }[] = [];
    const probe: DriveResult = {
      orderId: probeId,
      created: true,
      accepted: [...probeAccepted],
      completed: false,
      dispatchWaitMs: 0,
    };
    for (const r of [...results, probe]) {
      // a completed order's last read-model write lands before its workflow closes: wait for it
      let view: (ApiBody & { timelineTotal?: number }) | undefined;
      for (let i = 0; i < 120; i++) {
        const g = await http(base, 'GET', `/orders/${r.orderId}`);
        if (g.status >= 500) onFinalRead(g, 'final GET /orders/{id}');
        if (g.status === 200) view = g.body;
        if ((view && (!r.completed || view.status === 'COMPLETED')) || (g.status === 404 && !r.created))
          break;
        await sleep(500);
      }
      if (!view) {
        if (r.created) {
          failures.push(`${r.orderId}: cannot be read at the end`);
          await saveHistory(r.orderId);
        }
        continue;
      }
      // What only the workflow records (emails sent, its facts) follows the API's write of each
      // event by a few seconds (decision 0009): wait for the timeline to be whole.
      let entries: Awaited<ReturnType<typeof fullTimeline>>;
      let found: ReturnType<typeof checkTimeline> | undefined;
      for (;;) {
        entries = await fullTimeline(base, r.orderId, onFinalRead, 'final GET timeline');
        if (!entries) break;
        found = checkTimeline(entries, new Set(r.accepted), view.timelineTotal);
        if (!found.seqBroken || Date.now() >= settleDeadline) break;
        await sleep(500);
        const again = await http(base, 'GET', `/orders/${r.orderId}`);
        if (again.status === 200) view = again.body;
      }
      if (!entries || !found) {
        failures.push(`${r.orderId}: its timeline cannot be read at the end`);
        continue;
      }
      missing += found.missing;
      twice += found.twice;
      unacknowledged += found.unacknowledged;
      if (found.seqBroken) seqGaps++;
      if (r === probe) continue;
      readable++;
      if (view.status === 'COMPLETED') completed++;
      else await saveHistory(r.orderId);
      const inReadModel = new Set(entries.map((e) => e.eventId));
      for (const a of attempts)
        if (a.orderId === r.orderId && a.status === 409 && inReadModel.has(a.eventId))
          resentAnswered409.push(`${a.eventId} ${a.type}`);
      // Every completed order sent each kind of email its life calls for (EMAILS_PER_ORDER). An
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
    // 429 TOO_MANY_REQUESTS is the contract's "retry in a moment" (the driver does).
    const busy = (a: Attempt) => a.status === 429 && a.code === 'TOO_MANY_REQUESTS';
    const allUnexpected4xx = attempts.filter((a) => a.status >= 400 && a.status < 500 && !busy(a)).length;

    const unreadable = results.filter((r) => r.created).length - readable;
    if (completed + unreadable !== opts.orders)
      failures.push(`orders completed ${completed} of ${opts.orders} (${unreadable} more cannot be read)`);
    if (missing) failures.push(`${missing} accepted events missing from the read model's timelines`);
    if (unacknowledged)
      failures.push(`${unacknowledged} client events in the read model that no client got a 2xx for`);
    if (seqGaps) failures.push(`${seqGaps} read-model timelines not numbered 1..timelineTotal`);
    // GET /orders: every order of the run exactly once, and nothing else
    const ours = new Set([probeId, ...results.filter((r) => r.created).map((r) => r.orderId)]);
    const listed = await listedOrders(base, onFinalRead);
    let notListedOnce = 0;
    if (!listed) failures.push('GET /orders cannot be read at the end');
    else {
      for (const id of ours) if (listed.get(id) !== 1) notListedOnce++;
      for (const id of listed.keys()) if (!ours.has(id)) notListedOnce++;
      if (notListedOnce) failures.push(`${notListedOnce} orders not listed exactly once by GET /orders`);
    }
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
    const postgresKills = faults.filter((f) => f.kind === 'PostgreSQL kill+restart').length;
    if (postgresKills < opts.postgresKills)
      failures.push(`only ${postgresKills} of ${opts.postgresKills} PostgreSQL kills happened`);
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
      unacknowledgedInReadModel: unacknowledged,
      timelinesWithSeqGaps: seqGaps,
      ordersNotListedOnce: notListedOnce,
      readModelCaughtUpS: caughtUpAt && (caughtUpAt - catchUpFrom) / 1000,
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
    `  read model caught up after the run:      ${r.readModelCaughtUpS === undefined ? 'NO' : `${r.readModelCaughtUpS.toFixed(1)} s`}`,
    `  accepted events missing from the read model: ${r.acceptedMissingFromTimeline}`,
    `  events applied twice:                   ${r.appliedTwice}`,
    `  events in the read model never acknowledged: ${r.unacknowledgedInReadModel}; timelines not seq 1..total: ${r.timelinesWithSeqGaps}`,
    `  orders not listed exactly once:         ${r.ordersNotListedOnce}`,
    `  emails delivered:                       ${r.emailsDelivered}; more than once per Message-ID: ${r.emailsDuplicatedByMessageId}; recorded but never delivered: ${r.emailsRecordedNotDelivered}`,
    `  503 answers (allowed):                  ${r.answers503}`,
    `  other 5xx:                              ${r.unexpected5xx.length}${r.unexpected5xx.length ? ' ' + JSON.stringify(r.unexpected5xx.slice(0, 5)) : ''}`,
    `  unexpected 4xx:                         ${r.unexpected4xx}; re-sends of an applied eventId answered 409: ${r.resentAnswered409}`,
    `  worker exits not caused by the harness: ${r.workerSelfExits}; SMTP connections reset: ${r.smtpConnectionErrors}`,
    `  faults (down = fault to restart done; recovered = restart done to the first event accepted by a probe order / the first email delivered / for PostgreSQL the first read answered 200):`,
    ...r.faults.map(
      (f) =>
        `    ${f.kind.padEnd(26)} down ${String(f.downMs).padStart(6)} ms   recovered after ${f.recoverMs === undefined ? '-' : String(f.recoverMs).padStart(6) + ' ms'}` +
        (f.kind === 'PostgreSQL kill+restart'
          ? `   read model caught up after ${f.caughtUpMs === undefined ? '-' : `${f.caughtUpMs} ms`}; events accepted while down: ${f.acceptedWhileDown ?? 0}`
          : ''),
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
    postgresKills: numberArg(a, 'postgres-kills', FULL.postgresKills),
    postgresDownMs: numberArg(a, 'postgres-down-s', FULL.postgresDownMs / 1000) * 1000,
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
