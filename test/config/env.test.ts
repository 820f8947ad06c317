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
