import type { ReactiveControllerHost } from 'lit';
import type { Store } from '../../src/store/index.js';
import type { LiveRegion } from './live-region.js';
import { inLocale, localeOf } from './locale.js';
import { failureReason, sharedStrings } from './strings.js';

export interface SaveWords<T> {
  /** Said when the save starts; "Saving…" unless given (an empty string says nothing). */
  readonly saving?: string;
  /** Said when the platform has said yes. */
  readonly saved?: (result: T) => string;
  /** What waits to be sent, when it does: "<what> will be sent when the connection is back." */
  readonly waiting?: string;
}

/** How a save ended: the platform's yes, or the change waits in the outbox to be sent (SYNC-4). */
export type SaveOutcome<T> = { readonly value: T; readonly waiting?: false } | { readonly waiting: true };

/**
 * One kind of save an element runs (a status, a number, a call): whether it is under way, why the
 * last one was refused, and what the live region says at each step (SYNC-3). The host renders
 * `pending` and `error`; a new save clears the error.
 *
 * Given the Store its changes go through (`waitsOn`), a save also ends when the change has to wait
 * to be sent: the host stops saying "Saving…" and moves on, the change shows as waiting where it
 * is listed, and a later refusal is the Store's to tell (`StoreState.dropped`).
 */
export class SaveController {
  /** How many of these saves wait for the platform's answer. */
  #running = 0;
  /** Why the last save was refused or failed, in the host's language; empty when it was not. */
  error = '';

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly live: LiveRegion,
    private readonly waitsOn?: () => Store | undefined,
  ) {}

  get pending(): boolean {
    return this.#running > 0;
  }

  /** Clears the refusal shown (the user moved on). */
  clear(): void {
    if (!this.error) return;
    this.error = '';
    this.host.requestUpdate();
  }

  /**
   * Runs `save`, announcing as it goes. Resolves with its result, with `{ waiting: true }` once the
   * change waits to be sent, or with `undefined` once the refusal is shown and said: the caller
   * never has to catch.
   */
  async run<T>(save: () => Promise<T>, words: SaveWords<T> = {}): Promise<SaveOutcome<T> | undefined> {
    const locale = localeOf(this.host);
    const shared = inLocale(sharedStrings, locale);
    this.#running++;
    this.error = '';
    this.live.say(words.saving ?? shared.saving);
    this.host.requestUpdate();
    try {
      const outcome = await savedOrWaiting(save(), this.waitsOn?.());
      if (outcome.waiting) this.live.say(words.waiting ?? shared.changeWaits);
      else if (words.saved) this.live.say(words.saved(outcome.value));
      return outcome;
    } catch (error) {
      this.error = failureReason(error, locale);
      this.live.say(this.error);
      return undefined;
    } finally {
      this.#running--;
      this.host.requestUpdate();
    }
  }
}

/**
 * How `saving` ends for its sender: the platform's yes (its value), or, as soon as `store` says
 * its change waits to be sent (SYNC-4), `waiting`; the answer then goes to the Store alone, which
 * says why if it is refused. Without a Store, the answer itself. Rejects with a refusal.
 */
export async function savedOrWaiting<T>(saving: Promise<T>, store: Store | undefined): Promise<SaveOutcome<T>> {
  if (!store) return { value: await saving };
  const stopWatching = new AbortController();
  try {
    return await Promise.race([
      saving.then((value) => ({ value })),
      store.whenWaiting(stopWatching.signal).then(() => {
        saving.catch(() => undefined); // nobody here waits for its answer any more
        return { waiting: true } as const;
      }),
    ]);
  } finally {
    stopWatching.abort();
  }
}
