import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { ensureDatabase } from '../../src/dev/databases';
import { freePort } from '../../src/dev/freePort';
import { makeTempDir, startPostgres, type PostgresServer } from '../../src/dev/postgres';
import { createReadModel, DatabaseUnavailableError, migrate, type ReadModel } from '../../src/readModel';
import { batch, orderRecord } from './records';

// A server of its own: this file stops, kills and restarts it.
let root: string;
let server: PostgresServer;
let readModel: ReadModel;

beforeAll(async () => {
  root = makeTempDir('orderdesk-pg-availability-');
  server = await startPostgres({ dataDir: join(root, 'data'), durable: false });
  const url = await ensureDatabase(server.url, 'orderdesk');
  await migrate(url);
  readModel = createReadModel({ url, connectTimeoutMs: 1_000, company: 'default' });
});

afterAll(async () => {
  await readModel?.close();
  await server?.stop();
  rmSync(root, { recursive: true, force: true });
});

/** Rejects with DatabaseUnavailableError, and quickly: the API answers 503 on it. */
async function expectUnavailable(call: () => Promise<unknown>): Promise<void> {
  const started = Date.now();
  await expect(call()).rejects.toBeInstanceOf(DatabaseUnavailableError);
  expect(Date.now() - started).toBeLessThan(3_000);
}

describe('when the database is down', () => {
  it('throws DatabaseUnavailableError while stopped and works again after a restart', async () => {
    await readModel.project(batch(orderRecord({ orderId: 'AV-1' })));
    await server.stop();

    await expectUnavailable(() => readModel.ping());
    await expectUnavailable(() => readModel.project(batch(orderRecord({ orderId: 'AV-2' }))));
    await expectUnavailable(() => readModel.listOrders({ pageSize: 10 }));
    await expectUnavailable(() => readModel.getOrder('AV-1'));

    await server.restart();
    await expect(readModel.ping()).resolves.toBeUndefined();
    expect(await readModel.getOrder('AV-1')).toMatchObject({ seq: 1 });
  });

  it('survives a SIGKILL of the server and its backends (the chaos run)', async () => {
    await readModel.ping(); // a pooled connection that the kill breaks
    await readModel.project(batch(orderRecord({ orderId: 'AV-3' })));
    await server.kill();

    await expectUnavailable(() => readModel.ping());
    await expectUnavailable(() => readModel.timeline('AV-3', { limit: 5 }));

    await server.restart();
    await expect(readModel.ping()).resolves.toBeUndefined();
    expect(await readModel.getOrder('AV-3')).toMatchObject({ seq: 1 });
  });

  it('reports a server that is not there at all as unavailable', async () => {
    const nowhere = createReadModel({ url: `postgres://postgres:postgres@127.0.0.1:${await freePort()}/x` });
    try {
      await expectUnavailable(() => nowhere.ping());
    } finally {
      await nowhere.close();
    }
  });

  it('lets other errors through as they are', async () => {
    const wrongDatabase = createReadModel({
      url: server.url.replace(/\/postgres$/, '/no_such_db'),
      company: 'default',
    });
    try {
      const error: unknown = await wrongDatabase.ping().catch((err: unknown) => err);
      expect(error).not.toBeInstanceOf(DatabaseUnavailableError);
      expect(error).toMatchObject({ code: '3D000' });
    } finally {
      await wrongDatabase.close();
    }
  });
});
