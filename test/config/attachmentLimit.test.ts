import { loadApiConfig } from '../../src/config/apiEnv';

describe('API_ATTACHMENT_LIMIT_MB', () => {
  it('is 20 MB unless set, in whole megabytes from 1 to 100', () => {
    expect(loadApiConfig({}).api.attachmentLimitBytes).toBe(20 * 1024 * 1024);
    expect(loadApiConfig({ API_ATTACHMENT_LIMIT_MB: '5' }).api.attachmentLimitBytes).toBe(5 * 1024 * 1024);
    for (const bad of ['0', '101', '1.5', 'lots'])
      expect(() => loadApiConfig({ API_ATTACHMENT_LIMIT_MB: bad })).toThrow(/API_ATTACHMENT_LIMIT_MB/);
  });
});
