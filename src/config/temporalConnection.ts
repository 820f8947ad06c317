import { readFileSync } from 'node:fs';
import type { SharedConfig } from './sharedEnv';

/**
 * Connection options shared by the client (API) and the native connection (worker): plain TCP
 * for a local dev server, TLS with a client certificate or an API key for a cluster or Temporal Cloud.
 */
export function temporalConnectionOptions(config: SharedConfig['temporal']) {
  const tls = config.tls
    ? config.tlsCertPath && config.tlsKeyPath
      ? { clientCertPair: { crt: readFileSync(config.tlsCertPath), key: readFileSync(config.tlsKeyPath) } }
      : true
    : undefined;
  return { address: config.address, tls, apiKey: config.apiKey };
}
