/**
 * Routes: a method, a path template as the OpenAPI document writes it, who may call (an
 * authenticate function that returns the caller or throws 401), and the handler.
 */
import type { IncomingMessage } from 'node:http';
import type { Reply } from './http.js';
import { compilePath, type PathMatcher, type PathParams } from './path-template.js';

export interface Context {
  readonly req: IncomingMessage;
  readonly params: PathParams;
}

export interface Route {
  readonly method: string;
  readonly match: PathMatcher;
  readonly run: (context: Context) => Promise<Reply>;
}

export function route<Caller>(
  method: string,
  template: string,
  authenticate: (req: IncomingMessage) => Caller,
  handle: (context: Context, caller: Caller) => Reply | Promise<Reply>,
): Route {
  return {
    method,
    match: compilePath(template),
    run: async (context) => handle(context, authenticate(context.req)),
  };
}

/** The route for `method path` and the path's parameters, or null. */
export function findRoute(
  routes: readonly Route[],
  method: string,
  path: string,
): { readonly route: Route; readonly params: PathParams } | null {
  for (const route of routes) {
    const params = route.method === method ? route.match(path) : null;
    if (params) return { route, params };
  }
  return null;
}
