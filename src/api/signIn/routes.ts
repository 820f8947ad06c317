import { randomBytes } from 'node:crypto';
import { Router, type Request } from 'express';
import * as oidc from 'openid-client';
import { z } from 'zod';
import type { SignInConfig } from '../../config/signInEnv';
import type { ReadModel } from '../../readModel/types';
import { ApiError } from '../errors';
import { failedAuthLimiter } from '../limits';
import { fromReadModel } from '../readModelErrors';
import { route } from '../routes/handlers';
import { tokenDigest } from '../serviceTokens';
import {
  clearCookie,
  cookieOf,
  csrfTokenOf,
  sameToken,
  sealed,
  SESSION_COOKIE,
  setCookie,
  SIGN_IN_COOKIE,
  unsealed,
} from './cookies';
import type { Issuer } from './issuer';
import { personOf } from './people';

/** How long a sign-in may take at the issuer (the state, nonce and PKCE verifier live as long). */
const SIGN_IN_MS = 10 * 60_000;

const pendingSchema = z.object({
  state: z.string(),
  nonce: z.string(),
  verifier: z.string(),
  returnTo: z.string(),
  expiresAt: z.number(),
});

/** Only a path of this site: never an open redirect. */
function returnPath(value: unknown): string {
  return typeof value === 'string' && /^\/(?![/\\])[^\s]*$/.test(value) ? value : '/console/';
}

export interface SignInRoutesDeps {
  signIn: SignInConfig;
  /** Absent when no issuer is configured: the routes say so. */
  issuer?: Issuer;
  readModel: ReadModel;
  /** The API's public address (PUBLIC_BASE_URL): the callback is `<it>/auth/callback`. */
  baseUrl: string;
  now?: () => Date;
}

/**
 * The console's sign-in: authorization code with PKCE against the issuer (openid-client), then a
 * server-side session (PostgreSQL) behind an HttpOnly, SameSite=Lax cookie; sign-out ends it there.
 */
