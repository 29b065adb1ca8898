/**
 * PC-3: a `PlatformClient` over the HTTP contract in `openapi.yaml`. Every answer is validated
 * with the model's schemas before anyone sees it (PC-4); HTTP failures become typed
 * `PlatformError`s; only failures that mean "not done, try later" are retried; a server that went
 * back to an older version (restarted from an older file, reset) is followed, not fought; the change feed is
 * Server-Sent Events that resume with `Last-Event-ID`. Nothing is stored: the token stays with the
 * integrator's callback.
 */
import * as v from 'valibot';
import { SnapshotSchema, type Command, type Snapshot } from '../../model/index.js';
import type { CallOptions, ChangeListener, PlacedCall, PlatformClient, PlatformScope, RestAuth } from '../client.js';
import { PlatformError } from '../errors.js';
import { delay } from '../delay.js';
import { badResponse, httpFailure, parseJson, readText } from './responses.js';
import { readEvents } from './sse.js';

type CommandOf<T extends Command['type']> = Extract<Command, { type: T }>;

export interface RestPlatformClientOptions {
  /** The API's base URL, e.g. `https://pbx.example.com/api/v1`. */
  readonly endpoint: string;
  /** Who is signed in; with the endpoint, the key of the Store's cache (SYNC-7). */
  readonly user: string;
  readonly auth?: RestAuth;
  /** Per attempt, in milliseconds. Default 10 000. */
  readonly timeout?: number;
  /** Extra attempts after a retryable failure. Default 3. */
  readonly retries?: number;
  /** First backoff step in milliseconds; each retry waits a random time up to twice the last. Default 250. */
  readonly backoff?: number;
  /** Source of the backoff's jitter; tests pass a fixed one. */
  readonly random?: () => number;
}

const SessionSchema = v.object({ csrfToken: v.pipe(v.string(), v.minLength(16), v.maxLength(256)) });

const PlacedCallSchema = v.object({
  callId: v.pipe(v.string(), v.maxLength(64)),
  deviceId: v.pipe(v.string(), v.maxLength(64)),
  dial: v.pipe(v.string(), v.maxLength(64)),
});

/**
 * Statuses that mean "not now": the server, or a gateway in front of it, did not act or failed
 * (500, 502, 504). Sending again is harmless: a change carries its Idempotency-Key, so one the
 * server did apply is answered, not applied twice.
 */
const RETRY_STATUSES: ReadonlySet<number> = new Set([408, 429, 500, 502, 503, 504]);

/** A failure worth another attempt: the network, or a status from RETRY_STATUSES. */
class Retryable extends Error {
  constructor(readonly final: PlatformError) {
    super(final.message);
  }
}

interface Request {
  readonly method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  readonly path: string;
  readonly body?: unknown;
  readonly idempotencyKey?: string;
  readonly signal?: AbortSignal | undefined;
  /** Whether a network failure may be retried: only when repeating cannot do the thing twice. */
  readonly retryNetworkErrors: boolean;
}

export class RestPlatformClient implements PlatformClient {
  readonly scope: PlatformScope;
  private readonly endpoint: string;
  private readonly options: RestPlatformClientOptions;
  /**
   * The platform's version as last heard, sent as `If-Match` so a change based on old settings is
   * refused: the newest seen, or what the last load said, even if lower.
   */
  private version: number | null = null;
  private readonly listeners = new Set<ChangeListener>();
  private feed: AbortController | null = null;
  /** The session's CSRF token, asked for once (cookie sign-in without a `csrfToken` callback). */
  private sessionCsrf: Promise<string> | null = null;

  constructor(options: RestPlatformClientOptions) {
    this.options = options;
    this.endpoint = options.endpoint.replace(/\/+$/u, '');
    this.scope = { platform: `rest:${this.endpoint}`, user: options.user };
  }

  async load(options?: CallOptions): Promise<Snapshot> {
    const request = { method: 'GET', path: '/snapshot', signal: options?.signal, retryNetworkErrors: true } as const;
    return this.snapshotRequest(request, true);
  }

  createNumber(command: CommandOf<'number/create'>, options?: CallOptions): Promise<Snapshot> {
    return this.change('POST', '/numbers', command, command, options);
  }

  updateNumber(command: CommandOf<'number/update'>, options?: CallOptions): Promise<Snapshot> {
    return this.change('PATCH', `/numbers/${encodeURIComponent(command.numberId)}`, command, command, options);
  }

