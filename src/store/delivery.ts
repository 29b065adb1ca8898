/**
 * Getting changes to the platform (SYNC-3, SYNC-4): one at a time, in the order they were made;
 * each written to the outbox before it is sent and taken out when the platform answers yes or
 * refuses it by the rules; sent again while the platform cannot be reached or says "not now";
 * checked against the platform's settings afresh when it says the change was based on old ones;
 * and what an earlier Store left in the outbox sent by one tab at a time. What a change means for
 * the state is the Store's business, not this.
 */
import type { Command, Problem, Snapshot } from '../model/index.js';
import { sendCommand, type PlatformClient } from '../platform/client.js';
import { PlatformError } from '../platform/errors.js';
import { asPlatformError, valid } from './answers.js';
import type { Outbox } from './outbox.js';
import { cacheKey } from './snapshot-cache.js';

/**
 * Waits between attempts to send a change, in ms: `first` doubling up to `cap`, each a random part
 * of that, unless the platform said how long (`Retry-After`).
 */
export interface RetryPause {
  readonly first: number;
  readonly cap: number;
}

export const DEFAULT_RETRY_PAUSE: RetryPause = { first: 1000, cap: 30_000 };

/** The longest `Retry-After` waited for; a longer one (or a hostile one) is cut to this. */
const RETRY_AFTER_CEILING_MS = 5 * 60_000;

/** What `Delivery` needs of the Store to judge a change again. */
export interface Judge {
  /** Why the rules refuse `command` now, after the changes made before it, or null when they allow it. */
  refusal(command: Command): Problem | null;
  /** `command` was taken out of the outbox unsent, for `problem`. */
  dropped(problem: Problem): void;
}

/** What the Store offers `Delivery` while it sends. */
export interface Sender extends Judge {
  /** Loads the platform's settings and takes them as they are, even if older; whether it could. */
  reload(): Promise<boolean>;
  /**
   * Whether changes now wait to be sent again (the platform could not be reached or said "not
   * now"), or the platform answered again.
   */
  waiting(waiting: boolean): void;
}

/** What `Delivery.resume` needs of the Store to send what an earlier one left behind. */
export interface Resumer extends Judge {
  /** The ids of the commands already pending here, which this Store sends anyway. */
  pendingIds(): ReadonlySet<string>;
  /** Shows and sends `command`; settles once it is answered, however. */
  send(command: Command): Promise<void>;
}

export class Delivery {
  /** Commands go to the platform one at a time, in the order the user made them. */
  #queue: Promise<unknown> = Promise.resolve();
  /** The ids of waiting changes the user discarded: each is dropped at its turn, unsent. */
  readonly #discarded = new Set<string>();
  /** Ends the pause before the next attempt early (a discard should not wait out a 30 s pause). */
  #wake: (() => void) | null = null;

  constructor(
    private readonly client: PlatformClient,
    /** Without one, a change the platform cannot be reached for is rolled back, not kept. */
    private readonly outbox: Outbox | null,
    /** The Store's lifetime: once it ends, nothing is sent again and the outbox is left as it is. */
    private readonly signal: AbortSignal,
    private readonly store: Sender,
    private readonly pause: RetryPause = DEFAULT_RETRY_PAUSE,
  ) {}

  /** Writes `command` down before it is sent, so a reload or a closed tab cannot lose it (SYNC-4). */
  writeDown(command: Command): Promise<void> {
    return this.outbox?.add(this.client.scope, command) ?? Promise.resolve();
  }

  /** Sends `command`, once `written`, after those before it; resolves with the platform's answer. */
  send(command: Command, written: Promise<void>): Promise<Snapshot> {
    const sent = this.#queue.then(() => written).then(() => this.#deliver(command));
    this.#queue = sent.catch(() => undefined);
    return sent;
  }

  /** Settles when everything sent so far has been answered or given up. */
  settled(): Promise<unknown> {
    return this.#queue;
  }

  /**
   * Drops the changes with these ids that have not been sent yet: out of the outbox, and never
   * sent. One already on its way cannot be called back; it is answered as usual.
   */
  discard(ids: Iterable<string>): void {
    for (const id of ids) this.#discarded.add(id);
    this.#wake?.();
  }

