import { ConfigError, loadConfig } from '../../src/config/env';

describe('worker configuration', () => {
  it('bounds the workflow cache and the sticky wait by default', () => {
    const { worker } = loadConfig({});
    expect(worker).toEqual({ maxCachedWorkflows: 100, stickyQueueTimeoutMs: 3_000 });
  });

  it('takes both from the environment', () => {
    const { worker } = loadConfig({ WORKER_MAX_CACHED_WORKFLOWS: '250', WORKER_STICKY_TIMEOUT: '10s' });
    expect(worker).toEqual({ maxCachedWorkflows: 250, stickyQueueTimeoutMs: 10_000 });
  });

  it('names the variable that is wrong', () => {
    expect(() => loadConfig({ WORKER_STICKY_TIMEOUT: 'soon' })).toThrow(ConfigError);
    expect(() => loadConfig({ WORKER_STICKY_TIMEOUT: 'soon' })).toThrow(/WORKER_STICKY_TIMEOUT/);
  });
});

describe('read model database', () => {
  it('defaults to the database `npm start` runs', () => {
    expect(loadConfig({}).database).toEqual({ url: 'postgres://postgres:postgres@localhost:5433/orderdesk' });
  });

  it('takes a postgres:// or postgresql:// URL', () => {
    for (const url of [
      'postgres://app:secret@db:5432/orderdesk',
      'postgresql://db/orderdesk?sslmode=require',
    ]) {
      expect(loadConfig({ DATABASE_URL: url }).database).toEqual({ url });
    }
  });

  it('refuses anything else, naming the variable and not echoing it', () => {
    for (const url of ['mysql://db/orderdesk', 'postgres://', 'db:5432', 'postgres:/orderdesk']) {
      expect(() => loadConfig({ DATABASE_URL: url })).toThrow(ConfigError);
      expect(() => loadConfig({ DATABASE_URL: url })).toThrow(/DATABASE_URL/);
    }
    expect(() => loadConfig({ DATABASE_URL: 'mysql://root:hunter2@db' })).not.toThrow(/hunter2/);
  });
});
