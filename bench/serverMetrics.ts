/**
 * The dev server's persistence requests by operation, from its Prometheus endpoint (`--metrics-port`):
 * the dev server has one SQLite connection, so these writes are what an event costs it.
 */
export type Counts = Record<string, number>;

export async function persistenceRequests(metricsPort: number | undefined): Promise<Counts | undefined> {
  if (metricsPort === undefined) return undefined;
  try {
    const text = await (await fetch(`http://127.0.0.1:${metricsPort}/metrics`)).text();
    const out: Counts = {};
    for (const line of text.split('\n')) {
      if (!line.startsWith('persistence_requests{')) continue;
      const op = /operation="([^"]+)"/.exec(line)?.[1];
      const value = Number(line.slice(line.lastIndexOf(' ') + 1));
      if (op && Number.isFinite(value)) out[op] = (out[op] ?? 0) + value;
    }
    return out;
  } catch {
    return undefined;
  }
}

/** What happened between two scrapes, per event, largest first (operations under 0.05 left out). */
export function perEvent(before: Counts | undefined, after: Counts | undefined, events: number) {
  if (!before || !after || !events) return undefined;
  const byOperation: Counts = {};
  let total = 0;
  for (const [op, n] of Object.entries(after)) {
    const d = (n - (before[op] ?? 0)) / events;
    total += d;
    if (d >= 0.05) byOperation[op] = d;
  }
  const sorted = Object.fromEntries(Object.entries(byOperation).sort((a, b) => b[1] - a[1]));
  return { total, byOperation: sorted };
}
