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

export function simulatedPlatform(options: SimulatedPlatformOptions = {}): SimulatedPlatform {
  return new SimulatedPlatform({ databaseName: uniqueDatabase('platform'), ...options });
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

/** Disposes every Store made here and deletes every database; call from `afterEach`. */
export async function cleanUp(): Promise<void> {
  for (const store of stores) store.dispose();
  stores.clear();
  await Promise.all([...databases].map(deleteDatabase));
  databases.clear();
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