  /** Empties this user's outbox (sign-out, SYNC-7). */
  async clear(): Promise<void> {
    await this.outbox?.clear(this.client.scope);
  }

  /**
   * Sends what an earlier Store of this platform and user left in the outbox, in order. What the
   * rules no longer allow is dropped, with its reason. One tab at a time does this (Web Locks where
   * the browser has them; idempotency keys make a second sender harmless where it has not).
   */
  async resume(store: Resumer): Promise<void> {
    const outbox = this.outbox;
    if (!outbox) return;
    await withLock(`remote-extension-outbox:${cacheKey(this.client.scope)}`, async () => {
      const waiting = await outbox.list(this.client.scope);
      const mine = store.pendingIds();
      for (const command of waiting) {
        if (mine.has(command.id) || this.signal.aborted) continue;
        const problem = store.refusal(command);
        if (problem) {
          await outbox.remove(this.client.scope, command.id);
          store.dropped(problem);
          continue;
        }
        await store.send(command);
      }
    });
  }

  /**
   * Sends until the platform answers. Only a refusal by the rules ends it there (SYNC-3): while the
   * platform cannot be reached or says "not now" (`PlatformError.retryable`) and there is an
   * outbox, the change waits there and is sent again, with the same idempotency key, when the
   * browser is back online or after a pause. A change based on settings the platform has since
   * changed (`version-stale`, e.g. after the platform went back to older data) is judged again
   * on its settings, then sent again or dropped with its reason.
   */
  async #deliver(command: Command): Promise<Snapshot> {
    for (let attempt = 0; ; attempt++) {
      if (this.#discarded.delete(command.id)) {
        await this.outbox?.remove(this.client.scope, command.id);
        throw new PlatformError('discarded', 'The change was discarded before it was sent.');
      }
      try {
        const snapshot = valid(await sendCommand(this.client, command, { signal: this.signal }));
        await this.outbox?.remove(this.client.scope, command.id);
        this.store.waiting(false);
        return snapshot;
      } catch (error) {
        const failure = asPlatformError(error);
        // An abandoned Store (a closed tab) leaves the change for the next one to send.
        if (this.signal.aborted) throw failure;
        if (!failure.retryable || this.outbox === null) {
          await this.outbox?.remove(this.client.scope, command.id);
          this.store.waiting(false);
          throw failure;
        }
        if (failure.stale && (await this.store.reload())) {
          const problem = this.store.refusal(command);
          if (problem) {
            await this.outbox.remove(this.client.scope, command.id);
            this.store.dropped(problem);
            throw PlatformError.refused(problem);
          }
          // Judged on fresh settings, it goes at once the first time; a platform that keeps
          // changing under it gets the pauses.
          if (attempt === 0) continue;
        }
        this.store.waiting(true);
        await waitToRetry(this.pause, attempt, failure.retryAfterMs, this.signal, (wake) => (this.#wake = wake));
        this.#wake = null;
      }
    }
  }
}

/**
 * Resolves at the browser's `online` event, after the attempt's pause (what the platform asked
 * for, or a jittered one that doubles), or when woken through `wakeWith`, whichever is first.
 */
function waitToRetry(
  pause: RetryPause,
  attempt: number,
  asked: number | null,
  signal: AbortSignal,
  wakeWith: (wake: () => void) => void,
): Promise<void> {
  const ceiling = Math.min(pause.cap, pause.first * 2 ** attempt);
  const wait = asked === null ? ceiling / 2 + Math.random() * (ceiling / 2) : Math.min(asked, RETRY_AFTER_CEILING_MS);
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      window.removeEventListener('online', done);
      signal.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, wait);
    wakeWith(done);
    window.addEventListener('online', done);
    signal.addEventListener('abort', done);
  });
}

/** Runs `task` holding the named Web Lock, or at once where the browser has no Web Locks. */
function withLock(name: string, task: () => Promise<void>): Promise<void> {
  return typeof navigator !== 'undefined' && navigator.locks ? navigator.locks.request(name, task) : task();
}
