/**
 * The local OpenID Connect provider (`npm start`, and the sign-in tests): oidc-provider with the
 * documented example people (src/dev/examplePeople.ts). A process of its own: oidc-provider is an
 * ES module and a development tool, and in production the issuer is someone else's server anyway.
 * Refused in production.
 *
 * Environment: OIDC_DEV_PORT (default 3100), OIDC_DEV_REDIRECT_URIS (comma-separated callback URLs
 * of the console, default http://localhost:3000/auth/callback).
 */
import { createServer } from 'node:http';
import { randomBytes } from 'node:crypto';
import Provider from 'oidc-provider';
import { EXAMPLE_PEOPLE, LOCAL_API_AUDIENCE, LOCAL_CLIENT_ID } from './examplePeople';

function main(): void {
  if (process.env.NODE_ENV === 'production') {
    console.error(
      'the local OpenID provider is for development only: set OIDC_ISSUER_URL to a real issuer in production',
    );
    process.exit(1);
  }
  const port = Number(process.env.OIDC_DEV_PORT ?? 3100);
  const issuer = `http://127.0.0.1:${port}`;
  const redirectUris = (process.env.OIDC_DEV_REDIRECT_URIS ?? 'http://localhost:3000/auth/callback')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: LOCAL_CLIENT_ID,
        token_endpoint_auth_method: 'none',
        grant_types: ['authorization_code'],
        response_types: ['code'],
        redirect_uris: redirectUris,
        post_logout_redirect_uris: redirectUris.map((uri) => uri.replace(/\/auth\/callback$/, '/console/')),
      },
    ],
    findAccount(_ctx, id) {
      const person = EXAMPLE_PEOPLE.find((p) => p.subject === id);
      if (!person) return undefined;
      return {
        accountId: person.subject,
        claims: () => ({ sub: person.subject, name: person.name, email: person.email, email_verified: true }),
      };
    },
    claims: { openid: ['sub'], profile: ['name'], email: ['email', 'email_verified'] },
    // The ID token carries name and email (the console shows who is signed in).
    conformIdTokenClaims: false,
    // Dev keys each start; sessions at the provider end with the process.
    cookies: { keys: [randomBytes(32).toString('hex')] },
    features: {
      devInteractions: { enabled: true },
      rpInitiatedLogout: { enabled: true },
      // Access tokens for the API are JWTs it checks against this provider's keys.
      resourceIndicators: {
        enabled: true,
        defaultResource: () => LOCAL_API_AUDIENCE,
        useGrantedResource: () => true,
        getResourceServerInfo: () => ({
          scope: 'openid profile email',
          audience: LOCAL_API_AUDIENCE,
          accessTokenFormat: 'jwt',
        }),
      },
    },
  });
  const server = createServer(provider.callback());
  server.listen(port, '127.0.0.1', () => {
    console.log(
      `local OpenID provider at ${issuer} (people: ${EXAMPLE_PEOPLE.map((p) => p.subject).join(', ')})`,
    );
  });
  const stop = () => server.close(() => process.exit(0));
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}

if (require.main === module) main();
