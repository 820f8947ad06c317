import { encodeSearchAttributeIndexedValueType } from '@temporalio/common/lib/search-attributes';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { dataConverterFor } from '../src/codec/dataConverter';
import { temporalTestServerPath } from '../src/dev/temporalBinaries';
import { orderSearchAttributeKeys } from '../src/workflows/searchAttributes';

/** Attaches to the real dev server that jest's global setup started (updates, visibility, UI data). */
export async function devServerEnvironment(): Promise<TestWorkflowEnvironment> {
  const address = process.env.TEMPORAL_TEST_ADDRESS;
  if (!address) throw new Error('TEMPORAL_TEST_ADDRESS is not set: run the tests through jest');
  return TestWorkflowEnvironment.createFromExistingServer({
    address,
    namespace: process.env.TEMPORAL_TEST_NAMESPACE ?? 'default',
    // Reads what a real worker compresses (tests run one in a process of its own), and sends
    // nothing compressed, so in-process test workers without a codec read it as it is.
    client: { dataConverter: dataConverterFor({ payloadCodec: undefined }, { compress: false }) },
  });
}

/**
 * Temporal's time-skipping test server from the project venv (never downloaded). It starts without
 * custom search attributes, so ours are registered through its operator service, as the dev server's are.
 */
export async function timeSkippingEnvironment(): Promise<TestWorkflowEnvironment> {
  const env = await TestWorkflowEnvironment.createTimeSkipping({
    server: { executable: { type: 'existing-path', path: temporalTestServerPath() } },
  });
  const searchAttributes = Object.fromEntries(
    orderSearchAttributeKeys.map((key) => [key.name, encodeSearchAttributeIndexedValueType(key.type)!]),
  );
  await env.connection.operatorService.addSearchAttributes({
    namespace: env.namespace ?? 'default',
    searchAttributes,
  });
  return env;
}

/** A task queue name of its own for each test, so tests sharing a server never steal each other's tasks. */
export function uniqueTaskQueue(prefix: string): string {
  return `${prefix}-${process.pid}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
}

/** Polls until check returns a value (visibility is eventually consistent). */
export async function eventually<T>(
  check: () => Promise<T | undefined>,
  { timeoutMs = 20_000, intervalMs = 200 } = {},
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, intervalMs));
  }
}
