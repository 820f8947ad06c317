/**
 * Drives one order through its whole life over HTTP, the way a client following the contract does:
 * every event with an eventId, 503s (and lost connections) retried with the same eventId, and
 * GOODS_RELEASED only once the documents are dispatched.
 */
import { fullLife, newInquiry } from '../harness/orderFixtures';
import { http, sleep, type HttpResult } from './lib';

export const LIFE = Object.values(fullLife) as ({ type: string } & Record<string, unknown>)[];

export interface Attempt {
  orderId: string;
  eventId: string;
  type: string;
  status: number;
  code?: string;
  ms: number;
  bytes: number;
  startedAt: number;
  endedAt: number;
  /** A deliberate second send of an eventId already sent. */
  duplicate: boolean;
  /** The order's event count in the answer (200 only). */
  timelineTotal?: number;
}

export interface DriveOptions {
  base: string;
  retry503: boolean;
  /** Chance of sending an event a second time with the same eventId (chaos). */
  duplicateChance?: number;
  /** Pause between events, ms (random 0..thinkMs). */
  thinkMs?: number;
  dispatchTimeoutMs?: number;
  /** Give up retrying one request after this long (default: never). */
  retryForMs?: number;
  /** Send only the first `upTo` events of the life (an order left open on purpose). */
  upTo?: number;
  /** Awaited before each event is sent (chaos: hold the last event until the faults are done). */
  beforeEvent?(type: string): Promise<void>;
  random?: () => number;
  record(a: Attempt): void;
  /** Called for every answer with status >= 500 (chaos bookkeeping). */
  onServerError?(r: HttpResult, what: string): void;
}

export interface DriveResult {
  orderId: string;
  created: boolean;
  accepted: string[];
  completed: boolean;
  failure?: string;
  dispatchWaitMs: number;
}

/** What the contract says to retry: no answer, a 503, and a 429 (Temporal's per-order update limits). */
const retryable = (r: HttpResult) =>
  r.status === 0 || r.status === 503 || (r.status === 429 && r.body?.error?.code === 'TOO_MANY_REQUESTS');

export async function driveOrder(orderId: string, o: DriveOptions): Promise<DriveResult> {
  const rnd = o.random ?? Math.random;
  const result: DriveResult = { orderId, created: false, accepted: [], completed: false, dispatchWaitMs: 0 };
  const note = (r: HttpResult, what: string) => {
    if (r.status >= 500) o.onServerError?.(r, what);
  };

  // create, retrying 503s; a 200 after a lost answer means the first attempt went through
  let retried = false;
  for (let attempt = 0; ; attempt++) {
    const r = await http(o.base, 'POST', '/orders', { ...newInquiry(), orderId });
    note(r, 'POST /orders');
    // A create sent again after a lost answer finds its order: 200 (the contract's retried create).
    if (r.status === 201 || (r.status === 200 && retried)) break;
    if (retryable(r) && o.retry503 && attempt < 200) {
      retried = true;
      await sleep(Math.min(2_000, 100 * 2 ** attempt));
      continue;
    }
    result.failure = `create: ${r.status} ${JSON.stringify(r.body).slice(0, 300)}`;
    return result;
  }
  result.created = true;

  for (let i = 0; i < (o.upTo ?? LIFE.length); i++) {
    const event = LIFE[i];
    const eventId = `${orderId}-e${i}`;
    await o.beforeEvent?.(event.type);
    if (event.type === 'GOODS_RELEASED') {
      const t0 = Date.now();
      const ok = await waitForDispatch(orderId, o, note);
      result.dispatchWaitMs = Date.now() - t0;
      if (!ok) {
        result.failure = 'documents never dispatched';
        return result;
      }
    }
    if (o.thinkMs) await sleep(rnd() * o.thinkMs);
    const send = async (duplicate: boolean): Promise<HttpResult> => {
      const firstTry = Date.now();
      for (let attempt = 0; ; attempt++) {
        const r = await http(o.base, 'POST', `/orders/${orderId}/events`, { ...event, eventId });
        note(r, `POST event ${event.type}`);
        o.record({
          orderId,
          eventId,
          type: event.type,
          status: r.status,
          code: r.body?.error?.code,
          ms: r.ms,
          bytes: r.bytes,
          startedAt: r.startedAt,
          endedAt: r.endedAt,
          duplicate: duplicate || attempt > 0,
          timelineTotal: r.body?.timelineTotal,
        });
        if (retryable(r) && o.retry503 && Date.now() - firstTry < (o.retryForMs ?? Infinity)) {
          await sleep(Math.min(2_000, 100 * 2 ** attempt));
          continue;
        }
        return r;
      }
    };
    const dup = o.duplicateChance !== undefined && rnd() < o.duplicateChance;
    // a duplicate goes either at the same time as the first send or right after it
    const concurrent = dup && rnd() < 0.5;
    const answers = concurrent ? await Promise.all([send(false), send(true)]) : [await send(false)];
    if (dup && !concurrent) answers.push(await send(true));
    const bad = answers.find((r) => r.status !== 200);
    if (answers.some((r) => r.status === 200)) result.accepted.push(eventId);
    if (bad) {
      result.failure = `${event.type}: ${bad.status} ${JSON.stringify(bad.body).slice(0, 300)}`;
      return result;
    }
  }
  result.completed = (o.upTo ?? LIFE.length) >= LIFE.length;
  return result;
}

async function waitForDispatch(
  orderId: string,
  o: DriveOptions,
  note: (r: HttpResult, what: string) => void,
): Promise<boolean> {
  const deadline = Date.now() + (o.dispatchTimeoutMs ?? 120_000);
  let wait = 20;
  while (Date.now() < deadline) {
    const r = await http(o.base, 'GET', `/orders/${orderId}`);
    note(r, 'GET /orders/{id}');
    if (r.status === 200 && r.body?.documents?.dispatchedAt) return true;
    await sleep(wait);
    wait = Math.min(500, wait * 1.5);
  }
  return false;
}

/** Runs `fn` over `items` with at most `concurrency` at a time. */
export async function pool<T, R>(
  items: T[],
  concurrency: number,
  fn: (item: T, index: number) => Promise<R>,
): Promise<R[]> {
  const out = new Array<R>(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(concurrency, items.length) }, async () => {
      while (next < items.length) {
        const i = next++;
        out[i] = await fn(items[i], i);
      }
    }),
  );
  return out;
}
