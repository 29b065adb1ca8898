/**
 * Test fixtures: a simulated platform and Store on databases of their own, removed after each
 * test, so tests never see each other's data.
 */
import { newId, type Snapshot } from '../src/model/index.js';
import { adminChange } from '../src/platform/account.js';
import { isPlatformError, type PlatformError } from '../src/platform/errors.js';
import { AccountStorage } from '../src/platform/simulated/account-storage.js';
import { DEFAULT_USER } from '../src/platform/simulated/scope.js';
import { SimulatedPlatform, type SimulatedPlatformOptions } from '../src/platform/simulated/index.js';
import { SnapshotCache, Store } from '../src/store/index.js';

const databases = new Set<string>();
const stores = new Set<Store>();

/** A database name no other test uses; deleted by `cleanUp()`. */
export function uniqueDatabase(prefix = 'test'): string {
  const name = `${prefix}-${newId()}`;
  databases.add(name);
  return name;
}

/** A quiet network, said outright: tests that want latency or failures ask for them. */
const QUIET = { latency: 0, failureRate: 0 } as const;

/** The simulated platform on a database of its own, on a quiet network unless `options` say not. */
export function simulatedPlatform(options: SimulatedPlatformOptions = {}): SimulatedPlatform {
  return new SimulatedPlatform({ databaseName: uniqueDatabase('platform'), ...QUIET, ...options });
}

/** A Store over `client` with a cache database of its own (or the one given). */
export function storeFor(client: SimulatedPlatform, cacheDatabase = uniqueDatabase('cache')): Store {
  const store = new Store({ client, cache: new SnapshotCache(cacheDatabase) });
  stores.add(store);
  return store;
}

/**
 * The real simulator, counting what it is asked and holding its answers while a test says so: a
 * slow network whose length the test decides, not the clock, so a pending state ("Saving…", a row
 * gone before the platform says no) is seen however slow or busy the machine is. Calls made while
 * held go on after `release()`. A call is counted when it is made, held or not.
 */
export class HeldPlatform extends SimulatedPlatform {
  /** Loads asked for. */
  loads = 0;
  /** Changes asked for: numbers and statuses created, updated, deleted or made active. */
  changes = 0;
  /** Calls asked to be placed. */
  calls = 0;
  /** How many calls are waiting for `release()` now. */
  waiting = 0;
  private held: { readonly promise: Promise<void>; readonly release: () => void } | null = null;

  /** Holds every call made from now on until `release()`. */
  hold(): void {
    if (this.held) return;
    let release!: () => void;
    const promise = new Promise<void>((resolve) => (release = resolve));
    this.held = { promise, release };
  }

  /** Lets every held call go on, in the order they were made; later calls are not held. */
  release(): void {
    this.held?.release();
    this.held = null;
  }

  override async load(...args: Parameters<SimulatedPlatform['load']>) {
    this.loads++;
    await this.gate(args[0]);
    return super.load(...args);
  }
  override async createNumber(...args: Parameters<SimulatedPlatform['createNumber']>) {
    await this.change(args[1]);
    return super.createNumber(...args);
  }
  override async updateNumber(...args: Parameters<SimulatedPlatform['updateNumber']>) {
    await this.change(args[1]);
    return super.updateNumber(...args);
  }
  override async deleteNumber(...args: Parameters<SimulatedPlatform['deleteNumber']>) {
    await this.change(args[1]);
    return super.deleteNumber(...args);
  }
  override async updateStatus(...args: Parameters<SimulatedPlatform['updateStatus']>) {
    await this.change(args[1]);
    return super.updateStatus(...args);
  }
  override async setActiveStatus(...args: Parameters<SimulatedPlatform['setActiveStatus']>) {
    await this.change(args[1]);
    return super.setActiveStatus(...args);
  }
  override async placeCall(...args: Parameters<SimulatedPlatform['placeCall']>) {
    this.calls++;
    await this.gate(args[2]);
    return super.placeCall(...args);
  }

  private change(options: { readonly signal?: AbortSignal } | undefined): Promise<void> {
    this.changes++;
    return this.gate(options);
  }

  /** Waits while held; an aborted call stops waiting at once, as it would on a network. */
  private async gate(options: { readonly signal?: AbortSignal } | undefined): Promise<void> {
    const held = this.held;
    if (!held) return;
    const signal = options?.signal;
    signal?.throwIfAborted();
    this.waiting++;
    try {
      await new Promise<void>((resolve, reject) => {
        const onAbort = () => reject(signal?.reason);
        signal?.addEventListener('abort', onAbort, { once: true });
        void held.promise.then(() => {
          signal?.removeEventListener('abort', onAbort);
          resolve();
        });
      });
    } finally {
      this.waiting--;
    }
  }
}

