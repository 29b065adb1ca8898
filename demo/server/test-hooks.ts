/**
 * TEST_HOOKS=1 only: routes that tests use to set the server up and to break it on purpose.
 * They are not part of the contract (not in openapi.yaml), need no credentials, are never
 * checked by the contract check, and live beside the API, not in it: `http://HOST:PORT/__test/…`.
 * Every one of them requires the header `X-Test-Hooks: 1` (else 403): a custom header, so a page
 * on another site cannot send it without a CORS preflight, which the server never allows, and so
 * cannot, say, wipe the data with a plain cross-site POST.
 *
 *   POST /__test/users/{user}/token  → 200 { token }: a new bearer token for `user`, so every
 *                                      test can have an account of its own.
 *   POST /__test/faults              → 204. The body is one or more of the fields below, and
 *                                      `"user": "<id>"` to limit them to requests about that
 *                                      user's account (theirs, or an administrator's on it);
 *                                      without it they apply to any request. Browsers running
 *                                      tests side by side on one server need that limit.
 *        { "corruptNext": n }        the next n successful JSON answers keep their status but get a
 *                                    body that breaks the contract: a snapshot whose active
 *                                    status's Call Using device does not exist; any other body `{}`.
 *        { "failNext": { "status": 503 | 429 | 408 | 500 | 502 | 504, "count": n, "retryAfter"?: s } }
 *                                    the next n API requests are answered with that status and an
 *                                    Error body, without doing anything; with `retryAfter`, also
 *                                    `Retry-After: s` (seconds), readable by the allowed pages.
 *        { "dropFeeds": true }       cuts the open change feeds now, as a dropped connection would.
 *   GET  /__test/violations[?user=]  → 200 [{ user, method, path, status, errors }]: the contract
 *                                      check's findings (404 when CONTRACT_CHECK is off).
 *   POST /__test/reset               → 204: forgets every user's data (versions start again at 1).
 */
import type { IncomingMessage } from 'node:http';
import * as v from 'valibot';
import { IdSchema, SnapshotSchema } from '../../src/model/index.js';
import type { AccountFile } from './account-file.js';
import { secret, type Auth } from './auth.js';
import type { ContractCheck } from './contract-check.js';
import type { ChangeFeed } from './events.js';
import { header, HttpError, malformed, notFound, readJson, type Reply } from './http.js';
import { route, type Route } from './router.js';

export const HOOKS_BASE = '/__test';

const FAILURES = {
  503: { code: 'unavailable', message: 'The platform is not answering. Try again in a moment.' },
  429: { code: 'rate-limited', message: 'Too many requests. Try again in a moment.' },
  408: { code: 'request-timeout', message: 'The request took too long to arrive.' },
  500: { code: 'internal-error', message: 'Something went wrong on the platform.' },
  502: { code: 'bad-gateway', message: 'The platform could not be reached from its gateway.' },
  504: { code: 'gateway-timeout', message: 'The platform did not answer its gateway in time.' },
} as const;

type FailureStatus = keyof typeof FAILURES;

const Count = v.pipe(v.number(), v.integer(), v.minValue(0));

const FaultsSchema = v.strictObject({
  user: v.optional(IdSchema),
  corruptNext: v.optional(Count),
  failNext: v.optional(
    v.strictObject({ status: v.picklist([503, 429, 408, 500, 502, 504]), count: Count, retryAfter: v.optional(Count) }),
  ),
  dropFeeds: v.optional(v.literal(true)),
});

interface Faults {
  corruptNext: number;
  failNext: { readonly status: FailureStatus; count: number; readonly retryAfter?: number | undefined } | null;
}

/**
 * Who may call a hook: a request with `X-Test-Hooks: 1`. Only a script that means to can send it;
 * a form or a simple cross-site request cannot, and the server's CORS allows no page to add it.
 */
