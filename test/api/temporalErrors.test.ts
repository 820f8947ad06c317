/**
 * How the API words Temporal's failures (src/api/temporalErrors.ts): the failures are gRPC errors
 * shaped as the client surfaces them; the probe after a deadline goes to real endpoints: the test
 * run's dev server, a closed port, and a port that accepts connections but never answers (a server
 * too busy to answer, or frozen).
 */
import { createServer, type Server, type Socket } from 'node:net';
import { Client, Connection, makeGrpcRetryInterceptor } from '@temporalio/client';
import { apiRetryOptions } from '../../src/api/temporalClient';
import { ApiError } from '../../src/api/errors';
import { grpcStatus, mapTemporalError } from '../../src/api/temporalErrors';
import { freePort } from '../../harness/smtp';

function grpcError(code: number, details: string): Error {
  return Object.assign(new Error(`${code} ${details}`), { code, details, metadata: {} });
}
const updateAborted = () => grpcError(grpcStatus.UNAVAILABLE, 'workflow update was aborted');
const refused = () => grpcError(grpcStatus.UNAVAILABLE, 'No connection established');
const deadline = () => grpcError(grpcStatus.DEADLINE_EXCEEDED, 'Deadline exceeded after 5.001s');

const clients: Connection[] = [];
/** A client connected as the API's is (its gRPC retries), without connecting first. */
function clientAt(address: string): Client {
  const connection = Connection.lazy({
    address,
    interceptors: [makeGrpcRetryInterceptor(apiRetryOptions())],
  });
  clients.push(connection);
  return new Client({ connection });
}

let silent: Server;
const sockets: Socket[] = [];
let silentAddress: string;
let closedAddress: string;
beforeAll(async () => {
  silent = createServer((socket) => sockets.push(socket));
  const port = await freePort();
  await new Promise<void>((resolve) => silent.listen(port, '127.0.0.1', resolve));
  silentAddress = `127.0.0.1:${port}`;
  closedAddress = `127.0.0.1:${await freePort()}`;
});
afterAll(async () => {
  await Promise.all(clients.map((c) => c.close()));
  for (const socket of sockets) socket.destroy();
  await new Promise((resolve) => silent.close(resolve));
});

async function codeOf(err: Error, address: string | undefined, needsWorker: boolean): Promise<string> {
  const mapped: ApiError = await mapTemporalError(err, address ? clientAt(address) : undefined, {
    orderId: 'PO-1',
    needsWorker,
  });
  return `${mapped.status} ${mapped.code}`;
}

describe('an event the server dropped before accepting it (its update registry was cleared)', () => {
  it('is retried by the client until the call deadline, unlike other UNAVAILABLE answers', () => {
    const { retryableDecider } = apiRetryOptions();
    const status = (err: Error) => err as unknown as Parameters<typeof retryableDecider>[1];
    expect([1, 2, 3, 11].map((attempt) => retryableDecider(attempt, status(updateAborted())))).toEqual([
      true,
      true,
      true,
      true,
    ]);
    expect(retryableDecider(12, status(updateAborted()))).toBe(false);
    expect([1, 2, 3].map((attempt) => retryableDecider(attempt, status(refused())))).toEqual([
      true,
      true,
      false,
    ]);
    expect(
      retryableDecider(1, status(grpcError(grpcStatus.RESOURCE_EXHAUSTED, 'too many outstanding updates'))),
    ).toBe(false);
  });

  it('is answered WORKERS_UNAVAILABLE (retry with the same eventId), not "Temporal cannot be reached"', async () => {
    expect(await codeOf(updateAborted(), process.env.TEMPORAL_TEST_ADDRESS, true)).toBe(
      '503 WORKERS_UNAVAILABLE',
    );
  });
});

describe('a deadline on a call that records an event', () => {
  it('is WORKERS_UNAVAILABLE while the server answers, or is too busy to answer the probe in time', async () => {
    expect(await codeOf(deadline(), process.env.TEMPORAL_TEST_ADDRESS, true)).toBe('503 WORKERS_UNAVAILABLE');
    // The call reached a server, so the event may be recorded: the client must retry with its eventId.
    expect(await codeOf(deadline(), silentAddress, true)).toBe('503 WORKERS_UNAVAILABLE');
  });

  it('is TEMPORAL_UNAVAILABLE once the service proves unreachable', async () => {
    expect(await codeOf(deadline(), closedAddress, true)).toBe('503 TEMPORAL_UNAVAILABLE');
    expect(await codeOf(deadline(), undefined, true)).toBe('503 TEMPORAL_UNAVAILABLE');
  });
});

it('a refused connection is TEMPORAL_UNAVAILABLE without a probe; a deadline on a read is too', async () => {
  expect(await codeOf(refused(), process.env.TEMPORAL_TEST_ADDRESS, true)).toBe('503 TEMPORAL_UNAVAILABLE');
  expect(await codeOf(deadline(), process.env.TEMPORAL_TEST_ADDRESS, false)).toBe('503 TEMPORAL_UNAVAILABLE');
});