/** A simulated platform on a database of its own whose answers the test can hold (`HeldPlatform`). */
export function heldPlatform(options: SimulatedPlatformOptions = {}): HeldPlatform {
  return new HeldPlatform({ databaseName: uniqueDatabase('platform'), ...QUIET, ...options });
}

/**
 * Resolves when an `<img src=x>` made now has failed to load. An image made earlier from markup
 * (had a label been parsed as HTML) asked for the same URL before it, so its `onerror` has run by
 * then: the event after which a leak would have shown, not a length of time.
 */
export function afterAnImageOfXFails(): Promise<void> {
  return new Promise((resolve) => {
    const probe = new Image();
    probe.onerror = probe.onload = () => resolve();
    probe.src = 'x';
  });
}

/**
 * Resolves once everything posted so far on the BroadcastChannel `name` (by `sender`, or by anyone)
 * has been heard by every channel of that name in this page, their handlers included. Channels
 * deliver in order, so a marker posted now is heard after all of it; one task more, and the
 * handlers that heard the earlier messages have run.
 */
export async function channelDelivered(name: string, sender?: BroadcastChannel): Promise<void> {
  const from = sender ?? new BroadcastChannel(name);
  const probe = new BroadcastChannel(name);
  const mark = newId();
  try {
    await new Promise<void>((resolve) => {
      probe.onmessage = (event: MessageEvent<unknown>) => {
        if ((event.data as { mark?: unknown } | null)?.mark === mark) resolve();
      };
      from.postMessage({ mark });
    });
    await new Promise((resolve) => setTimeout(resolve));
  } finally {
    probe.close();
    if (from !== sender) from.close();
  }
}

/** Disposes every Store made here and deletes every database; call from `afterEach`. */
export async function cleanUp(): Promise<void> {
  for (const store of stores) store.dispose();
  stores.clear();
  await Promise.all([...databases].map(deleteDatabase));
  databases.clear();
}

/**
 * Writes `value` under `key` straight into a database as idb-keyval lays it out (one object store,
 * out-of-line keys), bypassing the code under test, and closes the connection: an open one would
 * leave `cleanUp()`'s deletion of the database waiting for good.
 */
export function putRaw(databaseName: string, storeName: string, key: IDBValidKey, value: unknown): Promise<void> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(databaseName);
    request.onupgradeneeded = () => request.result.createObjectStore(storeName);
    request.onerror = () => reject(request.error ?? new Error(`could not open ${databaseName}`));
    request.onsuccess = () => {
      const db = request.result;
      const transaction = db.transaction(storeName, 'readwrite');
      transaction.objectStore(storeName).put(value, key);
      transaction.oncomplete = () => {
        db.close();
        resolve();
      };
      transaction.onerror = transaction.onabort = () => {
        db.close();
        reject(transaction.error ?? new Error(`could not write to ${databaseName}`));
      };
    };
  });
}

function deleteDatabase(name: string): Promise<void> {
  return new Promise((resolve) => {
    const request = indexedDB.deleteDatabase(name);
    request.onsuccess = request.onerror = request.onblocked = () => resolve();
  });
}

/** Replaces `window.indexedDB` while `body` runs, to see how the code copes without it (SYNC-8). */
export async function withIndexedDb<T>(replacement: unknown, body: () => Promise<T>): Promise<T> {
  const original = Object.getOwnPropertyDescriptor(window, 'indexedDB');
  Object.defineProperty(window, 'indexedDB', { value: replacement, configurable: true, writable: true });
  try {
    return await body();
  } finally {
    if (original) Object.defineProperty(window, 'indexedDB', original);
    else delete (window as { indexedDB?: unknown }).indexedDB;
  }
}

/**
 * An administrator changes the simulated platform's account where no change feed tells anyone:
 * the simulator has no admin action for every change, so it is made where the simulator keeps the
 * account, as its own admin actions make theirs. A Store that loaded before still offers what was
 * there, so its check passes and the platform's refuses.
 */
export async function adminChangesQuietly(databaseName: string, change: (snapshot: Snapshot) => Snapshot): Promise<void> {
  await new AccountStorage(databaseName, DEFAULT_USER, true).update((account) => account && adminChange(account, change));
}

/** The administrator removes a dynamic status, quietly (see `adminChangesQuietly`). */
export function adminRemovesStatus(databaseName: string, statusId: string): Promise<void> {
  return adminChangesQuietly(databaseName, (s) => ({ ...s, statuses: s.statuses.filter((x) => x.id !== statusId) }));
}

/** The `PlatformError` `promise` rejects with; fails the test if it resolves or rejects otherwise. */
export async function platformFailure(promise: Promise<unknown>): Promise<PlatformError> {
  try {
    await promise;
  } catch (error) {
    if (isPlatformError(error)) return error;
    throw error;
  }
  throw new Error('expected a PlatformError');
}
