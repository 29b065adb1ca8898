/**
 * Where the simulated platform keeps each user's account between reloads: IndexedDB when it
 * works, otherwise memory (SYNC-8 holds for the simulator too). Updates run inside one IndexedDB
 * transaction, so two tabs changing the same account cannot lose each other's change.
 */
import { del, get, set, update, type UseStore } from 'idb-keyval';
import { IndexedDbStore } from '../../storage/indexed-db.js';
import { parseAccount, type Account } from '../account.js';

/** Memory copies shared by every simulator on the page, so two providers of one user agree. */
const memory = new Map<string, Account>();

export class AccountStorage {
  private readonly idb: IndexedDbStore | null;

  constructor(
    private readonly databaseName: string,
    private readonly user: string,
    useIndexedDb: boolean,
  ) {
    this.idb = useIndexedDb ? new IndexedDbStore(databaseName, 'accounts', 'Simulated platform') : null;
  }

  private get memoryKey(): string {
    return `${this.databaseName}\u0000${this.user}`;
  }

  /** The stored account, or undefined when there is none or it does not validate. */
  async read(): Promise<Account | undefined> {
    const stored = await this.withFallback(
      (store) => get<unknown>(this.user, store),
      () => memory.get(this.memoryKey),
    );
    const account = parseAccount(stored);
    if (account) memory.set(this.memoryKey, account);
    return account ?? undefined;
  }

  /**
   * Runs `change` on the stored account atomically and stores what it returns; returning
   * undefined leaves the account as it was.
   */
  async update(change: (account: Account | undefined) => Account | undefined): Promise<void> {
    // A change that throws (a refused admin change, say) is the caller's error, not a storage
    // failure: it must leave the account as it was and IndexedDB in use, then reach the caller.
    const refusals: unknown[] = [];
    const apply = (stored: unknown): Account | undefined => {
      try {
        return change(parseAccount(stored) ?? undefined);
      } catch (error) {
        refusals.push(error);
        return undefined;
      }
    };
    await this.withFallback(
      (store) =>
        update<unknown>(
          this.user,
          (stored) => {
            const next = apply(stored);
            if (next) memory.set(this.memoryKey, next);
            return next ?? stored;
          },
          store,
        ),
      () => {
        const next = apply(memory.get(this.memoryKey));
        if (next) memory.set(this.memoryKey, next);
      },
    );
    if (refusals.length > 0) throw refusals[0];
  }

  async replace(account: Account): Promise<void> {
    memory.set(this.memoryKey, account);
    await this.withFallback(
      (store) => set(this.user, account, store),
      () => undefined,
    );
  }

  async clear(): Promise<void> {
    memory.delete(this.memoryKey);
    await this.withFallback(
      (store) => del(this.user, store),
      () => undefined,
    );
  }

  /** Uses IndexedDB while it works (see `IndexedDbStore`), memory once it has been given up on. */
  private async withFallback<T>(idb: (store: UseStore) => Promise<T>, inMemory: () => T): Promise<T> {
    const attempt = this.idb ? await this.idb.run(idb) : { ok: false as const };
    return attempt.ok ? attempt.value : inMemory();
  }
}