  deleteNumber(command: CommandOf<'number/delete'>, options?: CallOptions): Promise<Snapshot> {
    return this.change('DELETE', `/numbers/${encodeURIComponent(command.numberId)}`, command, undefined, options);
  }

  updateStatus(command: CommandOf<'status/update'>, options?: CallOptions): Promise<Snapshot> {
    return this.change('PUT', `/statuses/${encodeURIComponent(command.status.id)}`, command, command, options);
  }

  setActiveStatus(command: CommandOf<'status/activate'>, options?: CallOptions): Promise<Snapshot> {
    return this.change('PUT', '/active-status', command, command, options);
  }

  async placeCall(deviceId: string, dial: string, options?: CallOptions): Promise<PlacedCall> {
    // No idempotency key exists for a call: after a lost answer it may have been placed, so only
    // the statuses that say "not done" are retried, never a network failure.
    const body = await this.send({
      method: 'POST',
      path: '/calls',
      body: { deviceId, dial },
      signal: options?.signal,
      retryNetworkErrors: false,
    });
    const parsed = v.safeParse(PlacedCallSchema, body);
    if (!parsed.success) throw badResponse('The platform’s answer to a call was not understood.');
    return parsed.output;
  }

  /** SYNC-6: the platform's change feed, shared by all listeners, open while anyone listens. */
  subscribe(listener: ChangeListener): () => void {
    this.listeners.add(listener);
    if (!this.feed) {
      this.feed = new AbortController();
      void this.followFeed(this.feed.signal);
    }
    return () => {
      this.listeners.delete(listener);
      if (this.listeners.size === 0) {
        this.feed?.abort();
        this.feed = null;
      }
    };
  }

  private change(
    method: Request['method'],
    path: string,
    command: Command,
    body: unknown,
    options: CallOptions | undefined,
  ): Promise<Snapshot> {
    // Every change carries its idempotency key, so repeating it after a lost answer is safe.
    return this.snapshotRequest({
      method,
      path,
      body,
      idempotencyKey: command.id,
      signal: options?.signal,
      retryNetworkErrors: true,
    });
  }

  /** `truth`: a load, whose version is taken as it is (see `seen`). */
  private async snapshotRequest(request: Request, truth = false): Promise<Snapshot> {
    const parsed = v.safeParse(SnapshotSchema, await this.send(request));
    if (!parsed.success) throw badResponse('The platform sent settings that do not make sense; nothing was changed.');
    this.seen(parsed.output.version, truth);
    return parsed.output;
  }

  /**
   * Answers and feed events may arrive out of order, so only a newer version moves `If-Match`
   * on; but a load is the server's word. When the server has gone back (a restart from an older
   * file, a reset), keeping the higher version would have every change refused as stale until the
   * page was reloaded; after a 409 `version-stale` the Store loads, and this follows.
   */
  private seen(version: number, truth: boolean): void {
    if (truth || this.version === null || version > this.version) this.version = version;
  }

  /** Sends with retries and jittered backoff; resolves with the parsed JSON body of a 2xx. */
  private async send(request: Request): Promise<unknown> {
    const retries = this.options.retries ?? 3;
    const random = this.options.random ?? Math.random;
    let step = this.options.backoff ?? 250;
    for (let attempt = 0; ; attempt++) {
      try {
        return await this.attempt(request);
      } catch (error) {
        if (!(error instanceof Retryable)) throw error;
        if (attempt >= retries) throw error.final;
        step *= 2;
        const wait = error.final.retryAfterMs ?? random() * step;
        await delay(Math.min(wait, 30_000), request.signal);
      }
    }
  }

