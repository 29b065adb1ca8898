/**
 * The Store (SYNC-1..3, SYNC-8): the one place a provider's state lives. It paints first from the
 * cache, then asks the platform; shows every change at once by running the model's
 * `applyCommand` over the platform's last word; and rolls a change back, with the platform's
 * reason, when it is refused. What subscribers see is always the platform's snapshot with the
 * still-pending commands applied, so it cannot drift from the platform silently.
 */
import * as v from 'valibot';
import {
  applyCommand,
  newId,
  SnapshotSchema,
  type Command,
  type Problem,
  type NumberChanges,
  type NumberDraft,
  type Snapshot,
  type StatusRouting,
} from '../model/index.js';
import { PlatformError, sendCommand, type PlacedCall, type PlatformClient } from '../platform/index.js';
import type { Outbox } from './outbox.js';
import { cacheKey, type SnapshotCache } from './snapshot-cache.js';

export type LoadPhase = 'idle' | 'loading' | 'ready' | 'error';

/** An immutable picture of the Store, handed to subscribers. */
export interface StoreState {
  readonly phase: LoadPhase;
  /** What views show: the platform's snapshot with pending changes applied; null until known. */
  readonly data: Snapshot | null;
  /** Where `data` came from: nothing yet, the IndexedDB cache, or the platform itself. */
  readonly source: 'none' | 'cache' | 'platform';
  /** Changes shown but not yet confirmed by the platform, oldest first. */
  readonly pending: readonly Command[];
  /** Why the last load failed, while no platform data has arrived. */
  readonly loadError: PlatformError | null;
  /**
   * Whether this device keeps a copy for the next visit (`device`), or IndexedDB could not be
   * used and nothing outlives the page (`memory`, SYNC-8).
   */
  readonly storage: 'device' | 'memory';
  /**
   * Changes made earlier (before a reload, or in a closed tab) that the rules no longer allow by
   * the time they could be sent, each with the reason; they were not sent (SYNC-4).
   */
  readonly dropped: readonly Problem[];
}

export type StoreListener = (state: StoreState) => void;

export interface StoreOptions {
  readonly client: PlatformClient;
  /** The IndexedDB cache; `null` to work without one. */
  readonly cache: SnapshotCache | null;
  /** Where changes wait while the platform cannot be reached (SYNC-4); without one, such a change is rolled back. */
  readonly outbox?: Outbox | null;
  /**
   * The cache's entry for this client's scope, if its read was started before the Store was made
   * (the provider starts it as it connects, so IndexedDB works while the page sets up).
   */
  readonly cached?: Promise<Snapshot | undefined>;
}

type Pending = { readonly command: Command };

/** Waits between attempts to reach the platform: 1 s doubling to 30 s, each a random part of that. */
const RECONNECT_FIRST_MS = 1000;
const RECONNECT_CAP_MS = 30_000;

export class Store {
  readonly client: PlatformClient;
  private readonly cache: SnapshotCache | null;
  private readonly cached: Promise<Snapshot | undefined> | undefined;
  private readonly outbox: Outbox | null;
  private readonly listeners = new Set<StoreListener>();
  private readonly lifetime = new AbortController();
  /** The platform's (or, before it answers, the cache's) last word. */
  private confirmed: Snapshot | null = null;
  private pending: Pending[] = [];
  private current: StoreState;
  private loading: Promise<void> | null = null;
  /** Commands go to the platform one at a time, in the order the user made them. */
  private queue: Promise<unknown> = Promise.resolve();
  private unsubscribeFeed: (() => void) | null = null;
  private cacheWrite: { latest: Snapshot | null; running: boolean } = { latest: null, running: false };
  /** SYNC-5: the Stores of the same platform and user in other tabs and providers. */
  private channel: BroadcastChannel | null = null;

  constructor(options: StoreOptions) {
    this.client = options.client;
    this.cache = options.cache;
    this.cached = options.cached;
    this.current = freeze({
      phase: 'idle',
      data: null,
      source: 'none',
      pending: [],
      loadError: null,
      storage: this.cache?.available === false ? 'memory' : 'device',
      dropped: [],
    });
    this.outbox = options.outbox ?? null;
  }

  get state(): StoreState {
    return this.current;
  }

