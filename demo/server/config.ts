/** The server's settings, from environment variables (see README.md beside this file). */
import * as v from 'valibot';
import { IdSchema } from '../../src/model/index.js';
import { secret } from './auth.js';

export interface Config {
  readonly port: number;
  readonly host: string;
  readonly dataFile: string;
  readonly adminToken: string;
  /** Whether the admin token was made up at start (and so must be printed to be usable). */
  readonly adminTokenGenerated: boolean;
  /** User id and token pairs. */
  readonly userTokens: ReadonlyArray<readonly [user: string, token: string]>;
  /** Whether a page of this origin may call the API from a browser (CORS, with credentials). */
  readonly allowsOrigin: (origin: string) => boolean;
  readonly testHooks: boolean;
  readonly contractCheck: boolean;
  readonly limits: Limits;
}

/**
 * What one client or one user may hold of the server, so that no one can exhaust it for everyone
 * else (README.md, "Limits"). Each is set by the environment variable named before it.
 */
export interface Limits {
  /** HEADERS_TIMEOUT_MS: a request's headers must have arrived this long after it began. */
  readonly headersTimeoutMs: number;
  /** REQUEST_TIMEOUT_MS: the whole request, headers and body, must have arrived this long after it began. */
  readonly requestTimeoutMs: number;
  /** MAX_CONNECTIONS: open connections in all; one more is closed as soon as it is accepted. */
  readonly maxConnections: number;
  /** MAX_FEEDS_PER_USER: open change feeds of one user; one more is refused with 429. */
  readonly maxFeedsPerUser: number;
  /** MAX_FEEDS: open change feeds in all; one more is refused with 503. */
  readonly maxFeeds: number;
  /** FEED_BUFFER_LIMIT: bytes a feed may have waiting for a client that stopped reading before it is cut. */
  readonly feedBufferLimit: number;
  /** MAX_SESSIONS_PER_USER: one user's sessions; a new one ends that user's oldest. */
  readonly maxSessionsPerUser: number;
}

const DEFAULT_LIMITS: Limits = {
  headersTimeoutMs: 10_000,
  requestTimeoutMs: 30_000,
  maxConnections: 1000,
  maxFeedsPerUser: 10,
  maxFeeds: 500,
  feedBufferLimit: 256 * 1024,
  maxSessionsPerUser: 20,
};

export class ConfigError extends Error {}

type Env = Readonly<Record<string, string | undefined>>;

export function readConfig(env: Env): Config {
  const port = Number(env.PORT ?? 8787);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new ConfigError(`PORT must be 0–65535, not ${env.PORT}.`);
  const adminToken = env.ADMIN_TOKEN ?? '';
  return {
    port,
    host: env.HOST ?? '127.0.0.1',
    dataFile: env.DATA_FILE ?? '.data/reference-server.json',
    adminToken: adminToken === '' ? secret() : adminToken,
    adminTokenGenerated: adminToken === '',
    userTokens: parseUserTokens(env.USER_TOKENS ?? 'demo-user=demo-token'),
    allowsOrigin: env.CORS_ORIGINS === undefined ? isLoopbackPage : allowList(list(env.CORS_ORIGINS)),
    testHooks: env.TEST_HOOKS === '1',
    contractCheck: env.CONTRACT_CHECK === '1',
    limits: readLimits(env),
  };
}

function readLimits(env: Env): Limits {
  const limit = (variable: string, fallback: number): number => {
    const text = env[variable];
    const value = text === undefined ? fallback : Number(text);
    if (!Number.isSafeInteger(value) || value < 1) throw new ConfigError(`${variable} must be a whole number above 0, not ${text}.`);
    return value;
  };
  const limits: Limits = {
    headersTimeoutMs: limit('HEADERS_TIMEOUT_MS', DEFAULT_LIMITS.headersTimeoutMs),
    requestTimeoutMs: limit('REQUEST_TIMEOUT_MS', DEFAULT_LIMITS.requestTimeoutMs),
    maxConnections: limit('MAX_CONNECTIONS', DEFAULT_LIMITS.maxConnections),
    maxFeedsPerUser: limit('MAX_FEEDS_PER_USER', DEFAULT_LIMITS.maxFeedsPerUser),
    maxFeeds: limit('MAX_FEEDS', DEFAULT_LIMITS.maxFeeds),
    feedBufferLimit: limit('FEED_BUFFER_LIMIT', DEFAULT_LIMITS.feedBufferLimit),
    maxSessionsPerUser: limit('MAX_SESSIONS_PER_USER', DEFAULT_LIMITS.maxSessionsPerUser),
  };
  // Node refuses a headers timeout longer than the request timeout that contains it.
  if (limits.headersTimeoutMs > limits.requestTimeoutMs) throw new ConfigError('HEADERS_TIMEOUT_MS must not exceed REQUEST_TIMEOUT_MS.');
  return limits;
}

/**
 * The default: a page served from this machine (http://localhost, 127.0.0.1 or [::1], any port), so
 * that the demo works whatever `PORT` it runs on. Named origins only, never `*`: the answers carry
 * credentials. CORS_ORIGINS replaces it with an exact list.
 */
function isLoopbackPage(origin: string): boolean {
  if (!URL.canParse(origin)) return false;
  const url = new URL(origin);
  return url.protocol === 'http:' && url.origin === origin && ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname);
}

function allowList(origins: readonly string[]): (origin: string) => boolean {
  const allowed = new Set(origins);
  return (origin) => allowed.has(origin);
}

function list(value: string): string[] {
  return value
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item !== '');
}

/** `demo-user=demo-token,alex=alex-token`; user ids are ids as the model knows them. */
function parseUserTokens(value: string): Array<[string, string]> {
  return list(value).map((pair) => {
    const at = pair.indexOf('=');
    const user = at < 0 ? pair : pair.slice(0, at).trim();
    const token = at < 0 ? '' : pair.slice(at + 1).trim();
    if (!v.is(IdSchema, user) || token === '') {
      throw new ConfigError(`USER_TOKENS entries are user=token with a user id of letters, digits, _ or -; got "${pair.replace(/=.*/u, '=…')}".`);
    }
    return [user, token];
  });
}