export function signInRoutes({
  signIn,
  issuer,
  readModel,
  baseUrl,
  now = () => new Date(),
}: SignInRoutesDeps): Router {
  const router = Router();
  const secure = baseUrl.startsWith('https:');
  const redirectUri = `${baseUrl}/auth/callback`;

  async function configuration(): Promise<oidc.Configuration> {
    if (!issuer) throw new ApiError(404, 'NOT_FOUND', 'sign-in is not configured here (OIDC_ISSUER_URL)');
    try {
      return await issuer.configuration();
    } catch (err) {
      throw new ApiError(503, 'ISSUER_UNAVAILABLE', 'the sign-in provider cannot be reached', undefined, {
        cause: err,
        retryAfterSeconds: 5,
      });
    }
  }

  router.get(
    '/auth/sign-in',
    route(async (req, res) => {
      const config = await configuration();
      const verifier = oidc.randomPKCECodeVerifier();
      const state = oidc.randomState();
      const nonce = oidc.randomNonce();
      const pending = {
        state,
        nonce,
        verifier,
        returnTo: returnPath(req.query.returnTo),
        expiresAt: now().getTime() + SIGN_IN_MS,
      };
      setCookie(res, SIGN_IN_COOKIE, sealed(signIn.sessionSecret, 'sign-in', pending), SIGN_IN_MS, secure);
      const url = oidc.buildAuthorizationUrl(config, {
        redirect_uri: redirectUri,
        scope: 'openid profile email',
        code_challenge: await oidc.calculatePKCECodeChallenge(verifier),
        code_challenge_method: 'S256',
        state,
        nonce,
      });
      res.redirect(url.href);
    }),
  );

  router.get(
    '/auth/callback',
    // Failed sign-ins (401) are counted per address; past the limit the address waits (429).
    failedAuthLimiter(signIn.failuresPerMinute),
    route(async (req, res) => {
      const config = await configuration();
      const pending = pendingSchema.safeParse(
        unsealed(signIn.sessionSecret, 'sign-in', cookieOf(req, SIGN_IN_COOKIE)),
      );
      clearCookie(res, SIGN_IN_COOKIE, secure);
      if (!pending.success || pending.data.expiresAt < now().getTime())
        throw new ApiError(
          401,
          'UNAUTHENTICATED',
          'no sign-in under way in this browser (or it expired): start again',
        );
      let tokens: Awaited<ReturnType<typeof oidc.authorizationCodeGrant>>;
      try {
        tokens = await oidc.authorizationCodeGrant(config, callbackUrl(req, baseUrl), {
          pkceCodeVerifier: pending.data.verifier,
          expectedState: pending.data.state,
          expectedNonce: pending.data.nonce,
          idTokenExpected: true,
        });
      } catch (err) {
        throw new ApiError(
          401,
          'UNAUTHENTICATED',
          'the sign-in was refused or could not be checked',
          undefined,
          {
            cause: err,
          },
        );
      }
      const claims = tokens.claims();
      if (!claims) throw new ApiError(401, 'UNAUTHENTICATED', 'the issuer sent no ID token');
      let { name, email } = claims as { name?: unknown; email?: unknown };
      if (typeof name !== 'string' || typeof email !== 'string') {
        // Many issuers keep profile claims for the userinfo endpoint.
        const info = await oidc.fetchUserInfo(config, tokens.access_token, claims.sub).catch(() => undefined);
        name = typeof name === 'string' ? name : info?.name;
        email = typeof email === 'string' ? email : info?.email;
      }
      const id = randomBytes(32).toString('base64url');
      const at = now();
      await fromReadModel(() =>
        readModel.createSession(
          tokenDigest(id),
          {
            subject: claims.sub,
            name: typeof name === 'string' && name ? name : typeof email === 'string' ? email : claims.sub,
            email: typeof email === 'string' ? email : null,
            idToken: tokens.id_token ?? null,
            expiresAt: new Date(at.getTime() + signIn.sessionTtlMs).toISOString(),
          },
          at,
        ),
      );
      setCookie(res, SESSION_COOKIE, id, signIn.sessionTtlMs, secure);
      res.redirect(pending.data.returnTo);
    }),
  );

  /** The console asks whether it is signed in, and takes the CSRF token for its writes. */
  router.get(
    '/auth/session',
    route(async (req, res) => {
      res.set('Cache-Control', 'no-store');
      const id = cookieOf(req, SESSION_COOKIE);
      const session = id ? await fromReadModel(() => readModel.session(tokenDigest(id), now())) : null;
      if (!id || !session) {
        res.json({ signedIn: false, signInUrl: issuer ? '/auth/sign-in' : null });
        return;
      }
      const person = await fromReadModel(() =>
        personOf(readModel, {
          sub: session.subject,
          name: session.name,
          ...(session.email ? { email: session.email } : {}),
        }),
      );
      res.json({
        signedIn: true,
        signInUrl: issuer ? '/auth/sign-in' : null,
        csrfToken: csrfTokenOf(signIn.csrfSecret, id),
        expiresAt: session.expiresAt,
        person,
      });
    }),
  );

  /** Ends the session on the server (every replica), then at the issuer if it offers that. */
  router.post(
    '/auth/sign-out',
    route(async (req, res) => {
      const id = cookieOf(req, SESSION_COOKIE);
      clearCookie(res, SESSION_COOKIE, secure);
      if (!id) {
        res.json({ signedOut: true, endSessionUrl: null });
        return;
      }
      if (!sameToken(req.get('x-csrf-token') ?? '', csrfTokenOf(signIn.csrfSecret, id)))
        throw new ApiError(403, 'CSRF_FAILED', 'signing out needs the X-CSRF-Token of the session');
      const ended = await fromReadModel(() => readModel.endSession(tokenDigest(id)));
      let endSessionUrl: string | null = null;
      if (issuer && ended?.idToken) {
        const config = await issuer.configuration().catch(() => undefined);
        if (config?.serverMetadata().end_session_endpoint)
          endSessionUrl = oidc.buildEndSessionUrl(config, {
            id_token_hint: ended.idToken,
            post_logout_redirect_uri: `${baseUrl}/console/`,
          }).href;
      }
      res.json({ signedOut: true, endSessionUrl });
    }),
  );

  return router;
}

/** The URL the issuer redirected to, on the public address (the API may sit behind a proxy). */
function callbackUrl(req: Request, baseUrl: string): URL {
  return new URL(req.originalUrl, baseUrl);
}