  /** Calls `listener` with every new state. Returns a function that stops it. */
  subscribe(listener: StoreListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /**
   * Loads once, however many times it is called: the cache first, then the platform, and from
   * then on the platform's change feed.
   */
  load(): Promise<void> {
    this.loading ??= this.start();
    return this.loading;
  }

  /** Asks the platform again, e.g. after a failed load or when the network comes back. */
  async refresh(): Promise<void> {
    this.update({ phase: this.confirmed ? this.current.phase : 'loading', loadError: null });
    try {
      this.accept(valid(await this.client.load({ signal: this.lifetime.signal })), true);
    } catch (error) {
      if (this.lifetime.signal.aborted) return;
      const failure = asPlatformError(error);
      if (this.current.source !== 'platform') this.update({ phase: 'error', loadError: failure });
    }
  }

  /** Adds a number to My Numbers (ADD-4). Resolves with its id when the platform has it. */
  async createNumber(draft: Omit<NumberDraft, 'id'>): Promise<string> {
    const id = newId();
    await this.dispatch({ type: 'number/create', id: newId(), number: { ...draft, id } });
    return id;
  }

  updateNumber(numberId: string, changes: NumberChanges): Promise<void> {
    return this.dispatch({ type: 'number/update', id: newId(), numberId, changes });
  }

  deleteNumber(numberId: string): Promise<void> {
    return this.dispatch({ type: 'number/delete', id: newId(), numberId });
  }

  /** Saves a status's Remote Extension, Call Using and Send my calls to in one call (STAT-5). */
  updateStatus(status: StatusRouting): Promise<void> {
    return this.dispatch({ type: 'status/update', id: newId(), status });
  }

  setActiveStatus(statusId: string): Promise<void> {
    return this.dispatch({ type: 'status/activate', id: newId(), statusId });
  }

  placeCall(deviceId: string, dial: string): Promise<PlacedCall> {
    return this.client.placeCall(deviceId, dial, { signal: this.lifetime.signal });
  }

  /**
   * Shows a change at once and sends it. Resolves when the platform has accepted it; rejects with
   * a `PlatformError` (after rolling the change back) when the rules or the platform refuse it.
   */
  async dispatch(command: Command): Promise<void> {
    const view = this.current.data;
    if (!view) throw new PlatformError('unavailable', 'Your numbers have not loaded yet. Try again in a moment.');
    // Say no before asking the platform: the same rules would refuse it there.
    const checked = applyCommand(view, command);
    if (!checked.ok) throw PlatformError.refused(checked.problem);

    // Written down before it is sent, so a reload or a closed tab cannot lose it (SYNC-4); shown
    // and queued at once, so the view and the order do not wait for the write.
    const written = this.outbox?.add(this.client.scope, command) ?? Promise.resolve();
    return this.send(command, written);
  }

  /**
   * Shows `command` as pending and sends it, once `written`, after those before it; settles when
   * answered.
   */
  private async send(command: Command, written: Promise<void>): Promise<void> {
    const entry: Pending = { command };
    this.pending = [...this.pending, entry];
    this.recompute();

    const sent = this.queue.then(() => written).then(() => this.deliver(command));
    this.queue = sent.catch(() => undefined);
    try {
      const snapshot = await sent;
      this.pending = this.pending.filter((p) => p !== entry);
      this.accept(snapshot, false);
    } catch (error) {
      this.pending = this.pending.filter((p) => p !== entry);
      this.recompute();
      const failure = asPlatformError(error);
      // A lost answer may hide an applied change, and a refusal may mean we were stale: re-ask.
      if (!this.lifetime.signal.aborted) void this.refresh();
      throw failure;
    }
  }

  /**
   * Sends until the platform answers. While it cannot be reached (`offline`) and there is an
   * outbox, the change waits there and is sent again when the browser is back online or after a
   * growing, jittered pause. Any answer, a yes or a no, takes it out of the outbox.
   */
  private async deliver(command: Command): Promise<Snapshot> {
    for (let attempt = 0; ; attempt++) {
      try {
        const snapshot = valid(await sendCommand(this.client, command, { signal: this.lifetime.signal }));
        await this.outbox?.remove(this.client.scope, command.id);
        return snapshot;
      } catch (error) {
        const failure = asPlatformError(error);
        const waitForNetwork = failure.code === 'offline' && this.outbox !== null && !this.lifetime.signal.aborted;
        if (!waitForNetwork) {
          // An abandoned Store (a closed tab) leaves the change for the next one to send.
          if (!this.lifetime.signal.aborted) await this.outbox?.remove(this.client.scope, command.id);
          throw failure;
        }
        await this.reconnected(attempt);
      }
    }
  }

  /** Resolves at the browser's `online` event or after the attempt's pause, whichever is first. */
  private reconnected(attempt: number): Promise<void> {
    const ceiling = Math.min(RECONNECT_CAP_MS, RECONNECT_FIRST_MS * 2 ** attempt);
    const pause = ceiling / 2 + Math.random() * (ceiling / 2);
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        window.removeEventListener('online', done);
        this.lifetime.signal.removeEventListener('abort', done);
        resolve();
      };
      const timer = setTimeout(done, pause);
      window.addEventListener('online', done);
      this.lifetime.signal.addEventListener('abort', done);
    });
  }

  /**
   * Sends what an earlier Store of this platform and user left in the outbox, in order, once the
   * platform's settings are known. What the rules no longer allow is dropped, with its reason.
   * One tab at a time does this (Web Locks where the browser has them; idempotency keys make a
   * second sender harmless where it has not).
   */
  private async resumeOutbox(): Promise<void> {
    const outbox = this.outbox;
    if (!outbox || !this.confirmed) return;
    await withLock(`remote-extension-outbox:${cacheKey(this.client.scope)}`, async () => {
      const waiting = await outbox.list(this.client.scope);
      const mine = new Set(this.pending.map((p) => p.command.id));
      for (const command of waiting) {
        if (mine.has(command.id) || this.lifetime.signal.aborted) continue;
        const view = this.current.data;
        const checked = view ? applyCommand(view, command) : null;
        if (checked && !checked.ok) {
          await outbox.remove(this.client.scope, command.id);
          this.update({ dropped: [...this.current.dropped, checked.problem] });
          continue;
        }
        await this.send(command, Promise.resolve()).catch(() => undefined);
      }
    });
  }

  /** Stops listening, aborts what is in flight, and forgets the subscribers. */
  dispose(): void {
    this.lifetime.abort();
    this.unsubscribeFeed?.();
    this.unsubscribeFeed = null;
    this.channel?.close();
    this.channel = null;
    this.listeners.clear();
  }

  /**
   * SYNC-7: ends this user's session in this browser. Pending changes are first sent and answered
   * (or, with `discardPending`, abandoned), then the Store stops and the user's cached data is
   * removed, so the next person at this browser sees none of it.
   */
  async signOut(options: { readonly discardPending?: boolean } = {}): Promise<void> {
    if (!options.discardPending) await this.queue;
    this.dispose();
    this.cacheWrite.latest = null;
    await this.cache?.remove(this.client.scope);
    await this.outbox?.clear(this.client.scope);
  }

  private async start(): Promise<void> {
    this.update({ phase: 'loading' });
    this.openChannel();
    this.unsubscribeFeed = this.client.subscribe(({ snapshot }) => {
      // A malformed feed event changes nothing; the next answer or load brings good data. The
      // parsed copy is what is kept: only the schema's fields, read once.
      const parsed = v.safeParse(SnapshotSchema, snapshot);
      if (parsed.success) this.accept(parsed.output, false);
    });
    const fromCache = this.readCache();
    await this.refresh();
    await fromCache;
    void this.resumeOutbox();
  }

  private async readCache(): Promise<void> {
    const cached = await (this.cached ?? this.cache?.read(this.client.scope));
    this.noteStorage();
    // The platform's answer, if it came first, always wins over the cache.
    if (!cached || this.confirmed || this.lifetime.signal.aborted) return;
    this.confirmed = freeze(cached);
    this.recompute({ source: 'cache', phase: 'ready' });
  }

  /**
   * Takes a snapshot from the platform. A load replaces whatever we had (`authoritative`); answers
   * and feed events may arrive out of order, so those older than what we hold are ignored.
   */
  private accept(snapshot: Snapshot, authoritative: boolean, share = true): void {
    if (this.lifetime.signal.aborted) return;
    const fromPlatform = this.current.source === 'platform';
    if (!authoritative && fromPlatform && this.confirmed && snapshot.version < this.confirmed.version) return;
    this.confirmed = freeze(snapshot);
    this.recompute({ source: 'platform', phase: 'ready', loadError: null });
    this.saveToCache(this.confirmed);
    if (share) this.channel?.postMessage({ snapshot });
  }

  /**
   * Whatever this Store hears from the platform, the others of the same platform and user hear at
   * once, whether or not the platform has a change feed (SYNC-5). Only newer versions are taken,
   * and taken ones are not passed on again, so two Stores never echo each other.
   */
  private openChannel(): void {
    if (typeof BroadcastChannel === 'undefined') return;
    const { platform, user } = this.client.scope;
    this.channel = new BroadcastChannel(`remote-extension:${platform}:${user}`);
    this.channel.onmessage = (event: MessageEvent<unknown>) => {
      // Another tab is no more trusted than a network (PC-4).
      const parsed = v.safeParse(SnapshotSchema, (event.data as { snapshot?: unknown } | null)?.snapshot);
      if (!parsed.success) return;
      const snapshot = parsed.output;
      if (this.current.source === 'platform' && this.confirmed && snapshot.version <= this.confirmed.version) return;
      this.accept(snapshot, false, false);
    };
  }

  /** Derives what views show, and announces it together with `changes` as one new state. */
  private recompute(changes: Partial<StoreState> = {}): void {
    let data = this.confirmed;
    for (const { command } of this.pending) {
      if (!data) break;
      // A pending change the platform's newer state no longer allows is left out; the platform
      // will refuse it and the sender hears why.
      const applied = applyCommand(data, command);
      if (applied.ok) data = applied.state;
    }
    // Parts equal to what views already hold keep their identity, so an answer that confirms what
    // was shown changes no `data` part an element watches, and no element renders again.
    const shared = data && freeze(reuseEqual(this.current.data, data));
    this.update({ ...changes, data: shared, pending: this.pending.map((p) => p.command) });
  }

  private update(changes: Partial<StoreState>): void {
    this.current = freeze({ ...this.current, ...changes });
    for (const listener of this.listeners) listener(this.current);
  }

  /** Writes the newest snapshot, one write at a time, skipping ones already superseded. */
  private saveToCache(snapshot: Snapshot): void {
    if (!this.cache) return;
    this.cacheWrite.latest = snapshot;
    if (this.cacheWrite.running) return;
    this.cacheWrite.running = true;
    void (async () => {
      while (this.cacheWrite.latest) {
        const next = this.cacheWrite.latest;
        this.cacheWrite.latest = null;
        await this.cache?.write(this.client.scope, next);
        this.noteStorage();
      }
      this.cacheWrite.running = false;
    })();
  }

  /** Says, once, when the cache has given IndexedDB up (SYNC-8). */
  private noteStorage(): void {
    if (this.cache && !this.cache.available && this.current.storage === 'device' && !this.lifetime.signal.aborted) {
      this.update({ storage: 'memory' });
    }
  }
}

