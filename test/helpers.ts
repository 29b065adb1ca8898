/**
 * Test fixtures: a simulated platform and Store on databases of their own, removed after each
 * test, so tests never see each other's data.
 */
import { newId } from '../src/model/index.js';
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

/** Counts the platform calls a Store makes; the platform itself is the real simulator. */
export class CountingPlatform extends SimulatedPlatform {
  loads = 0;
  changes = 0;

  override load(...args: Parameters<SimulatedPlatform['load']>) {
    this.loads++;
    return super.load(...args);
  }

  override updateNumber(...args: Parameters<SimulatedPlatform['updateNumber']>) {
    this.changes++;
    return super.updateNumber(...args);
  }

  override createNumber(...args: Parameters<SimulatedPlatform['createNumber']>) {
    this.changes++;
    return super.createNumber(...args);
  }
}

/**
 * The real simulator, whose answers wait while a test holds them: a slow network whose length the
 * test decides, not the clock, so a pending state ("Saving…", a row gone before the platform says
 * no) is seen however slow or busy the machine is. Calls made while held go on after `release()`.
 */
export class HeldPlatform extends SimulatedPlatform {
  private held: { readonly promise: Promise<void>; readonly release: () => void } | null = null;
  /** How many calls are waiting for `release()` now. */
  waiting = 0;

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
    await this.gate(args[0]);
    return super.load(...args);
  }
  override async createNumber(...args: Parameters<SimulatedPlatform['createNumber']>) {
    await this.gate(args[1]);
    return super.createNumber(...args);
  }
  override async updateNumber(...args: Parameters<SimulatedPlatform['updateNumber']>) {
    await this.gate(args[1]);
    return super.updateNumber(...args);
  }
  override async deleteNumber(...args: Parameters<SimulatedPlatform['deleteNumber']>) {
    await this.gate(args[1]);
    return super.deleteNumber(...args);
  }
  override async updateStatus(...args: Parameters<SimulatedPlatform['updateStatus']>) {
    await this.gate(args[1]);
    return super.updateStatus(...args);
  }
  override async setActiveStatus(...args: Parameters<SimulatedPlatform['setActiveStatus']>) {
    await this.gate(args[1]);
    return super.setActiveStatus(...args);
  }
  override async placeCall(...args: Parameters<SimulatedPlatform['placeCall']>) {
    await this.gate(args[2]);
    return super.placeCall(...args);
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
