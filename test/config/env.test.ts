import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { API_ENV, loadApiConfig } from '../../src/config/apiEnv';
import { defaultText } from '../../src/config/variables';
import { ConfigError, loadConfig } from '../../src/config/env';
import { loadWorkerConfig } from '../../src/config/workerEnv';

/** Production needs the account customers pay to. */
const BANK = {
  EXPORTER_BANK_NAME: 'Bank of China Ningbo',
  EXPORTER_BANK_ACCOUNT: '3580 0000 1234',
  EXPORTER_BANK_SWIFT: 'BKCHCNBJ92A',
};

describe('the bank account in production', () => {
  it('is required, naming the variables', () => {
    expect(() =>
      loadConfig({
        NODE_ENV: 'production',
        MAIL_FROM: 'orders@exporter.example',
        API_TOKENS: `o:ops:${'t'.repeat(32)}`,
        PSEUDONYM_KEY: 'k'.repeat(32),
        TRACKING_LINK_KEY: 'l'.repeat(32),
      }),
    ).toThrow(/EXPORTER_BANK_NAME, EXPORTER_BANK_ACCOUNT, EXPORTER_BANK_SWIFT/);
  });
});

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
    TRACKING_LINK_KEY: 't'.repeat(32),
    ...BANK,
  };

  it('take the company roles viewer, ops, manager and admin', () => {
    const { api } = loadConfig({ API_TOKENS: 'v:viewer:token-one1,o:ops:token-two22,m:manager:token-3333' });
    expect(api.tokens.map((t) => t.role)).toEqual(['viewer', 'ops', 'manager']);
    expect(() => loadConfig({ API_TOKENS: 'a:superuser:token-one1' })).toThrow(/API_TOKENS/);
  });

  it('name a company (default when none), platform roles, and no company for a platform-admin', () => {
    const { api } = loadConfig({
      API_TOKENS:
        'a:admin:token-one1:acme,o:ops:token-two22,c:customer-manager:token-3333:globex,p:platform-admin:token-4444',
    });
    expect(api.tokens.map(({ name, role, company }) => ({ name, role, company }))).toEqual([
      { name: 'a', role: 'admin', company: 'acme' },
      { name: 'o', role: 'ops', company: 'default' },
      { name: 'c', role: 'customer-manager', company: 'globex' },
      { name: 'p', role: 'platform-admin', company: undefined },
    ]);
    expect(() => loadConfig({ API_TOKENS: 'p:platform-admin:token-4444:acme' })).toThrow(/API_TOKENS/);
    expect(() => loadConfig({ API_TOKENS: 'a:ops:token-one1:Not_A_Company' })).toThrow(/API_TOKENS/);
  });

  it('sign-in in production needs its session and CSRF secrets, and the issuer a client id', () => {
    const signIn = {
      ...production,
      API_TOKENS: `ops:ops:${secret('o')}`,
      OIDC_ISSUER_URL: 'https://login.example.com',
      OIDC_CLIENT_ID: 'desk',
    };
    expect(() => loadApiConfig(signIn)).toThrow(/SESSION_SECRET[\s\S]*CSRF_SECRET/);
    expect(() => loadConfig({ OIDC_ISSUER_URL: 'https://login.example.com' })).toThrow(/OIDC_CLIENT_ID/);
    const ok = loadApiConfig({
      ...signIn,
      SESSION_SECRET: 's'.repeat(40),
      CSRF_SECRET: 'c'.repeat(40),
    });
    expect(ok.signIn.issuer).toEqual({ kind: 'oidc', url: 'https://login.example.com', clientId: 'desk' });
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
    TRACKING_LINK_KEY: 't'.repeat(32),
    ...BANK,
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
    TRACKING_LINK_KEY: 'l'.repeat(32),
    ...BANK,
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

  it('goes with a tracking link key of 32+ characters in production, never the local one', () => {
    const withPseudonym = { ...production, PSEUDONYM_KEY: 's'.repeat(40) };
    expect(() => loadConfig({ ...withPseudonym, TRACKING_LINK_KEY: undefined })).toThrow(/TRACKING_LINK_KEY/);
    expect(() => loadConfig({ ...withPseudonym, TRACKING_LINK_KEY: loadConfig({}).tracking.key })).toThrow(
      /TRACKING_LINK_KEY/,
    );
  });
});

describe('exporter on documents', () => {
  it('dates documents in Asia/Shanghai by default; takes any IANA zone and refuses others', () => {
    expect(loadConfig({}).exporter.timeZone).toBe('Asia/Shanghai');
    expect(loadConfig({ EXPORTER_TIME_ZONE: 'Europe/Berlin' }).exporter.timeZone).toBe('Europe/Berlin');
    expect(() => loadConfig({ EXPORTER_TIME_ZONE: 'Mars/Olympus' })).toThrow(/EXPORTER_TIME_ZONE/);
  });

  it('prints bank details only when name, account and SWIFT are all given', () => {
    expect(loadConfig({ EXPORTER_BANK_NAME: 'Bank of China' }).exporter.bank).toBeUndefined();
    const { exporter } = loadConfig({
      EXPORTER_NAME: 'Ningbo Bright Lighting Co., Ltd.',
      EXPORTER_NAME_LOCAL: '宁波海天照明有限公司',
      EXPORTER_BANK_NAME: 'Bank of China, Ningbo Branch',
      EXPORTER_BANK_ACCOUNT: '3582 1234 5678',
      EXPORTER_BANK_SWIFT: 'BKCHCNBJ92A',
    });
    expect(exporter.localName).toBe('宁波海天照明有限公司');
    expect(exporter.bank).toEqual({
      beneficiary: 'Ningbo Bright Lighting Co., Ltd.',
      bankName: 'Bank of China, Ningbo Branch',
      accountNo: '3582 1234 5678',
      swift: 'BKCHCNBJ92A',
    });
    expect(() => loadConfig({ EXPORTER_BANK_SWIFT: 'nope' })).toThrow(/EXPORTER_BANK_SWIFT/);
  });
});

