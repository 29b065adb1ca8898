/**
 * SYNC-8: the one way this project touches IndexedDB (the Store's cache and the simulated
 * platform's accounts). It opens the database on first use; closes its connection when another
 * tab deletes or upgrades the database, and opens a new one at the next call; tries a call once
 * more on a closed connection; and gives IndexedDB up, saying so once, when it is missing,
 * blocked, over quota or failing. Callers then carry on in memory.
 */
import type { UseStore } from 'idb-keyval';

export type Attempt<T> = { readonly ok: true; readonly value: T } | { readonly ok: false };

/** A call that has not settled by then is taken as blocked (another tab holding the database). */
const BLOCKED_AFTER_MS = 5000;

/** Said once per page, whichever store gives up first. */
let warned = false;

export class IndexedDbStore {
  private store: UseStore | null = null;
  private gaveUp = false;

  constructor(
    private readonly databaseName: string,
    private readonly storeName: string,
    /** Who is speaking in the one warning, e.g. "Remote Extension cache". */
    private readonly label: string,
  ) {}

  /** True once IndexedDB has been given up on for the rest of the page's life. */
  get inMemory(): boolean {
    return this.gaveUp;
  }

  async run<T>(operation: (store: UseStore) => Promise<T>): Promise<Attempt<T>> {
    for (let attempt = 0; attempt < 2 && !this.gaveUp; attempt++) {
      try {
        return { ok: true, value: await settleWithin(operation(this.open()), BLOCKED_AFTER_MS) };
      } catch (error) {
        this.store = null;
        // A connection closed under us (the database deleted or upgraded elsewhere): reopen once.
        if (attempt === 0 && closedConnection(error)) continue;
        this.giveUp(error);
      }
    }
    return { ok: false };
  }

  private open(): UseStore {
    if (this.store) return this.store;
    // idb-keyval's `createStore`, but opening the connection ourselves: its handlers are set the
    // moment it opens, with no transaction of their own to reach it (which cost a round trip
    // before the first call's own). Another tab deleting or upgrading the database asks this
    // connection to close: it does, so as not to block that tab, and the next call opens a new
    // connection. A connection the browser closes (Safari does) is forgotten the same way.
    const { databaseName, storeName } = this;
    const request = indexedDB.open(databaseName);
    request.onupgradeneeded = () => request.result.createObjectStore(storeName);
    const forget = () => {
      if (this.store === store) this.store = null;
    };
    const db = new Promise<IDBDatabase>((resolve, reject) => {
      request.onsuccess = () => {
        const connection = request.result;
        connection.onversionchange = () => {
          connection.close();
          forget();
        };
        connection.onclose = forget;
        resolve(connection);
      };
      request.onerror = () => {
        forget();
        reject(request.error ?? new DOMException('IndexedDB could not be opened.', 'UnknownError'));
      };
    });
    const store: UseStore = (mode, callback) => db.then((connection) => callback(connection.transaction(storeName, mode).objectStore(storeName)));
    this.store = store;
    return store;
  }

  private giveUp(error: unknown): void {
    this.gaveUp = true;
    this.store = null;
    if (warned) return;
    warned = true;
    console.warn(`${this.label}: IndexedDB is not usable here; keeping data in memory for this page.`, error);
  }
}

function closedConnection(error: unknown): boolean {
  return error instanceof DOMException && (error.name === 'InvalidStateError' || error.name === 'TransactionInactiveError');
}

/** `promise`, or a `TimeoutError` if it has not settled within `ms`. */
function settleWithin<T>(promise: Promise<T>, ms: number): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new DOMException('IndexedDB did not answer.', 'TimeoutError')), ms);
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error);
      },
    );
  });
}
