/**
 * The Store (SYNC-1..3, SYNC-8): the one place a provider's state lives. It paints first from the
 * cache, then asks the platform; shows every change at once by running the model's
 * `applyCommand` over the platform's last word; and rolls a change back, with the platform's
 * reason, when it is refused. What subscribers see is always the platform's snapshot with the
 * still-pending commands applied, so it cannot drift from the platform silently.
 *
 * The Store decides what the state is; getting changes to the platform (`Delivery`), the other
 * tabs (`TabChannel`) and writing the cache (`CacheWriter`) are parts of their own.
 */
import {
  applyCommand,
  newId,
  type Command,
  type NumberChanges,
  type NumberDraft,
  type Problem,
  type Snapshot,
  type StatusRouting,
} from '../model/index.js';
import type { PlacedCall, PlatformClient } from '../platform/client.js';
import { PlatformError } from '../platform/errors.js';
import { asPlatformError, parseSnapshot, valid } from './answers.js';
import { CacheWriter } from './cache-writer.js';
import { Delivery, type Judge, type RetryPause } from './delivery.js';
import { freeze } from './immutable.js';
import type { Outbox } from './outbox.js';
import type { SnapshotCache } from './snapshot-cache.js';
import { viewOf, type StoreListener, type StoreState } from './state.js';
import { TabChannel } from './tab-channel.js';

export interface StoreOptions {
  readonly client: PlatformClient;
  /** The IndexedDB cache; `null` to work without one. */
  readonly cache: SnapshotCache | null;
  /**
   * Where changes wait while the platform cannot be reached or says "not now" (SYNC-4); without
   * one, such a change is rolled back.
   */
  readonly outbox?: Outbox | null;
  /** The pauses between attempts to send a change again; 1 s doubling to 30 s unless given. */
  readonly retryPause?: RetryPause;
  /**
   * The cache's entry for this client's scope, if its read was started before the Store was made
   * (the provider starts it as it connects, so IndexedDB works while the page sets up).
   */
  readonly cached?: Promise<Snapshot | undefined>;
}

type Pending = {
  readonly command: Command;
  /** Whether it has waited to be sent: its sender may have moved on (SYNC-4). */
  waited: boolean;
};

export class Store {
  readonly client: PlatformClient;
  readonly #cache: SnapshotCache | null;
  readonly #cached: Promise<Snapshot | undefined> | undefined;
  readonly #listeners = new Set<StoreListener>();
  readonly #lifetime = new AbortController();
  readonly #delivery: Delivery;
  readonly #cacheWriter: CacheWriter | null;
  /** The platform's (or, before it answers, the cache's) last word. */
  #confirmed: Snapshot | null = null;
  #pending: Pending[] = [];
  /** `Delivery` last said changes wait to be sent (shown only while some are pending). */
  #waiting = false;
  #current: StoreState;
  #loading: Promise<void> | null = null;
  #unsubscribeFeed: (() => void) | null = null;
  /** SYNC-5: the Stores of the same platform and user in other tabs and providers. */
  #channel: TabChannel | null = null;
  /** Whether the channel and the platform's feed are heard yet (see `#listen`). */
  #listening = false;

