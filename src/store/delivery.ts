/**
 * Getting changes to the platform (SYNC-3, SYNC-4): one at a time, in the order they were made;
 * each written to the outbox before it is sent and taken out when the platform answers; sent again
 * while the platform cannot be reached; and what an earlier Store left in the outbox sent by one
 * tab at a time. What a change means for the state is the Store's business, not this.
 */
import type { Command, Problem, Snapshot } from '../model/index.js';
import { sendCommand, type PlatformClient } from '../platform/client.js';
import type { PlatformError } from '../platform/errors.js';
import { asPlatformError, valid } from './answers.js';
import type { Outbox } from './outbox.js';
import { cacheKey } from './snapshot-cache.js';

/** Waits between attempts to reach the platform: 1 s doubling to 30 s, each a random part of that. */
const RECONNECT_FIRST_MS = 1000;
const RECONNECT_CAP_MS = 30_000;

/** What `Delivery.resume` needs of the Store to send what an earlier one left behind. */
export interface Resumer {
  /** The ids of the commands already pending here, which this Store sends anyway. */
  pendingIds(): ReadonlySet<string>;
  /** Why the rules refuse `command` now, or null when they allow it. */
  refusal(command: Command): Problem | null;
  /** `command` was taken out of the outbox unsent, for `problem`. */
  dropped(problem: Problem): void;
  /** Shows and sends `command`; settles once it is answered, however. */
  send(command: Command): Promise<void>;
}

export class Delivery {
  /** Commands go to the platform one at a time, in the order the user made them. */
  #queue: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly client: PlatformClient,
    /** Without one, a change the platform cannot be reached for is rolled back, not kept. */
    private readonly outbox: Outbox | null,
    /** The Store's lifetime: once it ends, nothing is sent again and the outbox is left as it is. */
    private readonly signal: AbortSignal,
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
   * Sends until the platform answers. While it cannot be reached and there is an outbox, the change
   * waits there and is sent again when the browser is back online or after a growing, jittered
   * pause. Any answer, a yes or a no, takes it out of the outbox.
   */
  async #deliver(command: Command): Promise<Snapshot> {
    for (let attempt = 0; ; attempt++) {
      try {
        const snapshot = valid(await sendCommand(this.client, command, { signal: this.signal }));
        await this.outbox?.remove(this.client.scope, command.id);
        return snapshot;
      } catch (error) {
        const failure = asPlatformError(error);
        if (!waitsForNetwork(failure) || this.outbox === null || this.signal.aborted) {
          // An abandoned Store (a closed tab) leaves the change for the next one to send.
          if (!this.signal.aborted) await this.outbox?.remove(this.client.scope, command.id);
          throw failure;
        }
        await reconnected(attempt, this.signal);
      }
    }
  }
}

/**
 * Whether a change that failed so stays in the outbox to be sent again. Only when the platform
 * could not be reached at all: `PlatformError.retryable` also holds for `unavailable`, which is a
 * platform (or client) failing the change, a REST client's 408, 429 or 5xx after its own retries,
 * or a client throwing something unexpected; SYNC-4 rolls those back, as a refusal is.
 */
function waitsForNetwork(failure: PlatformError): boolean {
  return failure.code === 'offline';
}

/** Resolves at the browser's `online` event or after the attempt's pause, whichever is first. */
function reconnected(attempt: number, signal: AbortSignal): Promise<void> {
  const ceiling = Math.min(RECONNECT_CAP_MS, RECONNECT_FIRST_MS * 2 ** attempt);
  const pause = ceiling / 2 + Math.random() * (ceiling / 2);
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      window.removeEventListener('online', done);
      signal.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, pause);
    window.addEventListener('online', done);
    signal.addEventListener('abort', done);
  });
}

/** Runs `task` holding the named Web Lock, or at once where the browser has no Web Locks. */
function withLock(name: string, task: () => Promise<void>): Promise<void> {
  return typeof navigator !== 'undefined' && navigator.locks ? navigator.locks.request(name, task) : task();
}
