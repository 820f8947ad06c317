/**
 * Open-loop load: events arrive at a fixed rate whatever the answers do, so latency is measured
 * at a known load instead of being set by the number of clients (a closed loop at saturation
 * only measures its own queue). Each subject (an order or a baseline workflow, created before
 * the timed phase) takes its events one after another; an arrival goes to the subject idle the
 * longest, or to a fresh one when all are busy.
 */
import { performance } from 'node:perf_hooks';
import { sleep } from './lib';

export interface OpenLoopOptions {
  ratePerSecond: number;
  seconds: number;
  eventsPerSubject: number;
  subjects: string[];
  /** Sends event `index` of `subject`; true when it was accepted. */
  send(subject: string, index: number): Promise<boolean>;
}

export interface OpenLoopResult {
  ratePerSecond: number;
  seconds: number;
  scheduled: number;
  /** Arrivals with no subject left to take them (the reserve ran out): a sign of overload. */
  unserved: number;
  failed: number;
  /** From the scheduled arrival to the answer, ms (a late send counts against the system). */
  latencies: number[];
  achievedPerSecond: number;
  subjectsUsed: number;
}

/** Subjects to create beforehand for a phase: every event may land on a fresh one in the worst case. */
export const subjectsNeeded = (rate: number, seconds: number, eventsPerSubject: number) =>
  Math.ceil((rate * seconds) / eventsPerSubject) + Math.ceil(rate * 2);

export async function openLoop(o: OpenLoopOptions): Promise<OpenLoopResult> {
  const reserve = [...o.subjects];
  const idle: string[] = [];
  const next = new Map<string, number>();
  const latencies: number[] = [];
  const inFlight = new Set<Promise<void>>();
  let failed = 0;
  let unserved = 0;
  let used = 0;
  const total = Math.round(o.ratePerSecond * o.seconds);
  const t0 = performance.now();
  for (let k = 0; k < total; k++) {
    const at = t0 + (k * 1000) / o.ratePerSecond;
    const wait = at - performance.now();
    if (wait > 1) await sleep(wait);
    let subject = idle.shift();
    if (subject === undefined) {
      subject = reserve.shift();
      if (subject === undefined) {
        unserved++;
        continue;
      }
      used++;
    }
    const s = subject;
    const index = next.get(s) ?? 0;
    next.set(s, index + 1);
    const p = o
      .send(s, index)
      .then((ok) => {
        if (ok) latencies.push(performance.now() - at);
        else failed++;
      })
      .catch(() => void failed++)
      .finally(() => {
        inFlight.delete(p);
        if (index + 1 < o.eventsPerSubject) idle.push(s);
      });
    inFlight.add(p);
  }
  while (inFlight.size) await Promise.race(inFlight);
  const wallS = (performance.now() - t0) / 1000;
  return {
    ratePerSecond: o.ratePerSecond,
    seconds: o.seconds,
    scheduled: total,
    unserved,
    failed,
    latencies,
    achievedPerSecond: latencies.length / wallS,
    subjectsUsed: used,
  };
}
