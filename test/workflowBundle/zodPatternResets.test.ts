import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { runInNewContext } from 'node:vm';
import zodPatternResets from '../../src/workflowBundle/zodPatternResets';

// The files the bundle takes zod's core from (zod's exports map does not name them).
const zodCore = (file: string) => join(dirname(require.resolve('zod/package.json')), 'v4', 'core', file);
const load = (resourcePath: string, source = readFileSync(resourcePath, 'utf8')) =>
  zodPatternResets.call({ resourcePath }, source);

describe("the workflow bundle's copy of zod", () => {
  it.each(['checks.cjs', 'schemas.cjs'])(
    'resets lastIndex only on global or sticky patterns in %s',
    (file) => {
      const patched = load(zodCore(file));
      expect(patched).not.toMatch(/^\s*[\w$.]+\.lastIndex = 0;/m);
      expect(patched).toMatch(/if \(([\w$.]+)\.global \|\| \1\.sticky\) \1\.lastIndex = 0;/);
    },
  );

  it('leaves the same behaviour on a frozen pattern: test still answers, nothing throws', () => {
    const check = load('x.js', '"use strict"; def.pattern.lastIndex = 0; def.pattern.test(value);');
    const def = { pattern: Object.freeze(/^[A-Z]{3}$/) };
    expect(runInNewContext(check, { def, value: 'USD' })).toBe(true);
    expect(runInNewContext(check, { def, value: 'usd' })).toBe(false);
    // what zod's own line does to it
    expect(() => {
      runInNewContext('"use strict"; def.pattern.lastIndex = 0;', { def });
    }).toThrow(/read only/);
  });

  it('fails the bundle when zod no longer resets lastIndex the way it is patched', () => {
    expect(() => load('/zod/v4/core/checks.cjs', 'pattern.lastIndex=0')).toThrow(
      /no longer resets lastIndex/,
    );
  });
});
