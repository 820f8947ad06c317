import { readFileSync } from 'node:fs';
import { ENV_VARIABLES } from '../../src/config/env';
import type { EnvVariables } from '../../src/config/variables';
import { CONFIGURATION_DOC, configurationReference } from '../../scripts/config-doc';

describe('the configuration reference (docs/configuration.md)', () => {
  it('is what the declared variables say: run `npm run config:doc` after changing them', () => {
    expect(readFileSync(CONFIGURATION_DOC, 'utf8')).toBe(configurationReference());
  });

  it('describes every variable, each read by one process or declared shared once', () => {
    const all = Object.values<EnvVariables>(ENV_VARIABLES).flatMap((variables) => Object.entries(variables));
    expect(new Set(all.map(([name]) => name)).size).toBe(all.length);
    for (const [name, variable] of all)
      expect({ name, described: variable.description.length > 0 }).toEqual({ name, described: true });
  });
});
