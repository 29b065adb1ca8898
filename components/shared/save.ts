import type { ReactiveControllerHost } from 'lit';
import type { LiveRegion } from './live-region.js';
import { localeOf } from './locale.js';
import { failureReason, sharedStrings } from './strings.js';

export interface SaveWords<T> {
  /** Said when the save starts; "Saving…" unless given (an empty string says nothing). */
  readonly saving?: string;
  /** Said when the platform has said yes. */
  readonly saved?: (result: T) => string;
}

/**
 * One kind of save an element runs (a status, a number, a call): whether it is under way, why the
 * last one was refused, and what the live region says at each step (SYNC-3). The host renders
 * `pending` and `error`; a new save clears the error.
 */
export class SaveController {
  /** How many of these saves wait for the platform's answer. */
  #running = 0;
  /** Why the last save was refused or failed, in the host's language; empty when it was not. */
  error = '';

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly live: LiveRegion,
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
   * Runs `save`, announcing as it goes. Resolves with its result, or with `undefined` once the
   * refusal is shown and said: the caller never has to catch.
   */
  async run<T>(save: () => Promise<T>, words: SaveWords<T> = {}): Promise<{ readonly value: T } | undefined> {
    const locale = localeOf(this.host);
    this.#running++;
    this.error = '';
    this.live.say(words.saving ?? sharedStrings[locale].saving);
    this.host.requestUpdate();
    try {
      const value = await save();
      if (words.saved) this.live.say(words.saved(value));
      return { value };
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