describe('working calendar', () => {
  const file = (name: string) => join(__dirname, '../../config/calendars', name);

  it('is Monday to Friday in Asia/Shanghai without a file', () => {
    const { workingCalendar } = loadConfig({});
    expect(workingCalendar).toMatchObject({ name: 'weekends only', timeZone: 'Asia/Shanghai' });
    expect(workingCalendar.forOrderAt(new Date('2027-01-01T00:00:00Z')).holidays).toEqual([]);
  });

  it('reads WORKING_CALENDAR_FILE; stage limits may be in working days', () => {
    const config = loadConfig({
      WORKING_CALENDAR_FILE: file('cn-2027.json'),
      STAGE_TIME_LIMITS: 'PRODUCTION=30wd',
    });
    expect(config.workingCalendar.name).toBe('China 2027');
    expect(config.workingCalendar.forOrderAt(new Date('2027-01-01T00:00:00Z')).workingDays).toContain(
      '2027-02-14',
    );
    expect(config.stallPolicy.stageTimeLimits.PRODUCTION).toBe('30wd');
  });

  it('names the variable when the file is missing or not a calendar', () => {
    expect(() => loadConfig({ WORKING_CALENDAR_FILE: file('nowhere.json') })).toThrow(
      /WORKING_CALENDAR_FILE: cannot read/,
    );
    expect(() => loadConfig({ WORKING_CALENDAR_FILE: file('README.md') })).toThrow(ConfigError);
    const bad = join(tmpdir(), `calendar-${process.pid}.json`);
    writeFileSync(
      bad,
      JSON.stringify({ name: 'x', timeZone: 'Mars/Olympus', holidays: [{ from: '2027-13-01', name: 'x' }] }),
    );
    expect(() => loadConfig({ WORKING_CALENDAR_FILE: bad })).toThrow(
      /timeZone: an IANA time zone[\s\S]*holidays\.0\.from/,
    );
  });
});

describe('configuration per process', () => {
  const productionWorker = {
    NODE_ENV: 'production',
    TRACKING_LINK_KEY: 'l'.repeat(32),
    ...BANK,
  };

  it('the worker reads only its own and the shared variables', () => {
    const worker = loadWorkerConfig({ ...productionWorker, API_PORT: 'not a port', API_TOKENS: 'x' });
    expect(worker.production).toBe(true);
    expect(worker).not.toHaveProperty('api');
    expect(worker).not.toHaveProperty('pseudonymKey');
    expect(() => loadWorkerConfig({ ...productionWorker, SMTP_URL: 'mail' })).toThrow(/SMTP_URL/);
    // What both processes need is checked by both.
    expect(() => loadWorkerConfig({ ...productionWorker, TRACKING_LINK_KEY: undefined })).toThrow(
      /TRACKING_LINK_KEY/,
    );
  });

  it('the API reads only its own and the shared variables', () => {
    const api = loadApiConfig({ SMTP_URL: 'mail', WORKER_STICKY_TIMEOUT: 'soon', LOG_LEVEL: 'LOUD' });
    expect(api).not.toHaveProperty('worker');
    expect(api).not.toHaveProperty('mail');
    expect(() => loadApiConfig({ API_PORT: 'x' })).toThrow(/API_PORT/);
    expect(() => loadApiConfig({ DATABASE_URL: 'mysql://db' })).toThrow(/DATABASE_URL/);
  });

  it('both in one process name every wrong variable of either at once', () => {
    const both = () => loadConfig({ API_PORT: 'x', SMTP_URL: 'mail', DATABASE_URL: 'mysql://db' });
    for (const variable of [/API_PORT/, /SMTP_URL/, /DATABASE_URL/]) expect(both).toThrow(variable);
  });
});

describe('the public base URL', () => {
  it("defaults to the API's own port on this machine, in the API and in the worker", () => {
    expect(loadConfig({}).tracking.baseUrl).toBe('http://localhost:3000');
    expect(loadApiConfig({ API_PORT: '8080' }).tracking.baseUrl).toBe('http://localhost:8080');
    expect(loadWorkerConfig({ API_PORT: '8080' }).tracking.baseUrl).toBe('http://localhost:8080');
    expect(loadConfig({ API_PORT: '8080', PUBLIC_BASE_URL: 'https://desk.example/' }).tracking.baseUrl).toBe(
      'https://desk.example',
    );
  });
});

describe('the documented default API tokens', () => {
  it('name every local token the API takes when API_TOKENS is unset', () => {
    const names = loadApiConfig({}).api.tokens.map((t) => `${t.name}:${t.role}:${t.token}`);
    const documented = defaultText(API_ENV.API_TOKENS) ?? '';
    for (const token of names) expect(documented).toContain(`\`${token}\``);
  });
});
