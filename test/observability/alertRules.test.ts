import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { registerBusinessMetrics } from '../../src/api/businessMetrics';
import { createApiMetrics } from '../../src/api/metrics';
import { WORKER_METRICS } from './workerMetricNames';

const ops = join(__dirname, '..', '..', 'ops');
const alertsText = readFileSync(join(ops, 'prometheus', 'alerts.yml'), 'utf8');

interface Rule {
  alert?: string;
  expr?: string;
  for?: string;
  labels?: { severity?: string };
  annotations?: { summary?: string; runbook?: string };
}
const rules = (parse(alertsText) as { groups: { rules: Rule[] }[] }).groups.flatMap((g) => g.rules);

interface Panel {
  title: string;
  type: string;
  targets?: { expr: string }[];
}
const dashboard = JSON.parse(readFileSync(join(ops, 'grafana', 'orderdesk.json'), 'utf8')) as {
  panels: Panel[];
};

/** Every metric name the API registers (histograms with their series), never collected here. */
function apiMetricNames(): Set<string> {
  const { registry } = createApiMetrics();
  registerBusinessMetrics(registry, { figures: () => Promise.reject(new Error('not scraped here')) });
  const names = new Set<string>();
  for (const metric of registry.getMetricsAsArray()) {
    const { name } = metric as unknown as { name: string };
    for (const suffix of ['', '_bucket', '_sum', '_count']) names.add(name + suffix);
  }
  return names;
}

const exported = new Set<string>([...apiMetricNames(), ...WORKER_METRICS, 'up']);
const metricsIn = (expr: string) =>
  [...expr.matchAll(/\b(?:temporal|orderdesk)_[a-z0-9_]+|\bup(?=\{)/g)].map((m) => m[0]);

const promtool = spawnSync('promtool', ['--version']).status === 0;

describe('ops/prometheus/alerts.yml', () => {
  it('has the alerts the issue asks for', () => {
    expect(rules.map((r) => r.alert)).toEqual(
      expect.arrayContaining([
        'WorkflowTaskFailing',
        'StalledOrdersRising',
        'EmailDeliveryFailing',
        'EmailsFailedForGood',
        'DatabaseUnavailable',
        'NoWorkerPolling',
      ]),
    );
    expect(rules.find((r) => r.alert === 'WorkflowTaskFailing')?.for).toBe('5m');
  });

  it.each(rules.map((r) => [r.alert ?? '(unnamed)', r] as const))(
    '%s: expr, for, severity, a summary and a runbook, on metrics the code exports',
    (_name, rule) => {
      expect(typeof rule.expr).toBe('string');
      expect(rule.for).toMatch(/^\d+[smh]$/);
      expect(rule.labels?.severity).toMatch(/^(critical|warning)$/);
      expect(rule.annotations?.summary?.length).toBeGreaterThan(10);
      expect(rule.annotations?.runbook?.length).toBeGreaterThan(100);
      const names = metricsIn(rule.expr ?? '');
      expect(names.length).toBeGreaterThan(0);
      expect(names.filter((n) => !exported.has(n))).toEqual([]);
    },
  );

  (promtool ? it : it.skip)('passes promtool check rules', () => {
    const out = execFileSync('promtool', ['check', 'rules', join(ops, 'prometheus', 'alerts.yml')]);
    expect(out.toString()).toMatch(/SUCCESS: \d+ rules found/);
  });

  (promtool ? it : it.skip)("the compose stack's prometheus.yml passes promtool check config", () => {
    // Its paths are the container's: check a copy that points at this checkout's files.
    const dir = mkdtempSync(join(tmpdir(), 'orderdesk-prom-'));
    writeFileSync(join(dir, 'alerts.yml'), alertsText);
    writeFileSync(join(dir, 'metrics-token'), 'token');
    const config = readFileSync(join(ops, 'prometheus', 'prometheus.yml'), 'utf8').replaceAll(
      '/etc/prometheus/',
      `${dir}/`,
    );
    writeFileSync(join(dir, 'prometheus.yml'), config);
    execFileSync('promtool', ['check', 'config', join(dir, 'prometheus.yml')]);
  });
});

describe('ops/grafana/orderdesk.json', () => {
  const exprs = dashboard.panels.flatMap((p) => (p.targets ?? []).map((t) => t.expr));

  it('queries only metrics the code exports', () => {
    const unknown = exprs.flatMap(metricsIn).filter((n) => !exported.has(n));
    expect(unknown).toEqual([]);
  });

  it('shows the nine stages, stalls, overdue money, events, task failures, cache and memory', () => {
    const all = exprs.join('\n');
    for (const metric of [
      'orderdesk_orders_open',
      'orderdesk_orders_stalled',
      'orderdesk_money_overdue',
      'orderdesk_events_accepted_total',
      'orderdesk_http_request_duration_seconds_bucket',
      'temporal_workflow_task_execution_failed',
      'temporal_sticky_cache_size',
      'orderdesk_worker_memory_rss_bytes',
    ])
      expect(all).toContain(metric);
  });

  it('is provisioned with its datasource for the compose stack', () => {
    const datasource = parse(
      readFileSync(join(ops, 'grafana', 'provisioning', 'datasources', 'prometheus.yml'), 'utf8'),
    ) as { datasources: { uid: string; url: string }[] };
    expect(datasource.datasources[0]).toMatchObject({ uid: 'prometheus', url: 'http://prometheus:9090' });
    const uids = JSON.stringify(dashboard.panels).match(/"uid":"(\w+)"/g) ?? [];
    expect(new Set(uids)).toEqual(new Set(['"uid":"prometheus"']));
  });
});
