import { ConfigError, loadConfig } from '../../src/config/env';

describe('worker configuration', () => {
  it('bounds the workflow cache and the sticky wait by default', () => {
    const { worker } = loadConfig({});
    expect(worker).toEqual({ maxCachedWorkflows: 100, stickyQueueTimeoutMs: 3_000, metricsAddress: null });
  });

  it('takes both from the environment', () => {
    const { worker } = loadConfig({ WORKER_MAX_CACHED_WORKFLOWS: '250', WORKER_STICKY_TIMEOUT: '10s' });
    expect(worker).toEqual({ maxCachedWorkflows: 250, stickyQueueTimeoutMs: 10_000, metricsAddress: null });
  });

  it('names the variable that is wrong', () => {
    expect(() => loadConfig({ WORKER_STICKY_TIMEOUT: 'soon' })).toThrow(ConfigError);
    expect(() => loadConfig({ WORKER_STICKY_TIMEOUT: 'soon' })).toThrow(/WORKER_STICKY_TIMEOUT/);
  });
});

describe('worker metrics and logs', () => {
  it('serve Prometheus on loopback only when a port is given, or on the host named', () => {
    expect(loadConfig({ WORKER_METRICS_PORT: '9464' }).worker.metricsAddress).toBe('127.0.0.1:9464');
    expect(
      loadConfig({ WORKER_METRICS_PORT: '9464', WORKER_METRICS_HOST: '0.0.0.0' }).worker.metricsAddress,
    ).toBe('0.0.0.0:9464');
  });

  it('refuse a port or host that is not one, naming the variable', () => {
    for (const env of [
      { WORKER_METRICS_PORT: '70000' },
      { WORKER_METRICS_PORT: 'x' },
      { WORKER_METRICS_PORT: '9464', WORKER_METRICS_HOST: 'prometheus.example' },
    ])
      expect(() => loadConfig(env)).toThrow(new RegExp(Object.keys(env).pop() ?? ''));
  });

  it('log at INFO in production and WARN otherwise, unless LOG_LEVEL says', () => {
    expect(loadConfig({}).logLevel).toBe('WARN');
    expect(loadConfig({ LOG_LEVEL: 'DEBUG' }).logLevel).toBe('DEBUG');
    expect(() => loadConfig({ LOG_LEVEL: 'LOUD' })).toThrow(/LOG_LEVEL/);
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

describe('API tokens', () => {
  const secret = (c: string) => c.repeat(32);
  const production = {
    NODE_ENV: 'production',
    MAIL_FROM: 'orders@exporter.example',
    PSEUDONYM_KEY: 'k'.repeat(32),
  };

  it('take the roles viewer, ops and manager', () => {
    const { api } = loadConfig({ API_TOKENS: 'v:viewer:token-one1,o:ops:token-two22,m:manager:token-3333' });
    expect(api.tokens.map((t) => t.role)).toEqual(['viewer', 'ops', 'manager']);
    expect(() => loadConfig({ API_TOKENS: 'a:admin:token-one1' })).toThrow(/API_TOKENS/);
  });

  it('in production refuse the documented local tokens and tokens under 32 characters, naming API_TOKENS', () => {
    expect(() => loadConfig(production)).toThrow(/API_TOKENS: required in production/);
    expect(() => loadConfig({ ...production, API_TOKENS: 'ops:ops:local-ops-token' })).toThrow(
      /API_TOKENS: "ops" use the documented local token/,
    );
    expect(() =>
      loadConfig({ ...production, API_TOKENS: `a:ops:${secret('a')},b:viewer:${'b'.repeat(31)}` }),
    ).toThrow(/API_TOKENS: "b": tokens need at least 32 characters/);
    const { api } = loadConfig({
      ...production,
      API_TOKENS: `a:ops:${secret('a')},m:manager:${secret('m')}`,
    });
    expect(api.tokens).toHaveLength(2);
  });

  it('accept short tokens outside production (tests and demos)', () => {
    expect(loadConfig({ API_TOKENS: 'ops:ops:local-ops-token' }).api.tokens).toHaveLength(1);
  });
});

describe('limits', () => {
  const production = {
    NODE_ENV: 'production',
    PSEUDONYM_KEY: 'k'.repeat(32),
    MAIL_FROM: 'orders@exporter.example',
    API_TOKENS: `ops:ops:${'x'.repeat(32)}`,
  };

  it('have documented defaults', () => {
    const config = loadConfig({});
    expect(config.api).toMatchObject({
      authFailuresPerMinute: 20,
      addressRateLimitPerMinute: 300,
      trustProxyHops: 0,
    });
    expect(config.stallPolicy.maxRemindersPerStage).toBe(10);
    expect(config.orderLimits).toEqual({ minDuration: null, internalEmailDomains: [] });
  });

  it('in production: a 1h floor and internal emails at the sender domain unless configured', () => {
    expect(loadConfig(production).orderLimits).toEqual({
      minDuration: '1h',
      internalEmailDomains: ['exporter.example'],
    });
    const configured = loadConfig({ ...production, INTERNAL_EMAIL_DOMAINS: 'A.example, b.example' });
    expect(configured.orderLimits.internalEmailDomains).toEqual(['a.example', 'b.example']);
    expect(
      loadConfig({ ...production, INTERNAL_EMAIL_DOMAINS: '' }).orderLimits.internalEmailDomains,
    ).toEqual([]);
  });

  it('refuse defaults that break them, naming the variable', () => {
    expect(() => loadConfig({ ...production, STAGE_TIME_LIMITS: 'INQUIRY=30m' })).toThrow(
      /STAGE_TIME_LIMITS: INQUIRY under 1h/,
    );
    expect(() => loadConfig({ ...production, REMINDER_REPEAT_EVERY: '10m' })).toThrow(
      /REMINDER_REPEAT_EVERY/,
    );
    expect(() => loadConfig({ ...production, REMINDER_ESCALATE_TO: 'boss@gmail.example' })).toThrow(
      /REMINDER_ESCALATE_TO/,
    );
    expect(() => loadConfig({ INTERNAL_EMAIL_DOMAINS: 'not a domain' })).toThrow(/INTERNAL_EMAIL_DOMAINS/);
    expect(() => loadConfig({ REMINDER_MAX_PER_STAGE: '0' })).toThrow(/REMINDER_MAX_PER_STAGE/);
    expect(loadConfig({ STAGE_TIME_LIMITS: 'INQUIRY=1s' }).stallPolicy.stageTimeLimits.INQUIRY).toBe('1s');
  });
});

describe('the account manager pseudonym key', () => {
  const production = {
    NODE_ENV: 'production',
    MAIL_FROM: 'orders@exporter.example',
    API_TOKENS: `o:ops:${'t'.repeat(32)}`,
  };

  it('has a documented local default outside production', () => {
    expect(loadConfig({}).pseudonymKey).toEqual(expect.any(String));
  });

  it('is required in production, at least 32 characters, and never the local one', () => {
    expect(() => loadConfig(production)).toThrow(/PSEUDONYM_KEY/);
    expect(() => loadConfig({ ...production, PSEUDONYM_KEY: 'short' })).toThrow(/PSEUDONYM_KEY/);
    expect(() => loadConfig({ ...production, PSEUDONYM_KEY: loadConfig({}).pseudonymKey })).toThrow(
      /PSEUDONYM_KEY/,
    );
    expect(loadConfig({ ...production, PSEUDONYM_KEY: 's'.repeat(40) }).pseudonymKey).toBe('s'.repeat(40));
  });
});
