/**
 * SYNC-4: every change is written here, with its idempotency key, before it is sent, and removed
 * only when the platform has answered. So a change made while the platform cannot be reached
 * survives a reload or a closed tab, and the next Store of the same platform and user sends it.
 * One list per platform and user, oldest first; read back through the model's schema.
 */
import { update, get } from 'idb-keyval';
import * as v from 'valibot';
import { CommandSchema, type Command } from '../model/index.js';
import type { PlatformScope } from '../platform/client.js';
import { IndexedDbStore } from '../storage/indexed-db.js';
import { cacheKey } from './snapshot-cache.js';

export const OUTBOX_DATABASE = 'remote-extension-outbox';

export class Outbox {
  readonly #db: IndexedDbStore;
  /** Where the lists live once IndexedDB has been given up on (they then last as long as the page). */
  readonly #memory = new Map<string, readonly Command[]>();

  constructor(databaseName: string = OUTBOX_DATABASE) {
    this.#db = new IndexedDbStore(databaseName, 'commands', 'Remote Extension outbox');
  }

  async list(scope: PlatformScope): Promise<readonly Command[]> {
    const key = cacheKey(scope);
    const stored = await this.#db.run((store) => get<unknown>(key, store));
    return stored.ok ? commands(stored.value) : (this.#memory.get(key) ?? []);
  }

  add(scope: PlatformScope, command: Command): Promise<void> {
    return this.#change(scope, (list) => (list.some((c) => c.id === command.id) ? list : [...list, command]));
  }

  remove(scope: PlatformScope, commandId: string): Promise<void> {
    return this.#change(scope, (list) => list.filter((c) => c.id !== commandId));
  }

  clear(scope: PlatformScope): Promise<void> {
    return this.#change(scope, () => []);
  }

  async #change(scope: PlatformScope, next: (list: readonly Command[]) => readonly Command[]): Promise<void> {
    const key = cacheKey(scope);
    const written = await this.#db.run((store) => update<unknown>(key, (stored) => next(commands(stored)), store));
    if (!written.ok) this.#memory.set(key, next(this.#memory.get(key) ?? []));
  }
}

/** What was stored, as commands; anything else (garbage, an older format) is left out. */
function commands(stored: unknown): readonly Command[] {
  if (!Array.isArray(stored)) return [];
  return stored.flatMap((entry) => {
    const parsed = v.safeParse(CommandSchema, entry);
    return parsed.success ? [parsed.output] : [];
  });
}
