import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const compose = readFileSync(join(__dirname, '..', '..', 'docker-compose.yml'), 'utf8');

/** Every `- 'host:container'` entry under a `ports:` key. */
function publishedPorts(text: string): string[] {
  const found: string[] = [];
  let inPorts = false;
  for (const line of text.split('\n')) {
    if (/^\s+ports:\s*$/.test(line)) inPorts = true;
    else if (inPorts && /^\s+-\s/.test(line)) found.push(line.replace(/^\s+-\s*/, '').replace(/['"]/g, ''));
    else inPorts = false;
  }
  return found;
}

describe('docker-compose.yml (issue 13: nothing reaches customers data uninvited)', () => {
  it('publishes every port on 127.0.0.1 only, and never Temporal frontend port', () => {
    const ports = publishedPorts(compose);
    expect(ports.length).toBeGreaterThan(0);
    for (const port of ports) expect(port).toMatch(/^127\.0\.0\.1:\d+:\d+$/);
    expect(ports.some((p) => p.endsWith(':7233'))).toBe(false);
  });

  it('ships no token, key or pseudonym secret of its own: they come from the environment', () => {
    for (const name of [
      'API_TOKENS',
      'PSEUDONYM_KEY',
      'TRACKING_LINK_KEY',
      'PAYLOAD_CODEC_KEYS',
      'EXPORTER_BANK_ACCOUNT',
      'OIDC_ISSUER_URL',
      'OIDC_CLIENT_SECRET',
      'SESSION_SECRET',
      'CSRF_SECRET',
      'METRICS_TOKEN',
    ])
      expect(compose).toMatch(new RegExp(`${name}: \\$\\{${name}:-\\}`));
    expect(compose).not.toMatch(/local-ops-token|local-viewer-token/);
  });

  it('runs Prometheus and Grafana on pinned images, with the rules, the dashboard and its datasource', () => {
    for (const image of ['prom/prometheus', 'grafana/grafana']) {
      const tag = new RegExp(`image: ${image}:(\\S+)`).exec(compose)?.[1];
      expect(tag).toMatch(/^v?\d+\.\d+\.\d+$/);
    }
    for (const file of [
      './ops/prometheus/prometheus.yml',
      './ops/prometheus/alerts.yml',
      './ops/grafana/provisioning',
      './ops/grafana/orderdesk.json',
    ]) {
      expect(compose).toContain(`${file}:`);
      expect(existsSync(join(__dirname, '..', '..', file))).toBe(true);
    }
    // The worker's exporter is for the compose network only: never published.
    expect(compose).toMatch(/WORKER_METRICS_PORT: 9464/);
    expect(publishedPorts(compose).some((p) => p.endsWith(':9464'))).toBe(false);
    expect(compose).toMatch(/GF_SECURITY_ADMIN_PASSWORD: \$\{GRAFANA_ADMIN_PASSWORD:-\}/);
  });
});
