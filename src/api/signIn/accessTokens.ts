import { createRemoteJWKSet, jwtVerify, type JWTVerifyGetKey } from 'jose';
import type { CompanyStore } from '../../readModel/companies';
import type { CredentialResolver } from '../auth';
import { ApiError } from '../errors';
import type { Issuer } from './issuer';
import { personOf } from './people';

const JWT_SHAPE = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/;

/**
 * The issuer's access tokens as `Authorization: Bearer`: a JWT whose signature is checked against
 * the issuer's published keys (JWKS, fetched and cached by jose), with its issuer, expiry and, when
 * configured, audience. Anything else (forged, expired, another issuer's) is not a credential: 401.
 */
export function issuerAccessTokens(
  issuer: Issuer,
  store: Pick<CompanyStore, 'memberships' | 'platformRole'>,
  audience?: string,
): CredentialResolver {
  let keys: { issuer: string; jwks: JWTVerifyGetKey } | undefined;
  async function issuerKeys() {
    if (keys) return keys;
    const metadata = (await issuer.configuration()).serverMetadata();
    if (!metadata.jwks_uri) throw new Error(`the issuer ${metadata.issuer} publishes no jwks_uri`);
    keys = { issuer: metadata.issuer, jwks: createRemoteJWKSet(new URL(metadata.jwks_uri)) };
    return keys;
  }
  return async (presented) => {
    if (!JWT_SHAPE.test(presented)) return undefined;
    let verifying: Awaited<ReturnType<typeof issuerKeys>>;
    try {
      verifying = await issuerKeys();
    } catch (err) {
      throw new ApiError(
        503,
        'ISSUER_UNAVAILABLE',
        'the sign-in provider cannot be reached to check the token',
        undefined,
        {
          cause: err,
          retryAfterSeconds: 5,
        },
      );
    }
    const { issuer: iss, jwks } = verifying;
    let payload;
    try {
      ({ payload } = await jwtVerify(presented, jwks, { issuer: iss, ...(audience ? { audience } : {}) }));
    } catch {
      return undefined;
    }
    if (typeof payload.sub !== 'string' || !payload.sub) return undefined;
    const text = (value: unknown) => (typeof value === 'string' && value ? value : undefined);
    return personOf(store, {
      sub: payload.sub,
      ...(text(payload.name) ? { name: text(payload.name) } : {}),
      ...(text(payload.email) ? { email: text(payload.email) } : {}),
    });
  };
}
