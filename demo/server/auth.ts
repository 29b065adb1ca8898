/**
 * Who is calling. Users send a bearer token, or the `re_session` cookie from `POST /session`
 * plus its CSRF token on every change (a cookie alone is sent by the browser to any page's
 * request, so it must not be enough to change anything). Administrators send their own token.
 *
 * Secrets are never compared as strings: tokens and session ids are looked up by their SHA-256
 * digest (timing then reveals only bits of a digest, which are no use for guessing the secret),
 * and the admin and CSRF tokens are compared with timingSafeEqual.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { header, unauthorized } from './http.js';

const COOKIE = 're_session';
const COOKIE_ATTRIBUTES = 'HttpOnly; SameSite=Strict; Path=/api';

export interface Session {
  readonly key: string;
  readonly user: string;
  /** Given again by `GET /session` to a page or extension that has only the cookie. */
  readonly csrfToken: string;
  readonly csrfDigest: Buffer;
}

/** A random secret, 256 bits as hex: admin tokens, session ids, CSRF tokens, minted test tokens. */
export function secret(): string {
  return randomBytes(32).toString('hex');
}

function digest(value: string): Buffer {
  return createHash('sha256').update(value).digest();
}

function key(value: string): string {
  return digest(value).toString('hex');
}

function bearerToken(req: IncomingMessage): string | undefined {
  const value = header(req, 'authorization');
  if (value === undefined) return undefined;
  return /^Bearer\s+(\S+)\s*$/iu.exec(value)?.[1] ?? '';
}

function sessionCookie(req: IncomingMessage): string | undefined {
  for (const pair of (header(req, 'cookie') ?? '').split(';')) {
    const [name, ...value] = pair.trim().split('=');
    if (name === COOKIE) return value.join('=');
  }
  return undefined;
}

const changes = (req: IncomingMessage) => req.method !== 'GET' && req.method !== 'HEAD';

export class Auth {
  /** digest(token) → user. */
  private readonly users = new Map<string, string>();
  /** digest(session id) → session. */
  private readonly sessions = new Map<string, Session>();
  /** user → the keys of their sessions, oldest first. */
  private readonly sessionsOf = new Map<string, Set<string>>();
  private readonly adminDigest: Buffer;

  /**
   * Sessions live in memory, at most `maxSessionsPerUser` per user: a user's new session ends
   * their own oldest, so no one's sign-ins can end anyone else's, and memory is bounded by the
   * users there are tokens for.
   */
  constructor(
    userTokens: ReadonlyArray<readonly [string, string]>,
    adminToken: string,
    private readonly maxSessionsPerUser: number,
  ) {
    for (const [user, token] of userTokens) this.addUserToken(user, token);
    this.adminDigest = digest(adminToken);
  }

  addUserToken(user: string, token: string): void {
    this.users.set(key(token), user);
  }

  /** The user of a bearer user token; the only way to start a session. */
  readonly bearerUser = (req: IncomingMessage): string => {
    const token = bearerToken(req);
    const user = token === undefined ? undefined : this.users.get(key(token));
    if (user === undefined) throw unauthorized(token === undefined ? 'Send a bearer token.' : 'The token is not valid.');
    return user;
  };

  /** A user's request: a bearer token, else the session cookie (with X-CSRF-Token on changes). */
  readonly user = (req: IncomingMessage): string => {
    if (header(req, 'authorization') !== undefined) return this.bearerUser(req);
    if (sessionCookie(req) === undefined) throw unauthorized('Sign in: send a bearer token or the session cookie.');
    return this.session(req).user;
  };

  /** The session of the cookie; a change must also carry the session's CSRF token. */
  readonly session = (req: IncomingMessage): Session => {
    const id = sessionCookie(req);
    const session = id === undefined ? undefined : this.sessions.get(key(id));
    if (!session) throw unauthorized('The session has ended or never began; sign in again.');
    if (changes(req)) {
      const csrf = header(req, 'x-csrf-token');
      if (csrf === undefined || !timingSafeEqual(digest(csrf), session.csrfDigest)) {
        throw unauthorized('A change made with the session cookie needs the session’s X-CSRF-Token.');
      }
    }
    return session;
  };

  /**
   * Whose request this is, without judging it: the user of a valid bearer token or session
   * cookie, else null. For the test hooks' per-user faults and the contract check's records.
   */
  readonly identify = (req: IncomingMessage): string | null => {
    const token = bearerToken(req);
    if (token !== undefined) return this.users.get(key(token)) ?? null;
    const id = sessionCookie(req);
    return (id === undefined ? undefined : this.sessions.get(key(id))?.user) ?? null;
  };

  readonly admin = (req: IncomingMessage): void => {
    const token = bearerToken(req);
    if (token === undefined || !timingSafeEqual(digest(token), this.adminDigest)) {
      throw unauthorized('Administrator routes need the administrator’s bearer token.');
    }
  };

  /** A new session: the Set-Cookie value and the CSRF token to send with changes. */
  startSession(user: string): { readonly cookie: string; readonly csrfToken: string } {
    const id = secret();
    const csrfToken = secret();
    const session: Session = { key: key(id), user, csrfToken, csrfDigest: digest(csrfToken) };
    const own = this.sessionsOf.get(user) ?? new Set<string>();
    this.sessionsOf.set(user, own);
    for (const oldest of own) {
      if (own.size < this.maxSessionsPerUser) break;
      own.delete(oldest);
      this.sessions.delete(oldest);
    }
    this.sessions.set(session.key, session);
    own.add(session.key);
    return { cookie: `${COOKIE}=${id}; ${COOKIE_ATTRIBUTES}`, csrfToken };
  }

  /** Ends the session; returns the Set-Cookie value that makes the browser forget the cookie. */
  endSession(session: Session): string {
    this.sessions.delete(session.key);
    const own = this.sessionsOf.get(session.user);
    own?.delete(session.key);
    if (own?.size === 0) this.sessionsOf.delete(session.user);
    return `${COOKIE}=; ${COOKIE_ATTRIBUTES}; Max-Age=0`;
  }
}
