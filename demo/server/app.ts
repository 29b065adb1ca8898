/**
 * One request, start to finish: CORS and the headers every answer carries, then a test hook
 * (`/__test/…`, TEST_HOOKS=1) or an API route (`/api/v1/…`). Injected faults and the contract
 * check (CONTRACT_CHECK=1) see every API answer just before it is written. HEAD is answered as GET
 * is, without the body (RFC 9110 §9.3.2).
 */
import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import type { ContractCheck } from './contract-check.js';
import type { ChangeFeed } from './events.js';
import { header, HttpError, notFound, render, send, type Reply } from './http.js';
import { findRoute, type Route } from './router.js';
import type { TestHooks } from './test-hooks.js';

export const API_BASE = '/api/v1';

const ALLOWED_METHODS = 'GET, HEAD, POST, PUT, PATCH, DELETE';
const ALLOWED_HEADERS = 'Authorization, Content-Type, Idempotency-Key, If-Match, X-CSRF-Token, Last-Event-ID';

export interface AppOptions {
  readonly routes: readonly Route[];
  /** Whose request this is, if anyone's (Auth.identify). */
  readonly identify: (req: IncomingMessage) => string | null;
  /** Whether the user may open one more stream (the change feed is the only one). */
  readonly feed: Pick<ChangeFeed, 'refusal'>;
  readonly hooks: TestHooks | null;
  readonly contract: ContractCheck | null;
  /** Whether a page of this origin may call the API from a browser. */
  readonly allowsOrigin: (origin: string) => boolean;
  readonly log: (message: string) => void;
}

export function createApp({ routes, identify, feed, hooks, contract, allowsOrigin, log }: AppOptions): RequestListener {
  /** The route's reply; a thrown HttpError is its reply, anything else a 500. */
  const answer = async (req: IncomingMessage, found: ReturnType<typeof findRoute>): Promise<Reply> => {
    if (!found) return notFound().toReply();
    try {
      return await found.route.run({ req, params: found.params });
    } catch (error) {
      if (error instanceof HttpError) return error.toReply();
      log(`Error answering ${req.method} ${req.url}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      return { status: 500, body: { code: 'internal-error', message: 'Something went wrong on the platform.' } };
    }
  };

  /**
   * What to send for the route's reply: a HEAD gets no stream (Node already leaves out a body),
   * and a stream the user may not open is refused before its head is written.
   */
  const finish = (req: IncomingMessage, user: string | null, reply: Reply): Reply => {
    if (!reply.stream) return reply;
    if (req.method === 'HEAD') return { status: reply.status, ...(reply.headers ? { headers: reply.headers } : {}) };
    return (user === null ? null : feed.refusal(user)) ?? reply;
  };

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    // A HEAD finds the route and gets the answer of a GET.
    const method = req.method === 'HEAD' ? 'GET' : (req.method ?? 'GET');
    const pathname = (req.url ?? '/').split('?')[0] ?? '/';
    const allowedOrigin = commonHeaders(req, res, allowsOrigin);
    if (method === 'OPTIONS') {
      // A CORS preflight: the machinery of the browser, not an API call.
      if (allowedOrigin) {
        res.setHeader('access-control-allow-methods', ALLOWED_METHODS);
        res.setHeader('access-control-allow-headers', ALLOWED_HEADERS);
        res.setHeader('access-control-max-age', '600');
      }
      res.writeHead(204).end();
      return;
    }
    const hook = hooks && findRoute(hooks.routes, method, pathname);
    if (hook) {
      send(res, render(await answer(req, hook)));
      return;
    }
    if (!pathname.startsWith(`${API_BASE}/`)) {
      send(res, render(notFound().toReply()));
      return;
    }
    const path = pathname.slice(API_BASE.length);
    const found = findRoute(routes, method, path);
    // Whose account the answer is about: the caller's, or the one an administrator's route names.
    const user = identify(req) ?? found?.params.userId ?? null;
    const failure = hooks?.takeFailure(user);
    if (failure) {
      // An injected failure stands for the network or a gateway in front of the server, so it is
      // not the server's answer and the contract check leaves it alone.
      send(res, render(failure));
      return;
    }
    const reply = finish(req, user, await answer(req, found));
    const rendered = render(hooks ? hooks.corrupt(user, reply) : reply);
    contract?.check(user, method, path, rendered);
    send(res, rendered);
  };

  return (req, res) => {
    handle(req, res).catch((error: unknown) => {
      log(`Could not answer ${req.method} ${req.url}: ${String(error)}`);
      res.destroy();
    });
  };
}

/** Headers of every answer; says whether the request's Origin may use the API from a browser. */
function commonHeaders(req: IncomingMessage, res: ServerResponse, allowsOrigin: (origin: string) => boolean): boolean {
  // Settings are personal and change: never cached; a JSON body is never sniffed as anything else.
  res.setHeader('cache-control', 'no-store');
  res.setHeader('x-content-type-options', 'nosniff');
  res.setHeader('vary', 'Origin');
  const origin = header(req, 'origin');
  if (origin === undefined || !allowsOrigin(origin)) return false;
  res.setHeader('access-control-allow-origin', origin);
  res.setHeader('access-control-allow-credentials', 'true');
  // A cross-origin client must see how long the server asks it to wait (429, 503).
  res.setHeader('access-control-expose-headers', 'ETag, Retry-After');
  return true;
}
