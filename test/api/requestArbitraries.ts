/**
 * Request parts for the fuzz tests (fast-check): odd values, invalid bodies built from valid ones,
 * and the check that an answer is a 4xx in the contract's error shape.
 */
import fc from 'fast-check';
import type request from 'supertest';
import { newOrderSchema, orderEventSchema } from '../../src/domain';
import { fullLife, newInquiry } from '../../harness/orderFixtures';

function fails(schema: { safeParse(v: unknown): { success: boolean } }, value: unknown): boolean {
  try {
    return !schema.safeParse(value).success;
  } catch {
    return true;
  }
}

/** Every path to a value inside a JSON object. */
function pathsOf(value: unknown, prefix: (string | number)[] = []): (string | number)[][] {
  if (Array.isArray(value)) return value.flatMap((v, i) => [[...prefix, i], ...pathsOf(v, [...prefix, i])]);
  if (value && typeof value === 'object')
    return Object.entries(value).flatMap(([k, v]) => [[...prefix, k], ...pathsOf(v, [...prefix, k])]);
  return [];
}

function setAt(value: unknown, path: (string | number)[], replacement: unknown, remove: boolean): unknown {
  const copy = structuredClone(value) as Record<string | number, unknown>;
  let node = copy;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
  const last = path[path.length - 1];
  if (remove) delete node[last];
  else node[last] = replacement;
  return copy;
}

/** A valid document with one value replaced by random JSON or removed. */
export function mutated(valid: object): fc.Arbitrary<unknown> {
  const paths = pathsOf(valid);
  return fc
    .tuple(fc.constantFrom(...paths), fc.jsonValue({ maxDepth: 2 }), fc.boolean())
    .map(([path, replacement, remove]) => setAt(valid, path, replacement, remove));
}

export const weirdValues = fc.oneof(
  fc.string(),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.constantFrom(
    '',
    ' ',
    '"',
    "'",
    '\\',
    '%',
    '%ZZ',
    '%00',
    '\u0000',
    'true',
    '-1',
    '1e999',
    'NaN',
    '../..',
    'a'.repeat(5000),
  ),
  fc.integer().map(String),
);

/** Event bodies the event schema refuses. */
export const invalidEventBodies = fc
  .oneof(
    fc.jsonValue({ maxDepth: 3 }),
    fc.record({ type: fc.constantFrom(...Object.values(fullLife).map((e) => e.type)), eventId: weirdValues }),
    fc
      .tuple(
        fc.constantFrom(...Object.values(fullLife).map((e) => e.type)),
        fc.dictionary(fc.string(), fc.jsonValue({ maxDepth: 2 })),
      )
      .map(([type, rest]) => ({ ...rest, type })),
    ...Object.values(fullLife).map((e) => mutated(e)),
  )
  .filter((body) => fails(orderEventSchema, body));

/** New-order bodies the order schema refuses. */
export const invalidNewOrderBodies = fc
  .oneof(fc.jsonValue({ maxDepth: 3 }), mutated({ ...newInquiry(), stageTimeLimits: { INQUIRY: '1h' } }))
  .filter((body) => fails(newOrderSchema, body));

/** Throws unless the answer is a 4xx with `{ error: { code, message } }`. */
export async function expect4xx(res: request.Response, what: string): Promise<void> {
  if (res.status < 400 || res.status >= 500)
    throw new Error(`${what} answered ${res.status}: ${res.text.slice(0, 300)}`);
  const body = res.body as { error?: { code?: unknown; message?: unknown } };
  if (typeof body.error?.code !== 'string' || typeof body.error.message !== 'string')
    throw new Error(`${what} answered ${res.status} without the error shape: ${res.text.slice(0, 300)}`);
  return Promise.resolve();
}