  constructor(options: StoreOptions) {
    this.client = options.client;
    this.#cache = options.cache;
    this.#cached = options.cached;
    this.#current = freeze({
      phase: 'idle',
      data: null,
      source: 'none',
      pending: [],
      waiting: false,
      confirmed: null,
      loadError: null,
      storage: this.#cache?.available === false ? 'memory' : 'device',
      dropped: [],
    });
    this.#delivery = new Delivery(
      this.client,
      options.outbox ?? null,
      this.#lifetime.signal,
      { ...this.#judge, reload: () => this.#load(), waiting: (waiting) => this.#setWaiting(waiting) },
      options.retryPause,
    );
    this.#cacheWriter = this.#cache && new CacheWriter(this.#cache, this.client.scope, () => this.#noteStorage());
  }

  get state(): StoreState {
    return this.#current;
  }

  /** Calls `listener` with every new state. Returns a function that stops it. */
  subscribe(listener: StoreListener): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /**
   * Loads once, however many times it is called: the cache first, then the platform, and from
   * then on the platform's change feed.
   */
  load(): Promise<void> {
    this.#loading ??= this.#start();
    return this.#loading;
  }

  /** Asks the platform again, e.g. after a failed load or when the network comes back. */
  async refresh(): Promise<void> {
    await this.#load();
  }

  /** Loads and takes the platform's settings as they are, even if older; whether it could. */
  async #load(): Promise<boolean> {
    this.#update({ phase: this.#confirmed ? this.#current.phase : 'loading', loadError: null });
    try {
      this.#accept(valid(await this.client.load({ signal: this.#lifetime.signal })), true);
      return !this.#lifetime.signal.aborted;
    } catch (error) {
      if (this.#lifetime.signal.aborted) return false;
      this.#listen();
      const failure = asPlatformError(error);
      if (this.#current.source !== 'platform') this.#update({ phase: 'error', loadError: failure });
      return false;
    }
  }

  /** How the Store judges a change again, before it is sent again or sent for an earlier Store. */
  readonly #judge: Judge = {
    refusal: (command) => this.#refusal(command),
    dropped: (problem) => this.#update({ dropped: [...this.#current.dropped, problem] }),
  };

  /**
   * Why the rules refuse `command` on the platform's last word with the changes made before it
   * (all pending ones, if it is not pending itself), or null when they allow it.
   */
  #refusal(command: Command): Problem | null {
    const index = this.#pending.findIndex((p) => p.command.id === command.id);
    const before = (index === -1 ? this.#pending : this.#pending.slice(0, index)).map((p) => p.command);
    const view = viewOf(this.#confirmed, before, null);
    const checked = view ? applyCommand(view, command) : null;
    return checked && !checked.ok ? checked.problem : null;
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
    return this.client.placeCall(deviceId, dial, { signal: this.#lifetime.signal });
  }

  /**
   * Shows a change at once and sends it. Resolves when the platform has accepted it, however long
   * it could not be reached or said "not now" meanwhile (SYNC-4); rejects with a `PlatformError`
   * (after rolling the change back) when the rules refuse it, or when there is no outbox to keep
   * it in while the platform fails.
   */
  async dispatch(command: Command): Promise<void> {
    const view = this.#current.data;
    if (!view) throw new PlatformError('unavailable', 'Your numbers have not loaded yet. Try again in a moment.');
    // Say no before asking the platform: the same rules would refuse it there.
    const checked = applyCommand(view, command);
    if (!checked.ok) throw PlatformError.refused(checked.problem);

    // Shown and queued at once, so the view and the order do not wait for the outbox's write.
    const written = this.#delivery.writeDown(command);
    return this.#send(command, written);
  }

  /**
   * Resolves once the pending changes wait to be sent (at once, if they do now), so a sender can
   * say so and move on; never, if they are answered first. `signal` stops the watching.
   */
  whenWaiting(signal: AbortSignal): Promise<void> {
    return new Promise((resolve) => {
      if (this.#current.waiting) return resolve();
      const stop = this.subscribe((state) => {
        if (!state.waiting) return;
        stop();
        resolve();
      });
      signal.addEventListener('abort', stop, { once: true });
    });
  }

  /**
   * Drops every change waiting to be sent (SYNC-4): out of the view and the outbox, unsent. Each
   * one's sender hears `discarded`.
   */
  discardWaiting(): void {
    if (this.#current.waiting) this.#delivery.discard(this.#pending.map((p) => p.command.id));
  }

  /**
   * Shows `command` as pending and sends it, once `written`, after those before it; settles when
   * answered.
   */
  async #send(command: Command, written: Promise<void>): Promise<void> {
    const entry: Pending = { command, waited: this.#current.waiting };
    this.#pending = [...this.#pending, entry];
    this.#recompute();

    try {
      const snapshot = await this.#delivery.send(command, written);
      this.#pending = this.#pending.filter((p) => p !== entry);
      this.#accept(snapshot, false);
    } catch (error) {
      this.#pending = this.#pending.filter((p) => p !== entry);
      const failure = asPlatformError(error);
      // A change refused after it waited may have no sender left to say why: the Store says it.
      const problem = failure.problem;
      const untold = entry.waited && problem && !this.#current.dropped.includes(problem);
      this.#recompute(untold ? { dropped: [...this.#current.dropped, problem] } : {});
      // A lost answer may hide an applied change, and a refusal may mean we were stale: re-ask.
      if (!this.#lifetime.signal.aborted) void this.refresh();
      throw failure;
    }
  }

  /**
   * Sends what an earlier Store of this platform and user left in the outbox, once the platform's
   * settings are known, so the rules can be checked against them.
   */
  async #resumeOutbox(): Promise<void> {
    if (!this.#confirmed) return;
    await this.#delivery.resume({
      ...this.#judge,
      pendingIds: () => new Set(this.#pending.map((p) => p.command.id)),
      send: (command) => this.#send(command, Promise.resolve()).catch(() => undefined),
    });
  }

  /** Stops listening, aborts what is in flight, and forgets the subscribers. */
  dispose(): void {
    this.#lifetime.abort();
    this.#unsubscribeFeed?.();
    this.#unsubscribeFeed = null;
    this.#channel?.close();
    this.#channel = null;
    this.#listeners.clear();
  }

  /**
   * SYNC-7: ends this user's session in this browser. Pending changes are first sent and answered
   * (or, with `discardPending`, abandoned), then the Store stops and the user's cached data is
   * removed, so the next person at this browser sees none of it.
   */
  async signOut(options: { readonly discardPending?: boolean } = {}): Promise<void> {
    if (!options.discardPending) await this.#delivery.settled();
    this.dispose();
    this.#cacheWriter?.cancel();
    await this.#cache?.remove(this.client.scope);
    await this.#delivery.clear();
  }

  async #start(): Promise<void> {
    this.#update({ phase: 'loading' });
    const fromCache = this.#readCache();
    await this.refresh();
    await fromCache;
    void this.#resumeOutbox();
  }

  async #readCache(): Promise<void> {
    const cached = await (this.#cached ?? this.#cache?.read(this.client.scope));
    this.#noteStorage();
    // The platform's answer, if it came first, always wins over the cache.
    if (cached && !this.#confirmed && !this.#lifetime.signal.aborted) {
      // `cached` was read through the schema into objects of its own: frozen here, once (the
      // view of it, with nothing pending, is this same object, already frozen).
      this.#confirmed = freeze(cached);
      this.#recompute({ source: 'cache', phase: 'ready' });
    }
    // After the subscribers' updates this publish has queued (microtasks too), so that the views
    // render first; still before any task, and so before any message, could come in between.
    queueMicrotask(() => this.#listen());
  }

  /**
   * Starts hearing the other Stores of this platform and user (SYNC-5) and the platform's feed once
   * the cache has been read and its data shown, or the platform has first answered (or failed to),
   * whichever is first, so that their setup (a BroadcastChannel each, for the simulator) is not in
   * the way of the cache's paint. Nothing heard before then could count: until the platform's first
   * answer, what it says replaces whatever another Store or the feed said (a load is
   * authoritative), and from that answer on we listen; and from the cache's paint on we listen, so
   * a change made in another tab while the platform cannot be reached still shows.
   */
  #listen(): void {
    if (this.#listening || this.#lifetime.signal.aborted) return;
    this.#listening = true;
    this.#channel = new TabChannel(this.client.scope, (snapshot) => this.#heardFromOtherStore(snapshot));
    this.#unsubscribeFeed = this.client.subscribe(({ snapshot }) => {
      // A malformed feed event changes nothing; the next answer or load brings good data.
      const parsed = parseSnapshot(snapshot);
      if (parsed) this.#accept(parsed, false);
    });
  }

  /**
   * Takes a snapshot from the platform. A load replaces whatever we had (`authoritative`); answers
   * and feed events may arrive out of order, so those older than what we hold are ignored.
   */
  #accept(snapshot: Snapshot, authoritative: boolean, share = true): void {
    if (this.#lifetime.signal.aborted) return;
    this.#listen();
    const fromPlatform = this.#current.source === 'platform';
    if (!authoritative && fromPlatform && this.#confirmed && snapshot.version < this.#confirmed.version) return;
    this.#confirmed = freeze(snapshot);
    this.#recompute({ source: 'platform', phase: 'ready', loadError: null });
    this.#cacheWriter?.save(this.#confirmed);
    if (share) this.#channel?.post(snapshot);
  }

  /**
   * What another Store heard from the platform. Only newer versions are taken, and taken ones are
   * not passed on again, so two Stores never echo each other (SYNC-5).
   */
  #heardFromOtherStore(snapshot: Snapshot): void {
    if (this.#current.source === 'platform' && this.#confirmed && snapshot.version <= this.#confirmed.version) return;
    this.#accept(snapshot, false, false);
  }

  /** Changes wait to be sent, or the platform answered again (`Delivery` says which). */
  #setWaiting(waiting: boolean): void {
    if (waiting) for (const entry of this.#pending) entry.waited = true;
    this.#waiting = waiting;
    if (waiting !== this.#current.waiting) this.#recompute();
  }

  /** Derives what views show, and announces it together with `changes` as one new state. */
  #recompute(changes: Partial<StoreState> = {}): void {
    const pending = this.#pending.map((p) => p.command);
    this.#update({
      ...changes,
      data: viewOf(this.#confirmed, pending, this.#current.data),
      pending,
      waiting: this.#waiting && pending.length > 0,
      confirmed: this.#confirmed,
    });
  }

  #update(changes: Partial<StoreState>): void {
    this.#current = freeze({ ...this.#current, ...changes });
    for (const listener of this.#listeners) listener(this.#current);
  }

  /** Says, once, when the cache has given IndexedDB up (SYNC-8). */
  #noteStorage(): void {
    if (this.#cache && !this.#cache.available && this.#current.storage === 'device' && !this.#lifetime.signal.aborted) {
      this.#update({ storage: 'memory' });
    }
  }
}