  private async attempt(request: Request): Promise<unknown> {
    request.signal?.throwIfAborted();
    const timeout = AbortSignal.timeout(this.options.timeout ?? 10_000);
    const signal = request.signal ? AbortSignal.any([request.signal, timeout]) : timeout;
    let response: Response;
    try {
      response = await fetch(`${this.endpoint}${request.path}`, {
        method: request.method,
        headers: await this.headers(request),
        body: request.body === undefined ? null : JSON.stringify(request.body),
        credentials: this.options.auth?.kind === 'cookie' ? 'include' : 'omit',
        cache: 'no-store',
        signal,
      });
    } catch (error) {
      if (request.signal?.aborted) throw request.signal.reason;
      const lost = timeout.aborted
        ? new PlatformError('unavailable', 'The platform did not answer in time.', undefined, { cause: error })
        : new PlatformError('offline', 'The platform could not be reached. Check the connection.', undefined, {
            cause: error,
          });
      if (request.retryNetworkErrors) throw new Retryable(lost);
      throw lost;
    }
    const text = await readText(response, request.signal);
    if (response.ok) {
      try {
        return JSON.parse(text) as unknown;
      } catch {
        throw badResponse('The platform’s answer was not JSON.');
      }
    }
    // A new sign-in brings a new session and CSRF token: ask again next time.
    if (response.status === 401) this.sessionCsrf = null;
    const failure = httpFailure(response, text);
    if (RETRY_STATUSES.has(response.status)) throw new Retryable(failure);
    throw failure;
  }

  private async headers(request: Request): Promise<Headers> {
    const headers = new Headers({ Accept: 'application/json' });
    if (request.body !== undefined) headers.set('Content-Type', 'application/json');
    if (request.idempotencyKey) {
      headers.set('Idempotency-Key', request.idempotencyKey);
      if (this.version !== null) headers.set('If-Match', `"${this.version}"`);
    }
    const auth = this.options.auth;
    if (auth?.kind === 'bearer') headers.set('Authorization', `Bearer ${await auth.token()}`);
    if (auth?.kind === 'cookie' && request.method !== 'GET') {
      headers.set('X-CSRF-Token', await (auth.csrfToken ? auth.csrfToken() : this.csrfFromSession(request.signal)));
    }
    return headers;
  }

  private csrfFromSession(signal: AbortSignal | undefined): Promise<string> {
    this.sessionCsrf ??= this.send({ method: 'GET', path: '/session', signal, retryNetworkErrors: true }).then(
      (body) => {
        const parsed = v.safeParse(SessionSchema, body);
        if (!parsed.success) throw badResponse('The platform’s session answer was not understood.');
        return parsed.output.csrfToken;
      },
    );
    // A failure is not kept: signing in again and retrying must work.
    this.sessionCsrf.catch(() => {
      this.sessionCsrf = null;
    });
    return this.sessionCsrf;
  }

  /**
   * Reads the feed for as long as `signal` lives, reconnecting after a drop with `Last-Event-ID`.
   * After a reconnect the settings are loaded afresh, so events missed while away cannot matter.
   */
  private async followFeed(signal: AbortSignal): Promise<void> {
    let lastEventId: string | null = null;
    let reconnects = 0;
    const random = this.options.random ?? Math.random;
    while (!signal.aborted) {
      try {
        const headers = await this.headers({ method: 'GET', path: '/events', retryNetworkErrors: true });
        headers.set('Accept', 'text/event-stream');
        if (lastEventId !== null) headers.set('Last-Event-ID', lastEventId);
        const response = await fetch(`${this.endpoint}/events`, {
          headers,
          credentials: this.options.auth?.kind === 'cookie' ? 'include' : 'omit',
          cache: 'no-store',
          signal,
        });
        if (!response.ok || !response.body) throw httpFailure(response, '');
        if (reconnects > 0) void this.resync(signal);
        reconnects = 0;
        await readEvents(response.body, (event) => {
          if (event.event !== 'snapshot') return;
          const snapshot = parseJson(event.data, SnapshotSchema);
          // A malformed event changes nothing; the next reconnect or change brings good data.
          if (!snapshot) return;
          lastEventId = event.id;
          // One server's feed is in version order: a lower one means the server went back, and
          // its settings are loaded afresh (which moves If-Match back too).
          if (this.version !== null && snapshot.version < this.version) void this.resync(signal);
          else this.emit(snapshot);
        });
      } catch {
        // Dropped, refused or unreachable: wait, then try again.
      }
      if (signal.aborted) return;
      reconnects++;
      const ceiling = Math.min(30_000, (this.options.backoff ?? 250) * 2 ** Math.min(reconnects, 7));
      await delay(random() * ceiling, signal).catch(() => undefined);
    }
  }

  private async resync(signal: AbortSignal): Promise<void> {
    try {
      this.emit(await this.load({ signal }));
    } catch {
      // The feed itself will bring the next change.
    }
  }

  private emit(snapshot: Snapshot): void {
    this.seen(snapshot.version, false);
    for (const listener of this.listeners) listener({ snapshot });
  }
}
