import * as oidc from 'openid-client';
import type { SignInConfig } from '../../config/signInEnv';

/** The issuer as the API speaks to it: discovered once (and again after a failed attempt). */
export interface Issuer {
  configuration(): Promise<oidc.Configuration>;
}

/**
 * Discovery of a standard OpenID Connect issuer (`/.well-known/openid-configuration`) with
 * openid-client. Plain http only for an issuer on this machine (the local dev provider).
 */
export function discoveredIssuer(issuer: NonNullable<SignInConfig['issuer']>): Issuer {
  let discovering: Promise<oidc.Configuration> | undefined;
  const url = new URL(issuer.url);
  const local = url.protocol === 'http:' && ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname);
  return {
    configuration() {
      discovering ??= oidc
        .discovery(
          url,
          issuer.clientId,
          issuer.clientSecret,
          issuer.clientSecret ? undefined : oidc.None(),
          local ? { execute: [oidc.allowInsecureRequests], timeout: 5 } : { timeout: 5 },
        )
        .catch((err: unknown) => {
          discovering = undefined;
          throw err;
        });
      return discovering;
    },
  };
}
