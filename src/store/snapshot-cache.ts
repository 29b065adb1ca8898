/**
 * SYNC-2: the last snapshot the platform sent, kept in IndexedDB so the next page load paints at
 * once. One database of the project's own name; one entry per platform and user; a schema
 * version in every entry; everything read is validated and anything invalid is deleted.
 * SYNC-8: IndexedDB goes through `IndexedDbStore`; when that gives up, the cache is a no-op and
 * the Store goes on.
 */
import { del, get, set } from 'idb-keyval';
import * as v from 'valibot';
import { SnapshotSchema, type Snapshot } from '../model/index.js';
import type { PlatformScope } from '../platform/client.js';
import { IndexedDbStore } from '../storage/indexed-db.js';

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
  readonly #db: IndexedDbStore;

  constructor(databaseName: string = CACHE_DATABASE) {
    this.#db = new IndexedDbStore(databaseName, 'snapshots', 'Remote Extension cache');
  }

  /** False once IndexedDB has been given up on; the cache is then a no-op. */
  get available(): boolean {
    return !this.#db.inMemory;
  }

  /** The cached snapshot for this platform and user, if there is a valid one. */
  async read(scope: PlatformScope): Promise<Snapshot | undefined> {
    const key = cacheKey(scope);
    const entry = await this.#db.run((store) => get<unknown>(key, store));
    if (!entry.ok || entry.value === undefined) return undefined;
    const parsed = v.safeParse(EntrySchema, entry.value);
    if (parsed.success) return parsed.output.snapshot;
    // Garbage, an older schema, or another program's data: drop it rather than trust it.
    await this.#db.run((store) => del(key, store));
    return undefined;
  }

  async write(scope: PlatformScope, snapshot: Snapshot): Promise<void> {
    const entry: v.InferOutput<typeof EntrySchema> = { schemaVersion: CACHE_SCHEMA_VERSION, savedAt: Date.now(), snapshot };
    await this.#db.run((store) => set(cacheKey(scope), entry, store));
  }

  async remove(scope: PlatformScope): Promise<void> {
    await this.#db.run((store) => del(cacheKey(scope), store));
  }
}
