import type { Request } from 'express';
import type { SignInConfig } from '../../config/signInEnv';
import type { ReadModel } from '../../readModel/types';
import type { Person } from '../auth';
import { ApiError } from '../errors';
import { tokenDigest } from '../serviceTokens';
import { cookieOf, csrfTokenOf, sameToken, SESSION_COOKIE } from './cookies';
import { personOf } from './people';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * The person of the console's session cookie, or undefined. A write (any method but GET, HEAD,
 * OPTIONS) with a session also needs `X-CSRF-Token`: the session's token (GET /auth/session).
 */
export function sessionPerson(
  readModel: ReadModel,
  signIn: SignInConfig,
  now: () => Date = () => new Date(),
) {
  return async (req: Request): Promise<Person | undefined> => {
    const id = cookieOf(req, SESSION_COOKIE);
    if (!id) return undefined;
    const session = await readModel.session(tokenDigest(id), now());
    if (!session) return undefined;
    if (!SAFE_METHODS.has(req.method)) {
      const presented = req.get('x-csrf-token') ?? '';
      if (!sameToken(presented, csrfTokenOf(signIn.csrfSecret, id)))
        throw new ApiError(403, 'CSRF_FAILED', 'a console write needs the X-CSRF-Token of its session');
    }
    return personOf(readModel, {
      sub: session.subject,
      name: session.name,
      ...(session.email ? { email: session.email } : {}),
    });
  };
}
