/**
 * The issuer's access tokens as `Authorization: Bearer` (issue 31): a JWT checked against the
 * issuer's published keys, issuer, expiry and audience; the person's companies come from the
 * database. A small real issuer here publishes its discovery document and keys.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, SignJWT, type CryptoKey } from 'jose';
import request from 'supertest';
import { inCompany } from '../../src/readModel/companyScope';
import { startStack, type Stack } from '../../harness/stack';
import { expectError } from './helpers';

let issuerServer: Server;
let issuer: string;
let signingKey: CryptoKey;
let stack: Stack;
const AUDIENCE = 'urn:orderdesk:api';

beforeAll(async () => {
  const { publicKey, privateKey } = await generateKeyPair('ES256');
  signingKey = privateKey;
  const jwk = { ...(await exportJWK(publicKey)), kid: 'k1', alg: 'ES256', use: 'sig' };
  issuerServer = createServer((req, res) => {
    const base = issuer;
    const body =
      req.url === '/.well-known/openid-configuration'
        ? {
            issuer: base,
            authorization_endpoint: `${base}/auth`,
            token_endpoint: `${base}/token`,
            jwks_uri: `${base}/jwks`,
            response_types_supported: ['code'],
            subject_types_supported: ['public'],
            id_token_signing_alg_values_supported: ['ES256'],
          }
        : req.url === '/jwks'
          ? { keys: [jwk] }
          : undefined;
    res.writeHead(body ? 200 : 404, { 'content-type': 'application/json' }).end(JSON.stringify(body ?? {}));
  });
  await new Promise<void>((resolve) => issuerServer.listen(0, '127.0.0.1', resolve));
  issuer = `http://127.0.0.1:${(issuerServer.address() as AddressInfo).port}`;
  stack = await startStack({
    worker: false,
    env: {
      OIDC_ISSUER_URL: issuer,
      OIDC_CLIENT_ID: 'orderdesk-console',
      OIDC_AUDIENCE: AUDIENCE,
      SIGN_IN_FAILURES_PER_MINUTE: '3',
    },
  });
  await stack.readModel.ensureCompanies([{ id: 'acme', name: 'Acme' }], { rename: true });
  await inCompany('acme', () =>
    stack.readModel.putMember({
      subject: 'li.na',
      name: 'Li Na',
      email: 'li.na@acme.example',
      role: 'manager',
    }),
  );
});

afterAll(async () => {
  await stack?.close();
  await new Promise((resolve) => issuerServer?.close(resolve));
});

async function accessToken(
  claims: { sub?: string; aud?: string; iss?: string; expiresIn?: string } = {},
  key: CryptoKey = signingKey,
): Promise<string> {
  const jwt = new SignJWT({ name: 'Li Na' })
    .setProtectedHeader({ alg: 'ES256', kid: 'k1', typ: 'at+jwt' })
    .setIssuer(claims.iss ?? issuer)
    .setAudience(claims.aud ?? AUDIENCE)
    .setSubject(claims.sub ?? 'li.na')
    .setIssuedAt()
    .setExpirationTime(claims.expiresIn ?? '5m');
  return jwt.sign(key);
}

const withToken = (token: string) => request(stack.app).get('/me').set('Authorization', `Bearer ${token}`);

describe("the issuer's access tokens", () => {
  it('a valid token is the person, with the companies the database gives them', async () => {
    const res = await withToken(await accessToken());
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      id: 'user:li.na',
      name: 'Li Na',
      companies: [{ id: 'acme', name: 'Acme', role: 'manager' }],
    });
    const orders = await request(stack.app)
      .get('/orders')
      .set('Authorization', `Bearer ${await accessToken()}`);
    expect(orders.status).toBe(200);
  });

  it('a forged, expired, foreign or mis-addressed token is 401', async () => {
    const { privateKey: otherKey } = await generateKeyPair('ES256');
    const refused = [
      await accessToken({}, otherKey),
      await accessToken({ expiresIn: '-1m' }),
      await accessToken({ iss: 'http://127.0.0.1:1' }),
      await accessToken({ aud: 'urn:someone-else' }),
      `${(await accessToken()).slice(0, -4)}AAAA`,
    ];
    for (const token of refused) expectError(await withToken(token), 401, 'UNAUTHENTICATED');
  });

  it('someone the database knows in no company may sign in but reads no orders', async () => {
    const token = await accessToken({ sub: 'stranger' });
    expect((await withToken(token)).body).toMatchObject({ companies: [] });
    expectError(
      await request(stack.app).get('/orders').set('Authorization', `Bearer ${token}`),
      403,
      'FORBIDDEN',
    );
  });
});

describe('console sign-in', () => {
  it('starts at the issuer with PKCE and a state, in a sealed HttpOnly cookie', async () => {
    const res = await request(stack.app).get('/auth/sign-in');
    expect(res.status).toBe(302);
    const to = new URL(res.headers.location);
    expect(to.origin + to.pathname).toBe(`${issuer}/auth`);
    expect(to.searchParams.get('code_challenge_method')).toBe('S256');
    expect(to.searchParams.get('state')).toEqual(expect.any(String));
    expect(String(res.headers['set-cookie'])).toMatch(/od_signin=.*HttpOnly.*SameSite=Lax/);
  });

  it('throttles repeated failed sign-ins from one address', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++)
      statuses.push((await request(stack.app).get('/auth/callback?code=forged&state=forged')).status);
    expect(statuses).toEqual([401, 401, 401, 429, 429]);
  });

  it('answers a browser without a session, and refuses a cookie that names none', async () => {
    expect((await request(stack.app).get('/auth/session')).body).toEqual({
      signedIn: false,
      signInUrl: '/auth/sign-in',
    });
    expectError(
      await request(stack.app).get('/orders').set('Cookie', 'od_session=not-a-session'),
      401,
      'UNAUTHENTICATED',
    );
  });
});
