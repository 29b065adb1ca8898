/**
 * SYNC-2: the last snapshot the platform sent, kept in IndexedDB so the next page load paints at
 * once. One database of the project's own name; one entry per platform and user; a schema
 * version in every entry; everything read is validated and anything invalid is deleted.
 * SYNC-8: if IndexedDB is missing or fails, the cache turns itself off and the Store goes on.
 */
import { createStore, del, get, set, type UseStore } from 'idb-keyval';
import * as v from 'valibot';
import { SnapshotSchema, type Snapshot } from '../model/index.js';
import type { PlatformScope } from '../platform/index.js';

export const CACHE_DATABASE = 'remote-extension-cache';
export const CACHE_SCHEMA_VERSION = 1;

const EntrySchema = v.object({
  schemaVersion: v.literal(CACHE_SCHEMA_VERSION),
  savedAt: v.number(),
  snapshot: SnapshotSchema,
});

export function cacheKey(scope: PlatformScope): string {
  // JSON keeps the two parts apart whatever characters a platform name or user id contains.
  return JSON.stringify([scope.platform, scope.user]);
}

export class SnapshotCache {
  private store: UseStore | null;

  constructor(databaseName: string = CACHE_DATABASE) {
    this.store = openStore(databaseName);
  }

  /** False once IndexedDB has been found missing or failing; the cache is then a no-op. */
  get available(): boolean {
    return this.store !== null;
  }

  /** The cached snapshot for this platform and user, if there is a valid one. */
  async read(scope: PlatformScope): Promise<Snapshot | undefined> {
    const key = cacheKey(scope);
    const entry = await this.attempt((store) => get<unknown>(key, store));
    if (entry === undefined) return undefined;
    const parsed = v.safeParse(EntrySchema, entry);
    if (parsed.success) return parsed.output.snapshot;
    // Garbage, an older schema, or another program's data: drop it rather than trust it.
    await this.attempt((store) => del(key, store));
    return undefined;
  }

  async write(scope: PlatformScope, snapshot: Snapshot): Promise<void> {
    const entry: v.InferOutput<typeof EntrySchema> = { schemaVersion: CACHE_SCHEMA_VERSION, savedAt: Date.now(), snapshot };
    await this.attempt((store) => set(cacheKey(scope), entry, store));
  }

  async remove(scope: PlatformScope): Promise<void> {
    await this.attempt((store) => del(cacheKey(scope), store));
  }

  private async attempt<T>(operation: (store: UseStore) => Promise<T>): Promise<T | undefined> {
    if (!this.store) return undefined;
    try {
      return await operation(this.store);
    } catch (error) {
      console.warn('Remote Extension: the IndexedDB cache failed; working without it.', error);
      this.store = null;
      return undefined;
    }
  }
}

function openStore(databaseName: string): UseStore | null {
  try {
    return createStore(databaseName, 'snapshots');
  } catch {
    return null;
  }
}
