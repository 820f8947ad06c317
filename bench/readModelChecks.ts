/**
 * The chaos run's view of the read model over the public API: whole timelines and the whole order
 * list (every page), whether it has caught up with what clients were told, and whether an order's
 * timeline holds exactly what was accepted.
 */
import { SYSTEM_EVENT_TYPES } from '../src/domain';
import { http, sleep, type HttpResult } from './lib';

interface TimelineEntry {
  seq: number;
  eventId: string;
  type: string;
}

/** The read-model answers the harness reads (lib's ApiBody covers the order view and errors). */
interface ReadModelBody {
  entries?: TimelineEntry[];
  nextCursor?: string | null;
  orders?: { orderId: string }[];
  nextPageToken?: string | null;
}

const body = (r: HttpResult) => r.body as ReadModelBody;

/** Every answer with status >= 500 goes here (chaos bookkeeping). */
export type ServerErrorSink = (r: HttpResult, what: string) => void;

/** The order's whole timeline from the read model (all pages), or undefined if a page fails. */
export async function fullTimeline(
  base: string,
  orderId: string,
  onServerError: ServerErrorSink,
  what: string,
): Promise<TimelineEntry[] | undefined> {
  const entries: TimelineEntry[] = [];
  let cursor: string | null | undefined;
  do {
    const query = `limit=200${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
    const r = await http(base, 'GET', `/orders/${encodeURIComponent(orderId)}/timeline?${query}`);
    if (r.status >= 500) onServerError(r, what);
    if (r.status !== 200) return undefined;
    entries.push(...(body(r).entries ?? []));
    cursor = body(r).nextCursor;
  } while (cursor);
  return entries;
}

/** How often each order id appears in GET /orders (all pages), or undefined if a page fails. */
export async function listedOrders(
  base: string,
  onServerError: ServerErrorSink,
): Promise<Map<string, number> | undefined> {
  const seen = new Map<string, number>();
  let token: string | null | undefined;
  do {
    const query = `pageSize=200${token ? `&nextPageToken=${encodeURIComponent(token)}` : ''}`;
    const r = await http(base, 'GET', `/orders?${query}`);
    if (r.status >= 500) onServerError(r, 'final GET /orders');
    if (r.status !== 200) return undefined;
    for (const o of body(r).orders ?? []) seen.set(o.orderId, (seen.get(o.orderId) ?? 0) + 1);
    token = body(r).nextPageToken;
  } while (token);
  return seen;
}

/**
 * Waits until every order's read-model timeline holds the events clients were told were accepted.
 * Resolves with the time it got there, or undefined at the deadline.
 */
export async function waitForCatchUp(
  base: string,
  accepted: Map<string, Set<string>>,
  onServerError: ServerErrorSink,
  timeoutMs: number,
): Promise<number | undefined> {
  const pending = new Map(accepted);
  const deadline = Date.now() + timeoutMs;
  while (pending.size && Date.now() < deadline) {
    for (const [orderId, eventIds] of pending) {
      const entries = await fullTimeline(base, orderId, onServerError, 'GET timeline (catch-up)');
      const present = new Set(entries?.map((e) => e.eventId));
      if (entries && [...eventIds].every((id) => present.has(id))) pending.delete(orderId);
    }
    if (pending.size) await sleep(200);
  }
  return pending.size ? undefined : Date.now();
}

export interface TimelineFindings {
  /** accepted (2xx) but not in the read model */
  missing: number;
  /** in the read model more than once */
  twice: number;
  /** a client event in the read model that no client got a 2xx for */
  unacknowledged: number;
  /** seq is not 1..timelineTotal without gaps */
  seqBroken: boolean;
}

/**
 * The read model's timeline of one order against what its clients were told: exactly the accepted
 * events, each once, plus the workflow's own (creation and system events), numbered 1..total.
 */
export function checkTimeline(
  entries: TimelineEntry[],
  accepted: Set<string>,
  timelineTotal: number | undefined,
): TimelineFindings {
  const counts = new Map<string, number>();
  for (const e of entries) counts.set(e.eventId, (counts.get(e.eventId) ?? 0) + 1);
  const workflowsOwn = (type: string) =>
    type === 'ORDER_CREATED' || (SYSTEM_EVENT_TYPES as readonly string[]).includes(type);
  const seqs = entries.map((e) => e.seq).sort((a, b) => a - b);
  return {
    missing: [...accepted].filter((id) => !counts.has(id)).length,
    twice: [...counts.values()].reduce((s, n) => s + n - 1, 0),
    unacknowledged: entries.filter((e) => !workflowsOwn(e.type) && !accepted.has(e.eventId)).length,
    seqBroken: seqs.length !== timelineTotal || seqs.some((seq, i) => seq !== i + 1),
  };
}