function testRunner(req: IncomingMessage): void {
  if (header(req, 'x-test-hooks') !== '1') {
    throw new HttpError(403, 'forbidden', 'Test hooks need the header X-Test-Hooks: 1.');
  }
}

/** The key of faults for any request; not an id, so no user can have it. */
const ANY = '*';

export class TestHooks {
  /** By user id, or ANY. */
  private readonly faults = new Map<string, Faults>();
  readonly routes: readonly Route[];

  constructor(deps: {
    readonly auth: Auth;
    readonly store: AccountFile;
    readonly feed: ChangeFeed;
    readonly contract: ContractCheck | null;
  }) {
    this.routes = [
      route('POST', `${HOOKS_BASE}/users/{user}/token`, testRunner, ({ params }) => {
        const user = params.user ?? '';
        if (!v.is(IdSchema, user)) throw malformed('A user id is 1–64 letters, digits, _ or -.');
        const token = secret();
        deps.auth.addUserToken(user, token);
        return { status: 200, body: { token } };
      }),
      route('POST', `${HOOKS_BASE}/faults`, testRunner, async ({ req }) => {
        const parsed = v.safeParse(FaultsSchema, await readJson(req));
        if (!parsed.success) {
          throw malformed('Expected { user?, corruptNext?, failNext?: { status, count, retryAfter? }, dropFeeds? }.');
        }
        const { user, corruptNext, failNext, dropFeeds } = parsed.output;
        const faults = this.faults.get(user ?? ANY) ?? { corruptNext: 0, failNext: null };
        this.faults.set(user ?? ANY, faults);
        if (corruptNext !== undefined) faults.corruptNext = corruptNext;
        if (failNext !== undefined) faults.failNext = { ...failNext };
        if (dropFeeds) deps.feed.drop(user);
        return { status: 204 };
      }),
      route('GET', `${HOOKS_BASE}/violations`, testRunner, ({ req }) => {
        if (!deps.contract) throw notFound('The contract check is off; start the server with CONTRACT_CHECK=1.');
        const user = new URL(req.url ?? '/', 'http://server.invalid').searchParams.get('user');
        const violations = deps.contract.violations;
        return { status: 200, body: user === null ? violations : violations.filter((found) => found.user === user) };
      }),
      route('POST', `${HOOKS_BASE}/reset`, testRunner, async () => {
        await deps.store.clear();
        return { status: 204 };
      }),
    ];
  }

  /** The injected failure to answer instead of a request about `user`'s account, if one is due. */
  takeFailure(user: string | null): Reply | null {
    const faults = this.due(user, (f) => (f.failNext?.count ?? 0) > 0);
    if (!faults?.failNext) return null;
    faults.failNext.count--;
    const { status, retryAfter } = faults.failNext;
    if (retryAfter === undefined) return { status, body: FAILURES[status] };
    return { status, body: FAILURES[status], headers: { 'retry-after': String(retryAfter) } };
  }

  /** The reply with a contract-breaking body, if a corruption is due and it is a JSON success. */
  corrupt(user: string | null, reply: Reply): Reply {
    if (reply.status >= 300 || reply.body === undefined) return reply;
    const faults = this.due(user, (f) => f.corruptNext > 0);
    if (!faults) return reply;
    faults.corruptNext--;
    const snapshot = v.safeParse(SnapshotSchema, reply.body);
    if (!snapshot.success) return { ...reply, body: {} };
    const { statuses, activeStatusId } = snapshot.output;
    const broken = statuses.map((s) => (s.id === activeStatusId ? { ...s, callUsing: 'no-such-device' } : s));
    return { ...reply, body: { ...snapshot.output, statuses: broken } };
  }

  /** The user's faults if they have one due, else the faults for any request if those do. */
  private due(user: string | null, pending: (faults: Faults) => boolean): Faults | undefined {
    return [user === null ? undefined : this.faults.get(user), this.faults.get(ANY)].find(
      (faults): faults is Faults => faults !== undefined && pending(faults),
    );
  }
}