/**
 * PC-4: whatever client an integrator plugs in, nothing unchecked reaches state. A snapshot that
 * fails the model's schema is a `bad-response`, as if the network had garbled it.
 */
function valid(snapshot: unknown): Snapshot {
  const parsed = v.safeParse(SnapshotSchema, snapshot);
  if (!parsed.success) throw new PlatformError('bad-response', 'The platform sent settings that do not make sense; nothing was changed.');
  return parsed.output;
}

/** Runs `task` holding the named Web Lock, or at once where the browser has no Web Locks. */
function withLock(name: string, task: () => Promise<void>): Promise<void> {
  return typeof navigator !== 'undefined' && navigator.locks ? navigator.locks.request(name, task) : task();
}

function asPlatformError(error: unknown): PlatformError {
  if (error instanceof PlatformError) return error;
  if (error instanceof DOMException && error.name === 'AbortError') {
    return new PlatformError('unavailable', 'The request was cancelled.', undefined, { cause: error });
  }
  return new PlatformError('unavailable', 'The platform could not be reached.', undefined, { cause: error });
}

/**
 * `next`, with each part that equals the same part of `prev` (array items matched by `id`) replaced
 * by `prev`'s own object; `prev` itself when they are equal throughout.
 */
function reuseEqual<T>(prev: unknown, next: T): T {
  if (Object.is(prev, next) || !isObject(prev) || !isObject(next)) return next;
  if (Array.isArray(prev) || Array.isArray(next)) {
    if (!Array.isArray(prev) || !Array.isArray(next)) return next;
    const byId = new Map<unknown, unknown>(prev.map((item) => [isObject(item) ? item['id'] : undefined, item]));
    const after = next.map((item: unknown, i) => reuseEqual(isObject(item) && 'id' in item ? byId.get(item['id']) : prev[i], item));
    return (after.length === prev.length && after.every((item, i) => item === prev[i]) ? prev : after) as T;
  }
  const after: Record<string, unknown> = {};
  let same = Object.keys(prev).length === Object.keys(next).length;
  for (const [key, value] of Object.entries(next)) {
    after[key] = reuseEqual(prev[key], value);
    same &&= key in prev && after[key] === prev[key];
  }
  return (same ? prev : after) as T;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

/** Snapshots handed out are frozen all the way down, so no subscriber can change another's view. */
function freeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const inner of Object.values(value)) freeze(inner);
  }
  return value;
}
