/**
 * SYNC-2: keeps the cache's entry at the Store's newest snapshot. Snapshots can come faster than
 * IndexedDB writes them (an answer and the feed's echo of it, a burst from another tab), so writes
 * go one at a time and a snapshot superseded while it waited is never written.
 */
import type { Snapshot } from '../model/index.js';
import type { PlatformScope } from '../platform/client.js';
import type { SnapshotCache } from './snapshot-cache.js';

export class CacheWriter {
  #latest: Snapshot | null = null;
  #running = false;

  constructor(
    private readonly cache: SnapshotCache,
    private readonly scope: PlatformScope,
    /** Called after every write: it may be the one after which the cache gave IndexedDB up (SYNC-8). */
    private readonly afterWrite: () => void,
  ) {}

  /** Writes `snapshot` once the write under way, if any, is done, unless a newer one comes first. */
  save(snapshot: Snapshot): void {
    this.#latest = snapshot;
    if (this.#running) return;
    this.#running = true;
    void this.#writeLatest();
  }

  /** Forgets the snapshot waiting to be written, so that none is written after a sign-out. */
  cancel(): void {
    this.#latest = null;
  }

  async #writeLatest(): Promise<void> {
    while (this.#latest) {
      const next = this.#latest;
      this.#latest = null;
      await this.cache.write(this.scope, next);
      this.afterWrite();
    }
    this.#running = false;
  }
}
