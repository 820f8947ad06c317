import { readFileSync } from 'node:fs';
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
    for (const name of ['API_TOKENS', 'PSEUDONYM_KEY', 'PAYLOAD_CODEC_KEYS'])
      expect(compose).toMatch(new RegExp(`${name}: \\$\\{${name}:-\\}`));
    expect(compose).not.toMatch(/local-ops-token|local-viewer-token/);
  });
});
